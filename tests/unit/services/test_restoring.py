"""A restored copy whose upgrade SQLite refuses: the restore raises SQLite's own first error,
its code kept, and the log names the code (a real store file, a real SQLite trigger)."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.services import restoring
from app.services.restoring import mark_restored_imports
from tests.builders import numbered_case, store

SQLITE_CONSTRAINT_TRIGGER = 1811  # SQLITE_CONSTRAINT | (7 << 8): RAISE(ABORT) in a trigger


def test_a_refused_upgrade_raises_sqlites_error_with_its_code(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paths = resolve_paths(tmp_path / "data")
    store(paths, numbered_case(7, "Ostrelia", 12))
    staged = tmp_path / "staged.sqlite3"
    shutil.copyfile(paths.database, staged)
    with closing(sqlite3.connect(staged)) as copy:
        assert copy.execute("SELECT count(*) FROM import_batches").fetchone()[0] >= 1
        copy.execute(
            "CREATE TRIGGER refuse BEFORE UPDATE ON import_batches "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
        copy.commit()

    with caplog.at_level(logging.WARNING), pytest.raises(sqlite3.IntegrityError) as refused:
        mark_restored_imports(staged)

    assert "refused by the test" in str(refused.value)
    assert refused.value.sqlite_errorcode == SQLITE_CONSTRAINT_TRIGGER
    assert refused.value.sqlite_errorname == "SQLITE_CONSTRAINT_TRIGGER"
    assert "SQLITE_CONSTRAINT_TRIGGER, code 1811" in caplog.text
    assert not hasattr(restoring, "first_sqlite_error"), "the module's own helper"
