"""Store fixtures: a real SQLite file in tmp_path and small parsed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.store.database import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(resolve_paths(tmp_path / "data"))
    yield database
    database.close()
