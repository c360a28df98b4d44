"""Consistent backups with SQLite's online backup API (a copy of the live file may be torn)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic_files import fsync_directory, replace_file_contents
from app.domain.errors import Phrase
from app.store.integrity import (
    NO_TABLES,
    connect_read_only,
    header_problem,
    schema_revision,
    table_counts,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

BACKUP_SUFFIX = ".sqlite3"
SIDECAR_SUFFIX = ".json"
_NAME = re.compile(r"^appeal-desk-(\d{8}T\d{12}Z)-([a-z-]+)\.sqlite3$")
_ROWS_BETWEEN_CHECKS = 2048
_PAGES_PER_STEP = 1024  # 4 MB at the default page size: a cancel is seen within a step

Stop = Callable[[], bool]


class BackupStopped(Exception):  # noqa: N818 - the caller asked for it; not an error
    """The caller's ``stop`` said so (the user cancelled); no backup file was left behind."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file as the user sees it in the list."""

    path: Path
    created: datetime
    reason: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    fingerprint: str = ""
    # Why the file cannot be restored (not SQLite, cut short): a Phrase the window shows in
    # the reader's language, or the system's own words; "" when the file is whole.
    problem: str = ""


def content_fingerprint(conn: sqlite3.Connection, stop: Stop | None = None) -> str:
    """A hash of every row of every table, read in one snapshot ("has anything changed?").

    It reads the whole store (seconds for a large one), so ``stop`` is asked every few
    thousand rows; BackupStopped when it says so."""
    digest = hashlib.blake2b(digest_size=16)
    in_tx = conn.in_transaction
    if not in_tx:
        conn.execute("BEGIN")
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for name in names:
            digest.update(name.encode())
            for number, row in enumerate(conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
                if stop is not None and not number % _ROWS_BETWEEN_CHECKS and stop():
                    raise BackupStopped
    finally:
        if not in_tx:
            conn.execute("COMMIT")
    return digest.hexdigest()


def is_empty(conn: sqlite3.Connection) -> bool:
    """True when no user table holds a row (a brand-new store needs no backup)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    return all(conn.execute(f'SELECT 1 FROM "{n}" LIMIT 1').fetchone() is None for n in names)


def _copy_pages(source: sqlite3.Connection, dest: sqlite3.Connection, stop: Stop | None) -> None:
    """Copy every page of ``source`` into ``dest`` from one snapshot.

    Without ``stop`` the copy is one step. With it the copy goes in steps (``stop`` is asked
    between them) inside one read transaction on ``source``: other connections' commits do
    not reach that snapshot, so the copy never starts over and stays consistent."""
    if stop is None:
        source.backup(dest)  # pages=-1: one step, consistent snapshot
        return

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop():
            raise BackupStopped

    in_tx = source.in_transaction
    if not in_tx:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # take the snapshot
    try:
        source.backup(dest, pages=_PAGES_PER_STEP, progress=progress)
    finally:
        if not in_tx:
            source.execute("COMMIT")


def backup_connection(
    source: sqlite3.Connection, backup_dir: Path, reason: str, stop: Stop | None = None
) -> Path:
    """Snapshot ``source`` into a new self-contained file in ``backup_dir`` (temp + rename)."""
    written = snapshot_unless_unchanged(source, backup_dir, reason, "", stop)
    assert written is not None  # no fingerprint equals ""
    return written


def snapshot_unless_unchanged(
    source: sqlite3.Connection,
    backup_dir: Path,
    reason: str,
    previous_fingerprint: str,
    stop: Stop | None = None,
) -> Path | None:
    """Like ``backup_connection``, but None (and no file left) when the snapshot's content
    equals ``previous_fingerprint``: the store is read once, for the copy and the check."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = backup_dir / f"appeal-desk-{stamp}-{reason}{BACKUP_SUFFIX}"
    tmp = final.with_name(f".{final.name}.tmp")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))  # private first
        with closing(sqlite3.connect(tmp, isolation_level=None)) as dest:
            _copy_pages(source, dest, stop)
            dest.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal to lose
            fingerprint = content_fingerprint(dest, stop)  # reads the copy back in full
        if fingerprint == previous_fingerprint:
            tmp.unlink()
            return None
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        sidecar = {
            "reason": reason,
            "created": datetime.now(UTC).isoformat(),
            "fingerprint": fingerprint,
            "counts": table_counts(tmp),
            "revision": schema_revision(tmp),
        }
        replace_file_contents(
            final.with_name(final.name + SIDECAR_SUFFIX), json.dumps(sidecar).encode("utf-8")
        )
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        final.with_name(final.name + SIDECAR_SUFFIX).unlink(missing_ok=True)
        raise
    fsync_directory(backup_dir)
    return final


def _sqlite3_connection(engine: Engine, driver_connection: object) -> sqlite3.Connection:
    """The ``sqlite3`` connection under a pooled connection of a SQLite engine."""
    if not isinstance(driver_connection, sqlite3.Connection):
        raise TypeError(f"{engine.dialect.name} store has no sqlite3 connection")
    return driver_connection


def backup_database(
    engine: Engine, backup_dir: Path, reason: str = "manual", stop: Stop | None = None
) -> Path | None:
    """Copy the live SQLite database into ``backup_dir``; None for non-SQLite stores."""
    if engine.dialect.name != "sqlite":
        return None
    raw = engine.raw_connection()
    try:
        return backup_connection(
            _sqlite3_connection(engine, raw.driver_connection), backup_dir, reason, stop
        )
    finally:
        raw.close()


def backup_database_if_changed(
    engine: Engine,
    backup_dir: Path,
    reason: str,
    previous_fingerprint: str,
    stop: Stop | None = None,
) -> Path | None:
    """``backup_database`` in one read of the store: None when the store is not SQLite or
    its content equals ``previous_fingerprint`` (then no file is left behind)."""
    if engine.dialect.name != "sqlite":
        return None
    raw = engine.raw_connection()
    try:
        source = _sqlite3_connection(engine, raw.driver_connection)
        return snapshot_unless_unchanged(source, backup_dir, reason, previous_fingerprint, stop)
    finally:
        raw.close()


def live_is_empty(engine: Engine) -> bool:
    """True when no user table of the live SQLite store holds a row."""
    raw = engine.raw_connection()
    try:
        return is_empty(_sqlite3_connection(engine, raw.driver_connection))
    finally:
        raw.close()


def backup_file(db_path: Path, backup_dir: Path, reason: str) -> Path:
    """Back up a database file that is not open in this process (read-only source)."""
    try:
        source = connect_read_only(db_path)
    except sqlite3.OperationalError:  # e.g. a WAL file in a folder where -shm cannot be made
        source = sqlite3.connect(db_path, isolation_level=None)
    with closing(source):
        return backup_connection(source, backup_dir, reason)


def read_backup(path: Path) -> BackupInfo | None:
    """Describe one backup file from its name and sidecar (None: not one of ours)."""
    match = _NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    meta: dict[str, object] = {}
    try:
        loaded = json.loads(path.with_name(path.name + SIDECAR_SUFFIX).read_text("utf-8"))
        meta = loaded if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        pass
    problem = header_problem(path)
    counts = meta.get("counts")
    if problem:
        counts = {}
    elif not isinstance(counts, dict):
        counts = table_counts(path)
        if not counts:  # no table could be read: not a database Appeal Desk made
            problem = Phrase(NO_TABLES)
    return BackupInfo(
        path=path,
        created=created,
        reason=match.group(2),
        size=path.stat().st_size,
        counts={str(k): int(v) for k, v in counts.items()},
        fingerprint=str(meta.get("fingerprint") or ""),
        problem=problem,
    )


def list_backup_files(backup_dir: Path) -> list[BackupInfo]:
    """All backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    found = (read_backup(p) for p in backup_dir.glob(f"appeal-desk-*{BACKUP_SUFFIX}"))
    return sorted((b for b in found if b is not None), key=lambda b: b.created, reverse=True)


def delete_backup(info: BackupInfo) -> None:
    info.path.unlink(missing_ok=True)
    info.path.with_name(info.path.name + SIDECAR_SUFFIX).unlink(missing_ok=True)
