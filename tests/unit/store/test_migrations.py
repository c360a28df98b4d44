"""Migrations: HEAD matches Alembic's head, a new store is stamped, pragmas are in force."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.paths import resolve_paths
from app.store.database import Database, open_database
from app.store.migrator import HEAD, SCRIPT_LOCATION, current_revision


def test_head_constant_matches_the_migration_scripts() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD


def test_new_store_is_at_head_with_durable_pragmas(db: Database) -> None:
    assert current_revision(db.engine) == HEAD
    with db.engine.connect() as conn:
        pragmas = [
            conn.execute(text(f"PRAGMA {p}")).scalar()
            for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        ]
    assert pragmas == [1, "wal", 2, 5000]


def test_reopening_an_up_to_date_store_makes_no_backup(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "d")
    open_database(paths).close()
    open_database(paths).close()
    assert not paths.backups.exists() or not list(paths.backups.iterdir())
