"""Figure 3: every schema fixture upgrades to head losing no row; a crashed upgrade loses nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.store import migrator
from app.store.backup import list_backup_files
from app.store.database import open_database
from app.store.integrity import check_file, schema_revision, table_counts
from bench.durability.migration_rounds import (
    FAIL_ENV,
    TEST_HEAD,
    run_migration_kills,
    scripts_with_test_step,
)
from tests.durability import figures
from tests.durability.schema_fixtures import fixture_files

FIXTURES = fixture_files()
_lost: dict[str, int] = {}


def _user_tables(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if k != "alembic_version"}


def _upgrade_copy(fixture: Path, tmp_path: Path) -> tuple[dict[str, int], Path]:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(fixture, paths.database)
    open_database(paths).close()
    return table_counts(paths.database), paths.database


def test_there_is_a_fixture_for_the_baseline() -> None:
    assert "0001_baseline" in [f.stem for f in FIXTURES]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_upgrades_to_head_with_every_row(fixture: Path, tmp_path: Path) -> None:
    before = _user_tables(table_counts(fixture))
    assert all(before.values()), f"{fixture.name} must hold rows in every table: {before}"

    after, db_path = _upgrade_copy(fixture, tmp_path)

    lost = {t: before[t] - after.get(t, 0) for t in before if after.get(t, 0) != before[t]}
    _lost[fixture.stem] = sum(lost.values())
    figures.record(
        "3 migrations",
        f"{len(_lost)} schema fixture(s) upgraded to {migrator.HEAD}: "
        + ", ".join(f"{k}: {v} rows lost" for k, v in _lost.items()),
    )
    assert lost == {}
    assert schema_revision(db_path) == migrator.HEAD
    assert check_file(db_path, thorough=True).ok  # integrity_check + foreign_key_check


def test_upgrade_through_a_real_rebuild_keeps_child_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = FIXTURES[-1]
    scripts = scripts_with_test_step(tmp_path / "scripts")
    monkeypatch.setattr(migrator, "HEAD", TEST_HEAD)
    monkeypatch.setattr(migrator, "SCRIPT_LOCATION", str(scripts))

    after, db_path = _upgrade_copy(fixture, tmp_path)

    before = _user_tables(table_counts(fixture))
    assert {t: n for t, n in _user_tables(after).items() if t in before} == before
    assert all(n == 0 for t, n in _user_tables(after).items() if t not in before)  # new tables
    assert schema_revision(db_path) == TEST_HEAD
    assert check_file(db_path, thorough=True).ok
    backups = list_backup_files(db_path.parent / "backups")
    assert [b.reason for b in backups] == ["pre-migration"]


def test_a_failing_step_leaves_the_old_schema_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = FIXTURES[-1]
    scripts = scripts_with_test_step(tmp_path / "scripts")
    monkeypatch.setattr(migrator, "HEAD", TEST_HEAD)
    monkeypatch.setattr(migrator, "SCRIPT_LOCATION", str(scripts))
    monkeypatch.setenv(FAIL_ENV, "3")
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(fixture, paths.database)

    with pytest.raises(Exception, match="failed on purpose"):
        open_database(paths)

    assert schema_revision(paths.database) == schema_revision(fixture)
    assert table_counts(paths.database) == table_counts(fixture)
    assert check_file(paths.database, thorough=True).ok
    assert [b.reason for b in list_backup_files(paths.backups)] == ["pre-migration"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_killing_the_upgrade_midway_leaves_old_or_new_never_half(tmp_path: Path) -> None:
    result = run_migration_kills(FIXTURES[-1], tmp_path, rounds=max(20, figures.rounds(100) // 5))

    figures.record(
        "3b migration killed",
        f"{result.rounds} upgrades killed at random steps: old schema+data intact "
        f"{result.old_intact}, fully migrated {result.new_complete}, half-migrated "
        f"{result.broken}, pre-migration backup present {result.backup_present}/{result.rounds}",
    )
    assert result.broken == 0
    assert result.backup_present == result.rounds
    assert result.old_intact > 0
