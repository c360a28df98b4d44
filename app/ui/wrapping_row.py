"""A row of widgets that goes on to a second row when the width runs out.

A row of buttons in a box layout is as wide as its buttons together, and a window cannot be
made narrower than its widest row: translated labels (German ones run long) would keep the
main window wider than a small laptop screen at 200 % scaling. This layout puts its widgets
side by side while they fit and wraps them onto further rows when they do not, from the
right to the left in a right-to-left language.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class WrappingRowLayout(QLayout):
    """Widgets laid out in reading order, as many to a row as the width allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """All the widgets on one row: the layout asks for that much room when it is free."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._gap() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the widest widget, and as tall as the rows the widgets then take.

        A window's minimum size is read from its layouts' minimum sizes, never from their
        height for a width: a minimum of one row would let a window made small put the
        wrapped rows under the widgets below them."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        width = self._with_margins(size).width()
        return QSize(width, self.heightForWidth(width))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the widgets out in ``rect`` (when ``place``) and give the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        gap = self._gap()
        x, y, row_height = area.x(), area.y(), 0
        parent = self.parentWidget()
        mirrored = parent is not None and parent.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for item in self._shown():
            hint = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.x() + area.width():
                x, y, row_height = area.x(), y + row_height + gap, 0
            if place:
                left = area.x() + area.right() - x - width + 1 if mirrored else x
                item.setGeometry(QRect(QPoint(left, y), QSize(width, hint.height())))
            x += width + gap
            row_height = max(row_height, hint.height())
        margins = self.contentsMargins()
        return y + row_height - rect.y() + margins.bottom()
