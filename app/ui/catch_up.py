"""On a group's server: the case list catches up with other laptops while the window is shown.

Every commit that writes on a server is announced to the listening laptops (see
``Database.changed_elsewhere``). Coming back to the window lists the cases again when one was
heard; so does this light check, every few seconds while the window is on screen, for a user
who stays in it all evening. It reads only the notices that have arrived (no query) and off
the GUI thread, so a server that has gone away never freezes the window; the list is read
again, and repainted, only when another laptop wrote. A SQLite store never makes one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.app_context import AppContext

if TYPE_CHECKING:
    from app.services.database import Database

log = logging.getLogger(__name__)

CATCH_UP_MS = 5_000  # as the tally board's poll: another laptop's import shows within this


class CatchUp(QObject):
    """Asks the open server store, every ``CATCH_UP_MS`` while ``window`` is shown, whether
    another laptop wrote; lists the cases again when one did."""

    checked = Signal(bool)  # one look done: whether the cases are being listed again

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._looking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CATCH_UP_MS)
        self.timer.timeout.connect(self.look)
        context.store_closed.connect(self.timer.stop)
        context.store_opened.connect(self._on_store_opened)
        self.timer.start()

    def _on_store_opened(self, db: Database) -> None:
        if db.on_server:
            self.timer.start()
        else:  # a restore or a new connection may bring a SQLite store: nothing to hear
            self.timer.stop()

    def look(self) -> None:
        """One look at what the other laptops announced, unless the window is hidden or
        minimised, or the last look is still under way."""
        db = self._context.db
        window = self._window
        if db is None or self._looking or not window.isVisible() or window.isMinimized():
            return
        from app.services.database import changed_elsewhere

        self._looking = True
        self._context.server_reads.start(
            lambda _progress: changed_elsewhere(db),
            lambda changed: self._looked(db, bool(changed)),
            self._failed,
            name="catch-up",
        )

    def _looked(self, db: Database, changed: bool) -> None:
        self._looking = False
        relist = changed and self._context.db is db
        if relist:
            log.info("another laptop changed the store: listing the cases again")
            self._context.cases_changed.emit()
        self.checked.emit(relist)

    def _failed(self, error: BaseException) -> None:
        self._looking = False
        log.warning("looking for other laptops' changes failed", exc_info=error)
        self.checked.emit(False)
