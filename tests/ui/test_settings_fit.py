"""Every settings row reads whole in every shipped language: choices and hints are not cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QStyleOptionComboBox

from app.settings import Settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.language import apply_language


def _combo_text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "pt", "ar"])
def test_every_choice_and_hint_is_shown_whole(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    apply_language(language)
    try:
        dialog = SettingsDialog(Settings(), ["en", "de", "es", "fr", "pt", "ar"])
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        combos = dialog.findChildren(QComboBox)
        assert len(combos) == 4  # page size, letter and interface languages, the sentence's
        for combo in combos:
            metrics = combo.fontMetrics()
            room = _combo_text_room(combo)
            for index in range(combo.count()):
                text = combo.itemText(index)
                assert metrics.horizontalAdvance(text) <= room, (language, text)
        for edit in dialog.findChildren(QLineEdit):
            if edit.placeholderText() and edit.parent() is not None:
                hint = edit.placeholderText()
                assert edit.fontMetrics().horizontalAdvance(hint) <= edit.width() - 8, hint
    finally:
        apply_language("en")


def test_the_address_and_town_fields_say_what_goes_in_each(qtbot) -> None:  # type: ignore[no-untyped-def]
    apply_language("en")
    dialog = SettingsDialog(Settings(), ["en"])
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.address_edit.placeholderText() == "Street and number (the town goes below)"
    assert dialog.city_edit.placeholderText() == "Postcode and town, e.g. 28013 Madrid"
    dialog.grab().save("/tmp/polish/settings.png")


def test_a_long_name_shows_from_its_first_letter(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A name longer than its field shows its beginning, as typed, not its last words."""
    from app.domain.model import SenderProfile

    long_name = (
        "Maria-Magdalena Hohenzollern-Sigmaringen von und zu Wittelsbach-Oberammergau"
        " (Amnesty International, grupo de Vila Nova de Famalicão)"
    )
    sender = SenderProfile(name=long_name, city="Vila Nova de Famalicão", country="Portugal")
    dialog = SettingsDialog(Settings(sender=sender), ["en"])
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.name_edit
    assert edit.fontMetrics().horizontalAdvance(long_name) > edit.width(), "the name is longer"
    start = edit.fontMetrics().horizontalAdvance(long_name[: edit.cursorPosition()])
    assert start < edit.width(), "the text is scrolled to show its first letters"
