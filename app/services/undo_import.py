"""Undo the last import: the store goes back exactly to its state before that batch."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import N_, InvalidInput
from app.store import import_journal
from app.store.database import Database
from app.store.schema import ImportBatchCaseRow, ImportBatchRow

CANNOT_UNDO = N_(
    "The last import cannot be undone: letters were recorded, or an event was set "
    "up, for a case it brought in. Delete those first, or delete the case itself."
)

BACKUP_RESTORED = N_(
    "A backup was restored: the imports it holds are not undone from here. "
    "Your next import can be undone again."
)

NOTHING_LEFT = N_(
    "There is nothing left to undo for the import of {what}: its cases have been removed "
    "since. Nothing was changed."
)


@dataclass(frozen=True, slots=True)
class LastImport:
    """What "undo last import" would do: cases it would remove, cases it would put back."""

    label: str
    created: tuple[str, ...]  # UA numbers the batch made (they go)
    updated: tuple[str, ...]  # UA numbers the batch changed (they return to their old state)
    sources: tuple[str, ...] = ()  # the first files (or messages) it saved from
    more_sources: int = 0  # how many more it saved from
    blocked: bool = False  # letters or an event now hang on a case it made: it cannot be undone
    # a backup holding it was restored since: it is not the import the user made last
    before_restore: bool = False

    @property
    def nothing_left(self) -> bool:
        """Every case the import made was deleted since and it changed none: undoing it would
        change nothing a user can see (it only forgets the import, so the one before is next)."""
        return not self.created and not self.updated


class _TrialOver(Exception):
    """Ends the trial run of an undo (rolled back)."""


def _summary(
    session: Session, batch: ImportBatchRow, entries: list[ImportBatchCaseRow]
) -> LastImport:
    """What undoing the batch does now: a case it made that was deleted since is not named as
    going; a case it changed comes back as it was before the import, deleted since or not."""
    sources, more = import_journal.batch_sources(batch.label)
    return LastImport(
        label=", ".join(sources),
        created=tuple(
            e.ua_number for e in entries if e.created and import_journal.case_exists(session, e)
        ),
        updated=tuple(e.ua_number for e in entries if not e.created),
        sources=sources,
        more_sources=more,
    )


def _undo_would_fail(
    session: Session, batch: ImportBatchRow, entries: list[ImportBatchCaseRow]
) -> bool:
    """Run the undo inside a savepoint and roll it back: True when the store refuses it."""
    try:
        with session.begin_nested():
            import_journal.undo_batch(session, batch, entries)
            session.flush()
            raise _TrialOver
    except _TrialOver:
        return False
    except IntegrityError:
        return True


def last_import(db: Database) -> LastImport | None:
    """The batch "undo last import" would undo, or None when there is none; ``blocked`` when
    the undo would be refused, ``before_restore`` when a backup was restored since it, so a
    caller says so before describing what would go."""
    with db.unit_of_work() as session:
        found = import_journal.last_batch(session)
        if found is None:
            return None
        batch, entries = found
        summary = _summary(session, batch, entries)
        if batch.before_restore:
            return replace(summary, before_restore=True)
        if _undo_would_fail(session, batch, entries):
            summary = replace(summary, blocked=True)
        return summary


def restored_since_last_import(db: Database) -> bool:
    """A backup was restored since the last import that changed something: "undo last import"
    has nothing to offer until the next import (BACKUP_RESTORED says why). A read: the Edit
    menu asks as it opens, and an import writing meanwhile does not hold it up."""
    with db.reading() as session:
        return import_journal.last_batch_before_restore(session)


def undo_last_import(db: Database) -> LastImport:
    """Undo the newest import batch in one transaction; InvalidInput when there is none, when
    a backup was restored since it, or when letters were recorded since for a case the batch
    made (they would lose their case)."""
    try:
        with db.unit_of_work() as session:
            found = import_journal.last_batch(session)
            if found is None:
                raise InvalidInput(N_("There is no import to undo."))
            batch, entries = found
            if batch.before_restore:
                raise InvalidInput(BACKUP_RESTORED)
            undone = _summary(session, batch, entries)
            import_journal.undo_batch(session, batch, entries)
            return undone
    except IntegrityError:
        raise InvalidInput(CANNOT_UNDO) from None
