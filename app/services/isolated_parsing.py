"""Read and parse import files in a worker process that can be stopped at any moment.

Some files take seconds to read in one uninterruptible call: a PDF content stream pypdf parses
byte by byte, two megabytes of text through the recognisers. In a thread nothing can stop such
a call, so neither the user's Cancel nor the time limit would reach it. The worker process has
an address-space limit (POSIX) and each file a wall-clock limit; while the parent waits for an
answer it looks at the cancel flag twenty times a second, and on a cancel or a runaway file
it kills the worker (the next file starts a fresh one). One worker is reused between files.

Where no worker process can be started at all (a frozen build without multiprocessing, say),
files are parsed inside the app without those guarantees: the choice is made once, logged as
a warning with its reason, and reported by ``unguarded_reason``.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import cast

from app.domain.errors import N_, ImportRejected
from app.domain.model import ParsedDocument
from app.worker_process import (
    MEMORY_BYTES,
    Handler,
    Reply,
    WorkerCancelled,
    WorkerDied,
    WorkerProcess,
    WorkerTimedOut,
    WorkerUnavailable,
    run_guarded,
)

log = logging.getLogger(__name__)

FILE_SECONDS = 60.0  # a whole file; a PDF's own reading stops at its budget long before
WORKER_MEMORY_BYTES = MEMORY_BYTES

Documents = list[tuple[str, ParsedDocument]]


class ParseCancelled(Exception):  # noqa: N818 - a cancel is an outcome, not an error
    """The user cancelled while the file was being read; nothing of it was kept."""


def _follow_parent(language: str, locales: str) -> None:
    """Word refusals in the parent's language, from the same catalogs (tests move them)."""
    from app import i18n

    if str(i18n.locales_dir()) != locales:
        folder = Path(locales)
        i18n.locales_dir = lambda: folder
        i18n.reload_catalogs()
    if i18n.current_language() != language:
        i18n.set_language(language)


def _load_parser() -> Handler:
    """In the worker: the parsers, loaded before it says it is ready."""
    # The libraries' warnings about a damaged file ("EOF marker not found") must not reach
    # the user's terminal beside the app's own message; the parent logs each file's outcome.
    logging.getLogger().addHandler(logging.NullHandler())
    from app.importing import parse_file_documents, parse_pasted

    def parse(job: object) -> Reply:
        kind, payload, language, locales = cast(tuple[str, object, str, str], job)
        try:
            _follow_parent(language, locales)
            if kind == "file":
                return ("ok", parse_file_documents(Path(cast(str, payload))))
            text, source, html = cast(tuple[str, str, str | None], payload)
            return ("ok", parse_pasted(text, source, html=html))
        except ImportRejected as exc:
            return ("rejected", exc.template, exc.fields)  # translated where it is shown
        except MemoryError:
            return ("memory",)
        except Exception:  # a parser bug: the parent logs the traceback
            return ("error", traceback.format_exc())

    return parse


class ParseWorker(WorkerProcess):
    """One worker process, started on first use, restarted after a cancel or a runaway file."""

    def __init__(
        self, seconds: float = FILE_SECONDS, memory_bytes: int = WORKER_MEMORY_BYTES
    ) -> None:
        super().__init__("import", _load_parser, memory_bytes)
        self.seconds = seconds

    def parse(self, path: Path, cancel: threading.Event | None = None) -> Documents:
        """``parse_file_documents(path)`` in the worker: ImportRejected when the file is
        refused, too slow or too big; ParseCancelled as soon as ``cancel`` is set."""
        return self._run("file", str(path), path.name, cancel)

    def parse_pasted(
        self, text: str, source: str, html: str | None, cancel: threading.Event | None = None
    ) -> Documents:
        """``parse_pasted`` in the worker (two megabytes of pasted text take seconds too)."""
        return self._run("paste", (text, source, html), source, cancel)

    def parse_ahead(
        self, paths: Sequence[Path], cancel: threading.Event | None = None
    ) -> Generator[tuple[Path, Documents | Exception], None, None]:
        """Each file's documents (or the error that refused it), in order, the next file
        being read by the worker while the caller stores the one just read.

        The worker is held until the iterator is closed; a file still being read then is
        stopped with the worker. ParseCancelled as soon as ``cancel`` is set while waiting;
        WorkerUnavailable when no worker can start (before anything was yielded for the
        file it was to read)."""
        with self.held:
            in_flight = False
            unavailable: WorkerUnavailable | None = None  # met when sending the next file
            try:
                for index, path in enumerate(paths):
                    if not in_flight:
                        if cancel is not None and cancel.is_set():
                            raise ParseCancelled
                        if unavailable is not None:
                            raise unavailable
                        self._send(path)
                    in_flight = True
                    try:
                        outcome: Documents | Exception = self._answer(
                            self._receive(path.name, cancel), path.name
                        )
                    except (ImportRejected, RuntimeError) as exc:
                        outcome = exc
                    in_flight = False
                    following = index + 1 < len(paths)
                    if following and not (cancel is not None and cancel.is_set()):
                        try:  # read while the caller stores this one
                            self.send(self._job("file", str(paths[index + 1])))
                            in_flight = True
                        except WorkerDied:
                            pass  # sent again, to a fresh worker, when its turn comes
                        except WorkerUnavailable as exc:
                            unavailable = exc  # raised when its turn comes
                    yield path, outcome
            finally:
                if in_flight:  # the caller stopped early: nobody waits for that reply
                    self.stop()

    def _send(self, path: Path) -> None:
        try:
            self.send(self._job("file", str(path)))
        except WorkerDied:
            log.warning("the import worker died while reading %s", path.name)
            raise ImportRejected(path.name, _too_big()) from None

    def _run(
        self, kind: str, payload: object, source: str, cancel: threading.Event | None
    ) -> Documents:
        with self.held:
            if cancel is not None and cancel.is_set():
                raise ParseCancelled
            try:
                self.send(self._job(kind, payload))
            except WorkerDied:
                log.warning("the import worker died while reading %s", source)
                raise ImportRejected(source, _too_big()) from None
            return self._answer(self._receive(source, cancel), source)

    @staticmethod
    def _job(kind: str, payload: object) -> tuple[str, object, str, str]:
        from app import i18n

        return (kind, payload, i18n.current_language(), str(i18n.locales_dir()))

    def _receive(self, source: str, cancel: threading.Event | None) -> Reply:
        """The worker's reply for ``source``; its failures as ImportRejected or ParseCancelled."""
        try:
            return self.receive(self.seconds, cancel)
        except WorkerCancelled:
            raise ParseCancelled from None
        except WorkerTimedOut:
            log.info("reading %s stopped after %g s", source, self.seconds)
            raise ImportRejected(
                source,
                N_(
                    "Reading this file took longer than {seconds} seconds, far longer than a "
                    "UA document needs; it was stopped. Copy the UA's text from a PDF viewer "
                    "or the web page and import that."
                ),
                seconds=f"{self.seconds:g}",
            ) from None
        except WorkerDied:
            log.warning("the import worker died while reading %s", source)
            raise ImportRejected(source, _too_big()) from None

    def _answer(self, reply: Reply, source: str) -> Documents:
        if reply[0] == "ok":
            return cast(Documents, reply[1])
        if reply[0] == "rejected":
            template, fields = cast(tuple[str, dict[str, object]], reply[1:])
            raise ImportRejected(source, template, **fields)
        if reply[0] == "memory":
            self.stop()  # a fresh process for the next file, not a fragmented one
            raise ImportRejected(source, _too_big())
        log.error("parsing %s failed in the import worker:\n%s", source, reply[1])
        raise RuntimeError(f"parsing {source} failed in the import worker")


def _too_big() -> str:
    return N_(
        "Reading this file needs far more memory than a UA document; it was stopped as a "
        "possible PDF bomb. Copy the UA's text from a PDF viewer or the web page and import that."
    )


_worker = ParseWorker()
_unguarded: list[str] = []  # why files are parsed in process (set once, never cleared)
_UNGUARDED_WARNING = "import files are now read inside the app, without limits: %s"


def unguarded_reason() -> str | None:
    """Why files are parsed inside the app without time and memory limits (None: they are not)."""
    return _unguarded[0] if _unguarded else None


def parse_guarded(path: Path, cancel: threading.Event | None = None) -> Documents:
    """Every UA in the file at ``path``, read in the worker process (see the module's note)."""

    def here() -> Documents:
        from app.importing import parse_file_documents

        return parse_file_documents(path)

    return run_guarded(
        lambda: _worker.parse(path, cancel),
        here,
        _unguarded,
        log,
        _UNGUARDED_WARNING,
    )


def parse_pasted_guarded(
    text: str, source: str, html: str | None, cancel: threading.Event | None = None
) -> Documents:
    """Every UA in pasted text (or its HTML), read in the worker process like a file."""

    def here() -> Documents:
        from app.importing import parse_pasted

        return parse_pasted(text, source, html=html)

    return run_guarded(
        lambda: _worker.parse_pasted(text, source, html, cancel),
        here,
        _unguarded,
        log,
        _UNGUARDED_WARNING,
    )


def start_worker_early() -> None:
    """Start the worker process now, so that it loads the parsers while the caller does
    other work (the backup before a bulk import); the files' requests then find it ready."""
    if not _unguarded:
        _worker.start_early()


def parse_files_guarded(
    paths: Sequence[Path], cancel: threading.Event | None = None
) -> Generator[tuple[Path, Documents | Exception], None, None]:
    """Each file's documents, or the error that refused it (ImportRejected, or another
    exception for a parser bug, already logged by the worker), in order: read in the worker
    process, one file ahead of the caller (see ``ParseWorker.parse_ahead``). ParseCancelled
    once ``cancel`` is set while a file is read; close the iterator when stopping early."""
    done = 0
    if not _unguarded:
        try:
            for item in _worker.parse_ahead(paths, cancel):
                done += 1
                yield item
            return
        except WorkerUnavailable as exc:
            _unguarded.append(str(exc))
            log.warning(_UNGUARDED_WARNING, exc)
    from app.importing import parse_file_documents

    for path in paths[done:]:
        try:
            outcome: Documents | Exception = parse_file_documents(path)
        except Exception as exc:  # noqa: BLE001 - the caller words each refusal or bug
            outcome = exc
        yield path, outcome
