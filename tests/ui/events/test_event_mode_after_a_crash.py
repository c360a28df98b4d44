"""Event mode outlives a crash: the next start returns to the event screen, behind the same PIN."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.services.events import create_event
from app.ui.events import event_mode_window, events_dialog
from app.ui.events.pin import PinLock
from tests.builders import open_event_store

EVENT = "Library evening (fictional)"
PIN = "2468"


@pytest.fixture(autouse=True)
def organiser_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The organiser chooses 2468, and types it whenever it is asked (windows left open
    close at the end of a test)."""
    monkeypatch.setattr(events_dialog, "choose_pin", lambda parent: PinLock(PIN))
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches(PIN))


@pytest.fixture
def event_store(app_paths: AppPaths) -> AppPaths:
    db = open_event_store(app_paths.data_dir)
    create_event(db, EVENT, cases=["12/26", "34/26"])
    db.close()
    return app_paths


def _start_event_mode(window):  # type: ignore[no-untyped-def]
    """Events > Event mode…, the event chosen, Start event mode."""
    dialog = window.events_menu.open_dialog()
    dialog.event_list.setCurrentRow(0)
    assert dialog.current_event().name == EVENT
    return dialog.start_event_mode()


def test_a_crash_in_event_mode_returns_to_the_event_screen_behind_the_same_pin(
    qtbot: QtBot, make_window, event_store: AppPaths, messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import when_ready
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    first = make_window()
    running = _start_event_mode(first)
    assert running is not None and running.isVisible() and not first.isVisible()
    kept = event_store.event_mode_file.read_bytes()
    assert PIN.encode() not in kept  # a salted hash, never the PIN

    # killed: nothing of the first copy runs again, its files are simply left as they were
    running.hide()
    first.context.close_store()

    second = make_window()
    when_ready(second, second.context)  # what a start does once the cases are listed
    resumed = second.events_menu.dialog.event_window
    assert resumed is not None and resumed.isVisible()
    assert resumed.heading.text() == EVENT
    assert not second.isVisible()  # the organiser's own window stays hidden
    assert not second.findChildren(WelcomeDialog)

    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches("1357"))
    resumed.close()  # a participant who does not know the PIN
    assert resumed.isVisible() and not second.isVisible()
    assert event_store.event_mode_file.exists()

    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches(PIN))
    with qtbot.wait_signal(resumed.left):
        resumed.close()
    assert not resumed.isVisible() and second.isVisible()
    assert not event_store.event_mode_file.exists()  # the next start is an ordinary one
    assert second.events_menu.resume_event_mode() is None


def test_event_mode_that_cannot_be_kept_does_not_start(
    qtbot: QtBot, make_window, event_store: AppPaths, messages
) -> None:  # type: ignore[no-untyped-def]
    """A full disk (here: a folder where the file goes) would let a crash skip the PIN."""
    event_store.event_mode_file.mkdir()
    window = make_window()
    assert _start_event_mode(window) is None
    [(kind, title, text)] = messages.shown
    assert kind == "error" and title == "Event mode was not started"
    assert "a crash would let anyone past the PIN" in text
    assert window.isVisible() and window.events_menu.dialog.event_window is None
