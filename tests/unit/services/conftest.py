"""Service fixtures: an empty real store in tmp_path (modules that need cases override ``db``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.services.database import open_store
from app.store.database import Database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_store(resolve_paths(tmp_path / "data"))
    yield database
    database.close()
