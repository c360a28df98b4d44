"""One place for message boxes, so every question and notice can be replaced in tests."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget


class KeepChoice(Enum):
    """The answer to "keep what you typed?" when an editor with unsaved words is closed."""

    KEEP = "keep"  # save the words, then close
    DISCARD = "discard"  # close without them
    GO_BACK = "go back"  # close nothing: back to the editor, the words as they were


def _box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None,
) -> QMessageBox:
    """A message box that shows its text as plain text: messages quote file names, titles and
    reasons taken from documents, which must never render as HTML (images, links, styles)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy a path
    if parent is None:  # no window of ours to stand on: not hidden behind another app's
        box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    return box


class Messages:
    """Modal notices and questions; tests monkeypatch these static methods (no click needed)."""

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = _box(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = _box(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        _box(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent).exec()

    @staticmethod
    def ask(parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; True when the user said yes."""
        return _question(title, text, parent).exec() == QMessageBox.StandardButton.Yes

    @staticmethod
    def ask_keep(
        parent: QWidget | None, title: str, text: str, can_go_back: bool = True
    ) -> KeepChoice:
        """Save, Discard or Cancel for words typed in an editor that is being closed. Enter
        saves them; Escape and Cancel go back to the editor with nothing lost. Without
        ``can_go_back`` (the whole app is closing) there is no Cancel, and Escape saves."""
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        if can_go_back:
            buttons |= QMessageBox.StandardButton.Cancel
        box = _box(QMessageBox.Icon.Question, title, text, buttons, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(
            QMessageBox.StandardButton.Cancel if can_go_back else QMessageBox.StandardButton.Save
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Discard:
            return KeepChoice.DISCARD
        if answer == QMessageBox.StandardButton.Save or not can_go_back:
            return KeepChoice.KEEP
        return KeepChoice.GO_BACK

    @staticmethod
    def ask_with_option(
        parent: QWidget | None, title: str, text: str, option: str, checked: bool
    ) -> tuple[bool, bool]:
        """A yes/no question with one choice beside it (a check box under the text): whether
        the user said yes, and whether the box was ticked when they did."""
        box = _question(title, text, parent)
        choice = QCheckBox(option, box)
        choice.setChecked(checked)
        box.setCheckBox(choice)
        said_yes = box.exec() == QMessageBox.StandardButton.Yes
        return said_yes, choice.isChecked()


def _question(title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A yes/no question box whose default answer is No (Enter on a slip changes nothing)."""
    box = _box(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box
