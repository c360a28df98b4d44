"""The import journal: what each import batch did to each case, so the last batch can be
undone exactly (the case's rows as they were before it, or "the batch made this case")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.orm import Session

from app.store import row_changes
from app.store.schema import (
    CaseCorrectionRow,
    CaseDifferenceRow,
    CaseRow,
    ImportBatchCaseRow,
    ImportBatchRow,
    OutputRow,
    PersonRow,
    TargetRow,
)

KEEP_BATCHES = 50  # older batches can no longer be undone (their journal is dropped)
NAMED_SOURCES = 20  # a batch names this many of the files it saved, and counts the others


@dataclass(frozen=True, slots=True)
class BatchCase:
    """One case as a batch found it: ``created`` when the batch made it."""

    case_id: int
    ua_number: str
    created: bool


def case_scope(case_id: int) -> list[tuple[str, ColumnElement[bool]]]:
    """Every row an import writes for one case."""
    return [
        ("cases", CaseRow.id == case_id),
        ("outputs", OutputRow.case_id == case_id),
        ("persons", PersonRow.case_id == case_id),
        ("targets", TargetRow.case_id == case_id),
        ("case_corrections", CaseCorrectionRow.case_id == case_id),
        ("case_differences", CaseDifferenceRow.case_id == case_id),
    ]


def start_batch(session: Session, label: str, sources: tuple[str, ...] = ()) -> int:
    """A new batch named by ``label``, or by the ``sources`` it saved from when given
    (dropping the journal of batches too old to undo)."""
    ids = list(session.scalars(select(ImportBatchRow.id).order_by(ImportBatchRow.id.desc())))
    old = ids[KEEP_BATCHES - 1 :]
    if old:
        session.execute(delete(ImportBatchCaseRow).where(ImportBatchCaseRow.batch_id.in_(old)))
        session.execute(delete(ImportBatchRow).where(ImportBatchRow.id.in_(old)))
    named = sources_label(sources, 0) if sources else label[:500]
    # Only the columns an import sets: what a restore marks later keeps its default.
    new_batch = insert(ImportBatchRow).values(label=named, started_at=datetime.now(UTC))
    return session.execute(new_batch.returning(ImportBatchRow.id)).scalar_one()


def sources_label(names: tuple[str, ...], more: int) -> str:
    """The label of a batch noted by the sources it saved (read back by ``batch_sources``)."""
    return json.dumps({"sources": list(names), "more": more}, ensure_ascii=False)


def with_source(names: tuple[str, ...], more: int, source: str) -> tuple[tuple[str, ...], int]:
    """The sources a batch names once it has saved something from ``source`` too (a file, a
    message of a mailbox): "undo" names what was imported, not every file the user gave."""
    if source in names:
        return names, more
    if len(names) < NAMED_SOURCES:
        return (*names, source), more
    return names, more + 1


def relabel(session: Session, batch_id: int, label: str) -> None:
    """Write a batch's new label (the caller knows it: nothing is read first)."""
    session.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id).values(label=label))


def batch_sources(label: str) -> tuple[tuple[str, ...], int]:
    """The sources a batch saved from (the first few) and how many more; a batch noted by
    label alone (pasted text, the sample pack, or one from an older version) is its label."""
    if label.startswith("{"):
        try:
            noted = json.loads(label)
            names = tuple(str(name) for name in noted["sources"])
            return names, int(noted["more"])
        except (ValueError, KeyError, TypeError):
            pass
    return ((label,) if label else ()), 0


def state_before(session: Session, case: CaseRow | None) -> row_changes.Rows:
    """The rows of ``case`` before a document is saved into it (nothing for a new case)."""
    return {} if case is None else row_changes.capture(session, case_scope(case.id))


def note_case(
    session: Session, batch_id: int, case_id: int, ua_number: str, before: row_changes.Rows
) -> None:
    """Remember the case's state before the batch, unless the batch touched it already (a
    case new in this document's transaction it cannot have touched)."""
    if before:
        seen = session.scalars(
            select(ImportBatchCaseRow.id).where(
                ImportBatchCaseRow.batch_id == batch_id, ImportBatchCaseRow.case_id == case_id
            )
        ).first()
        if seen is not None:
            return
    session.add(
        ImportBatchCaseRow(
            batch_id=batch_id,
            case_id=case_id,
            ua_number=ua_number,
            created=not before,
            before_json=row_changes.to_json(before),
        )
    )
    session.flush()


def mark_before_restore(session: Session) -> None:
    """Every batch in the store was made before a backup holding it was restored."""
    session.execute(update(ImportBatchRow).values(before_restore=True))


def last_batch_before_restore(session: Session) -> bool:
    """The newest batch that changed something was made before a restore (read only)."""
    changed_something = (
        select(ImportBatchCaseRow.id)
        .where(ImportBatchCaseRow.batch_id == ImportBatchRow.id)
        .exists()
    )
    newest = (
        select(ImportBatchRow.before_restore)
        .where(changed_something)
        .order_by(ImportBatchRow.id.desc())
        .limit(1)
    )
    return bool(session.scalar(newest))


def last_batch(session: Session) -> tuple[ImportBatchRow, list[ImportBatchCaseRow]] | None:
    """The newest batch that changed something (empty newer ones are dropped)."""
    for batch in session.scalars(select(ImportBatchRow).order_by(ImportBatchRow.id.desc())):
        entries = list(
            session.scalars(
                select(ImportBatchCaseRow)
                .where(ImportBatchCaseRow.batch_id == batch.id)
                .order_by(ImportBatchCaseRow.id)
            )
        )
        if entries:
            return batch, entries
        session.delete(batch)
    return None


def case_exists(session: Session, entry: ImportBatchCaseRow) -> bool:
    """The case a batch entry touched is still in the store (the user may have deleted it)."""
    return session.get(CaseRow, entry.case_id) is not None


def undo_batch(
    session: Session, batch: ImportBatchRow, entries: list[ImportBatchCaseRow]
) -> list[BatchCase]:
    """Put every case the batch touched back as it was, then forget the batch."""
    done: list[BatchCase] = []
    for entry in reversed(entries):
        current = row_changes.capture(session, case_scope(entry.case_id))
        wanted = row_changes.from_json(entry.before_json)
        row_changes.transition(session, current, wanted)
        done.append(BatchCase(entry.case_id, entry.ua_number, entry.created))
    session.execute(delete(ImportBatchCaseRow).where(ImportBatchCaseRow.batch_id == batch.id))
    session.execute(delete(ImportBatchRow).where(ImportBatchRow.id == batch.id))
    return done
