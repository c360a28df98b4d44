"""Questions asked in real message boxes: No is the default answer, and a check box beside a
question reports how it was left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.messages import Messages


def _answer_when_shown(untick: bool, button: QMessageBox.StandardButton | None) -> list[str]:
    """Answer the next message box once it is shown; returns what it showed."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        choice = box.checkBox()
        seen.append(box.text())
        seen.append(choice.text() if isinstance(choice, QCheckBox) else "")
        seen.append(box.defaultButton().text().replace("&", ""))
        if untick and choice is not None:
            choice.setChecked(False)
        if button is None:
            box.reject()  # Esc
        else:
            box.button(button).click()

    QTimer.singleShot(20, answer)
    return seen


@pytest.mark.parametrize(
    ("untick", "button", "expected"),
    [
        (False, QMessageBox.StandardButton.Yes, (True, True)),
        (True, QMessageBox.StandardButton.Yes, (True, False)),
        (False, QMessageBox.StandardButton.No, (False, True)),
        (False, None, (False, True)),
    ],
)
def test_a_question_with_a_check_box_says_the_answer_and_the_choice(
    qtbot: QtBot,
    untick: bool,
    button: QMessageBox.StandardButton | None,
    expected: tuple[bool, bool],
) -> None:
    seen = _answer_when_shown(untick, button)
    answer = Messages.ask_with_option(
        None, "Delete UA 61/15?", "This removes UA 61/15.", "Keep the 2 appeals", checked=True
    )
    assert answer == expected
    assert seen == ["This removes UA 61/15.", "Keep the 2 appeals", "No"]


def test_a_plain_question_defaults_to_no(qtbot: QtBot) -> None:
    seen = _answer_when_shown(False, None)
    assert Messages.ask(None, "Delete this document?", "This removes it.") is False
    assert seen == ["This removes it.", "", "No"]
