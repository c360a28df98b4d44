"""Event mode in a window 800 pixels wide: both choices of what the participant writes show
their whole label in every shipped language, none cut off at the window's edge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from app.paths import resolve_paths
from app.services.events import create_event
from app.services.samples import load_sample_pack
from app.store.database import Database, open_database
from app.ui.events import event_mode_window
from app.ui.events.event_mode_window import EventModeWindow
from app.ui.events.kiosk_printing import KioskPrinting
from app.ui.events.pin import PinLock

SHIPPED_LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")


@pytest.fixture
def pack(tmp_path: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path / "data"))
    load_sample_pack(database)
    yield database
    database.close()


def visible_rect(button: QRadioButton, window: EventModeWindow) -> QRect:
    """The part of the button inside the window: what the user sees of it."""
    top_left = button.mapTo(window, QPoint(0, 0))
    return QRect(top_left, button.size()).intersected(window.rect())


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_each_kind_of_letter_shows_its_whole_label_at_800_pixels(
    language: str,
    pack: Database,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.application import apply_language

    apply_language(language)
    try:
        monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: True)
        event = create_event(pack, "Evening (fictional)", cases=["902/27"])
        window = EventModeWindow(pack, event, PinLock("2468"), kiosk=KioskPrinting(tmp_path))
        qtbot.add_widget(window)
        window.show()
        window.resize(800, 600)
        QApplication.processEvents()
        assert window.width() == 800
        for button in (window.form.appeal_radio, window.form.solidarity_radio):
            seen = visible_rect(button, window)
            assert button.sizeHint().width() <= seen.width(), (language, button.text())
        window.leave(pin_checked=True)
    finally:
        apply_language("en")
