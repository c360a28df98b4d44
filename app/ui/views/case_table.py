"""The case list's table: a QTableView that says when it has painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView

# A table that is shown but not painted (its window minimised) is not waited for longer.
PAINT_WAIT_MS = 250


class CaseTable(QTableView):
    """``painted`` is emitted each time the table's rows have been painted."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        self.painted.emit()

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once, just after the table next paints its rows; soon if it is not
        on screen (or, shown, is not painted within ``PAINT_WAIT_MS``)."""
        pending = [then]

        def once() -> None:
            if pending:
                pending.pop()()

        if not self.isVisible():
            QTimer.singleShot(0, self, once)
            return
        self.painted.connect(  # after the paint, not inside it
            lambda: QTimer.singleShot(0, self, once), Qt.ConnectionType.SingleShotConnection
        )
        self.viewport().update()
        QTimer.singleShot(PAINT_WAIT_MS, self, once)
