"""Undo the last import: the store goes back exactly to its state before that batch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import N_, InvalidInput
from app.store import import_journal
from app.store.database import Database


@dataclass(frozen=True, slots=True)
class LastImport:
    """What "undo last import" would do: cases it would remove, cases it would put back."""

    label: str
    created: tuple[str, ...]  # UA numbers the batch made (they go)
    updated: tuple[str, ...]  # UA numbers the batch changed (they return to their old state)


def _summary(
    session: Session, label: str, entries: list[import_journal.ImportBatchCaseRow]
) -> LastImport:
    """What undoing the batch does now: a case it made that was deleted since is not named as
    going; a case it changed comes back as it was before the import, deleted since or not."""
    return LastImport(
        label=label,
        created=tuple(
            e.ua_number for e in entries if e.created and import_journal.case_exists(session, e)
        ),
        updated=tuple(e.ua_number for e in entries if not e.created),
    )


def last_import(db: Database) -> LastImport | None:
    """The batch "undo last import" would undo, or None when there is none."""
    with db.unit_of_work() as session:
        found = import_journal.last_batch(session)
        if found is None:
            return None
        batch, entries = found
        return _summary(session, batch.label, entries)


def undo_last_import(db: Database) -> LastImport:
    """Undo the newest import batch in one transaction; InvalidInput when there is none, or
    when letters were recorded since for a case the batch made (they would lose their case)."""
    try:
        with db.unit_of_work() as session:
            found = import_journal.last_batch(session)
            if found is None:
                raise InvalidInput(N_("There is no import to undo."))
            batch, entries = found
            undone = _summary(session, batch.label, entries)
            import_journal.undo_batch(session, batch, entries)
            return undone
    except IntegrityError:
        raise InvalidInput(
            N_(
                "The last import cannot be undone: letters were recorded, or an event was set "
                "up, for a case it brought in. Delete those first, or delete the case itself."
            )
        ) from None
