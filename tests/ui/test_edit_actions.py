"""The Edit menu's actions on a real store: delete, edit, undo and redo, read back from SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from app.domain.model import CaseSummary, Channel
from app.services import appeals, cases
from app.services.database import Database
from app.ui.edit_actions import EditActions
from tests.builders import dump, fictional_document
from tests.ui.conftest import RecordedMessages


@pytest.fixture
def store(app_paths, open_db: Database) -> Database:  # type: ignore[no-untyped-def]
    from app.services.importing import save_parsed

    save_parsed(open_db, fictional_document("61/15"), "a.txt")
    save_parsed(open_db, fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"), "b.txt")
    appeals.record_appeal(open_db, "61/15", target_index=1, channel=Channel.POST)
    return open_db


@pytest.fixture
def actions(qtbot, store: Database) -> Iterator[tuple[EditActions, list[CaseSummary]]]:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.add_widget(parent)
    chosen: list[CaseSummary] = []
    edit = EditActions(parent, lambda: store, lambda: chosen[0] if chosen else None)
    yield edit, chosen


def choose(chosen: list[CaseSummary], db: Database, ua_number: str) -> None:
    chosen[:] = [c for c in cases.list_cases(db, include_closed=True) if c.ua_number == ua_number]


def test_delete_says_what_goes_then_undo_and_redo(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    edit, chosen = actions
    before = dump(store)
    choose(chosen, store, "61/15")
    messages.answer = True  # delete? yes, the appeals kept as the ticked box offers
    with qtbot.waitSignal(edit.store_changed):
        edit.delete_case.trigger()
    asked = [text for kind, _title, text in messages.shown if kind == "ask"]
    assert len(asked) == 1
    assert "UA 61/15" in asked[-1] and "1 imported document" in asked[-1]
    assert "[x] Keep the 1 recorded appeal as history, so it still counts in reports" in (asked[-1])
    assert [c.ua_number for c in cases.list_cases(store, include_closed=True)] == ["62/15"]
    assert edit.undo.text() == "&Undo delete UA 61/15"
    edit.undo.trigger()
    assert dump(store) == before
    assert edit.redo.text() == "&Redo delete UA 61/15"
    edit.redo.trigger()
    assert [c.ua_number for c in cases.list_cases(store, include_closed=True)] == ["62/15"]


def test_saying_no_deletes_nothing(
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    edit, chosen = actions
    before = dump(store)
    choose(chosen, store, "62/15")
    messages.answer = False
    edit.delete_case.trigger()
    assert dump(store) == before
    assert not edit.undo.isEnabled()


def test_edit_dialog_saves_a_correction_that_undo_takes_back(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog

    edit, chosen = actions
    before = dump(store)
    dialog = CaseEditDialog(cases.get_case(store, "62/15"))
    qtbot.add_widget(dialog)
    dialog.bind(store)
    dialog.change_made.connect(edit.record)
    dialog.title.setText("Journalist held in Atlantis")
    dialog.no_deadline.setChecked(True)
    dialog.persons.setPlainText("Ana Lima (she/her)\nTeo Lima (he/him)")
    dialog.officials.item(1, 0).setText("Attorney General")
    dialog.buttons.accepted.emit()
    case = cases.get_case(store, "62/15")
    assert case.title == "Journalist held in Atlantis"
    assert case.deadline is None
    assert [p.name for p in case.persons] == ["Ana Lima", "Teo Lima"]
    assert case.targets[1].title == "Attorney General"
    assert case.corrected_fields == {"title", "deadline", "persons", "targets"}
    assert edit.undo.text() == "&Undo edit UA 62/15"
    edit.undo.trigger()
    assert dump(store) == before


def test_undo_last_import_and_practice_cases(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.services.samples import load_sample_pack

    edit, _chosen = actions
    before = dump(store)
    load_sample_pack(store)
    edit.remove_practice.trigger()
    assert "901/27" in messages.shown[-1][2]
    assert {c.ua_number for c in cases.list_cases(store, include_closed=True)} == {
        "61/15",
        "62/15",
    }
    edit.undo.trigger()  # the practice cases are back
    assert len(cases.list_cases(store, include_closed=True)) == 4
    edit.undo_import.trigger()  # the sample pack was the last import
    assert dump(store) == before


def test_one_document_deleted_rebuilds_the_case_and_comes_back(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from dataclasses import replace
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from app.domain.model import OutputKind
    from app.services.importing import save_parsed

    edit, chosen = actions
    update = fictional_document(
        "62/15", title="FICTIONAL JOURNALIST RELEASED", kind=OutputKind.UPDATE
    )
    save_parsed(store, replace(update, issued_on=date.today()), "update.txt")
    assert cases.get_case(store, "62/15").title == "FICTIONAL JOURNALIST RELEASED"
    before = dump(store)
    choose(chosen, store, "62/15")
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, current, _editable):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    edit.delete_document.trigger()
    assert offered[0][-1].endswith("update.txt")
    assert "update.txt" in messages.shown[-1][2]
    case = cases.get_case(store, "62/15")
    assert case.title == "FICTIONAL JOURNALIST HELD" and len(case.outputs) == 1
    edit.undo.trigger()
    assert dump(store) == before


def test_the_edit_dialog_says_who_decided_the_status(
    qtbot,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.services import editing
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog

    dialog = CaseEditDialog(cases.get_case(store, "62/15"))
    qtbot.add_widget(dialog)
    assert dialog.status.currentText() == "Open"
    assert dialog.status_source.text() == "As the UA's documents say"
    editing.edit_case(store, "62/15", status="closed")
    dialog = CaseEditDialog(cases.get_case(store, "62/15"))
    qtbot.add_widget(dialog)
    assert dialog.status.currentText() == "Closed"
    assert dialog.status_source.text() == "Set by you"


def test_undo_import_that_would_be_refused_asks_nothing_and_says_why(
    actions,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.services.importing import ImportBatch, save_parsed

    edit, _chosen = actions
    save_parsed(open_db, fictional_document("63/15"), "c.txt", batch=ImportBatch("c.txt"))
    appeals.record_appeal(open_db, "63/15", target_index=1, channel=Channel.POST)
    before = dump(open_db)
    messages.answer = True

    edit.undo_import.trigger()

    [(kind, title, text)] = messages.shown
    assert kind == "error" and title == "The import was not undone"
    assert "cannot be undone" in text and "These cases go" not in text
    assert dump(open_db) == before


def test_undo_import_of_cases_all_removed_since_says_nothing_is_left(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.services.samples import load_sample_pack

    edit, _chosen = actions
    load_sample_pack(store)
    messages.answer = True
    edit.remove_practice.trigger()
    asked_before = sum(kind == "ask" for kind, _title, _text in messages.shown)
    cases_before = cases.list_cases(store, include_closed=True)
    edit.undo_import.trigger()
    kind, _title, text = messages.shown[-1]
    assert kind == "info"
    assert text == (
        "There is nothing left to undo for the import of sample pack: its cases have been "
        "removed since. Nothing was changed."
    )
    assert sum(kind == "ask" for kind, _title, _text in messages.shown) == asked_before
    assert cases.list_cases(store, include_closed=True) == cases_before


def test_the_undo_entry_names_the_action_in_the_interface_language(
    qtbot,
    actions,
    store: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app import i18n

    edit, chosen = actions
    said: list[str] = []
    edit.status_message.connect(lambda text, _ms: said.append(text))
    choose(chosen, store, "62/15")
    messages.answer = True
    i18n.set_language("es")
    try:
        with qtbot.waitSignal(edit.store_changed):
            edit.delete_case.trigger()
        assert "eliminar AU 62/15" in edit.undo.text()
        edit.undo.trigger()
    finally:
        i18n.set_language("en")
    assert said[-1] == "Deshecho: eliminar AU 62/15."
