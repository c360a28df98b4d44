"""The search box stays wide enough to read what is typed, however small the window."""

from __future__ import annotations

from app.paths import AppPaths
from tests.builders import numbered_case, store

TYPED = "Democratic Rep"  # a country name half typed


def test_the_search_box_shows_a_words_worth_of_typing_in_the_smallest_window(
    make_window, app_paths: AppPaths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """A laptop at 200 % scaling gives the window about 680 x 380 points: the list's search
    box once shrank there to a sliver showing two letters of what was typed."""
    store(app_paths, numbered_case(56, "Democratic Republic of the Congo", 12))
    window = make_window()
    window.resize(400, 300)  # smaller than the window can be: it stops at its minimum
    qtbot.wait(50)
    box = window.case_list.search_box
    box.setText(TYPED)
    needed = box.fontMetrics().horizontalAdvance(TYPED)
    assert box.contentsRect().width() >= needed, (box.width(), needed, window.size())
    assert window.width() <= 700, "the window still fits a 1366 px screen at 200 %"
