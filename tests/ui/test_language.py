"""Switching the interface language retranslates the open window at once."""

from __future__ import annotations

from pathlib import Path

import pytest

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "No Urgent Actions yet"
msgstr "Todav\u00eda no hay Acciones Urgentes"

msgid "Import an Urgent Action document..."
msgstr "Importar un documento de Acci\u00f3n Urgente..."

msgid "&Official:"
msgstr "&Funcionario:"

msgctxt "menu"
msgid "&File"
msgstr "&Archivo"

msgid "%(count)d open case"
msgid_plural "%(count)d open cases"
msgstr[0] "%(count)d caso abierto"
msgstr[1] "%(count)d casos abiertos"
"""


@pytest.fixture
def test_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "es.po"
    path.write_text(PO, encoding="utf-8")
    monkeypatch.setenv("APPEAL_DESK_TEST_PO", str(path))
    return path


def test_changing_language_retranslates_the_window(make_window, test_catalog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    window = make_window()
    assert window.empty_state.heading.text() == "No Urgent Actions yet"
    try:
        apply_language("es")
        assert window.empty_state.heading.text() == "Todav\u00eda no hay Acciones Urgentes"
        assert (
            window.empty_state.import_button.text()
            == "Importar un documento de Acci\u00f3n Urgente..."
        )
        assert window.menu_actions.file_menu.title() == "&Archivo"
        assert window.count_label.text() == "0 casos abiertos"
    finally:
        monkeypatch.delenv("APPEAL_DESK_TEST_PO")
        apply_language("en")
    assert window.empty_state.heading.text() == "No Urgent Actions yet"


def test_an_open_letter_editor_follows_the_language(
    make_window, app_paths, test_catalog, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language
    from tests.builders import fictional_document, store_documents

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    letter = window.case_actions.letter_dialog
    assert letter.side.target_caption.text() == "&Official:"
    try:
        apply_language("es")
        assert letter.side.target_caption.text() == "&Funcionario:"
    finally:
        monkeypatch.delenv("APPEAL_DESK_TEST_PO")
        apply_language("en")


def test_choosing_a_language_in_settings_switches_the_window(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from app.i18n import current_language
    from app.settings import load_settings
    from app.ui.application import apply_language

    window = make_window()
    english_title = window.menu_actions.file_menu.title()
    window.menu_actions.settings.trigger()
    dialog = window.case_actions.settings_dialog
    index = dialog.ui_language_combo.findData("es")
    if index < 0:
        pytest.skip("no Spanish interface catalog shipped")
    dialog.ui_language_combo.setCurrentIndex(index)
    try:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert current_language() == "es"
        assert load_settings(app_paths).ui_language == "es"
        assert window.menu_actions.file_menu.title() != english_title
    finally:
        apply_language("en")


def test_the_interface_language_picker_names_each_language_in_its_own(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.menu_actions.settings.trigger()
    combo = window.case_actions.settings_dialog.ui_language_combo
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names["es"] == "Español" and names["ar"] == "العربية" and names["de"] == "Deutsch"
    window.case_actions.settings_dialog.close()
