"""What a screen reader needs beyond Qt's defaults: spoken confirmations, readable text, quiet
containers and tables that Tab leaves."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QStackedLayout,
    QStatusBar,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

READABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


Listener = Callable[[str], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` with the text of every announcement (tests and logs); returns the
    function that stops it. A plain callback, not a Qt signal: PySide6 6.12.0 drops a
    reference to True on every signal emit, which ends a long session in a crash."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def announce(source: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have screen readers say ``text`` now (an announcement event from ``source``), without
    moving the keyboard focus. Polite waits for the current speech; assertive interrupts it."""
    text = " ".join(text.split())
    if not text:
        return
    # Imported at the first announcement: its classes are not needed to build the window.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    try:
        QAccessible.updateAccessibility(event)
    except Exception:  # a screen reader bridge that fails must never break the action
        log.warning("accessibility announcement failed", exc_info=True)
    for listener in list(_listeners):
        listener(text)


class SpokenLabel(QLabel):
    """A status line whose every new message is announced (a message, not a caption)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        changed = text != self.text()
        super().setText(text)
        if changed and text.strip():
            announce(self, text)


def speak_status_messages(status_bar: QStatusBar) -> None:
    """Announce every temporary message of a window's status bar when it appears."""
    status_bar.messageChanged.connect(lambda text: announce(status_bar, text) if text else None)


def leave_with_tab(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move to the next control; arrow keys move inside the view."""
    view.setTabKeyNavigation(False)


def select_the_current_row(view: QAbstractItemView) -> None:
    """The row the keyboard is on is the selected row. Tabbing into a view makes a row current
    without selecting it, so the details beside it would show nothing (or another row)."""

    def follow(current: QModelIndex, _previous: QModelIndex) -> None:
        selection = view.selectionModel()
        if current.isValid() and not selection.isRowSelected(current.row(), current.parent()):
            selection.select(
                current,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    view.selectionModel().currentRowChanged.connect(follow)


def readable_by_keyboard(widget: QLabel | QPlainTextEdit | QTextEdit) -> None:
    """Read-only text with a caret: arrow keys move through it and a screen reader reads the
    line, word or character (without it, arrows only scroll, silently)."""
    if isinstance(widget, QLabel):
        widget.setTextInteractionFlags(widget.textInteractionFlags() | READABLE)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return
    widget.setTextInteractionFlags(widget.textInteractionFlags() | READABLE)
    widget.setTabChangesFocus(True)


class QuietStack(QWidget):
    """One page at a time, like QStackedWidget, but a plain container for screen readers (a
    stacked widget is announced as a "layered pane" every time the focus passes through)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QStackedLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget) -> int:  # noqa: N802 - QStackedWidget's API
        return self._layout.addWidget(widget)

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._layout.setCurrentIndex(index)

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._layout.setCurrentWidget(widget)

    def currentIndex(self) -> int:  # noqa: N802
        return self._layout.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._layout.currentWidget()

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        return self._layout.indexOf(widget)

    def widget(self, index: int) -> QWidget | None:
        return self._layout.widget(index)

    def count(self) -> int:
        return self._layout.count()
