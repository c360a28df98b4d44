"""Help > Keyboard shortcuts: every action's keys in a table a screen reader can walk."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.main_actions import HELP_TEXT


def general_keys() -> list[tuple[str, str]]:
    """Keys that work everywhere without a menu action of their own."""
    return [
        (_("Tab, Shift+Tab"), _("Move to the next or previous control")),
        (_("Up, Down"), _("Move through the case list")),
        (_("Enter"), _("Write a letter for the selected case (in the case list)")),
        (_("Escape"), _("Close the dialog without saving")),
        (_("Menu key"), _("Open the menu of the selected case, appeal or event (edit, delete)")),
        (_("Delete"), _("Delete the selected case, appeal or event (you are asked first)")),
        (_("Alt + underlined letter"), _("Go to that field or button")),
    ]


def letter_editor_keys() -> list[tuple[str, str]]:
    """The letter editor's own keys (kept in step with ``LetterButtons.keys`` by a test)."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (QKeySequence("Ctrl+M").toString(native), _("Letter editor: mark the letter as sent")),
        (QKeySequence("Ctrl+Shift+C").toString(native), _("Letter editor: copy the letter")),
        (
            QKeySequence(QKeySequence.StandardKey.Print).toString(native),
            _("Letter editor: print the letter"),
        ),
        (QKeySequence("Ctrl+Shift+S").toString(native), _("Letter editor: save it as a PDF")),
        (QKeySequence("Ctrl+E").toString(native), _("Letter editor: email it to the official")),
    ]


def action_keys(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what it does) for each action with a shortcut, in menu order, without duplicates."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        # An action whose text follows the moment ("Undo delete UA 61/15") names its job here.
        text = action.property(HELP_TEXT) or action.text()
        label = str(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
        label = label.rstrip(".\u2026").strip()
        if not keys or not label or keys in seen:
            continue
        seen.add(keys)
        rows.append((keys, label))
    return rows


class ShortcutsDialog(QDialog):
    """Two columns, keys and action; read-only, keyboard navigable."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.retranslate_ui()

    def rows(self) -> list[tuple[str, str]]:
        return action_keys(self._actions) + letter_editor_keys() + general_keys()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.intro.setText(
            _("Everything in Appeal Desk works from the keyboard. These keys save the most time.")
        )
        self.table.setHorizontalHeaderLabels([_("Keys"), _("Action")])
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for row, (keys, label) in enumerate(rows):
            for column, text in enumerate((keys, label)):
                # Each cell speaks its own text: the reader adds the column's header, and a
                # row is read once (keys, then action), not once per cell.
                item = QTableWidgetItem(text)
                self.table.setItem(row, column, item)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setAccessibleName(_("Close"))
        self.table.resizeRowsToContents()
        if rows:
            self.table.setCurrentCell(0, 0)


def show_shortcuts(parent: QWidget | None, actions: Iterable[QAction]) -> ShortcutsDialog:
    """Open the list (non-blocking) and return it; ``actions`` in the order of the menus."""
    dialog = ShortcutsDialog(actions, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.table.setFocus()
    return dialog


def window_actions(window: QWidget) -> list[QAction]:
    """The actions reachable from a window's menus, in menu order."""
    from PySide6.QtWidgets import QMainWindow, QMenu

    found: list[QAction] = []
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                found.extend(a for a in menu.actions() if not a.isSeparator())
    found.extend(a for a in window.actions() if a not in found)
    return found
