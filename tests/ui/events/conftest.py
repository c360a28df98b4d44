"""Event fixtures: a real SQLite store in tmp_path holding three fictional cases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.database import Database
from tests.builders import open_event_store


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_event_store(data_dir)
    yield database
    database.close()
