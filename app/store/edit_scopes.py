"""The rows each kind of record owns, for edits, deletions and their undo."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from app.store import case_repository, row_changes
from app.store.corrections import apply_corrections
from app.store.import_journal import case_scope
from app.store.schema import (
    AppealRow,
    AppealVersionRow,
    CaseRow,
    EventCaseRow,
    EventDeletionRow,
    EventRow,
)

Selections = list[tuple[str, ColumnElement[bool]]]


def appeal_scope(appeal_ids: list[int]) -> Selections:
    return [
        ("appeals", AppealRow.id.in_(appeal_ids)),
        ("appeal_versions", AppealVersionRow.appeal_id.in_(appeal_ids)),
    ]


def case_with_history_scope(session: Session, case_id: int) -> Selections:
    """A case, its documents and corrections, its appeals and its places in events."""
    appeal_ids = list(session.scalars(select(AppealRow.id).where(AppealRow.case_id == case_id)))
    return [
        *case_scope(case_id),
        *appeal_scope(appeal_ids),
        ("event_cases", EventCaseRow.case_id == case_id),
    ]


def event_scope(session: Session, event_id: int) -> Selections:
    appeal_ids = list(session.scalars(select(AppealRow.id).where(AppealRow.event_id == event_id)))
    return [
        ("events", EventRow.id == event_id),
        ("event_cases", EventCaseRow.event_id == event_id),
        ("event_deletions", EventDeletionRow.event_id == event_id),  # an undo brings them back
        *appeal_scope(appeal_ids),
    ]


def rows_by_keys(session: Session, keys: dict[str, set[int]]) -> row_changes.Rows:
    """The current rows with these primary keys (for checking before an undo or redo)."""
    selections: Selections = [
        (name, row_changes.table(name).c.id.in_(sorted(ids))) for name, ids in keys.items()
    ]
    return row_changes.capture(session, selections)


def rebuild_case(session: Session, case: CaseRow) -> None:
    """Derive the case again from the documents it has left, keeping the user's corrections."""
    from datetime import UTC, datetime

    case_repository.derive_case_from_documents(case, datetime.now(UTC))
    apply_corrections(session, case, notice=False)


def detach_event_letters(session: Session, event_id: int) -> None:
    session.execute(update(AppealRow).where(AppealRow.event_id == event_id).values(event_id=None))
