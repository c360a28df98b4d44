"""What the pieces of the desktop app share: paths, settings, the store, the job runner, signals.

The application builds one context and hands it to the main window, which hands it on to the
pieces it builds (loading, imports, case actions, menus, reminders). A piece reads the store
and the settings here and announces changes through the signals, so no piece needs the window.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.services.database import Database
    from app.settings import Settings
    from app.ui.tasks import JobRunner

log = logging.getLogger(__name__)


# The catch-up look and one tally board: each reads one at a time.
SERVER_READ_THREADS = 2


class AppContext(QObject):
    """The shared state of one window's session; changes are announced by signal."""

    store_opened = Signal(object)  # the Database now in use (opened, recovered or restored)
    store_closed = Signal()  # the store was closed (a backup is being restored, or shutdown)
    settings_changed = Signal(object)  # the Settings now in use, saved already
    case_changed = Signal(int)  # case_id: that case's data changed in the store
    cases_changed = Signal()  # many cases may have changed (an event, a restore): list again

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        database_url: str | None = None,
        runner: JobRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.database_url = database_url
        self._runner = runner
        self._server_reads: JobRunner | None = None
        self._settings = settings
        self._db: Database | None = None

    @property
    def runner(self) -> JobRunner:
        """Runs the background jobs (the store's opening, the list's reads, imports, drafts).
        Made on first use: the window's first frame needs none, and its module and Qt's
        thread pool types load after that frame."""
        if self._runner is None:
            from app.ui.tasks import JobRunner

            self._runner = JobRunner(parent=self)
        return self._runner

    @property
    def server_reads(self) -> JobRunner:
        """Runs the periodic reads that may wait for a group's server (the other laptops'
        notices, the tally board's counts) on threads of their own: a server that is away
        holds one of them for its connection timeout, never the threads that draft letters,
        import files or list the cases. Made on first use."""
        if self._server_reads is None:
            from PySide6.QtCore import QThreadPool

            from app.ui.tasks import JobRunner

            pool = QThreadPool(self)
            pool.setMaxThreadCount(SERVER_READ_THREADS)
            self._server_reads = JobRunner(pool, parent=self)
        return self._server_reads

    # ---- the store ------------------------------------------------------------------------

    @property
    def db(self) -> Database | None:
        """The open store, or None while it opens (or after it was closed)."""
        return self._db

    def use_store(self, db: Database) -> None:
        """Work on ``db`` from now on and say so (``store_opened``)."""
        self._db = db
        self.store_opened.emit(db)

    def close_store(self) -> None:
        """Close the store (a restore replaces its file); ``use_store`` brings one back."""
        db, self._db = self._db, None
        if db is not None:
            db.close()
            self.store_closed.emit()

    def shutdown(self, wait_ms: int = 10_000) -> None:
        """Let running jobs finish, then close the store (the window is closing)."""
        if self._runner is not None and not self._runner.wait_for_done(wait_ms):
            log.warning("background jobs still running at shutdown")
        if self._server_reads is not None and not self._server_reads.wait_for_done(wait_ms):
            log.warning("reads from the server still running at shutdown")
        self.close_store()

    # ---- settings ---------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """Use ``settings`` (already saved) from now on and say so (``settings_changed``)."""
        self._settings = settings
        self.settings_changed.emit(settings)
