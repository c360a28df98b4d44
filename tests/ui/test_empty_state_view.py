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
