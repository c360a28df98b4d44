"""Edit and delete what the user made, each in one transaction, and undo or redo it.

Every action reads the rows it touches before and after, and returns them as a
``StoreChange``: the Edit menu's undo stack keeps those for the session. Undo and redo check
that the rows are still as the action left them, so they never overwrite a later change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.changes import (
    CASE_TO_DELETE,
    AppealEdits,
    CaseEdits,
    DeletionPreview,
    EventEdits,
    RowState,
    StoreChange,
)
from app.domain.errors import N_, InvalidInput, Phrase, TargetOutOfRange
from app.domain.model import (
    AppealStatus,
    CaseStatus,
    Channel,
    normalize_ua_number,
    official_label,
)
from app.services.cases import case_not_found
from app.services.limits import check_sent_date, check_sent_for_stored_case
from app.store import case_repository, corrections, edit_scopes, event_repository, row_changes
from app.store.database import Database
from app.store.edit_scopes import Selections
from app.store.schema import AppealRow, AppealVersionRow, CaseRow, EventCaseRow, EventRow

MIN_ID_PREFIX = 4


def ua_key(ua_number: str) -> str:
    return normalize_ua_number(ua_number) or ua_number.strip()


def _change(
    db: Database,
    description: Callable[[Session], Phrase],
    scope: Callable[[Session], Selections],
    act: Callable[[Session], None],
    ua_number: Callable[[Session], str | None] = lambda _s: None,
) -> StoreChange:
    """Run ``act`` in one transaction and return its rows before and after."""
    with db.unit_of_work() as session:
        selections = scope(session)
        before = row_changes.capture(session, selections)
        text = description(session)
        number = ua_number(session)
        act(session)
        session.flush()
        after = row_changes.capture(session, selections)
        event_repository.note_moved_appeals(session, before, after, restored=False)
    changed = not row_changes.same_rows(before, after)
    return StoreChange(text, _plain(before), _plain(after), number, changed=changed)


def _plain(rows: row_changes.Rows) -> RowState:
    return {name: {k: dict(v) for k, v in found.items()} for name, found in rows.items() if found}


# ---- undo and redo -------------------------------------------------------------------


def undo(db: Database, change: StoreChange) -> None:
    """Put the rows back as they were before ``change``."""
    _move(db, change.after, change.before)


def redo(db: Database, change: StoreChange) -> None:
    """Do ``change`` again, after it was undone."""
    _move(db, change.before, change.after)


def _move(db: Database, expected: RowState, wanted: RowState) -> None:
    keys: dict[str, set[int]] = {}
    for state in (expected, wanted):
        for name, rows in state.items():
            keys.setdefault(name, set()).update(rows)
    try:
        with db.unit_of_work() as session:
            current = edit_scopes.rows_by_keys(session, keys)
            if not row_changes.same_rows(current, expected):
                raise row_changes.ChangedSince(
                    N_("This cannot be undone or redone: the record was changed again since.")
                )
            row_changes.transition(session, current, wanted)
            event_repository.note_moved_appeals(session, current, wanted)
    except IntegrityError:
        raise row_changes.ChangedSince(
            N_("This cannot be undone or redone: the record was changed again since.")
        ) from None


# ---- cases ---------------------------------------------------------------------------


def _case(session: Session, ua_number: str) -> CaseRow:
    row = case_repository.case_row(session, ua_key(ua_number))
    if row is None:
        raise case_not_found(ua_number)
    return row


def _case_id(db: Database, ua_number: str) -> tuple[int, str]:
    with db.unit_of_work() as session:
        row = _case(session, ua_number)
        return row.id, row.ua_number


def _case_values(edits: CaseEdits) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if edits.title is not None:
        title = " ".join(edits.title.split())
        if not title:
            raise InvalidInput(N_("A case needs a title."))
        values["title"] = title
    if edits.country is not None:
        values["country"] = " ".join(edits.country.split())
    if edits.clear_deadline:
        values["deadline"] = None
    elif edits.deadline is not None:
        values["deadline"] = edits.deadline.isoformat()
    if edits.status is not None:
        try:
            values["status"] = CaseStatus(edits.status.strip().lower()).value
        except ValueError:
            raise InvalidInput(
                N_("A case is either open or closed, not '{status}'."), status=edits.status
            ) from None
    if edits.language is not None:
        if not edits.language.strip():
            raise InvalidInput(N_("Say which language the case's documents are in."))
        values["language"] = edits.language.strip()
    if edits.preferred_languages is not None:
        values["preferred_languages"] = [x.strip() for x in edits.preferred_languages if x.strip()]
    if edits.persons is not None:
        persons = [p for p in edits.persons if p.name.strip()]
        values["persons"] = [
            {"name": p.name.strip(), "pronouns": (p.pronouns or "").strip() or None}
            for p in persons
        ]
    if edits.targets is not None:
        values["targets"] = [_target_value(t) for t in edits.targets]
    if not values:
        raise InvalidInput(N_("Say what to change (a title, country, deadline or status…)."))
    return values


def _target_value(target: Any) -> dict[str, Any]:
    value = {key: getattr(target, key) for key in corrections.TARGET_KEYS}
    value["social"] = list(target.social)
    if not (value["title"] or value["name"]):
        raise InvalidInput(N_("Each official needs an office or a name."))
    if value["gender"] not in (None, "", "f", "m"):
        raise InvalidInput(N_("An official's gender is f, m or not known."))
    return {k: (v.strip() or None) if isinstance(v, str) else v for k, v in value.items()}


def edit_case(
    db: Database, ua_number: str, edits: CaseEdits | None = None, **fields: Any
) -> StoreChange:
    """Correct a case's fields; corrected fields stay when a later document arrives."""
    values = _case_values(edits or CaseEdits(**fields))
    case_id, number = _case_id(db, ua_number)

    def act(session: Session) -> None:
        row = _case_still_there(session, case_id, number)
        for field, value in values.items():
            corrections.correct(session, row, field, value)

    return _change(
        db,
        lambda _s: Phrase(N_("edit UA {ua_number}"), ua_number=number),
        lambda session: edit_scopes.case_scope(case_id),
        act,
        lambda _s: number,
    )


def resolve_difference(db: Database, ua_number: str, field: str, *, accept: bool) -> StoreChange:
    """Take a later document's value (``accept``) or keep the user's correction."""
    case_id, number = _case_id(db, ua_number)

    def act(session: Session) -> None:
        row = _case_still_there(session, case_id, number)
        if accept:
            corrections.accept_difference(session, row, field)
        else:
            corrections.keep_correction(session, row, field)

    return _change(
        db,
        lambda _s: Phrase(
            N_("take the document's value for UA {ua_number}")
            if accept
            else N_("keep your value for UA {ua_number}"),
            ua_number=number,
        ),
        lambda session: edit_scopes.case_scope(case_id),
        act,
        lambda _s: number,
    )


def preview_case_deletion(db: Database, ua_number: str) -> DeletionPreview:
    """What deleting the case would remove: its documents, appeals and event places."""
    with db.unit_of_work() as session:
        row = _case(session, ua_number)
        appeals = list(session.scalars(select(AppealRow).where(AppealRow.case_id == row.id)))
        events = session.scalars(
            select(EventRow.name)
            .join(EventCaseRow, EventCaseRow.event_id == EventRow.id)
            .where(EventCaseRow.case_id == row.id)
        )
        return DeletionPreview(
            what=Phrase(CASE_TO_DELETE, ua_number=row.ua_number),
            documents=len(row.outputs),
            appeals=len(appeals),
            letters=sum(a.count for a in appeals),
            events=tuple(events),
            cases=(row.ua_number,),
        )


def delete_case(db: Database, ua_number: str, *, keep_appeals: bool = False) -> StoreChange:
    """Delete a case with its documents; its appeals too, unless kept as history (they then
    still count in reports, and the case comes back with them if a document is imported)."""
    case_id, number = _case_id(db, ua_number)

    def act(session: Session) -> None:
        row = _case_still_there(session, case_id, number)
        session.execute(delete(EventCaseRow).where(EventCaseRow.case_id == case_id))
        if keep_appeals:
            for table in ("case_differences", "case_corrections", "persons", "targets", "outputs"):
                column = row_changes.table(table).c.case_id
                session.execute(delete(row_changes.table(table)).where(column == case_id))
            row.removed_at = datetime.now(UTC)
            return
        appeal_ids = list(session.scalars(select(AppealRow.id).where(AppealRow.case_id == case_id)))
        session.execute(delete(AppealVersionRow).where(AppealVersionRow.appeal_id.in_(appeal_ids)))
        session.execute(delete(AppealRow).where(AppealRow.id.in_(appeal_ids)))
        session.delete(row)

    return _change(
        db,
        lambda _s: Phrase(N_("delete UA {ua_number}"), ua_number=number),
        lambda session: edit_scopes.case_with_history_scope(session, case_id),
        act,
        lambda _s: number,
    )


def delete_document(db: Database, ua_number: str, output_id: int) -> StoreChange:
    """Remove one document of a case; the case is derived again from the others."""
    case_id, number = _case_id(db, ua_number)

    def act(session: Session) -> None:
        row = _case_still_there(session, case_id, number)
        doomed = [o for o in row.outputs if o.id == output_id]
        if not doomed:
            raise InvalidInput(N_("That document is no longer part of the case."))
        if len(row.outputs) == 1:
            raise InvalidInput(
                N_("This is the only document of UA {ua_number}: delete the case instead."),
                ua_number=number,
            )
        row.outputs.remove(doomed[0])
        session.flush()
        edit_scopes.rebuild_case(session, row)

    return _change(
        db,
        lambda _s: Phrase(N_("delete a document of UA {ua_number}"), ua_number=number),
        lambda session: edit_scopes.case_scope(case_id),
        act,
        lambda _s: number,
    )


def practice_cases(db: Database) -> DeletionPreview:
    """The fictional sample cases and what goes with them."""
    with db.unit_of_work() as session:
        rows = list(session.scalars(select(CaseRow).where(CaseRow.is_sample.is_(True))))
        ids = [r.id for r in rows]
        appeals = list(session.scalars(select(AppealRow).where(AppealRow.case_id.in_(ids))))
        return DeletionPreview(
            what=Phrase(N_("the practice cases")),
            documents=sum(len(r.outputs) for r in rows),
            appeals=len(appeals),
            letters=sum(a.count for a in appeals),
            cases=tuple(r.ua_number for r in rows),
        )


def remove_practice_cases(db: Database) -> StoreChange:
    """Delete every fictional sample case, with its documents and practice letters."""

    def sample_ids(session: Session) -> list[int]:
        return list(session.scalars(select(CaseRow.id).where(CaseRow.is_sample.is_(True))))

    def scope(session: Session) -> Selections:
        selections: Selections = []
        for case_id in sample_ids(session):
            selections.extend(edit_scopes.case_with_history_scope(session, case_id))
        return selections

    def act(session: Session) -> None:
        ids = sample_ids(session)
        appeal_ids = list(session.scalars(select(AppealRow.id).where(AppealRow.case_id.in_(ids))))
        session.execute(delete(AppealVersionRow).where(AppealVersionRow.appeal_id.in_(appeal_ids)))
        session.execute(delete(AppealRow).where(AppealRow.id.in_(appeal_ids)))
        session.execute(delete(EventCaseRow).where(EventCaseRow.case_id.in_(ids)))
        for row in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids))):
            session.delete(row)

    return _change(db, lambda _s: Phrase(N_("remove the practice cases")), scope, act)


# ---- appeals and replies -------------------------------------------------------------


def find_appeal_id(db: Database, appeal_id: str) -> str:
    """The full id of an appeal given by its id or a unique beginning of it (8 characters
    are shown by ``appeal list``)."""
    wanted = appeal_id.strip().lower()
    if len(wanted) < MIN_ID_PREFIX:
        raise InvalidInput(
            N_("Give at least {count} characters of the appeal's id."), count=MIN_ID_PREFIX
        )
    with db.unit_of_work() as session:
        found = list(
            session.scalars(
                select(AppealRow.uuid).where(AppealRow.uuid.like(f"{wanted}%")).limit(2)
            )
        )
    if not found:
        raise InvalidInput(
            N_("No appeal has the id {id}. List them with 'appeal-desk appeal list'."), id=appeal_id
        )
    if len(found) > 1:
        raise InvalidInput(
            N_("More than one appeal has an id starting with {id}; give more of it."), id=appeal_id
        )
    return found[0]


def _appeal(session: Session, appeal_id: str) -> AppealRow:
    row = session.scalars(select(AppealRow).where(AppealRow.uuid == appeal_id)).first()
    if row is None:
        raise InvalidInput(N_("That appeal is no longer in the database."))
    return row


def _case_still_there(session: Session, case_id: int, ua_number: str) -> CaseRow:
    """The case ``case_id`` read again inside a change: on a shared store another laptop may
    have deleted it since it was looked up."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise case_not_found(ua_number)
    return row


def _event_still_there(session: Session, event_id: int) -> EventRow:
    """The event ``event_id`` read again inside a change (another laptop may have deleted
    it since it was looked up)."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise InvalidInput(N_("That event is no longer in the database."))
    return row


def _appeal_still_there(session: Session, row_id: int) -> AppealRow:
    """The appeal ``row_id`` read again inside a change: on a shared store another laptop
    may have deleted it since it was looked up."""
    row = session.get(AppealRow, row_id)
    if row is None:
        raise InvalidInput(N_("That appeal is no longer in the database."))
    return row


def _case_of(session: Session, row: AppealRow, ua_number: str) -> CaseRow:
    """The case the appeal ``row`` belongs to (``ua_number``, for the error if it is gone)."""
    case = session.get(CaseRow, row.case_id)
    if case is None:
        raise case_not_found(ua_number)
    return case


def _appeal_key(db: Database, appeal_id: str) -> tuple[int, str]:
    with db.unit_of_work() as session:
        row = _appeal(session, find_appeal_id(db, appeal_id) if len(appeal_id) < 36 else appeal_id)
        case = session.get(CaseRow, row.case_id)
        return row.id, case.ua_number if case else ""


def _appeal_change(
    db: Database,
    row_id: int,
    ua_number: str,
    description: str | Callable[[Session], Phrase],
    act: Callable[[Session], None],
) -> StoreChange:
    """:func:`_change` of the one appeal ``row_id``, of UA ``ua_number``; ``description`` may
    be a template (marked with ``N_``) with ``{ua_number}``."""
    scope = edit_scopes.appeal_scope([row_id])
    if isinstance(description, str):
        template = description
        description = lambda _s: Phrase(template, ua_number=ua_number)  # noqa: E731
    return _change(db, description, lambda _s: scope, act, lambda _s: ua_number)


def _write_to(row: AppealRow, case: CaseRow, target_index: int) -> None:
    """The appeal goes to official ``target_index`` (1-based, in range) of ``case``."""
    target = case.targets[target_index - 1]
    row.target_position = target_index
    row.target_label = official_label(target.title, target.name_as_printed, target.name)


def edit_appeal(
    db: Database, appeal_id: str, edits: AppealEdits | None = None, **fields: Any
) -> StoreChange:
    """Correct an appeal record; a corrected text is a new version (the old one is kept)."""
    from app.services.appeals import parse_channel

    edits = edits or AppealEdits(**fields)
    if all(getattr(edits, f.name) is None for f in dataclasses.fields(edits)):
        raise InvalidInput(N_("Say what to change (the channel, date, status, official or text)."))
    status = None
    if edits.status is not None:
        try:
            status = AppealStatus(edits.status.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in AppealStatus)
            raise InvalidInput(
                N_("Unknown status '{value}'. Choose one of: {choices}."),
                value=edits.status,
                choices=choices,
            ) from None
    channel = parse_channel(edits.channel) if edits.channel is not None else None
    check_sent_date(edits.sent_on)
    row_id, number = _appeal_key(db, appeal_id)

    def act(session: Session) -> None:
        row = _appeal_still_there(session, row_id)
        if channel is not None:
            row.channel = channel.value
        if edits.sent_on is not None:
            check_sent_for_stored_case(session, _case_of(session, row, number), edits.sent_on)
            row.sent_on = edits.sent_on
        if status is not None:
            row.status = status.value
            if status is AppealStatus.SENT:
                if row.channel is None:
                    raise InvalidInput(N_("Say how the appeal was sent."))
                row.sent_on = row.sent_on or date.today()
        if edits.target_index is not None:
            case = _case_of(session, row, number)
            if not 1 <= edits.target_index <= len(case.targets):
                raise TargetOutOfRange(case.ua_number, edits.target_index, len(case.targets))
            _write_to(row, case, edits.target_index)
        if edits.text is not None and edits.text != row.text:
            session.add(
                AppealVersionRow(appeal_id=row.id, text=row.text, replaced_at=datetime.now(UTC))
            )
            row.text = edits.text
        row.updated_at = datetime.now(UTC)

    return _appeal_change(db, row_id, number, N_("edit the appeal for UA {ua_number}"), act)


def save_letter(
    db: Database,
    ua_number: str,
    *,
    reopened_draft: str | None,
    target_index: int,
    text: str,
    written_to: int | None,
    language: str,
    status: AppealStatus,
    channel: Channel | None = None,
    sent_on: date | None = None,
) -> StoreChange:
    """What the letter editor's work becomes, kept as a draft or marked printed or sent;
    returned as a change the Edit menu can undo (the new appeal is removed again).

    A letter reopened from a stored draft changes that draft (no second appeal); any other
    is recorded as a new appeal. The text is kept only with the official it was written to
    (``written_to``), and only a sent letter has a date.
    """
    kept_text = text if written_to == target_index else ""
    day = sent_on if status is AppealStatus.SENT else None
    if reopened_draft is not None:
        return finish_draft(
            db,
            reopened_draft,
            text=kept_text,
            target_index=target_index,
            language=language,
            status=status,
            channel=channel,
            sent_on=day,
        )
    from app.services.appeals import record_appeal

    record = record_appeal(
        db,
        ua_number,
        target_index=target_index,
        channel=channel,
        text=kept_text,
        language=language,
        status=status,
        sent_on=day,
    )
    return _new_appeal_change(db, record.appeal_id)


def _new_appeal_change(
    db: Database,
    appeal_id: str,
    description: str = N_("record an appeal for UA {ua_number}"),
) -> StoreChange:
    """The change an appeal just recorded made: nothing before it, its row after; named by
    ``description`` (an English template taking the case's ``ua_number``)."""
    row_id, number = _appeal_key(db, appeal_id)
    with db.unit_of_work() as session:
        after = row_changes.capture(session, edit_scopes.appeal_scope([row_id]))
    return StoreChange(Phrase(description, ua_number=number), {}, _plain(after), number)


def counted_batch_change(db: Database, appeal_id: str) -> StoreChange:
    """The change counting a batch of handwritten letters for an event made (one record
    holding the batch's count): undoing it takes the whole batch back."""
    return _new_appeal_change(
        db, appeal_id, N_("count a batch of handwritten letters for UA {ua_number}")
    )


def finish_draft(
    db: Database,
    appeal_id: str,
    *,
    text: str,
    target_index: int | None,
    language: str,
    status: AppealStatus,
    channel: Channel | None = None,
    sent_on: date | None = None,
) -> StoreChange:
    """A draft reopened in the letter editor is kept again or marked printed or sent: the
    same record changes (no second appeal), in one transaction."""
    if status is AppealStatus.SENT and channel is None:
        raise InvalidInput(N_("Say how the appeal was sent."))
    check_sent_date(sent_on)
    row_id, number = _appeal_key(db, appeal_id)

    def act(session: Session) -> None:
        row = _appeal_still_there(session, row_id)
        if row.status != AppealStatus.DRAFT.value:
            raise InvalidInput(N_("This draft was already marked printed or sent."))
        case = _case_of(session, row, number)
        if target_index is not None and 1 <= target_index <= len(case.targets):
            _write_to(row, case, target_index)
        row.text = text
        row.language = language
        row.status = status.value
        row.channel = channel.value if channel is not None else row.channel
        if status is AppealStatus.SENT:
            check_sent_for_stored_case(session, case, sent_on)
            row.sent_on = sent_on or date.today()
        row.updated_at = datetime.now(UTC)

    return _appeal_change(db, row_id, number, N_("edit the appeal for UA {ua_number}"), act)


def appeal_versions(db: Database, appeal_id: str) -> list[tuple[datetime, str]]:
    """Earlier texts of an appeal, oldest first, with when each was replaced."""
    with db.unit_of_work() as session:
        row = _appeal(session, appeal_id)
        versions = session.scalars(
            select(AppealVersionRow)
            .where(AppealVersionRow.appeal_id == row.id)
            .order_by(AppealVersionRow.id)
        )
        return [(v.replaced_at, v.text) for v in versions]


def delete_appeal(db: Database, appeal_id: str) -> StoreChange:
    """Delete an appeal record (or a saved draft) with its earlier texts."""
    row_id, number = _appeal_key(db, appeal_id)

    def act(session: Session) -> None:
        session.execute(delete(AppealVersionRow).where(AppealVersionRow.appeal_id == row_id))
        session.execute(delete(AppealRow).where(AppealRow.id == row_id))

    def description(session: Session) -> Phrase:
        row = session.get(AppealRow, row_id)
        if row is not None and row.status == AppealStatus.DRAFT.value:
            return Phrase(N_("delete a draft for UA {ua_number}"), ua_number=number)
        return Phrase(N_("delete an appeal for UA {ua_number}"), ua_number=number)

    return _appeal_change(db, row_id, number, description, act)


def edit_reply(
    db: Database, appeal_id: str, *, reply_on: date | None = None, note: str | None = None
) -> StoreChange:
    """Correct the date or the note of a reply the official sent."""
    row_id, number = _appeal_key(db, appeal_id)

    def act(session: Session) -> None:
        row = _appeal_still_there(session, row_id)
        if row.reply_on is None and reply_on is None:
            raise InvalidInput(N_("This appeal has no reply to edit."))
        if reply_on is not None:
            row.reply_on = reply_on
        if note is not None:
            row.reply_note = note.strip() or None

    return _appeal_change(db, row_id, number, N_("edit the reply for UA {ua_number}"), act)


def delete_reply(db: Database, appeal_id: str) -> StoreChange:
    """Forget a reply (its date, note and scan); the scan file stays, so undo can bring it
    back, and the appeal itself is kept."""
    row_id, number = _appeal_key(db, appeal_id)

    def act(session: Session) -> None:
        row = _appeal_still_there(session, row_id)
        if row.reply_on is None and row.reply_attachment is None and row.reply_note is None:
            raise InvalidInput(N_("This appeal has no reply to delete."))
        row.reply_on = None
        row.reply_note = None
        row.reply_attachment = None

    return _appeal_change(db, row_id, number, N_("delete the reply for UA {ua_number}"), act)


# ---- events --------------------------------------------------------------------------


def _event_name(session: Session, event_id: int) -> str:
    row = session.get(EventRow, event_id)
    return row.name if row is not None else ""


def _event_id(db: Database, name: str) -> int:
    from app.services.events import get_event

    return get_event(db, name).event_id


def edit_event(
    db: Database, event_name: str, edits: EventEdits | None = None, **fields: Any
) -> StoreChange:
    """Change an event's name, date, place, or its cases and their goals."""
    from app.services.events import clean_event_name

    edits = edits or EventEdits(**fields)
    event_id = _event_id(db, event_name)
    new_name = clean_event_name(edits.new_name) if edits.new_name is not None else None
    goals = {ua_key(k): v for k, v in (edits.cases or {}).items()}
    if any(v is not None and v < 1 for v in goals.values()):
        raise InvalidInput(N_("A goal is a number of letters, at least 1."))
    nothing = (
        new_name is None
        and edits.held_on is None
        and not edits.clear_date
        and edits.place is None
        and edits.cases is None
    )
    if nothing:
        raise InvalidInput(N_("Say what to change (the name, date, place or cases)."))

    def act(session: Session) -> None:
        row = _event_still_there(session, event_id)
        if new_name is not None and new_name != row.name:
            if event_repository.event_by_name(session, new_name) is not None:
                raise InvalidInput(
                    N_("There is already an event called '%(name)s'. Choose another name."),
                    name=new_name,
                )
            row.name = new_name
        if edits.clear_date:
            row.held_on = None
        elif edits.held_on is not None:
            row.held_on = edits.held_on
        if edits.place is not None:
            row.place = edits.place.strip()
        if edits.cases is not None:
            ids = event_repository.case_ids_by_number(session, goals)
            missing = [n for n in goals if n not in ids]
            if missing:
                raise case_not_found(", ".join(missing))
            wanted = {ids[n]: goal for n, goal in goals.items()}
            for link in session.scalars(
                select(EventCaseRow).where(EventCaseRow.event_id == event_id)
            ):
                if link.case_id in wanted:
                    link.goal = wanted.pop(link.case_id)
                else:
                    session.delete(link)
            for case_id, goal in wanted.items():
                session.add(EventCaseRow(event_id=event_id, case_id=case_id, goal=goal))

    return _change(
        db,
        lambda session: Phrase(N_("edit the event {name}"), name=_event_name(session, event_id)),
        lambda session: edit_scopes.event_scope(session, event_id),
        act,
    )


def preview_event_deletion(db: Database, name: str) -> DeletionPreview:
    event_id = _event_id(db, name)
    with db.unit_of_work() as session:
        row = _event_still_there(session, event_id)
        appeals = list(session.scalars(select(AppealRow).where(AppealRow.event_id == event_id)))
        cases = session.scalars(
            select(CaseRow.ua_number)
            .join(EventCaseRow, EventCaseRow.case_id == CaseRow.id)
            .where(EventCaseRow.event_id == event_id)
        )
        return DeletionPreview(
            what=Phrase(N_("the event {name}"), name=row.name),
            appeals=len(appeals),
            letters=sum(a.count for a in appeals),
            cases=tuple(cases),
        )


def delete_event(db: Database, name: str, *, keep_letters: bool = False) -> StoreChange:
    """Delete an event and the letters counted for it; with ``keep_letters`` the letters
    stay in the history (and the reports) without the event."""
    event_id = _event_id(db, name)

    def act(session: Session) -> None:
        if keep_letters:
            edit_scopes.detach_event_letters(session, event_id)
        else:
            appeal_ids = list(
                session.scalars(select(AppealRow.id).where(AppealRow.event_id == event_id))
            )
            session.execute(
                delete(AppealVersionRow).where(AppealVersionRow.appeal_id.in_(appeal_ids))
            )
            session.execute(delete(AppealRow).where(AppealRow.id.in_(appeal_ids)))
        session.execute(delete(EventCaseRow).where(EventCaseRow.event_id == event_id))
        session.execute(delete(EventRow).where(EventRow.id == event_id))

    return _change(
        db,
        lambda session: Phrase(N_("delete the event {name}"), name=_event_name(session, event_id)),
        lambda session: edit_scopes.event_scope(session, event_id),
        act,
    )
