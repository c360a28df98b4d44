"""After "Create event" the form is blank for the next one: no name, no place, today's date,
no case ticked and no goal. What was typed went into the event just created, read back from
the real store (fictional cases)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.services.events import list_events
from app.store.database import Database
from app.ui.events.events_dialog import EventsDialog


def test_the_form_is_blank_after_an_event_is_created(db: Database, qtbot: QtBot) -> None:
    dialog = EventsDialog(db)
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.form
    form.name_edit.setText("Library evening (fictional)")
    form.place_edit.setText("Town library")
    form.date_edit.setDate(QDate.currentDate().addDays(3))
    form.tick("12/26", goal=20)
    form.tick("34/26")
    dialog.create_button.click()

    [event] = [e for e in list_events(db) if e.name == "Library evening (fictional)"]
    assert event.place == "Town library"
    assert event.held_on == date.today() + timedelta(days=3)
    assert sorted((c.ua_number, c.goal) for c in event.cases) == [("12/26", 20), ("34/26", None)]
    assert dialog.status.text() == "Created \u201cLibrary evening (fictional)\u201d."

    assert form.name_edit.text() == ""
    assert form.place_edit.text() == ""
    assert form.held_on() == date.today()
    assert form.cases() == {}
    goals = [form.case_table.item(row, 1) for row in range(form.case_table.rowCount())]
    assert all(cell.data(Qt.ItemDataRole.DisplayRole) == 0 for cell in goals if cell)
