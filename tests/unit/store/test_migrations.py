"""Migrations: HEAD matches Alembic's head, a new store is stamped, pragmas are in force."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.paths import resolve_paths
from app.services.cases import get_case
from app.store.database import Database, open_database
from app.store.migrator import HEAD, SCRIPT_LOCATION, current_revision

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


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


def test_sex_marks_stored_before_are_read_in_the_uas_own_convention(tmp_path: Path) -> None:
    # A Spanish UA's "(m)" is a woman and "(h)" a man; an English UA's "(m)" stays a man.
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMAS / "0007_case_counts_index.sqlite3", paths.database)
    spanish = {"document_language": "es", "persons": [
        {"name": "Felipa Ejemplo", "pronouns": "m"}, {"name": "Rogelio Muestra", "pronouns": "h"}
    ]}  # fmt: skip
    with closing(sqlite3.connect(paths.database)) as conn:
        (spanish_case, english_case) = [row[0] for row in conn.execute(
            "SELECT id FROM cases ORDER BY id LIMIT 2"
        )]  # fmt: skip
        conn.execute("UPDATE cases SET document_language = 'es' WHERE id = ?", (spanish_case,))
        conn.execute("UPDATE cases SET document_language = 'en' WHERE id = ?", (english_case,))
        conn.execute("DELETE FROM persons WHERE case_id IN (?, ?)", (spanish_case, english_case))
        conn.executemany(
            "INSERT INTO persons (case_id, position, name, pronouns) VALUES (?, ?, ?, ?)",
            [
                (spanish_case, 1, "Felipa Ejemplo", "m"),
                (spanish_case, 2, "Rogelio Muestra", "h"),
                (english_case, 1, "Lee Fictional", "m"),
            ],
        )
        conn.execute(
            "UPDATE outputs SET parsed_json = ? WHERE case_id = ?",
            (json.dumps(spanish), spanish_case),
        )
        conn.commit()
        ua_numbers = [
            conn.execute("SELECT ua_number FROM cases WHERE id = ?", (case,)).fetchone()[0]
            for case in (spanish_case, english_case)
        ]
    db = open_database(paths)
    try:
        marks = [[(p.name, p.pronouns) for p in get_case(db, n).persons] for n in ua_numbers]
    finally:
        db.close()
    assert marks[0] == [("Felipa Ejemplo", "f"), ("Rogelio Muestra", "m")]
    assert marks[1] == [("Lee Fictional", "m")]
    with closing(sqlite3.connect(paths.database)) as conn:
        stored = [
            json.loads(row[0]).get("persons")
            for row in conn.execute(
                "SELECT parsed_json FROM outputs WHERE case_id = ?", (spanish_case,)
            )
        ]
    assert stored and all(
        persons
        == [
            {"name": "Felipa Ejemplo", "pronouns": "f"},
            {"name": "Rogelio Muestra", "pronouns": "m"},
        ]
        for persons in stored
    )
