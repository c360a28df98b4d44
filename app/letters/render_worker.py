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

import contextlib
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from app.domain.errors import N_, TemplateProblem
from app.worker_process import (
    Handler,
    Reply,
    WorkerDied,
    WorkerProcess,
    WorkerTimedOut,
    run_guarded,
)

log = logging.getLogger(__name__)

RENDER_TIMEOUT_SECONDS = 2.0

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
TIMED_OUT = N_(
    "the template ran longer than {seconds} seconds and was stopped (a loop that never ends?)"
)


def _problem_reply(exc: TemplateProblem) -> Reply:
    """What the worker sends back for a template problem: its parts, to be rebuilt typed."""
    if exc.problem.startswith("MemoryError"):
        return ("problem", exc.filename, exc.lineno, _TOO_MUCH_MEMORY, {})
    template, fields = exc.problem_template, dict(exc.problem_fields)
    return ("problem", exc.filename, exc.lineno, template, fields)


def _load_renderer() -> Handler:
    """In the worker: the template machinery, loaded before it says it is ready."""
    from app import i18n
    from app.letters.rendering import build_environment, render

    # A refused translation would be told on the worker's stderr, beside the window or in the
    # middle of `appeal-desk i18n check`, which reports it itself with its fix.
    logging.getLogger(i18n.__name__).setLevel(logging.ERROR)

    def render_job(job: object) -> Reply:
        folders, chain, user_templates, name, context = cast(Job, job)
        try:
            _follow_parent(*folders)
            env = build_environment(chain, Path(user_templates) if user_templates else None)
            return ("ok", render(env, name, context))
        except TemplateProblem as exc:
            return _problem_reply(exc)
        except MemoryError:
            return ("problem", name, None, _TOO_MUCH_MEMORY, {})
        except Exception as exc:  # a bug or a ValueError about the context: report it
            return ("error", f"{type(exc).__name__}: {exc}")

    return render_job


class RenderWorker(WorkerProcess):
    """One worker process, started on first use, restarted after a runaway template."""

    def __init__(self, timeout: float = RENDER_TIMEOUT_SECONDS) -> None:
        super().__init__("render", _load_renderer)
        self.timeout = timeout

    def render(
        self, chain: list[str], user_templates: Path | None, name: str, context: Mapping[str, Any]
    ) -> str:
        """Render in the worker; TemplateProblem on a template error, a timeout or a crash."""
        from app import i18n
        from app.letters import rendering

        folders = (str(rendering.SHIPPED_TEMPLATES), str(i18n.locales_dir()))
        user = str(user_templates) if user_templates else None
        job: Job = (folders, list(chain), user, name, dict(context))
        try:
            reply = self.request(job, self.timeout)
        except WorkerTimedOut:
            raise TemplateProblem(name, None, TIMED_OUT, seconds=f"{self.timeout:g}") from None
        except WorkerDied:
            raise TemplateProblem(name, None, _TOO_MUCH_MEMORY) from None
        if reply[0] == "ok":
            return str(reply[1])
        if reply[0] == "problem":
            _, filename, lineno, template, fields = reply
            raise TemplateProblem(
                cast(str, filename),
                cast("int | None", lineno),
                cast(str, template),
                **cast("dict[str, object]", fields),
            )
        raise ValueError(reply[1])


_worker = RenderWorker()


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Renders inside the block may run up to ``seconds``: for a second try where no one waits
    on a window (the translators' check on a busy machine), before a template is called a
    runaway."""
    before = _worker.timeout
    _worker.timeout = max(before, seconds)
    try:
        yield
    finally:
        _worker.timeout = before


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

    def here() -> str:
        from app.letters.rendering import build_environment, render

        return render(build_environment(chain, user_templates), name, context)

    return run_guarded(
        lambda: _worker.render(chain, user_templates, name, context),
        here,
        _unguarded,
        log,
        "templates now render inside the app, without time or memory limits: %s",
    )
