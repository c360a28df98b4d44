"""The case's buttons wrap onto a second row in a narrow pane instead of widening the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton

from app.paths import AppPaths
from app.ui.language import apply_language
from tests.builders import numbered_case, store


@pytest.fixture
def german() -> Iterator[None]:
    apply_language("de")
    yield
    apply_language("en")


def _buttons(window) -> list[QPushButton]:  # type: ignore[no-untyped-def]
    page = window.detail.case_page()
    return [page.letter_button, page.mark_sent_button, page.original_button]


def _on_screen(window, button: QPushButton) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(button.mapTo(window, button.rect().topLeft()), button.size())


def test_the_german_window_fits_a_small_laptop_with_every_button_whole(
    make_window, app_paths: AppPaths, qtbot, german: None
) -> None:  # type: ignore[no-untyped-def]
    """A 1366 px laptop at 200 % scaling gives the window about 680 points across; German
    button labels once kept the window wider than that, cut off at the screen's edge."""
    store(app_paths, numbered_case(56, "Demokratische Republik Kongo", 12))
    window = make_window()
    assert window.case_list.select_case(1)
    qtbot.waitUntil(lambda: window.detail.currentIndex() == 1)
    window.resize(400, 380)  # narrower than the window can be: it stops at its minimum
    qtbot.wait(50)
    assert window.width() <= 683, "the window fits a 1366 px screen at 200 %"
    pane = QRect(window.detail.mapTo(window, window.detail.rect().topLeft()), window.detail.size())
    places = [_on_screen(window, button) for button in _buttons(window)]
    for button, place in zip(_buttons(window), places, strict=True):
        assert button.isVisible()
        assert pane.contains(place), (button.text(), place, pane)
        assert place.width() >= button.sizeHint().width(), f"{button.text()} is cut"
    body = _on_screen(window, window.detail.case_page().body)
    for i, place in enumerate(places):
        assert not any(place.intersects(other) for other in places[i + 1 :] + [body])
    assert len({place.y() for place in places}) > 1, "the buttons go onto a second row"

    window.resize(1400, 700)  # with room, they stand side by side in reading order
    qtbot.wait(50)
    wide = [_on_screen(window, button) for button in _buttons(window)]
    assert len({place.y() for place in wide}) == 1
    assert wide[0].x() < wide[1].x() < wide[2].x()


def test_in_a_right_to_left_language_the_buttons_run_from_the_right(
    make_window, app_paths: AppPaths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    apply_language("ar")
    try:
        store(app_paths, numbered_case(56, "Egypt", 12))
        window = make_window()
        assert window.case_list.select_case(1)
        qtbot.waitUntil(lambda: window.detail.currentIndex() == 1)
        window.resize(1400, 700)
        qtbot.wait(50)
        places = [_on_screen(window, button) for button in _buttons(window)]
    finally:
        apply_language("en")
    assert len({place.y() for place in places}) == 1
    assert places[0].x() > places[1].x() > places[2].x(), "Write a letter comes first, at the right"


def _in_page(page, widget) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(page, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("language", ["en", "de"])
def test_at_the_windows_smallest_no_wrapped_row_sits_under_the_story(
    make_window, app_paths: AppPaths, qtbot, language: str
) -> None:  # type: ignore[no-untyped-def]
    """Made as small as it goes, the window wraps the heading and puts each button on a row
    of its own: every row keeps its own place above the story, and the page scrolls to it."""
    apply_language(language)
    try:
        store(app_paths, numbered_case(56, "Demokratische Republik Kongo", 12))
        window = make_window()
        assert window.case_list.select_case(1)
        qtbot.waitUntil(lambda: window.detail.currentIndex() == 1)
        window.resize(1, 1)
        qtbot.wait(50)
        page = window.detail.case_page()
        assert window.height() <= 400, "the window still fits a small laptop at 200 %"
        rows = [page.ua_label, page.title_label, page.facts_label, *_buttons(window)]
        places = [_in_page(page, widget) for widget in rows]
        body = _in_page(page, page.body)
        assert len({place.y() for place in places[-3:]}) == 3, "a row of its own for each"
        for widget, place in zip(rows, places, strict=True):
            assert place.bottom() < body.top(), (widget.objectName() or widget.text(), place)
            assert place.height() >= widget.heightForWidth(place.width()) or not (
                widget.hasHeightForWidth()
            ), f"{widget.text()} is cut"
        for i, place in enumerate(places):
            assert not any(place.intersects(other) for other in places[i + 1 :])
        last = page.original_button
        page.parentWidget().parentWidget().ensureWidgetVisible(last)
        qtbot.wait(20)
        shown = QRect(last.mapTo(window.detail, last.rect().topLeft()), last.size())
        assert window.detail.rect().contains(shown), "the page scrolls to its last button"
    finally:
        apply_language("en")
