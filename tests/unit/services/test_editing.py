"""Edit, delete, undo and redo each kind of record through the services, read back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from app.domain.changes import CaseEdits
from app.domain.errors import CaseNotFound, InvalidInput
from app.domain.model import AppealStatus, Channel, OutputKind, Person
from app.services import appeals, cases, editing, events, reports
from app.services.importing import import_files, save_parsed
from app.store.database import Database
from app.store.row_changes import ChangedSince
from tests.builders import (
    INITIAL_901,
    INITIAL_902,
    UPDATE_901,
    dump,
    fictional_document,
    make_document,
)


@pytest.fixture
def store(db: Database) -> Database:
    save_parsed(db, make_document(), "doc.txt")
    return db


def test_case_edit_is_undone_and_redone(store: Database) -> None:
    before = dump(store)
    change = editing.edit_case(
        store,
        "UA 12/26",
        title="Teacher held in Atlantis",
        deadline=date(2026, 4, 1),
        status="closed",
        persons=(Person("Ana Lima", "she/her"), Person("Rui Lima")),
    )
    assert change.description == "edit UA 12/26"
    case = cases.get_case(store, "12/26")
    assert case.title == "Teacher held in Atlantis"
    assert case.deadline == date(2026, 4, 1)
    assert case.status.value == "closed"
    assert [p.name for p in case.persons] == ["Ana Lima", "Rui Lima"]
    assert case.corrected_fields == {"title", "deadline", "status", "persons"}
    after = dump(store)
    editing.undo(store, change)
    assert dump(store) == before
    assert cases.get_case(store, "12/26").corrected_fields == frozenset()
    editing.redo(store, change)
    assert dump(store) == after


def test_setting_a_field_back_to_the_document_drops_the_correction(store: Database) -> None:
    editing.edit_case(store, "12/26", country="Atlantida")
    editing.edit_case(store, "12/26", country="Atlantis")
    assert cases.get_case(store, "12/26").corrected_fields == frozenset()


def test_corrections_survive_a_later_document_which_shows_its_difference(
    store: Database,
) -> None:
    editing.edit_case(store, "12/26", title="My own title", country="Atlantida")
    update = make_document(
        kind=OutputKind.UPDATE,
        title="FICTIONAL TEACHER MOVED TO ANOTHER PRISON",
        country="Atlantis",
        issued_on=date(2026, 2, 1),
        text="update text",
    )
    save_parsed(store, update, "update.txt")
    case = cases.get_case(store, "12/26")
    assert case.title == "My own title"
    assert case.country == "Atlantida"
    # The title changed in the documents: the user is asked; the country did not.
    assert [(d.field, d.user_value, d.document_value) for d in case.differences] == [
        ("title", "My own title", "FICTIONAL TEACHER MOVED TO ANOTHER PRISON")
    ]
    change = editing.resolve_difference(store, "12/26", "title", accept=True)
    case = cases.get_case(store, "12/26")
    assert case.title == "FICTIONAL TEACHER MOVED TO ANOTHER PRISON"
    assert "title" not in case.corrected_fields and case.differences == ()
    editing.undo(store, change)
    assert cases.get_case(store, "12/26").title == "My own title"
    editing.resolve_difference(store, "12/26", "title", accept=False)
    case = cases.get_case(store, "12/26")
    assert case.title == "My own title" and case.differences == ()


def test_a_user_decided_status_stays_open_after_a_final_document(store: Database) -> None:
    editing.edit_case(store, "12/26", status="open")  # same as the documents: no correction
    editing.edit_case(store, "12/26", status="closed")
    save_parsed(
        store, make_document(kind=OutputKind.UPDATE, text="u2", issued_on=date(2026, 2, 2)), "u"
    )
    assert cases.get_case(store, "12/26").status.value == "closed"


def test_appeal_edit_keeps_the_original_text_as_a_version(store: Database) -> None:
    record = appeals.record_appeal(
        store, "12/26", target_index=1, channel=Channel.POST, text="Dear Minister, first"
    )
    change = editing.edit_appeal(
        store, record.appeal_id[:8], channel="email", sent_on=date(2026, 2, 3), text="Corrected"
    )
    [after] = appeals.list_appeals(store)
    assert (after.channel, after.sent_on, after.text) == (
        Channel.EMAIL,
        date(2026, 2, 3),
        "Corrected",
    )
    assert [text for _when, text in editing.appeal_versions(store, record.appeal_id)] == [
        "Dear Minister, first"
    ]
    editing.undo(store, change)
    [back] = appeals.list_appeals(store)
    assert (back.channel, back.text) == (Channel.POST, "Dear Minister, first")
    assert editing.appeal_versions(store, record.appeal_id) == []


def test_appeal_and_draft_deletion_is_undone(store: Database) -> None:
    sent = appeals.record_appeal(store, "12/26", target_index=1, channel=Channel.POST)
    draft = appeals.record_appeal(
        store, "12/26", target_index=1, channel=None, status=AppealStatus.DRAFT, text="draft"
    )
    before = dump(store)
    first = editing.delete_appeal(store, sent.appeal_id)
    second = editing.delete_appeal(store, draft.appeal_id)
    assert second.description == "delete a draft for UA 12/26"
    assert appeals.list_appeals(store) == []
    editing.undo(store, second)
    editing.undo(store, first)
    assert dump(store) == before


def test_reply_edit_and_deletion(store: Database) -> None:
    record = appeals.record_appeal(store, "12/26", target_index=1, channel=Channel.POST)
    appeals.record_reply(store, record.appeal_id, date(2026, 3, 1), "Acknowledged")
    edit = editing.edit_reply(store, record.appeal_id, note="They promised to look at it")
    assert appeals.list_appeals(store)[0].reply_note == "They promised to look at it"
    gone = editing.delete_reply(store, record.appeal_id)
    [plain] = appeals.list_appeals(store)
    assert (plain.reply_on, plain.reply_note) == (None, None)
    editing.undo(store, gone)
    editing.undo(store, edit)
    assert appeals.list_appeals(store)[0].reply_note == "Acknowledged"


def test_case_deletion_with_or_without_its_appeals(store: Database) -> None:
    appeals.record_appeal(
        store, "12/26", target_index=1, channel=Channel.POST, sent_on=date(2026, 2, 1)
    )
    before = dump(store)
    preview = editing.preview_case_deletion(store, "12/26")
    assert (preview.documents, preview.appeals) == (1, 1)
    change = editing.delete_case(store, "12/26")
    assert cases.list_cases(store, include_closed=True) == []
    assert reports.section_report(store).total == 0
    editing.undo(store, change)
    assert dump(store) == before
    kept = editing.delete_case(store, "12/26", keep_appeals=True)
    assert cases.list_cases(store, include_closed=True) == []
    assert cases.peek_cases(_paths(store)) == []
    with pytest.raises(CaseNotFound):
        cases.get_case(store, "12/26")
    assert reports.section_report(store).total == 1  # kept as history: still counted
    editing.undo(store, kept)
    assert dump(store) == before


def _paths(db: Database):  # type: ignore[no-untyped-def]
    from app.paths import resolve_paths

    assert db.path is not None
    return resolve_paths(db.path.parent)


def test_a_removed_case_comes_back_when_a_document_is_imported(store: Database) -> None:
    appeals.record_appeal(store, "12/26", target_index=1, channel=Channel.POST)
    editing.delete_case(store, "12/26", keep_appeals=True)
    save_parsed(store, make_document(text="again"), "again.txt")
    assert cases.get_case(store, "12/26").appeals[0].channel == Channel.POST


def test_document_deletion_rebuilds_the_case(db: Database) -> None:
    import_files(db, [INITIAL_901, UPDATE_901])
    case = cases.get_case(db, "901/27")
    assert len(case.outputs) == 2
    before = dump(db)
    change = editing.delete_document(db, "901/27", case.outputs[-1].output_id)
    rebuilt = cases.get_case(db, "901/27")
    assert len(rebuilt.outputs) == 1
    assert rebuilt.title == case.outputs[0].title
    with pytest.raises(InvalidInput, match="only document"):
        editing.delete_document(db, "901/27", rebuilt.outputs[0].output_id)
    editing.undo(db, change)
    assert dump(db) == before


def test_event_edit_and_deletion(store: Database) -> None:
    save_parsed(store, make_document(ua_number="13/26", text="other"), "other.txt")
    events.create_event(store, "Write for Rights", cases=["12/26"], goal=10)
    event = events.get_event(store, "Write for Rights")
    events.record_event_letter(store, event, "12/26", target_index=1, count=5)
    before = dump(store)
    edit = editing.edit_event(
        store,
        "Write for Rights",
        new_name="Write for Rights 2026",
        place="Town hall",
        cases={"12/26": 20, "13/26": None},
    )
    edited = events.get_event(store, "Write for Rights 2026")
    assert edited.place == "Town hall"
    assert [(c.ua_number, c.goal) for c in edited.cases] == [("12/26", 20), ("13/26", None)]
    preview = editing.preview_event_deletion(store, "Write for Rights 2026")
    assert preview.letters == 5
    kept = editing.delete_event(store, "Write for Rights 2026", keep_letters=True)
    assert events.list_events(store) == []
    assert reports.section_report(store).total == 5
    editing.undo(store, kept)
    gone = editing.delete_event(store, "Write for Rights 2026")
    assert reports.section_report(store).total == 0
    editing.undo(store, gone)
    editing.undo(store, edit)
    assert dump(store) == before


def test_practice_cases_are_removed_and_come_back(db: Database) -> None:
    from app.services.samples import load_sample_pack

    save_parsed(db, make_document(), "real.txt")
    load_sample_pack(db)
    appeals.record_appeal(db, "901/27", target_index=1, channel=Channel.POST)
    before = dump(db)
    assert set(editing.practice_cases(db).cases) == {"901/27", "902/27"}
    change = editing.remove_practice_cases(db)
    assert [c.ua_number for c in cases.list_cases(db, include_closed=True)] == ["12/26"]
    editing.undo(db, change)
    assert dump(db) == before


def test_undo_refuses_when_the_record_changed_since(store: Database) -> None:
    change = editing.edit_case(store, "12/26", title="First")
    editing.edit_case(store, "12/26", title="Second")
    with pytest.raises(ChangedSince):
        editing.undo(store, change)
    assert cases.get_case(store, "12/26").title == "Second"


def test_bad_edits_change_nothing(store: Database) -> None:
    before = dump(store)
    for bad in (
        lambda: editing.edit_case(store, "12/26"),
        lambda: editing.edit_case(store, "12/26", status="pending"),
        lambda: editing.edit_case(store, "12/26", CaseEdits(title="  ")),
        lambda: editing.edit_case(store, "99/99", title="x"),
        lambda: editing.edit_appeal(store, "zz"),
    ):
        with pytest.raises((InvalidInput, CaseNotFound)):
            bad()
    assert dump(store) == before


def test_import_of_two_samples_then_undo_of_a_sample_deletion(db: Database) -> None:
    import_files(db, [INITIAL_902])
    change = editing.delete_case(db, "902/27")
    editing.undo(db, change)
    editing.redo(db, change)
    assert cases.list_cases(db, include_closed=True) == []


def test_the_letter_editors_work_is_saved_once_with_its_official(store: Database) -> None:
    save_parsed(store, fictional_document("13/26"), "13.txt")  # two officials

    def save(reopened: str | None, target: int, status: AppealStatus, **more: object) -> None:
        editing.save_letter(
            store,
            "13/26",
            reopened_draft=reopened,
            target_index=target,
            text="Dear Minister, please act.",
            written_to=1,
            language="en",
            status=status,
            **more,  # type: ignore[arg-type]
        )

    save(None, 1, AppealStatus.DRAFT, sent_on=date(2026, 3, 1))
    [draft] = cases.get_case(store, "13/26").appeals
    assert (draft.text, draft.status, draft.sent_on) == (
        "Dear Minister, please act.",
        AppealStatus.DRAFT,
        None,  # only a sent letter has a date
    )
    save(draft.appeal_id, 1, AppealStatus.SENT, channel=Channel.POST, sent_on=date(2026, 3, 2))
    [sent] = cases.get_case(store, "13/26").appeals  # the draft itself, not a second appeal
    assert (sent.appeal_id, sent.status, sent.sent_on) == (
        draft.appeal_id,
        AppealStatus.SENT,
        date(2026, 3, 2),
    )
    save(None, 2, AppealStatus.PRINTED)  # marked for another official than it was written to
    printed = next(a for a in cases.get_case(store, "13/26").appeals if a.target_index == 2)
    assert printed.text == ""


def test_a_recorded_appeal_is_undone_and_redone_in_one_step_each(store: Database) -> None:
    save_parsed(store, fictional_document("13/26"), "13.txt")
    change = editing.save_letter(
        store,
        "13/26",
        reopened_draft=None,
        target_index=1,
        text="Dear Minister, please act.",
        written_to=1,
        language="en",
        status=AppealStatus.SENT,
        channel=Channel.EMAIL,
        sent_on=date(2026, 3, 2),
    )
    assert change.description == "record an appeal for UA 13/26"
    assert cases.list_cases(store)[0].appeals_sent == 1
    editing.undo(store, change)
    assert cases.get_case(store, "13/26").appeals == ()
    assert cases.list_cases(store)[0].appeals_sent == 0
    editing.redo(store, change)
    [again] = cases.get_case(store, "13/26").appeals
    assert (again.channel, again.sent_on, again.text) == (
        Channel.EMAIL,
        date(2026, 3, 2),
        "Dear Minister, please act.",
    )
    # a reply recorded since: the undo refuses rather than lose it
    appeals.record_reply(store, again.appeal_id, reply_on=date(2026, 4, 1), note="They wrote.")
    with pytest.raises(ChangedSince):
        editing.undo(store, change)


def test_a_counted_batch_of_handwritten_letters_is_taken_back_in_one_step(
    store: Database,
) -> None:
    event = events.create_event(store, "Fictional evening", cases=["12/26"])
    record = events.record_event_letter(store, event, "12/26", target_index=None, count=120)
    change = editing.counted_batch_change(store, record.appeal_id)
    assert change.description == "count a batch of handwritten letters for UA 12/26"
    assert cases.list_cases(store)[0].appeals_sent == 120
    editing.undo(store, change)
    assert cases.list_cases(store)[0].appeals_sent == 0
    editing.redo(store, change)
    assert cases.list_cases(store)[0].appeals_sent == 120


def test_an_action_is_named_in_english_for_the_window_to_translate(store: Database) -> None:
    """The service names what it did as an English template with its fields, whatever the
    interface language; the window and the command line translate it where they show it."""
    from app import i18n

    i18n.set_language("es")
    try:
        preview = editing.preview_case_deletion(store, "12/26")
        change = editing.delete_case(store, "12/26")
        assert (preview.what, change.description) == ("UA 12/26", "delete UA 12/26")
        shown = (preview.what.translated(i18n._), change.description.translated(i18n._))
    finally:
        i18n.set_language("en")
    assert shown == ("AU 12/26", "eliminar AU 12/26")


def test_an_appeal_deleted_elsewhere_while_it_is_edited_is_said_to_be_gone(
    store: Database,
) -> None:
    """The appeal is deleted between the edit's look-up and its change (as a laptop on a
    shared store may do; here plain SQL on the file, just before the change's transaction
    begins): the edit says the appeal is gone instead of failing inside."""
    from sqlalchemy import event
    from sqlalchemy.engine import Connection

    record = appeals.record_appeal(store, "12/26", target_index=1, channel=Channel.POST)
    begun: list[object] = []

    def delete_it_before_the_second_transaction(conn: Connection) -> None:
        begun.append(None)
        if len(begun) == 2:  # the look-up is done; the change is about to start
            driver = conn.connection.driver_connection
            assert driver is not None
            driver.execute("DELETE FROM appeals WHERE uuid = ?", (record.appeal_id,))
            driver.commit()

    event.listen(store.engine, "begin", delete_it_before_the_second_transaction, insert=True)
    try:
        with pytest.raises(InvalidInput) as refused:
            editing.edit_appeal(store, record.appeal_id, sent_on=date(2026, 2, 3))
    finally:
        event.remove(store.engine, "begin", delete_it_before_the_second_transaction)
    assert str(refused.value) == "That appeal is no longer in the database."
    assert appeals.list_appeals(store) == []


@contextmanager
def deleted_between_look_up_and_change(
    store: Database, sql: str, *params: object
) -> Iterator[None]:
    """Run ``sql`` on the file just before the second transaction begins: after the change's
    look-up and before the change itself, as another laptop on a shared store may."""
    from sqlalchemy import event
    from sqlalchemy.engine import Connection

    begun: list[object] = []

    def delete_it(conn: Connection) -> None:
        begun.append(None)
        if len(begun) == 2:
            driver = conn.connection.driver_connection
            assert driver is not None
            driver.execute(sql, params)
            driver.commit()

    event.listen(store.engine, "begin", delete_it, insert=True)
    try:
        yield
    finally:
        event.remove(store.engine, "begin", delete_it)


@pytest.mark.parametrize(
    "change",
    [
        lambda db: editing.edit_case(db, "12/26", title="Teacher held"),
        lambda db: editing.delete_case(db, "12/26"),
        lambda db: editing.resolve_difference(db, "12/26", "title", accept=True),
    ],
    ids=["edit", "delete", "resolve"],
)
def test_a_case_deleted_elsewhere_while_it_is_changed_is_said_to_be_gone(
    store: Database, change: Callable[[Database], object]
) -> None:
    with (
        deleted_between_look_up_and_change(store, "DELETE FROM cases WHERE ua_number = '12/26'"),
        pytest.raises(CaseNotFound) as refused,
    ):
        change(store)
    assert str(refused.value) == "You have no case with UA number 12/26."
    assert cases.list_cases(store, include_closed=True) == []


def test_an_event_deleted_elsewhere_while_it_is_edited_is_said_to_be_gone(
    store: Database,
) -> None:
    events.create_event(store, "Fictional evening", cases=["12/26"])
    with (
        deleted_between_look_up_and_change(
            store,
            "DELETE FROM events WHERE name = 'Fictional evening'",
        ),
        pytest.raises(InvalidInput) as refused,
    ):
        editing.edit_event(store, "Fictional evening", place="Library")
    assert str(refused.value) == "That event is no longer in the database."
    assert events.list_events(store) == []
