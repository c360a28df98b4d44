"""The event tests, run again with the organiser's store on PostgreSQL (laptops stay SQLite)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.main import main
from app.store.database import Database
from tests.builders import add_event_cases
from tests.postgres.conftest import open_pg
from tests.unit.services.test_event_files import *  # noqa: F403 - same tests, this `db`


def test_a_merge_that_corrects_or_removes_letters_keeps_a_backup_of_them_first(
    db: Database, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    """On a shared server the merge corrects and removes as on SQLite, in one transaction; the
    server is backed up by its administrator (the store is no file a backup could copy)."""
    from app.services.event_files import merge_file

    merge_file(db, three_laptops["a1"])
    merged = merge_file(db, three_laptops["a2"])
    assert (merged.updated, merged.removed) == (1, 1)
    assert db.path is None
    assert merge_file(db, three_laptops["a2"]).removed == 0


@pytest.fixture
def db(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    """A migrated PostgreSQL store holding the fictional cases."""
    database = open_pg(pg_url, tmp_path)
    add_event_cases(database)
    yield database
    database.close()


def test_cli_with_database_url(
    db: Database, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    base = ["--data-dir", str(tmp_path / "cli"), "--database-url", pg_url]
    assert (
        main([*base, "event", "create", "Shared evening", "--cases", "12/26", "--goal", "5"]) == 0
    )
    for _ in range(3):
        assert main([*base, "sent", "12/26", "--channel", "post", "--event", "Shared evening"]) == 0
    capsys.readouterr()
    assert main([*base, "event", "tally", "Shared evening", "--json"]) == 0
    tally = json.loads(capsys.readouterr().out)
    assert tally["total"] == 3 and tally["cases"]["12/26"]["goal"] == 5
