"""A helper process that answers one request at a time and can be killed at any moment.

Work that a thread cannot stop (one long C call, a loop in a template, a huge allocation) runs
in a worker process instead: spawned (never forked from a process with Qt threads), limited in
address space (POSIX), deaf to Ctrl+C (the terminal sends it to the whole process group; the
parent decides what it means), and answering ``READY`` once it has loaded what it needs. While
the parent waits for an answer it looks at the cancel flag twenty times a second; on a cancel,
a missed deadline or a dead worker the process is killed and the next request starts a fresh
one. Where no process can be started at all (a frozen build without multiprocessing, say),
``run_guarded`` runs the work inside the app instead: decided once, logged with its reason.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import TypeVar

START_TIMEOUT_SECONDS = 30.0
POLL_SECONDS = 0.05  # how often a wait looks at the cancel flag
MEMORY_BYTES = 1024 * 1024 * 1024
READY = ("ready",)

Reply = tuple[object, ...]
Handler = Callable[[object], Reply]
# Runs in the worker before it says READY: imports what the requests need, returns the
# function that answers one request (it catches its own errors and words them as a reply).
Loader = Callable[[], Handler]

T = TypeVar("T")


class WorkerUnavailable(RuntimeError):
    """No worker process could be started; the message says why."""


class WorkerCancelled(Exception):  # noqa: N818 - an outcome, not an error
    """The cancel flag was set; the worker was stopped (or never asked)."""


class WorkerTimedOut(Exception):  # noqa: N818 - an outcome, not an error
    """The request missed its deadline; the worker was stopped."""


class WorkerDied(Exception):  # noqa: N818 - an outcome, not an error
    """The worker ended while answering (killed by the system, a crash in C code)."""


def _serve(conn: Connection, memory_bytes: int, load: Loader) -> None:
    """The worker's main: limits first, then ``load``, READY, and one reply per request."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # already so from birth where it could be
    if os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    handle = load()
    conn.send(READY)
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the parent closed the pipe or ended
            return
        conn.send(handle(request))


@contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """While a worker is started, SIGINT is ignored, so the worker inherits that from its first
    instruction (Python installs its KeyboardInterrupt handler only over the default one).
    Signal handlers can be set only from the main thread; elsewhere the worker sets it itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class WorkerProcess:
    """One worker process, started on first request, replaced after a stop."""

    def __init__(self, name: str, load: Loader, memory_bytes: int = MEMORY_BYTES) -> None:
        self.name = name
        self.memory_bytes = memory_bytes
        self._load = load
        self._lock = threading.RLock()  # one request at a time; stop() may come from inside
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._sent_at = 0.0  # when the job now in the worker was sent
        # started by start_early() and not yet known to be ready
        self._starting: tuple[multiprocessing.process.BaseProcess, Connection] | None = None

    def _launch(self) -> tuple[multiprocessing.process.BaseProcess, Connection]:
        """Start the process (without waiting for its READY)."""
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(child, self.memory_bytes, self._load),
            daemon=True,
            name=self.name,
        )
        try:
            with _children_ignore_ctrl_c():
                process.start()
        except (OSError, RuntimeError) as exc:  # no way to start a process here
            raise WorkerUnavailable(f"the worker process cannot start ({exc})") from exc
        child.close()
        return process, parent

    def start_early(self) -> None:
        """Start the worker now, without waiting for it, when requests are about to come (it
        loads what it needs meanwhile). A worker that cannot start is reported by the first
        request, as without this call."""
        with self._lock:
            if self._conn is not None or self._starting is not None:
                return
            with suppress(WorkerUnavailable):
                self._starting = self._launch()

    def _start(self) -> Connection:
        if self._starting is not None:
            (process, parent), self._starting = self._starting, None
        else:
            process, parent = self._launch()
        try:
            ready = parent.poll(START_TIMEOUT_SECONDS) and parent.recv() == READY
        except (EOFError, OSError):  # it died while starting (no memory for Python itself?)
            ready = False
        if not ready:
            process.kill()
            process.join()
            parent.close()
            raise WorkerUnavailable(
                f"the worker process did not start within {START_TIMEOUT_SECONDS:g} seconds "
                f"(exit code {process.exitcode})"
            )
        self._process, self._conn = process, parent
        return parent

    def stop(self) -> None:
        """Kill the worker (whatever it is doing); the next request starts a fresh one."""
        with self._lock:
            if self._starting is not None:
                self._process, self._conn = self._starting
                self._starting = None
            if self._process is not None:
                self._process.kill()
                self._process.join()
            if self._conn is not None:
                self._conn.close()
            self._process = self._conn = None

    def request(self, job: object, seconds: float, cancel: threading.Event | None = None) -> Reply:
        """The worker's reply to ``job``. WorkerUnavailable when no worker can start; after
        WorkerCancelled, WorkerTimedOut (``seconds`` passed) or WorkerDied it is stopped."""
        with self._lock:
            if cancel is not None and cancel.is_set():
                raise WorkerCancelled
            self.send(job)
            return self.receive(seconds, cancel)

    @property
    def held(self) -> threading.RLock:
        """Held by whoever sends a job and waits for its reply, so that no other thread's
        request comes in between (take it around ``send`` and ``receive``)."""
        return self._lock

    def send(self, job: object) -> None:
        """Hand ``job`` to the worker (started if need be) and return at once; ``receive``
        waits for the reply. One job at a time: its reply must be received, or the worker
        stopped, before the next is sent. WorkerUnavailable or WorkerDied as ``request``."""
        with self._lock:
            conn = self._conn or self._start()
            try:
                conn.send(job)
            except (EOFError, OSError):
                self.stop()
                raise WorkerDied from None
            self._sent_at = time.monotonic()

    def receive(self, seconds: float, cancel: threading.Event | None = None) -> Reply:
        """The reply to the job sent last, within ``seconds`` of sending it; WorkerCancelled,
        WorkerTimedOut and WorkerDied as ``request`` (the worker is then stopped)."""
        with self._lock:
            conn = self._conn
            if conn is None:  # stopped since the job was sent
                raise WorkerDied
            deadline = self._sent_at + seconds
            try:
                while not conn.poll(POLL_SECONDS):
                    if cancel is not None and cancel.is_set():
                        self.stop()
                        raise WorkerCancelled
                    if time.monotonic() > deadline:
                        self.stop()
                        raise WorkerTimedOut
                reply: Reply = conn.recv()
            except (EOFError, OSError):
                self.stop()
                raise WorkerDied from None
        return reply


def run_guarded(
    in_worker: Callable[[], T],
    in_process: Callable[[], T],
    unguarded: list[str],
    log: logging.Logger,
    warning: str,
) -> T:
    """``in_worker()``, or ``in_process()`` once no worker can start. The first failure to start
    one is kept in ``unguarded`` (never cleared) and logged as ``warning % reason``."""
    if not unguarded:
        try:
            return in_worker()
        except WorkerUnavailable as exc:
            unguarded.append(str(exc))
            log.warning(warning, exc)
    return in_process()
