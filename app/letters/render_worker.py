"""Render templates in a separate worker process that is killed when it runs away.

The sandbox stops attribute walks and huge ``*``, but not CPU loops (nested ``range``) or single
C calls that allocate gigabytes (``replace``, ``center``, ``'%999999999s'|format``). The worker
has an address-space limit (POSIX) and each render a wall-clock deadline; on a timeout the
worker is killed and the next render starts a fresh one. One worker is reused between renders.

Callers render off the GUI thread (the worker may take a while to start). Where no worker
process can be started at all (a frozen build without multiprocessing, say), templates render
inside the app without those limits: that choice is made once, logged as a warning with its
reason, and reported by ``unguarded_reason``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from app.domain.errors import N_, TemplateProblem

log = logging.getLogger(__name__)

RENDER_TIMEOUT_SECONDS = 2.0
WORKER_MEMORY_BYTES = 1024 * 1024 * 1024
START_TIMEOUT_SECONDS = 30.0

Job = tuple[tuple[str, str], list[str], str | None, str, dict[str, Any]]


def _follow_parent(shipped: str, locales: str) -> None:
    """Use the same template and catalog folders as the parent process (tests move them)."""
    from app import i18n
    from app.letters import rendering

    if str(rendering.SHIPPED_TEMPLATES) != shipped:
        rendering.SHIPPED_TEMPLATES = Path(shipped)
    if str(i18n.locales_dir()) != locales:
        folder = Path(locales)
        i18n.locales_dir = lambda: folder
        i18n.reload_catalogs()


_TOO_MUCH_MEMORY = N_("the template used too much memory and was stopped")


def _problem_reply(exc: TemplateProblem) -> tuple[object, ...]:
    """What the worker sends back for a template problem: its parts, to be rebuilt typed."""
    if exc.problem.startswith("MemoryError"):
        return ("problem", exc.filename, exc.lineno, _TOO_MUCH_MEMORY, {})
    template, fields = exc.problem_template, dict(exc.problem_fields)
    return ("problem", exc.filename, exc.lineno, template, fields)


def _serve(conn: Connection) -> None:
    """Worker main loop: limit memory, then render jobs until the pipe closes."""
    # Ctrl+C in a terminal reaches the whole process group: the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    from app.letters.rendering import build_environment, render

    conn.send(("ready",))
    while True:
        try:
            folders, chain, user_templates, name, context = conn.recv()
        except EOFError:
            return
        try:
            _follow_parent(*folders)
            env = build_environment(chain, Path(user_templates) if user_templates else None)
            conn.send(("ok", render(env, name, context)))
        except TemplateProblem as exc:
            conn.send(_problem_reply(exc))
        except MemoryError:
            conn.send(("problem", name, None, _TOO_MUCH_MEMORY, {}))
        except Exception as exc:  # a bug or a ValueError about the context: report it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


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


class WorkerUnavailable(RuntimeError):
    """No worker process could be started; the message says why."""


class RenderWorker:
    """One worker process, started on first use, restarted after a runaway template."""

    def __init__(self, timeout: float = RENDER_TIMEOUT_SECONDS) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), daemon=True, name="render")
        try:
            with _children_ignore_ctrl_c():
                process.start()
        except (OSError, RuntimeError) as exc:  # no way to start a process here
            raise WorkerUnavailable(f"the worker process cannot start ({exc})") from exc
        child.close()
        if not parent.poll(START_TIMEOUT_SECONDS) or parent.recv() != ("ready",):
            process.kill()
            raise WorkerUnavailable(
                f"the worker process did not answer within {START_TIMEOUT_SECONDS:g} seconds"
            )
        self._process, self._conn = process, parent
        return parent

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def render(
        self, chain: list[str], user_templates: Path | None, name: str, context: Mapping[str, Any]
    ) -> str:
        """Render in the worker; TemplateProblem on a template error, a timeout or a crash."""
        from app import i18n
        from app.letters import rendering

        folders = (str(rendering.SHIPPED_TEMPLATES), str(i18n.locales_dir()))
        user = str(user_templates) if user_templates else None
        job: Job = (folders, list(chain), user, name, dict(context))
        with self._lock:
            conn = self._conn or self._start()
            try:
                conn.send(job)
                if not conn.poll(self.timeout):
                    self.stop()
                    raise TemplateProblem(
                        name,
                        None,
                        N_(
                            "the template ran longer than {seconds} seconds and was stopped "
                            "(a loop that never ends?)"
                        ),
                        seconds=f"{self.timeout:g}",
                    )
                reply = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self.stop()
                raise TemplateProblem(name, None, _TOO_MUCH_MEMORY) from None
        if reply[0] == "ok":
            return str(reply[1])
        if reply[0] == "problem":
            raise TemplateProblem(reply[1], reply[2], reply[3], **reply[4])
        raise ValueError(reply[1])


_worker = RenderWorker()
_unguarded: list[str] = []  # why templates render in process (set once, never cleared)


def unguarded_reason() -> str | None:
    """Why templates render inside the app without time and memory limits (None: they do not)."""
    return _unguarded[0] if _unguarded else None


def render_guarded(
    chain: list[str], user_templates: Path | None, name: str, context: Mapping[str, Any]
) -> str:
    """Render ``name`` like ``rendering.render`` but with a deadline and a memory ceiling.

    When no worker process can be started, the render happens here, unguarded, and so do all
    later ones: the fallback is decided once and logged (``unguarded_reason``)."""
    if not _unguarded:
        try:
            return _worker.render(chain, user_templates, name, context)
        except WorkerUnavailable as exc:
            _unguarded.append(str(exc))
            log.warning(
                "templates now render inside the app, without time or memory limits: %s", exc
            )
    from app.letters.rendering import build_environment, render

    return render(build_environment(chain, user_templates), name, context)
