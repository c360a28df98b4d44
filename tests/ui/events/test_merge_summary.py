"""The Events dialog after a merge: plain counts of what the files changed, and a window
that keeps its size however many files were merged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.editing import delete_appeal, edit_appeal
from app.services.event_files import export_event, merge_file
from app.services.events import create_event, event_tally, get_event, record_event_letter
from app.store.database import Database
from app.ui.events import organiser_files
from app.ui.events.events_dialog import EventsDialog
from tests.builders import laptop

EVENT = "Library evening (fictional)"


@pytest.fixture
def dialog(db: Database, qtbot: QtBot) -> EventsDialog:
    create_event(db, EVENT, cases=["12/26", "34/26"])
    shown = EventsDialog(db)
    qtbot.add_widget(shown)
    shown.show()
    qtbot.wait_exposed(shown)
    return shown


def test_the_merge_says_in_plain_counts_what_a_laptops_corrections_did(
    dialog: EventsDialog, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = tmp_path / "seed.json"
    export_event(db, EVENT, seed)
    other = laptop(tmp_path, "table-3")
    try:
        merge_file(other, seed)
        event = get_event(other, EVENT)
        kept, deleted, corrected = (
            record_event_letter(other, event, ua, target_index=1, count=n)
            for ua, n in (("12/26", 1), ("12/26", 2), ("34/26", 3))
        )
        first, later = tmp_path / "table-3.json", tmp_path / "table-3 later.json"
        export_event(other, EVENT, first)
        delete_appeal(other, deleted.appeal_id)
        edit_appeal(other, corrected.appeal_id, channel="email")
        export_event(other, EVENT, later)
    finally:
        other.close()
    monkeypatch.setattr(organiser_files, "ask_open_paths", lambda *a: [first, later])

    dialog.merge_button.click()

    total, first_line, later_line = dialog.status.text().splitlines()
    assert total == "2 files merged: 3 added, 1 updated, 1 removed, 1 already present, 0 conflicts."
    assert first_line == f"table-3.json: '{EVENT}': 3 added, 0 already present, 0 conflicts"
    assert later_line == (
        f"table-3 later.json: '{EVENT}': 0 added, 1 updated, 1 removed, 1 already present, "
        "0 conflicts"
    )
    assert event_tally(db, EVENT).total == 1 + 3
    assert kept.appeal_id


def test_the_window_keeps_its_size_when_many_files_are_merged(
    dialog: EventsDialog,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    record_event_letter(db, get_event(db, EVENT), "12/26", target_index=1)
    one = tmp_path / "laptop.json"
    export_event(db, EVENT, one)
    files = [one]
    for number in range(1, 30):  # the same file copied onto the stick from many laptops
        copy = tmp_path / f"laptop {number}.json"
        shutil.copyfile(one, copy)
        files.append(copy)
    monkeypatch.setattr(organiser_files, "ask_open_paths", lambda *a: files)
    before = dialog.size()

    dialog.merge_button.click()
    qtbot.wait(50)  # the layout settles

    lines = dialog.status.text().splitlines()
    assert len(lines) == 1 + 30 and lines[0].startswith("30 files merged: 0 added")
    assert dialog.height() <= before.height() + 5 * dialog.fontMetrics().lineSpacing()
    assert dialog.status.height() > dialog.status_area.viewport().height()  # they scroll
    assert dialog.status_area.verticalScrollBar().maximum() > 0
