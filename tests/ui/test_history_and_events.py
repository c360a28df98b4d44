"""Edit, delete, undo and redo appeals, drafts, replies and events from their dialogs, with
a real store read back after each step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain.model import AppealStatus, Channel
from app.services import appeals, editing, events
from app.services.database import Database
from app.ui.edit_actions import EditActions
from tests.builders import dump, fictional_document
from tests.ui.conftest import RecordedMessages


@pytest.fixture
def store(open_db: Database) -> Database:
    from app.services.importing import save_parsed

    save_parsed(open_db, fictional_document("61/15"), "a.txt")
    appeals.record_appeal(
        open_db,
        "61/15",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 3, 1),
        text="Dear Minister, as sent",
    )
    return open_db


@pytest.fixture
def edit(qtbot, store: Database) -> EditActions:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.add_widget(parent)
    return EditActions(parent, lambda: store, lambda: None)


@pytest.fixture
def history(qtbot, store: Database, edit: EditActions):  # type: ignore[no-untyped-def]
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.history_editing import HistoryEditing

    dialog = HistoryDialog(lambda: store, ["61/15"])
    qtbot.add_widget(dialog)
    dialog.editing = HistoryEditing(dialog, lambda: store, edit.record)
    dialog.show()
    dialog.reload()
    dialog.table.selectRow(0)
    return dialog


def events_window_with_an_event(qtbot, store: Database, edit: EditActions):  # type: ignore[no-untyped-def]
    """The Events window on a fictional event for UA 61/15, its edits on the window's stack."""
    from app.ui.events.events_dialog import EventsDialog

    events.create_event(store, "Library evening (fictional)", cases=["61/15"])
    board = EventsDialog(store)
    qtbot.add_widget(board)
    edit.attach_events(board)
    board.reload("Library evening (fictional)")
    return board


def test_appeal_edit_keeps_the_first_text_and_undoes(
    qtbot,
    history,
    store: Database,
    edit: EditActions,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.appeal_edit_dialog import AppealEditDialog

    before = dump(store)
    history.editing.edit_current()
    editor = history.findChild(AppealEditDialog)
    editor.channel.setCurrentIndex(editor.channel.findData("email"))
    editor.official.setCurrentIndex(1)
    editor.text.setPlainText("Dear Prosecutor, corrected")
    editor.buttons.accepted.emit()
    [record] = appeals.list_appeals(store)
    assert (record.channel, record.target_index, record.text) == (
        Channel.EMAIL,
        2,
        "Dear Prosecutor, corrected",
    )
    assert record.target_label.startswith("Prosecutor General")
    assert [t for _w, t in editing.appeal_versions(store, record.appeal_id)] == [
        "Dear Minister, as sent"
    ]
    assert history.model.record_at(0).channel == Channel.EMAIL  # the dialog shows it
    assert edit.undo.text() == "&Undo edit the appeal for UA 61/15"
    edit.undo.trigger()
    assert dump(store) == before


def test_delete_key_deletes_a_draft_after_saying_what_goes(
    qtbot,
    history,
    store: Database,
    edit: EditActions,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    appeals.record_appeal(
        store, "61/15", target_index=1, channel=None, status=AppealStatus.DRAFT, text="draft"
    )
    history.reload()
    row = next(
        r
        for r in range(history.model.rowCount())
        if history.model.record_at(r).status is AppealStatus.DRAFT
    )
    history.table.selectRow(row)
    before = dump(store)
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert "the draft to Minister of Justice, Rui Costa for UA 61/15" in messages.shown[-1][2]
    assert [a.status for a in appeals.list_appeals(store)] == [AppealStatus.SENT]
    assert history.model.rowCount() == 1
    edit.undo.trigger()
    assert dump(store) == before
    edit.redo.trigger()
    assert len(appeals.list_appeals(store)) == 1


def test_reply_note_is_shown_edited_and_deleted(
    qtbot,
    history,
    store: Database,
    edit: EditActions,
    monkeypatch,
    messages,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QInputDialog

    [record] = appeals.list_appeals(store)
    appeals.record_reply(store, record.appeal_id, date(2026, 4, 1), "They will look into it")
    history.reload()
    history.table.selectRow(0)
    assert "They will look into it" in history.scan_label.text()
    before = dump(store)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Promised a visit", True)
    )
    history.editing.edit_current_reply()
    assert appeals.list_appeals(store)[0].reply_note == "Promised a visit"
    history.editing.delete_current_reply()
    assert appeals.list_appeals(store)[0].reply_on is None
    edit.undo.trigger()
    edit.undo.trigger()
    assert dump(store) == before


def test_event_edit_and_delete_from_the_events_dialog(
    qtbot,
    store: Database,
    edit: EditActions,
    messages: RecordedMessages,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.events.event_editing import EventEditDialog, EventEditing
    from app.ui.events.events_dialog import EventsDialog

    events.create_event(store, "W4R", cases=["61/15"], goal=10)
    event = events.get_event(store, "W4R")
    events.record_event_letter(store, event, "61/15", target_index=1, count=3)
    before = dump(store)
    dialog = EventsDialog(store)
    qtbot.add_widget(dialog)
    editing_ = EventEditing(dialog, lambda: store, edit.record)
    dialog.reload("W4R")
    editing_.edit_current()
    editor = dialog.findChild(EventEditDialog)
    editor.name.setText("Write for Rights 2026")
    editor.place.setText("Town library")
    editor.cases.setPlainText("61/15 25")
    editor.buttons.accepted.emit()
    changed = events.get_event(store, "Write for Rights 2026")
    assert changed.place == "Town library" and changed.cases[0].goal == 25
    assert dialog.current_event().name == "Write for Rights 2026"
    messages.answer = False  # keep the letters? no: they go with the event; then "delete?" no
    editing_.delete_current()
    assert events.list_events(store) != []  # said no: nothing deleted
    answers = iter([False, True])  # do not keep the letters; yes, delete
    from app.ui.messages import Messages

    monkeypatch.setattr(Messages, "ask", staticmethod(lambda *_a: next(answers)))
    editing_.delete_current()
    assert events.list_events(store) == []
    assert appeals.list_appeals(store)[0].count == 1  # the event's 3 letters went with it
    edit.undo.trigger()
    edit.undo.trigger()
    assert dump(store) == before


def test_undo_and_redo_show_at_once_in_the_open_lists(
    qtbot,
    store: Database,
    edit: EditActions,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.history_dialog import HistoryDialog

    board = events_window_with_an_event(qtbot, store, edit)
    board.event_list.setFocus()
    board.show()
    qtbot.wait_exposed(board)
    edit.stack.clear()
    from app.ui.events.event_editing import EventEditing

    [editing_] = board.findChildren(EventEditing)
    editing_.delete_current()
    assert messages.shown[-1][2].startswith("This removes the event Library evening (fictional).")
    assert board.event_list.count() == 0
    edit.undo.trigger()
    assert board.event_list.count() == 1  # back in the open dialog, not only in the store
    edit.redo.trigger()
    assert board.event_list.count() == 0

    history = HistoryDialog(lambda: store, ["61/15"])
    qtbot.add_widget(history)
    edit.attach_history(history)
    history.reload()
    history.table.selectRow(0)
    history.editing.delete_current()
    assert history.model.rowCount() == 0
    edit.undo.trigger()
    assert history.model.rowCount() == 1


@pytest.mark.parametrize("keep", [True, False])
def test_escape_in_the_appeal_editor_asks_before_dropping_the_changes(
    qtbot,
    history,
    store: Database,
    messages: RecordedMessages,
    keep: bool,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.appeal_edit_dialog import AppealEditDialog

    history.editing.edit_current()
    editor = history.findChild(AppealEditDialog)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing changed: it closes without a question
    assert messages.shown == [] and not editor.isVisible()
    history.editing.edit_current()
    editor = [d for d in history.findChildren(AppealEditDialog) if d.isVisible()][0]
    editor.text.setPlainText("Dear Minister, as I sent it")
    messages.answer = keep
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert messages.shown == [
        ("ask", "Keep your changes?", "You changed this appeal record. Save your changes?")
    ]
    assert not editor.isVisible()
    [record] = appeals.list_appeals(store)
    expected = "Dear Minister, as I sent it" if keep else "Dear Minister, as sent"
    assert record.text == expected


def test_a_handwritten_batch_counted_by_mistake_is_taken_back_by_undo(
    qtbot,
    store: Database,
    edit: EditActions,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.events import organiser_files
    from app.ui.events.batch_dialog import BatchDialog

    board = events_window_with_an_event(qtbot, store, edit)
    edit.stack.clear()

    def typed_120(parent: QWidget, event: object) -> BatchDialog:
        batch = BatchDialog(board.current_event(), parent)
        batch.count_spin.setValue(120)  # 12 was meant
        return batch

    monkeypatch.setattr(organiser_files, "run_batch_dialog", typed_120)
    board.batch_button.click()
    assert board.status.text() == (
        "Counted 120 letters for UA 61/15. "
        "To take them back: Ctrl+Z (Edit > Undo in the main window)."
    )
    assert events.event_tally(store, "Library evening (fictional)").total == 120
    assert edit.undo.isEnabled()
    assert edit.undo.text() == "&Undo count a batch of handwritten letters for UA 61/15"

    edit.undo.trigger()

    assert events.event_tally(store, "Library evening (fictional)").total == 0
    assert board.status.text() == ""  # "Counted 120 letters" no longer holds
    edit.redo.trigger()
    assert events.event_tally(store, "Library evening (fictional)").total == 120


def test_a_letter_counted_at_an_event_is_marked_in_the_history(qtbot, store: Database) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.models.appeal_table_model import AppealColumn

    events.create_event(store, "Library evening (fictional)", cases=["61/15"])
    event = events.get_event(store, "Library evening (fictional)")
    events.record_event_letter(store, event, "61/15", target_index=1, count=3)
    dialog = HistoryDialog(lambda: store, ["61/15"])
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.reload()
    model = dialog.model
    kinds = {
        model.record_at(row).event_name: model.index(row, AppealColumn.KIND)  # type: ignore[union-attr]
        for row in range(model.rowCount())
    }
    at_event, at_home = kinds["Library evening (fictional)"], kinds[None]
    assert at_event.data() == "Appeal, at an event" and at_home.data() == "Appeal"
    said = "Appeal, written at the event \u201cLibrary evening (fictional)\u201d"
    assert at_event.data(Qt.ItemDataRole.ToolTipRole) == said
    assert at_event.data(Qt.ItemDataRole.AccessibleTextRole) == said
    assert at_home.data(Qt.ItemDataRole.ToolTipRole) is None
    dialog.table.selectRow(at_event.row())
    assert dialog.letter_view.toPlainText().startswith(said + ". Letters written at an event")
    dialog.table.selectRow(at_home.row())
    assert dialog.letter_view.toPlainText() == "Dear Minister, as sent"
