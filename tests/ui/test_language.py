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

msgid "Import an Urgent Action document…"
msgstr "Importar un documento de Acci\u00f3n Urgente…"

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
    page = window.empty_state.content()
    assert page.heading.text() == "No Urgent Actions yet"
    try:
        apply_language("es")
        assert page.heading.text() == "Todav\u00eda no hay Acciones Urgentes"
        assert page.import_button.text() == "Importar un documento de Acci\u00f3n Urgente…"
        assert window.menu_actions.file_menu.title() == "&Archivo"
        assert window.count_label.text() == "0 casos abiertos"
    finally:
        monkeypatch.delenv("APPEAL_DESK_TEST_PO")
        apply_language("en")
    assert page.heading.text() == "No Urgent Actions yet"


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
    assert index >= 0, "the Spanish interface catalog is shipped (locales/es)"
    dialog.ui_language_combo.setCurrentIndex(index)
    try:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert current_language() == "es"
        assert load_settings(app_paths).ui_language == "es"
        assert window.menu_actions.file_menu.title() != english_title
    finally:
        apply_language("en")


def test_changing_the_language_in_settings_keeps_the_other_edits(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from app.settings import load_settings
    from app.ui.application import apply_language

    window = make_window()
    window.menu_actions.settings.trigger()
    dialog = window.case_actions.settings_dialog
    dialog.name_edit.setText("Ana Example")
    dialog.city_edit.setText("Leeds")
    dialog.ui_language_combo.setCurrentIndex(dialog.ui_language_combo.findData("de"))
    assert dialog.isVisible() and dialog.name_edit.text() == "Ana Example"
    try:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        saved = load_settings(app_paths)
        assert saved.ui_language == "de"
        assert saved.sender.name == "Ana Example" and saved.sender.city == "Leeds"
        assert window.context.settings.sender.name == "Ana Example"
    finally:
        apply_language("en")


def test_the_interface_language_picker_names_each_language_in_its_own(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.menu_actions.settings.trigger()
    combo = window.case_actions.settings_dialog.ui_language_combo
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names["es"] == "Español" and names["ar"] == "العربية" and names["de"] == "Deutsch"
    window.case_actions.settings_dialog.close()


def test_each_shipped_language_has_the_own_name_cldr_gives_it() -> None:
    from babel import Locale

    from app.i18n import available_languages
    from app.ui.formatting import OWN_LANGUAGE_NAMES

    for code in available_languages():
        cldr = Locale.parse(code).get_display_name(code)
        assert OWN_LANGUAGE_NAMES[code] == cldr[:1].upper() + cldr[1:], code


def _visible_texts(window) -> dict[int, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every action's text and tooltip, the toolbars' titles, the window title and counts."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolBar

    texts = {id(a): (a.text(), a.toolTip()) for a in window.findChildren(QAction) if a.text()}
    for bar in window.findChildren(QToolBar):
        texts[id(bar)] = (bar.windowTitle(), "")
    texts[id(window)] = (window.windowTitle(), "")
    texts[id(window.count_label)] = (window.count_label.text(), "")
    return texts


def _switch_in_settings(window, locale: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    window.menu_actions.settings.trigger()
    dialog = window.case_actions.settings_dialog
    dialog.ui_language_combo.setCurrentIndex(dialog.ui_language_combo.findData(locale))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_switching_language_in_settings_retranslates_every_action(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    import re

    from app.i18n import current_language
    from app.ui.application import apply_language
    from tests.builders import fictional_document, store_documents

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.start_reminders(use_tray=False)
    window.show_write_today()
    english = _visible_texts(window)
    assert len(english) > 30  # every menu entry, the menus themselves, the toolbars
    try:
        _switch_in_settings(window, "fr")
        assert current_language() == "fr"
        french = _visible_texts(window)
        assert french.keys() == english.keys()
        unchanged = [english[k] for k in english if french[k][0] == english[k][0] != "Appeal Desk"]
        assert unchanged == []
        assert "Fichier" in window.menu_actions.file_menu.title()
        assert window.count_label.text() == "1 dossier ouvert"

        _switch_in_settings(window, "ar")
        arabic = _visible_texts(window)
        latin = re.compile(r"[A-Za-z]")
        left_in_latin = [
            (english[k][0], text, tip)
            for k, (text, tip) in arabic.items()
            if latin.search(text.replace("Appeal Desk", "").replace("Ctrl", ""))
            or latin.search(re.sub(r"\(.*?\)$|Appeal Desk|PDF|CSV|Markdown", "", tip))
        ]
        assert left_in_latin == []
        assert window.isRightToLeft()
        assert window.detail.case is not None and window.detail.case.ua_number == "12/26"
    finally:
        apply_language("en")


@pytest.mark.parametrize("locale", ["en", "fr", "ar"])
def test_the_window_selects_its_first_case_at_start_in_every_direction(
    make_window, app_paths, locale
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from app.ui.application import apply_language
    from tests.builders import fictional_document, store_documents

    soon = date.today() + timedelta(days=20)
    store_documents(
        app_paths,
        fictional_document("14/26", deadline=soon + timedelta(days=5)),
        fictional_document("12/26", deadline=soon),
    )
    apply_language(locale)
    try:
        window = make_window()
        shown = window.case_list.current_case()
        assert shown is not None and shown.ua_number == "12/26"
        assert window.detail.case is not None and window.detail.case.ua_number == "12/26"
        assert window.menu_actions.write_letter.isEnabled()
        window.menu_actions.next_case.trigger()
        assert window.detail.case.ua_number == "14/26"
    finally:
        apply_language("en")


def test_settings_refuse_an_e_mail_address_that_is_not_one_and_stay_open(
    make_window, app_paths, messages
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from app.settings import load_settings

    window = make_window()
    window.menu_actions.settings.trigger()
    dialog = window.case_actions.settings_dialog
    dialog.name_edit.setText("Ana Example")
    dialog.email_edit.setText("not-an-email")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert messages.shown == [
        (
            "error",
            "Settings not saved",
            "not-an-email is not an e-mail address: write it as name@example.org (a name, @, "
            "then the domain), or leave it empty. The settings were not changed.",
        )
    ]
    assert dialog.isVisible() and dialog.name_edit.text() == "Ana Example"
    assert load_settings(app_paths).sender.name == ""  # nothing stored
    dialog.email_edit.setText("ana@example.org")
    save.click()
    assert not dialog.isVisible()
    saved = load_settings(app_paths).sender
    assert (saved.name, saved.email) == ("Ana Example", "ana@example.org")


@pytest.mark.parametrize(
    ("requested", "listed", "heading"),
    [("en_GB", "30/11/2026", "30 November 2026"), ("en_US", "11/30/26", "November 30, 2026")],
)
def test_the_window_writes_dates_as_the_region_asked_for(
    make_window, app_paths, monkeypatch, requested: str, listed: str, heading: str
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.ui.application import apply_language
    from app.ui.models.case_columns import Column
    from tests.builders import fictional_document, store_documents

    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    store_documents(app_paths, fictional_document("12/26", deadline=date(2026, 11, 30)))
    apply_language(requested)
    try:
        window = make_window()
        assert window.model.index(0, Column.DEADLINE).data() == listed
        window.case_list.select_first()
        page = window.detail.case_page()
        assert f"Act before {heading}" in page.facts_label.text()
        assert window.menu_actions.file_menu.title() == "&File"  # the English catalog
    finally:
        apply_language("en")
