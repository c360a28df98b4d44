"""The case list's table: a QTableView that says when it has painted, and leaves its rows as
they are when its window is activated or deactivated if that changes none of their colours."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QTableView

# A table that is shown but not painted is looked at again this often: once its window is
# found off the screen (minimised, on another desktop), it is not waited for any longer.
PAINT_CHECK_MS = 250
# A window on the screen paints soon, however busy the machine: what waits for that paint
# (the whole list's read, the store's opening) starts before it only after this long.
PAINT_WAIT_MS = 3_000

_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


class CaseTable(QTableView):
    """``painted`` is emitted each time the table's rows have been painted."""

    painted = Signal()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # An item view repaints all its rows when its window is activated or deactivated
        # (a dialog opens or closes, the import's progress dialog among them), for styles
        # that draw an inactive window's selection in other colours. Where the palette is
        # the same for both states no pixel changes; such a repaint takes 10-20 ms, and the
        # window waits longer still while a background import holds the interpreter.
        if event.type() in _ACTIVATION and self._same_look_when_inactive():
            return False
        return super().viewportEvent(event)

    def _same_look_when_inactive(self) -> bool:
        palette = self.viewport().palette()
        return palette.isEqual(QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        self.painted.emit()

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once, just after the table next paints its rows; soon if it is not
        on screen (hidden, or its window not exposed), and after ``PAINT_WAIT_MS`` at most.

        The paint itself is waited for, not a guess of its time: on a busy machine the first
        paint can take longer than any such guess, and work begun before it (a read of every
        case, the store's opening) would then delay it further."""
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
        give_up_at = time.monotonic() + PAINT_WAIT_MS / 1000

        def check() -> None:
            if not pending:
                return
            handle = self.window().windowHandle()
            if handle is None or not handle.isExposed() or time.monotonic() >= give_up_at:
                once()
            else:
                QTimer.singleShot(PAINT_CHECK_MS, self, check)

        QTimer.singleShot(PAINT_CHECK_MS, self, check)
