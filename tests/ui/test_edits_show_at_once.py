"""A correction made in Edit case (and its undo) shows in the case list as soon as the dialog
closes, without waiting for the whole list to be read again in the background (which, on a
busy machine, waited seconds behind other jobs). Deleting a case, and undoing that, still
re-lists the cases. Fictional cases in a real store."""

from __future__ import annotations

from app.domain.model import CaseStatus
from app.services.database import Database
from tests.builders import fictional_document, store_documents


def shown_titles(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {case.ua_number: case.title for case in window.shown_cases()}


def edit(window, ua_number: str, **changes: object) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog

    window.select_case(next(c.case_id for c in window.shown_cases() if c.ua_number == ua_number))
    window.edits.edit_case.trigger()
    dialog = window.findChildren(CaseEditDialog)[-1]
    if "title" in changes:
        dialog.title.setText(str(changes["title"]))
    if "status" in changes:
        dialog.status.setCurrentIndex(dialog.status.findData(changes["status"]))
    dialog.buttons.accepted.emit()


def test_an_edit_and_its_undo_show_in_the_list_at_once(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,  # type: ignore[no-untyped-def]
) -> None:
    store_documents(
        app_paths,
        fictional_document("61/15"),
        fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"),
    )
    window = make_window()
    # Nothing below waits for events: the list must already show what the user just did.
    edit(window, "62/15", title="Journalist held for an article")
    assert shown_titles(window)["62/15"] == "Journalist held for an article"
    window.edits.undo.trigger()
    assert shown_titles(window)["62/15"] == "FICTIONAL JOURNALIST HELD"
    window.edits.redo.trigger()
    assert shown_titles(window)["62/15"] == "Journalist held for an article"
    edit(window, "61/15", status=CaseStatus.CLOSED.value)
    assert "61/15" not in shown_titles(window)  # closed cases leave the open list
    assert window.count_label.text() == "1 open case · 1 closed"
    window.edits.undo.trigger()
    assert "61/15" in shown_titles(window)


def test_deleting_a_case_and_undoing_it_still_relist_the_cases(
    qtbot,
    make_window,
    app_paths,
    open_db: Database,
    messages,  # type: ignore[no-untyped-def]
) -> None:
    store_documents(
        app_paths,
        fictional_document("61/15"),
        fictional_document("62/15", title="FICTIONAL JOURNALIST HELD"),
    )
    window = make_window()
    window.select_case(next(c.case_id for c in window.shown_cases() if c.ua_number == "61/15"))
    messages.answer = True
    window.edits.delete_case.trigger()
    qtbot.waitUntil(lambda: "61/15" not in shown_titles(window))
    window.edits.undo.trigger()
    qtbot.waitUntil(lambda: "61/15" in shown_titles(window))
