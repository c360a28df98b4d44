"""The shipped CLDR language names are the installed Babel's (regenerate after an upgrade)."""

from __future__ import annotations

from app.importing.language_names import LOCALES, from_babel, language_names
from app.importing.languages import english_language_name


def test_the_shipped_names_are_babels() -> None:
    shipped = language_names()
    assert list(shipped) == list(LOCALES)
    assert shipped == from_babel(), "run: python -m app.importing.language_names"
    assert list(shipped["en"]) == list(from_babel()["en"])  # the order matters (first wins)


def test_names_in_every_language_still_map_to_english() -> None:
    assert english_language_name("español") == "Spanish"
    assert english_language_name("auf Deutsch") == "German"
    assert english_language_name("engelska") == "English"
    assert english_language_name("po rosyjsku") == "Russian"
    assert english_language_name("الإنجليزية") == "English"
