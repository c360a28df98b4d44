"""Event fixtures: a real SQLite store in tmp_path holding three fictional cases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.store.database import Database, open_database
from tests.builders import add_event_cases


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(data_dir))
    add_event_cases(database)
    yield database
    database.close()


def laptop(tmp_path: Path, name: str) -> Database:
    """Another laptop: its own SQLite store with the same fictional cases imported."""
    database = open_database(resolve_paths(tmp_path / name))
    add_event_cases(database)
    return database
