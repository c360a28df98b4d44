"""Undo last import: every table equal, row by row, to its state before the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import Channel
from app.paths import resolve_paths
from app.services import appeals, cases, editing
from app.services.backups import make_backup, restore_backup
from app.services.importing import ImportBatch, import_files, save_parsed
from app.services.undo_import import last_import, restored_since_last_import, undo_last_import
from app.store.database import Database, open_database
from app.store.integrity import schema_revision, table_counts
from app.store.revision import HEAD
from tests.builders import INITIAL_901, INITIAL_902, UPDATE_901, dump, fictional_document

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


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


def test_after_a_restore_the_backups_own_imports_are_not_undone(tmp_path: Path) -> None:
    """The restored store's newest import is not the one the user made last (that went with
    the data it went into): it is refused, saying why, after a restart as well, until the
    next import, which can be undone; the imports before the restore stay refused."""
    paths = resolve_paths(tmp_path / "data")
    db = open_database(paths)
    import_files(db, [INITIAL_901])
    db.close()
    backup = make_backup(paths)
    db = open_database(paths)
    import_files(db, [INITIAL_902])
    db.close()

    restore_backup(paths, backup)
    db = open_database(paths)  # as the window reopens it, or a command run after the restore
    try:
        restored = dump(db)
        pending = last_import(db)
        assert pending is not None and pending.before_restore
        assert pending.created == ("901/27",)  # what it is, for a caller that names it
        assert restored_since_last_import(db)
        with pytest.raises(InvalidInput, match="A backup was restored"):
            undo_last_import(db)
        assert dump(db) == restored

        import_files(db, [INITIAL_902])
        assert not restored_since_last_import(db)
        pending = last_import(db)
        assert pending is not None and not pending.before_restore
        assert undo_last_import(db).created == ("902/27",)
        assert dump(db) == restored
        assert restored_since_last_import(db)
        with pytest.raises(InvalidInput, match="A backup was restored"):
            undo_last_import(db)
    finally:
        db.close()


def test_a_backup_of_an_older_version_is_restored_whole_with_its_imports_marked(
    tmp_path: Path,
) -> None:
    """A backup made before imports could be marked is brought to this version's schema as it
    is restored, every row kept, and its last import is not offered either."""
    older = SCHEMAS / "0010_case_list_indexes.sqlite3"
    paths = resolve_paths(tmp_path / "data")
    open_database(paths).close()

    restore_backup(paths, older)

    assert schema_revision(paths.database) == HEAD
    restored = {k: v for k, v in table_counts(paths.database).items() if k != "alembic_version"}
    kept = {k: v for k, v in table_counts(older).items() if k != "alembic_version"}
    assert {k: v for k, v in restored.items() if k in kept} == kept
    assert {k: v for k, v in restored.items() if k not in kept} == {"event_deletions": 0}
    assert schema_revision(older) == "0010_case_list_indexes"  # the backup itself is untouched
    db = open_database(paths)
    try:
        pending = last_import(db)
        assert pending is not None and pending.before_restore
    finally:
        db.close()
