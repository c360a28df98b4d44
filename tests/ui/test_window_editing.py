"""The Edit menu in the real main window: Delete and the context menu on the case list,
Ctrl+Z and Ctrl+Shift+Z, the detail pane's marks and Help > Keyboard shortcuts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from app.domain.model import Channel
from app.services import appeals, cases, editing
from app.services.database import Database
from tests.builders import dump, fictional_document, store_documents
from tests.ui.conftest import RecordedMessages


def listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [case.ua_number for case in window.shown_cases()]


def select(window, ua_number: str) -> None:  # type: ignore[no-untyped-def]
    row = listed(window).index(ua_number)
    window.case_list.table.selectRow(row)


def test_edit_menu_sits_after_file_with_undo_and_redo_keys(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&Case"]
    edits = window.edits
    assert edits.undo.shortcut().toString() == "Ctrl+Z"
    assert edits.redo.shortcut().toString() == "Ctrl+Shift+Z"
    assert not edits.undo.isEnabled()
    window.menu_actions.shortcuts.trigger()
    from app.ui.shortcuts_help import ShortcutsDialog

    dialog = window.findChild(ShortcutsDialog)
    keys = dict(dialog.rows())
    assert keys["Ctrl+Z"] == "Undo" and keys["Ctrl+Shift+Z"] == "Redo"
    assert keys["F2"] == "Edit case" and keys["Del"] == "Delete case"
    assert "Menu key" in keys
    dialog.close()


def test_delete_key_on_the_list_then_ctrl_z_and_ctrl_shift_z(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    store_documents(
        app_paths,
        fictional_document("61/15"),
        fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"),
    )
    appeals.record_appeal(open_db, "61/15", target_index=1, channel=Channel.POST)
    before = dump(open_db)
    window = make_window()
    select(window, "61/15")
    messages.answer = False  # "Delete UA 61/15?" no
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Delete)
    assert dump(open_db) == before  # said no: nothing removed
    assert [title for _kind, title, _text in messages.shown] == ["Delete UA 61/15?"]
    messages.answer = True
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Delete)
    question = messages.shown[-1]
    assert question[1] == "Delete UA 61/15?"  # one question, the appeals kept unless unticked
    assert "1 imported document" in question[2]
    assert (
        "[x] Keep the 1 recorded appeal as history, so it still counts in reports" in (question[2])
    )
    qtbot.waitUntil(lambda: "61/15" not in listed(window))
    assert [c.ua_number for c in cases.list_cases(open_db, include_closed=True)] == ["62/15"]
    assert window.edits.undo.text() == "&Undo delete UA 61/15"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "61/15" in listed(window))
    assert dump(open_db) == before
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "61/15" not in listed(window))


def test_right_click_menu_edits_the_row_under_the_pointer(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog

    store_documents(
        app_paths,
        fictional_document("61/15"),
        fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"),
    )
    window = make_window()
    table = window.case_list.table
    row = listed(window).index("62/15")
    position = table.visualRect(table.model().index(row, 0)).center()
    table.customContextMenuRequested.emit(position)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    entries = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert entries[:2] == ["&Edit case…", "&Delete case…"]
    menu.close()
    assert window.current_case().ua_number == "62/15"
    window.edits.edit_case.trigger()
    dialog = window.findChild(CaseEditDialog)
    dialog.title.setText("Journalist held for an article")
    dialog.buttons.accepted.emit()
    page = window.detail.case_page()
    qtbot.waitUntil(lambda: page.title_label.text() == "Journalist held for an article")
    assert "Changed by you: Title." in page.body.toPlainText()
    assert cases.get_case(open_db, "62/15").corrected_fields == {"title"}
    window.edits.undo.trigger()
    qtbot.waitUntil(lambda: page.title_label.text() == "FICTIONAL JOURNALIST HELD")


def test_a_later_document_shows_its_difference_in_the_detail_pane(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,  # type: ignore[no-untyped-def]
) -> None:
    from app.domain.model import OutputKind
    from app.services.importing import save_parsed

    store_documents(app_paths, fictional_document("61/15"))
    editing.edit_case(open_db, "61/15", title="My title")
    update = fictional_document("61/15", title="FICTIONAL TEACHER RELEASED", kind=OutputKind.UPDATE)
    save_parsed(open_db, replace(update, issued_on=date.today()), "update.txt")
    window = make_window()
    select(window, "61/15")
    page = window.detail.case_page()
    qtbot.waitUntil(lambda: page.title_label.text() == "My title")
    text = page.body.toPlainText()
    assert "A later document says Title: \u201cFICTIONAL TEACHER RELEASED\u201d" in text


def test_a_saved_draft_reopens_in_the_letter_editor_and_becomes_the_sent_appeal(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.domain.model import AppealStatus
    from tests.ui.conftest import wait_for_letter

    store_documents(app_paths, fictional_document("61/15"))
    kept = appeals.record_appeal(
        open_db,
        "61/15",
        target_index=2,
        channel=None,
        status=AppealStatus.DRAFT,
        text="Dear Prosecutor General,\n\nMy own words, kept as a draft.",
    )
    window = make_window()
    window.menu_actions.history.trigger()
    history = window.case_actions.history_dialog
    history.case_combo.setCurrentIndex(0)
    history.table.selectRow(0)
    history.editing.open_current_draft()
    letter = wait_for_letter(window.case_actions.letter_dialog)
    qtbot.waitUntil(lambda: "My own words" in letter.text())
    assert letter.target_index() == 2
    letter.letter_edit.appendPlainText("One more sentence.")
    letter.request_mark_sent()
    window.case_actions.mark_sent_dialog.accept()
    [sent] = appeals.list_appeals(open_db)  # the draft became the appeal: no second record
    assert sent.appeal_id == kept.appeal_id
    assert sent.status is AppealStatus.SENT
    assert sent.text.endswith("One more sentence.")


def test_a_draft_reopens_in_the_language_it_was_written_in(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    """A French draft of an English UA opens with "French" chosen: marking it sent keeps it
    French, with the French subject, not the English letter drafted behind it."""
    from app.domain.model import AppealStatus
    from tests.ui.conftest import wait_for_letter

    store_documents(app_paths, fictional_document("61/15"))
    kept = appeals.record_appeal(
        open_db,
        "61/15",
        target_index=1,
        channel=None,
        status=AppealStatus.DRAFT,
        language="fr",
        text="Monsieur le Procureur général,\n\nMes propres mots, gardés en brouillon.",
    )
    window = make_window()
    window.menu_actions.history.trigger()
    history = window.case_actions.history_dialog
    history.case_combo.setCurrentIndex(0)
    history.table.selectRow(0)
    history.editing.open_current_draft()
    letter = wait_for_letter(window.case_actions.letter_dialog)
    qtbot.waitUntil(lambda: "Mes propres mots" in letter.text())
    assert letter.language_combo.currentText() == "French"
    assert letter.draft().subject.startswith("AU 61/15")
    letter.request_mark_sent()
    window.case_actions.mark_sent_dialog.accept()
    [sent] = appeals.list_appeals(open_db)
    assert sent.appeal_id == kept.appeal_id
    assert sent.language == "fr"
    assert "Mes propres mots" in sent.text


def test_ctrl_z_in_the_history_window_brings_back_the_appeal_deleted_there(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    """The history's delete box says the deletion can be undone: Ctrl+Z and Ctrl+Shift+Z work
    in the history window itself, and its menu offers Undo."""
    store_documents(app_paths, fictional_document("61/15"))
    appeals.record_appeal(open_db, "61/15", target_index=1, channel=Channel.POST)
    before = dump(open_db)
    window = make_window()
    window.case_actions.show_history()
    history = window.case_actions.history_dialog
    qtbot.wait_until(lambda: history.model.rowCount() == 1)
    history.activateWindow()  # the user works in the history window
    qtbot.wait_until(lambda: QApplication.activeWindow() is history)
    history.table.setFocus()
    history.table.selectRow(0)
    messages.answer = True
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert "You can undo this" in messages.shown[-1][2]
    qtbot.wait_until(lambda: history.model.rowCount() == 0)
    assert appeals.list_appeals(open_db) == []
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(lambda: history.model.rowCount() == 1)
    assert dump(open_db) == before
    history.table.selectRow(0)
    assert keyboard_menu(history.table)[-1] == "&Redo delete an appeal for UA 61/15"
    qtbot.keyClick(
        history.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.wait_until(lambda: history.model.rowCount() == 0)
    assert appeals.list_appeals(open_db) == []
    history.close()


def test_the_shortcuts_list_names_undo_whatever_it_would_undo(
    qtbot,
    make_window,
    app_paths,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.shortcuts_help import ShortcutsDialog

    store_documents(app_paths, fictional_document("61/15"), fictional_document("62/15"))
    window = make_window()
    select(window, "61/15")
    window.edits.delete_case.trigger()
    assert window.edits.undo.text() == "&Undo delete UA 61/15"  # the menu names the action
    window.menu_actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    keys = dict(dialog.rows())
    assert keys["Ctrl+Z"] == "Undo" and keys["Ctrl+Shift+Z"] == "Redo"
    dialog.close()


def keyboard_menu(view) -> list[str]:  # type: ignore[no-untyped-def]
    """What the Menu key opens on ``view``: Qt sends a keyboard context-menu event at the
    current row (the offscreen platform has no Menu key of its own to press)."""
    from PySide6.QtGui import QContextMenuEvent

    at = view.visualRect(view.currentIndex()).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, at, view.viewport().mapToGlobal(at)
    )
    QApplication.sendEvent(view.viewport(), event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "the Menu key opened no menu"
    entries = [a.text() for a in menu.actions() if not a.isSeparator() and a.isEnabled()]
    menu.close()
    return entries


def test_the_menu_key_opens_the_menu_of_the_current_row_on_every_list(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,  # type: ignore[no-untyped-def]
) -> None:
    from app.services import events

    store_documents(app_paths, fictional_document("61/15"), fictional_document("62/15"))
    appeals.record_appeal(open_db, "61/15", target_index=1, channel=Channel.POST)
    events.create_event(open_db, "Library evening (fictional)", cases=["61/15"])
    window = make_window()
    select(window, "62/15")
    assert keyboard_menu(window.case_list.table)[:2] == ["&Edit case…", "&Delete case…"]
    assert window.current_case().ua_number == "62/15"

    select(window, "61/15")
    window.case_actions.show_history()
    history = window.case_actions.history_dialog
    qtbot.wait_until(lambda: history.model.rowCount() == 1)
    history.table.selectRow(0)
    assert keyboard_menu(history.table)[:2] == ["&Edit appeal…", "&Delete…"]
    history.close()

    dialog = window.events_menu.open_dialog()
    dialog.event_list.setCurrentRow(0)
    assert keyboard_menu(dialog.event_list) == ["&Edit event…", "&Delete event…"]
    dialog.close()


@pytest.mark.parametrize("keep", [True, False])
def test_one_question_deletes_a_case_and_its_box_says_whether_its_appeals_stay(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,
    keep: bool,  # type: ignore[no-untyped-def]
) -> None:
    store_documents(app_paths, fictional_document("61/15"), fictional_document("62/15"))
    appeals.record_appeal(open_db, "61/15", target_index=1, channel=Channel.POST)
    window = make_window()
    select(window, "61/15")
    messages.answer, messages.option = True, keep
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "61/15" not in listed(window))
    assert [title for _kind, title, _text in messages.shown] == ["Delete UA 61/15?"]
    assert len(appeals.list_appeals(open_db)) == (1 if keep else 0)


@pytest.mark.parametrize("keep", [True, False])
def test_escape_in_the_case_editor_asks_before_dropping_the_changes(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,
    keep: bool,  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog

    store_documents(app_paths, fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"))
    window = make_window()
    window.edits.edit_case.trigger()
    dialog = window.findChild(CaseEditDialog)
    dialog.title.setText("Journalist held for an article")
    messages.answer = keep
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert messages.shown == [
        ("ask", "Keep your changes?", "You changed this case. Save your changes?")
    ]
    assert not dialog.isVisible()
    title = cases.get_case(open_db, "62/15").title
    assert title == ("Journalist held for an article" if keep else "FICTIONAL JOURNALIST HELD")
    window.edits.edit_case.trigger()
    again = [d for d in window.findChildren(CaseEditDialog) if d.isVisible()][0]
    again.title.setText("Something else")
    again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()  # Cancel: no question
    assert len(messages.shown) == 1 and cases.get_case(open_db, "62/15").title == title


def test_escape_then_cancel_in_the_case_editor_goes_back_to_the_changes(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages: RecordedMessages,
) -> None:
    """A writer who pressed Escape by mistake answers Cancel: the editor stays open with
    every change in it, and nothing was saved or dropped."""
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog
    from app.ui.messages import KeepChoice

    store_documents(app_paths, fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"))
    window = make_window()
    window.edits.edit_case.trigger()
    dialog = window.findChild(CaseEditDialog)
    dialog.title.setText("Journalist held for an article")
    messages.keep = KeepChoice.GO_BACK
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert [title for _kind, title, _text in messages.shown] == ["Keep your changes?"]
    assert dialog.isVisible() and dialog.title.text() == "Journalist held for an article"
    assert cases.get_case(open_db, "62/15").title == "FICTIONAL JOURNALIST HELD"
    messages.keep = KeepChoice.KEEP
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert cases.get_case(open_db, "62/15").title == "Journalist held for an article"
