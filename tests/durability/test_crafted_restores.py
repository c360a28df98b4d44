"""Restore accepts only a database whose schema is exactly the app's for its revision."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.paths import AppPaths
from app.services.backups import make_backup, restore_backup
from tests.durability import figures
from tests.durability.conftest import file_digest
from tests.durability.crafted_databases import CRAFTS, OLDER_SCHEMA, craft

_refused: dict[str, bool] = {}


@pytest.mark.parametrize("name", sorted(CRAFTS))
def test_a_crafted_database_is_refused_with_the_reason(
    seeded: AppPaths, tmp_path: Path, name: str
) -> None:
    genuine = make_backup(seeded)
    crafted = craft(genuine, tmp_path / "offered.sqlite3", name)
    before = file_digest(seeded.database)

    with pytest.raises(InvalidInput) as refused:
        restore_backup(seeded, crafted)
    _refused[name] = True
    figures.record(
        "10 crafted restores",
        f"{len(_refused)} crafted databases offered to restore (of {len(CRAFTS)}): "
        f"{sum(_refused.values())} refused ({100 * sum(_refused.values()) // len(CRAFTS)}%)",
    )

    assert "is not a database Appeal Desk made" in refused.value.message
    assert "nothing was changed" in refused.value.message
    assert file_digest(seeded.database) == before


def test_genuine_backups_of_every_revision_are_still_restored(
    seeded: AppPaths, tmp_path: Path
) -> None:
    restore_backup(seeded, make_backup(seeded))
    for older in sorted(OLDER_SCHEMA.glob("*.sqlite3")):
        copy = tmp_path / older.name
        copy.write_bytes(older.read_bytes())
        outcome = restore_backup(seeded, copy)
        assert outcome.restored_from == copy.resolve()
