"""Questions asked in real message boxes: No is the default answer, and a check box beside a
question reports how it was left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.messages import KeepChoice, Messages


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


def _keep_question_when_shown(button: QMessageBox.StandardButton | None) -> list[str]:
    """Answer the next "keep what you typed?" box; returns its buttons and default."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.extend(b.text().replace("&", "") for b in box.buttons())
        seen.append("default: " + box.defaultButton().text().replace("&", ""))
        if button is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            box.button(button).click()

    QTimer.singleShot(20, answer)
    return seen


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        (QMessageBox.StandardButton.Save, KeepChoice.KEEP),
        (QMessageBox.StandardButton.Discard, KeepChoice.DISCARD),
        (QMessageBox.StandardButton.Cancel, KeepChoice.GO_BACK),
        (None, KeepChoice.GO_BACK),
    ],
)
def test_keep_what_you_typed_offers_save_discard_and_a_way_back(
    qtbot: QtBot, button: QMessageBox.StandardButton | None, expected: KeepChoice
) -> None:
    """Enter saves the words and Escape goes back to the editor: no key drops them."""
    seen = _keep_question_when_shown(button)
    assert Messages.ask_keep(None, "Keep this letter?", "Keep it as a draft?") is expected
    assert sorted(seen[:-1]) == ["Cancel", "Discard", "Save"]
    assert seen[-1] == "default: Save"


def test_keep_what_you_typed_while_the_app_closes_has_no_way_back_and_escape_saves(
    qtbot: QtBot,
) -> None:
    seen = _keep_question_when_shown(None)
    assert Messages.ask_keep(None, "Keep this letter?", "Keep it?", can_go_back=False) is (
        KeepChoice.KEEP
    )
    assert sorted(seen[:-1]) == ["Discard", "Save"]
