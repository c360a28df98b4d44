"""The store's own tests, run again on PostgreSQL, plus migrations there."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from app.store.database import Database, row_counts
from app.store.migrator import HEAD, current_revision
from tests.postgres.conftest import open_pg
from tests.unit.store.test_case_lifecycle import *  # noqa: F403 - same tests, this `db`


def test_migrations_run_on_postgresql(db: Database, pg_url: str, tmp_path: Path) -> None:
    assert db.dialect == "postgresql"
    assert current_revision(db.engine) == HEAD
    tables = set(inspect(db.engine).get_table_names())
    assert {"cases", "events", "event_cases", "appeals", "alembic_version"} <= tables
    uniques = {
        tuple(u["column_names"]) for u in inspect(db.engine).get_unique_constraints("appeals")
    }
    assert ("uuid",) in uniques  # the rule that makes merges idempotent
    again = open_pg(pg_url, tmp_path)  # reopening an up-to-date store is a no-op
    assert current_revision(again.engine) == HEAD
    assert row_counts(again) == row_counts(db)
    again.close()


def test_a_database_of_the_previous_version_upgrades_keeping_its_event_letters(
    pg_url: str, tmp_path: Path
) -> None:
    from tests.unit.store.test_migrations import (
        an_older_store_upgrades_with_every_row_and_the_same_tally,
    )

    an_older_store_upgrades_with_every_row_and_the_same_tally(pg_url, tmp_path).close()


def test_a_database_of_the_previous_version_upgrades_keeping_its_case_list(
    pg_url: str, tmp_path: Path
) -> None:
    from tests.unit.store.test_migrations import (
        an_older_store_upgrades_with_every_row_and_the_same_case_list,
    )

    an_older_store_upgrades_with_every_row_and_the_same_case_list(pg_url, tmp_path).close()
