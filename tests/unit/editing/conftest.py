"""Editing fixtures: a real store, the fictional sample documents, and a row-by-row dump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.paths import resolve_paths
from app.services.database import open_store
from app.store.database import Database

SAMPLES = Path(__file__).resolve().parents[3] / "app" / "samples"
INITIAL_901 = SAMPLES / "ua-901-27-initial.txt"
UPDATE_901 = SAMPLES / "ua-901-27-update.txt"
INITIAL_902 = SAMPLES / "ua-902-27-initial.txt"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_store(resolve_paths(tmp_path / "data"))
    yield database
    database.close()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the store, every row, in primary-key order."""
    with db.engine.connect() as conn:
        names = [
            name
            for (name,) in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        ]
        return {
            name: [tuple(row) for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))]
            for name in names
        }
