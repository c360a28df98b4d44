"""Alt+letter opens one menu only, in every interface language: Alt+E is Edit in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from app.i18n import available_languages


def mnemonic(text: str) -> str | None:
    """The letter after the single '&' of a menu text ('&&' is a literal ampersand)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for text in texts:
        key = mnemonic(text)
        if key is not None:
            by_key.setdefault(key, []).append(text)
    return {key: found for key, found in by_key.items() if len(found) > 1}


def test_edit_answers_to_alt_e_and_events_to_its_own_letter(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Case", "Even&ts", "&View", "&Help"]


@pytest.mark.parametrize("language", sorted(set(available_languages()) | {"en"}))
def test_each_menu_letter_is_unique_in_every_language(make_window, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    window = make_window()
    try:
        apply_language(language)
        bar = window.menuBar()
        titles = [action.text() for action in bar.actions()]
        assert all(mnemonic(title) for title in titles), titles
        assert clashes(titles) == {}
        for action in bar.actions():
            menu = action.menu()
            assert isinstance(menu, QMenu)
            entries = [a.text() for a in menu.actions() if not a.isSeparator()]
            assert clashes(entries) == {}, (menu.title(), entries)
    finally:
        apply_language("en")
