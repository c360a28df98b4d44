"""The organiser's Events dialog at its default size in every shipped language: every button
shows its whole label with room to spare, and a Close button closes the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from app.services.events import create_event
from app.store.database import Database
from app.ui.events.events_dialog import EventsDialog


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    from app.ui.language import apply_language

    apply_language(request.param)
    yield request.param
    apply_language("en")


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "ar"], indirect=True)
def test_every_button_shows_its_whole_label_at_the_default_size(
    db: Database, qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    create_event(db, "Write for Rights 2026 (fictional)", cases=["12/26", "34/26"])
    dialog = EventsDialog(db)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.grab().save(str(tmp_path / f"events-{language}.png"))  # paints at this size
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 9  # seven actions, Create event, Close
    for button in buttons:
        label = button.text().replace("&", "")
        text_width = button.fontMetrics().horizontalAdvance(label)
        margin = button.fontMetrics().averageCharWidth()  # on each side, beyond the frame
        assert button.width() >= text_width + 2 * margin, (language, label)
        inside = button.mapTo(dialog, button.rect().topRight()).x()
        assert 0 < inside <= dialog.width(), (language, label)


def test_the_close_button_closes_the_dialog(db: Database, qtbot: QtBot) -> None:
    dialog = EventsDialog(db)
    qtbot.add_widget(dialog)
    dialog.show()
    close = dialog.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isVisible()
    with qtbot.wait_signal(dialog.finished):
        close.click()
    assert not dialog.isVisible()


@pytest.mark.parametrize("language", ["en", "de"], indirect=True)
def test_each_event_is_listed_with_its_whole_name_and_date_at_the_default_size(
    db: Database, qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    from PySide6.QtCore import QRect, Qt

    create_event(db, "Write for Rights 2026, town library (fictional)", held_on=date(2026, 12, 10))
    dialog = EventsDialog(db)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.grab().save(str(tmp_path / f"event-list-{language}.png"))
    listed = dialog.event_list
    item = listed.item(0)
    shown = listed.visualItemRect(item)
    needed = listed.fontMetrics().boundingRect(
        QRect(0, 0, shown.width(), 10_000), Qt.TextFlag.TextWordWrap, item.text()
    )
    assert not listed.horizontalScrollBar().isVisible()
    assert shown.right() <= listed.viewport().width()
    assert shown.height() >= needed.height(), item.text()
