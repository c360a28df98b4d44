"""One rule for digits in Arabic: CLDR's default numbering system for the language (through
Babel) in the case list, the details and the letters alike."""

from __future__ import annotations

import re

from babel import Locale

from app.dates import numbering_system
from app.domain.model import SenderProfile
from app.paths import AppPaths
from app.services.letters import draft_letter
from app.ui.language import qt_locale
from app.ui.models.case_columns import Column
from tests.builders import fictional_document, store_documents

EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def test_the_rule_is_babels_default_numbering_system() -> None:
    for locale in ("ar", "ar_EG", "ar_MA", "en", "fr"):
        assert numbering_system(locale) == Locale.parse(locale).default_numbering_system
        expected = "0" if numbering_system(locale) == "latn" else "\u0660"
        assert qt_locale(locale).zeroDigit() == expected, locale


def test_the_languages_read_without_babel_write_latin_digits_in_every_region() -> None:
    """The start-up shortcut for the common languages gives what Babel gives, region by region."""
    from babel import localedata

    from app.i18n import LATIN_DIGIT_LANGUAGES, plain_locale

    checked = 0
    for locale in localedata.locale_identifiers():
        if plain_locale(locale) == locale and locale.split("_")[0] in LATIN_DIGIT_LANGUAGES:
            assert Locale.parse(locale).default_numbering_system == "latn", locale
            assert numbering_system(locale) == "latn", locale
            checked += 1
    assert checked > 100  # es_419, en_IN, fr_MA, pt_AO...


def test_arabic_list_details_and_letter_write_the_same_digits(
    make_window, app_paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.ui.application import apply_language

    store_documents(app_paths, fictional_document("12/26", deadline=date(2026, 11, 30)))
    apply_language("ar")
    try:
        window = make_window()
        model = window.model
        row = 0
        deadline = model.index(row, Column.DEADLINE).data()
        days = model.index(row, Column.DAYS_LEFT).data()
        window.case_list.select_first()
        case = window.detail.case
        assert case is not None
        page = window.detail.case_page()
        heading = page.ua_label.text() + page.facts_label.text()
        details = page.body.toPlainText()
        letter = draft_letter(case, 1, SenderProfile(name="Jo"), locale="ar").text
        shown = {"list": f"{deadline} {days}", "heading": heading, "details": details}
        shown["letter"] = letter
        for where, text in shown.items():
            assert not EASTERN_DIGITS.search(text), where
        assert "2026" in deadline and "2026" in heading and "2026" in letter
    finally:
        apply_language("en")
