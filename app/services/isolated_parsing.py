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
import multiprocessing
import os
import signal
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import cast

from app.domain.errors import ImportRejected
from app.domain.model import ParsedDocument
from app.i18n import _

log = logging.getLogger(__name__)

FILE_SECONDS = 60.0  # a whole file; a PDF's own reading stops at its budget long before
WORKER_MEMORY_BYTES = 1024 * 1024 * 1024
START_TIMEOUT_SECONDS = 30.0
POLL_SECONDS = 0.05  # how often a wait looks at the cancel flag

Documents = list[tuple[str, ParsedDocument]]


class ParseCancelled(Exception):  # noqa: N818 - a cancel is an outcome, not an error
    """The user cancelled while the file was being read; nothing of it was kept."""


class WorkerUnavailable(RuntimeError):
    """No worker process could be started; the message says why."""


def _follow_parent(language: str, locales: str) -> None:
    """Word refusals in the parent's language, from the same catalogs (tests move them)."""
    from app import i18n

    if str(i18n.locales_dir()) != locales:
        folder = Path(locales)
        i18n.locales_dir = lambda: folder
        i18n.reload_catalogs()
    if i18n.current_language() != language:
        i18n.set_language(language)


def _serve(conn: Connection, memory_bytes: int = WORKER_MEMORY_BYTES) -> None:
    """Worker main loop: limit memory, then parse files until the pipe closes."""
    # Ctrl+C in a terminal reaches the whole process group: the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The libraries' warnings about a damaged file ("EOF marker not found") must not reach
    # the user's terminal beside the app's own message; the parent logs each file's outcome.
    logging.getLogger().addHandler(logging.NullHandler())
    if os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from app.importing import parse_file_documents, parse_pasted

    conn.send(("ready",))
    while True:
        try:
            kind, payload, language, locales = conn.recv()
        except EOFError:
            return
        try:
            _follow_parent(language, locales)
            if kind == "file":
                conn.send(("ok", parse_file_documents(Path(payload))))
            else:
                text, source, html = payload
                conn.send(("ok", parse_pasted(text, source, html=html)))
        except ImportRejected as exc:
            conn.send(("rejected", exc.reason))
        except MemoryError:
            conn.send(("memory",))
        except Exception:  # a parser bug: the parent logs the traceback
            conn.send(("error", traceback.format_exc()))


class ParseWorker:
    """One worker process, started on first use, restarted after a cancel or a runaway file."""

    def __init__(
        self, seconds: float = FILE_SECONDS, memory_bytes: int = WORKER_MEMORY_BYTES
    ) -> None:
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.memory_bytes), daemon=True, name="import"
        )
        try:
            process.start()
        except (OSError, RuntimeError) as exc:  # no way to start a process here
            raise WorkerUnavailable(f"the worker process cannot start ({exc})") from exc
        child.close()
        try:
            ready = parent.poll(START_TIMEOUT_SECONDS) and parent.recv() == ("ready",)
        except (EOFError, OSError):  # it died while starting (no memory for Python itself?)
            ready = False
        if not ready:
            process.kill()
            process.join()
            raise WorkerUnavailable(
                f"the worker process did not start within {START_TIMEOUT_SECONDS:g} seconds "
                f"(exit code {process.exitcode})"
            )
        self._process, self._conn = process, parent
        return parent

    def stop(self) -> None:
        """Kill the worker (whatever it is doing); the next file starts a fresh one."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def parse(self, path: Path, cancel: threading.Event | None = None) -> Documents:
        """``parse_file_documents(path)`` in the worker: ImportRejected when the file is
        refused, too slow or too big; ParseCancelled as soon as ``cancel`` is set."""
        return self._run("file", str(path), path.name, cancel)

    def parse_pasted(
        self, text: str, source: str, html: str | None, cancel: threading.Event | None = None
    ) -> Documents:
        """``parse_pasted`` in the worker (two megabytes of pasted text take seconds too)."""
        return self._run("paste", (text, source, html), source, cancel)

    def _run(
        self, kind: str, payload: object, source: str, cancel: threading.Event | None
    ) -> Documents:
        from app import i18n

        job = (kind, payload, i18n.current_language(), str(i18n.locales_dir()))
        with self._lock:
            if cancel is not None and cancel.is_set():
                raise ParseCancelled
            conn = self._conn or self._start()
            try:
                conn.send(job)
                reply = self._wait(conn, source, cancel)
            except (EOFError, OSError):
                self.stop()  # the worker died: killed by the system, or a crash in C code
                log.warning("the import worker died while reading %s", source)
                raise ImportRejected(source, _too_big()) from None
        if reply[0] == "ok":
            return cast(Documents, reply[1])
        if reply[0] == "rejected":
            raise ImportRejected(source, str(reply[1]))
        if reply[0] == "memory":
            with self._lock:
                self.stop()  # a fresh process for the next file, not a fragmented one
            raise ImportRejected(source, _too_big())
        log.error("parsing %s failed in the import worker:\n%s", source, reply[1])
        raise RuntimeError(f"parsing {source} failed in the import worker")

    def _wait(
        self, conn: Connection, source: str, cancel: threading.Event | None
    ) -> tuple[object, ...]:
        deadline = time.monotonic() + self.seconds
        while not conn.poll(POLL_SECONDS):
            if cancel is not None and cancel.is_set():
                self.stop()
                raise ParseCancelled
            if time.monotonic() > deadline:
                self.stop()
                log.info("reading %s stopped after %g s", source, self.seconds)
                raise ImportRejected(
                    source,
                    _(
                        "Reading this file took longer than {seconds} seconds, far longer than a "
                        "UA document needs; it was stopped. Copy the UA's text from a PDF viewer "
                        "or the web page and import that."
                    ).format(seconds=f"{self.seconds:g}"),
                )
        reply: tuple[object, ...] = conn.recv()
        return reply


def _too_big() -> str:
    return _(
        "Reading this file needs far more memory than a UA document; it was stopped as a "
        "possible PDF bomb. Copy the UA's text from a PDF viewer or the web page and import that."
    )


_worker = ParseWorker()
_unguarded: list[str] = []  # why files are parsed in process (set once, never cleared)


def unguarded_reason() -> str | None:
    """Why files are parsed inside the app without time and memory limits (None: they are not)."""
    return _unguarded[0] if _unguarded else None


def parse_guarded(path: Path, cancel: threading.Event | None = None) -> Documents:
    """Every UA in the file at ``path``, read in the worker process (see the module's note)."""
    if not _unguarded:
        try:
            return _worker.parse(path, cancel)
        except WorkerUnavailable as exc:
            _unguarded.append(str(exc))
            log.warning("import files are now read inside the app, without limits: %s", exc)
    from app.importing import parse_file_documents

    return parse_file_documents(path)


def parse_pasted_guarded(
    text: str, source: str, html: str | None, cancel: threading.Event | None = None
) -> Documents:
    """Every UA in pasted text (or its HTML), read in the worker process like a file."""
    if not _unguarded:
        try:
            return _worker.parse_pasted(text, source, html, cancel)
        except WorkerUnavailable as exc:
            _unguarded.append(str(exc))
            log.warning("import files are now read inside the app, without limits: %s", exc)
    from app.importing import parse_pasted

    return parse_pasted(text, source, html=html)
