"""Each imported document's original file, kept in the data folder, and found again to open it.

The original (the PDF, the saved page, the e-mail or mailbox, or the pasted text) is copied to
``originals/<content hash><suffix>`` beside the database, the way reply scans are kept in
``attachments/``. The content hash is the one the store keeps for the document, so no column
is needed: the case's documents name their originals. Keeping a copy never fails an import;
a copy that could not be written is logged.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path

from app.atomic_files import fsync_directory, replace_file_contents
from app.domain.model import ParsedDocument
from app.store import case_repository
from app.store.database import Database

log = logging.getLogger(__name__)
FOLDER = "originals"
MAX_BYTES = 60 * 1024 * 1024


def originals_dir(db: Database) -> Path | None:
    """``originals/`` beside a SQLite store (a server store keeps none)."""
    return db.path.parent / FOLDER if db.path is not None else None


def keep_original(
    db: Database, document: ParsedDocument, data: bytes, suffix: str, *, sync_folder: bool = True
) -> bool:
    """Keep ``data`` as the original of ``document`` (once; an existing copy stays). True when
    a copy was written; without ``sync_folder`` the caller then fsyncs the folder
    (``sync_originals``), once for a whole batch."""
    folder = originals_dir(db)
    if folder is None or len(data) > MAX_BYTES:
        return False
    suffix = suffix.lower() if suffix and len(suffix) <= 8 and suffix[1:].isalnum() else ".txt"
    target = folder / f"{case_repository.content_hash(document)}{suffix}"
    if target.exists():
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_file_contents(target, data, sync_folder=sync_folder)
    except OSError:
        log.exception("the original of %s could not be kept", target.name)
        return False
    return True


def keep_original_file(
    db: Database, document: ParsedDocument, path: Path, *, sync_folder: bool = True
) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        log.exception("the original %s could not be read again", path)
        return False
    return keep_original(db, document, data, path.suffix, sync_folder=sync_folder)


def sync_originals(db: Database) -> None:
    """Make the names of the copies kept without ``sync_folder`` durable (one fsync for all)."""
    folder = originals_dir(db)
    if folder is None:
        return
    try:
        fsync_directory(folder)
    except OSError:
        log.exception("the folder of the originals could not be synced")


class OriginalsWriter:
    """The originals of a bulk import, kept by a thread of its own: each copy is written and
    synced while the import stores the next file, the folder is synced once a second (a power
    cut may lose the names of the last second's copies, never a part of a copy under its name)
    and when ``close`` has written every copy handed over."""

    SYNC_SECONDS = 1.0
    QUEUED = 32  # copies waiting to be written at most (their texts are in memory)

    def __init__(self, db: Database) -> None:
        self._db = db
        self._queue: queue.Queue[tuple[ParsedDocument, Path] | None] = queue.Queue(self.QUEUED)
        self._thread = threading.Thread(target=self._write_all, name="originals", daemon=True)
        self._thread.start()

    def keep(self, document: ParsedDocument, path: Path) -> None:
        """Keep ``path`` as the original of ``document`` (soon; ``close`` waits for it)."""
        self._queue.put((document, path))

    def close(self) -> None:
        """Wait until every copy handed over is written and its name synced."""
        self._queue.put(None)
        self._thread.join()

    def _write_all(self) -> None:
        unsynced = False  # a copy whose name is not yet durable
        synced = time.monotonic()
        while (job := self._queue.get()) is not None:
            try:
                copied = keep_original_file(self._db, *job, sync_folder=False)
            except Exception:  # a bug here must not stop the copies nor hang the import
                log.exception("the original %s could not be kept", job[1])
                copied = False
            unsynced = unsynced or copied
            if unsynced and time.monotonic() - synced >= self.SYNC_SECONDS:
                sync_originals(self._db)
                unsynced, synced = False, time.monotonic()
        if unsynced:
            sync_originals(self._db)


def original_of(db: Database, ua_number: str) -> Path | None:
    """The kept original of the case's newest document that has one, or None."""
    folder = originals_dir(db)
    if folder is None or not folder.is_dir():
        return None
    with db.unit_of_work() as session:
        hashes = case_repository.output_hashes(session, ua_number)
    for digest in hashes:
        for candidate in sorted(folder.glob(f"{digest}.*")):
            if candidate.is_file():
                return candidate
    return None
