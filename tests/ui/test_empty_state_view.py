"""The first-run page is made when it is first shown, and then works as it always did."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.views.empty_state_view import EmptyStateView


def test_the_page_is_made_when_shown_and_its_buttons_work(qtbot: QtBot) -> None:
    page = EmptyStateView()
    qtbot.addWidget(page)
    assert page.layout() is None  # nothing made before it is shown
    page.show()
    assert page.heading.isVisible()
    assert page.heading.text() == "No Urgent Actions yet"
    assert page.import_button.isVisible() and page.import_button.isDefault()
    with qtbot.waitSignal(page.samples_requested):
        page.samples_button.click()
    with qtbot.waitSignal(page.paste_requested):
        page.paste_button.click()


def test_a_disabled_page_makes_disabled_buttons(qtbot: QtBot) -> None:
    page = EmptyStateView()
    qtbot.addWidget(page)
    page.setEnabled(False)  # no store: nothing on the page may look as if it could work
    page.show()
    assert not page.import_button.isEnabled()
    assert not page.samples_button.isEnabled()
