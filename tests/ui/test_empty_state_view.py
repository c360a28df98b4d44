"""The first-run page is made when it is first shown, and then works as it always did."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.views.empty_state_view import EmptyStateView


def test_the_page_is_made_when_shown_and_its_buttons_work(qtbot: QtBot) -> None:
    page = EmptyStateView()
    qtbot.addWidget(page)
    assert page.layout() is None  # nothing made before it is shown
    page.show()
    content = page.content()
    assert page.layout() is not None  # made by showing, not by asking for the widgets
    assert content.heading.isVisible()
    assert content.heading.text() == "No Urgent Actions yet"
    assert content.import_button.isVisible() and content.import_button.isDefault()
    with qtbot.waitSignal(page.samples_requested):
        content.samples_button.click()
    with qtbot.waitSignal(page.paste_requested):
        content.paste_button.click()


def test_a_disabled_page_makes_disabled_buttons(qtbot: QtBot) -> None:
    page = EmptyStateView()
    qtbot.addWidget(page)
    page.setEnabled(False)  # no store: nothing on the page may look as if it could work
    page.show()
    content = page.content()
    assert not content.import_button.isEnabled()
    assert not content.samples_button.isEnabled()


def test_a_language_change_before_it_is_shown_makes_nothing(qtbot: QtBot) -> None:
    page = EmptyStateView()
    qtbot.addWidget(page)
    page.retranslate_ui()
    assert page.layout() is None  # still made only when first shown


def test_a_window_made_as_small_as_it_goes_shows_the_welcome_text_whole(
    make_window, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """In German (the longest text) at the window's minimum size, the explanation is laid out
    at its full height and the page scrolls to the buttons, instead of cutting it mid-line."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.ui.application import apply_language

    apply_language("de")
    try:
        window = make_window()
        window.resize(window.minimumSizeHint())
        window.resize(window.minimumSize().expandedTo(window.minimumSizeHint()))
        QTest.qWait(50)
        content = window.empty_state.content()
        explanation = content.explanation
        assert explanation.isVisible() and explanation.text().startswith("Amnesty-Sektionen")
        assert explanation.height() >= explanation.heightForWidth(explanation.width())
        content.import_button.setFocus()
        QTest.keyClick(content.import_button, Qt.Key.Key_Tab)  # as a keyboard user moves on
        assert content.samples_button.hasFocus()
        button = content.samples_button
        viewport = content.scroll.viewport()
        corner = button.mapTo(viewport, button.rect().bottomRight())
        assert viewport.rect().contains(corner)  # the focused button scrolled into view
    finally:
        apply_language("en")
