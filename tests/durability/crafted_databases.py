"""Databases crafted to attack a restore: each is a real Appeal Desk backup, then altered.

Shared by tests/durability/test_crafted_restores.py. Each alteration keeps the file a healthy
SQLite database with the app's revision stamp, so only a schema check can tell.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from app.store.revision import HEAD

CRAFTS: dict[str, tuple[str, ...]] = {
    "trigger deleting every new appeal": (
        "CREATE TRIGGER eat_appeals AFTER INSERT ON appeals BEGIN "
        "DELETE FROM appeals WHERE id = NEW.id; END",
    ),
    "trigger rewriting every new case's title": (
        "CREATE TRIGGER retitle AFTER INSERT ON cases BEGIN "
        "UPDATE cases SET title = 'PWNED' WHERE id = NEW.id; END",
    ),
    "trigger hiding under a table's name": (
        "CREATE TRIGGER cases BEFORE UPDATE ON events BEGIN SELECT 1; END",
    ),
    "view recursing without end": (
        "CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT i FROM n",
    ),
    "wrong appeals table": (
        "PRAGMA foreign_keys=OFF",
        "DROP TABLE appeals",
        "CREATE TABLE appeals (id INTEGER PRIMARY KEY, note TEXT)",
    ),
    "extra column in cases": ("ALTER TABLE cases ADD COLUMN secret TEXT",),
    "extra table": ("CREATE TABLE loot (data BLOB)",),
    "index dropped": ("DROP INDEX {first_index}",),
    "extra index": ("CREATE INDEX sneaky ON cases (title)",),
    "column type changed by a rebuild": (
        "PRAGMA foreign_keys=OFF",
        "PRAGMA writable_schema=ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'country VARCHAR(120)', 'country BLOB') "
        "WHERE name = 'cases'",
        "PRAGMA writable_schema=OFF",
    ),
    "check constraint added to a table": (
        "PRAGMA writable_schema=ON",
        "UPDATE sqlite_master SET sql = substr(sql, 1, length(sql) - 1) || "
        "', CHECK (0))' WHERE name = 'events'",
        "PRAGMA writable_schema=OFF",
    ),
    "older schema stamped with the newest revision": (
        "UPDATE alembic_version SET version_num = '{head}'",
    ),
}
OLDER_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"


def craft(genuine: Path, out: Path, name: str) -> Path:
    """Copy ``genuine`` to ``out`` and apply the alteration called ``name``."""
    if name == "older schema stamped with the newest revision":
        genuine = OLDER_SCHEMA / "0002_appeal_totals_index.sqlite3"
    shutil.copyfile(genuine, out)
    with closing(sqlite3.connect(out, isolation_level=None)) as conn:
        first_index = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
            "ORDER BY name LIMIT 1"
        ).fetchone()[0]
        for statement in CRAFTS[name]:
            conn.execute(statement.format(first_index=first_index, head=HEAD))
        conn.execute("PRAGMA journal_mode=DELETE")
    return out
