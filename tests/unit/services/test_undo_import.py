"""Undo last import: every table equal, row by row, to its state before the batch."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import Channel
from app.services import appeals, cases, editing
from app.services.importing import ImportBatch, import_files, save_parsed
from app.services.undo_import import last_import, undo_last_import
from app.store.database import Database
from tests.builders import INITIAL_901, INITIAL_902, UPDATE_901, dump, fictional_document


def test_a_batch_that_updates_and_creates_is_undone_row_by_row(db: Database) -> None:
    import_files(db, [INITIAL_901])
    appeals.record_appeal(db, "901/27", target_index=1, channel=Channel.POST, text="Dear")
    editing.edit_case(db, "901/27", title="A title I corrected")
    before = dump(db)
    results = import_files(db, [UPDATE_901, INITIAL_902])
    assert [r.outcome.value for r in results] == ["updated", "imported"]
    assert dump(db) != before
    pending = last_import(db)
    assert pending is not None
    assert pending.created == ("902/27",) and pending.updated == ("901/27",)
    undone = undo_last_import(db)
    assert undone.created == ("902/27",)
    assert dump(db) == before
    assert [c.ua_number for c in cases.list_cases(db, include_closed=True)] == ["901/27"]


def test_batches_are_undone_one_after_the_other(db: Database) -> None:
    empty = dump(db)
    import_files(db, [INITIAL_901])
    after_first = dump(db)
    import_files(db, [UPDATE_901])
    import_files(db, [UPDATE_901])  # unchanged: not a batch
    undo_last_import(db)
    assert dump(db) == after_first
    undo_last_import(db)
    assert dump(db) == empty
    with pytest.raises(InvalidInput):
        undo_last_import(db)


def test_a_case_with_letters_since_is_not_taken_away(db: Database) -> None:
    import_files(db, [INITIAL_902])
    appeals.record_appeal(db, "902/27", target_index=1, channel=Channel.EMAIL)
    before = dump(db)
    with pytest.raises(InvalidInput, match="cannot be undone"):
        undo_last_import(db)
    assert dump(db) == before


def test_undo_names_the_first_files_saved_and_counts_the_others(db: Database) -> None:
    batch = ImportBatch(by_source=True)
    people = ["Ana", "Bea", "Caio", "Dora", "Edu", "Fia", "Gil", "Hana", "Ivo", "Jia", "Kai"]
    outcomes = []
    for n in range(23):
        document = fictional_document(
            f"{n + 1}/26",
            title=f"FICTIONAL CASE NUMBER {n + 1}",
            person=f"{people[n % 11]} Lima{n}",
            official=f"Official {n}",
        )
        outcomes.append(save_parsed(db, document, f"file-{n}.txt", batch=batch).outcome.value)
    again = fictional_document(
        "1/26", title="FICTIONAL CASE NUMBER 1", person="Ana Lima0", official="Official 0"
    )
    outcomes.append(save_parsed(db, again, "copy.txt", batch=batch).outcome.value)  # unchanged
    other = fictional_document("40/26", title="ANOTHER FICTIONAL CASE", person="Zoe Mar")
    outcomes.append(save_parsed(db, other, "file-3.txt", batch=batch).outcome.value)
    assert outcomes == ["imported"] * 23 + ["unchanged", "imported"]
    pending = last_import(db)
    assert pending is not None
    assert pending.sources == tuple(f"file-{n}.txt" for n in range(20))
    assert pending.more_sources == 3
    assert len(pending.created) == 24
    undo_last_import(db)
    assert cases.list_cases(db, include_closed=True) == []
