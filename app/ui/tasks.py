"""Background jobs: a pool runnable runs one service call and reports back by signal.

Widgets are never touched off the GUI thread: the runnable only emits signals, which Qt
delivers (queued) to slots on the GUI thread. Each job's service call opens its own unit of
work, so no Session crosses threads (a Session is not thread-safe).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
JobFunction = Callable[[ProgressCallback], Any]


class JobSignals(QObject):
    """What a job reports; emitted from the worker thread, received on the GUI thread."""

    progress = Signal(int, int, str)  # done, total, current item
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception (AppealDeskError for expected failures)
    finished = Signal()  # always last, after succeeded or failed


class Job(QRunnable):
    """Run ``function(progress)`` on a pool thread; the result or the error comes back by signal."""

    def __init__(self, function: JobFunction, name: str = "job") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the JobRunner keeps the Python object alive until finished
        self.signals = JobSignals()
        self.name = name
        self._function = function

    def run(self) -> None:
        try:
            result = self._function(self.signals.progress.emit)
        except Exception as exc:  # reported to the GUI thread, which decides what the user sees
            log.debug("job %s failed", self.name, exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class JobRunner(QObject):
    """Starts jobs on a thread pool and holds a reference to each until it has finished."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._active: set[Job] = set()

    def start(
        self,
        function: JobFunction,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        name: str = "job",
    ) -> Job:
        job = Job(function, name)
        job.signals.succeeded.connect(on_success)
        job.signals.failed.connect(on_failure)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        job.signals.finished.connect(lambda: self._active.discard(job))
        self._active.add(job)
        self._pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def running(self) -> set[str]:
        """The names of the jobs started and not yet finished."""
        return {job.name for job in self._active}

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every started job has run (used at shutdown)."""
        return self._pool.waitForDone(msecs)
