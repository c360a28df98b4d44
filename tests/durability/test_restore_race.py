"""A restore never races a process that writes: acknowledged imports survive every restore."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services.backups import make_backup
from tests.durability import figures
from tests.durability.restore_race import race_round, stored_ua_numbers, write_documents

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs POSIX advisory locks")


def test_restore_is_refused_while_another_process_imports(seeded: AppPaths, tmp_path: Path) -> None:
    backup = make_backup(seeded)
    write_documents(tmp_path / "docs", 100, 30)

    result = race_round(seeded, backup, tmp_path / "docs", after_lines=2)

    assert result.refused, "the restore ran while another process was importing"
    assert "being used by another process" in result.refusal
    assert result.import_exit == 0
    assert len(result.acknowledged) == 30
    assert result.lost == set()


def test_an_import_that_starts_during_a_restore_waits_and_keeps_its_files(
    seeded: AppPaths, tmp_path: Path
) -> None:
    from app.services.restoring import swap_in
    from app.store.instance_lock import StoreLock
    from tests.durability.restore_race import start_import

    backup = make_backup(seeded)
    write_documents(tmp_path / "docs", 200, 3)
    with StoreLock(seeded.data_dir, exclusive=True):  # what a restore holds while it swaps
        child = start_import(seeded.data_dir, tmp_path / "docs")
        swap_in(seeded, backup)  # the restore itself, while the import waits for it
    out, _err = child.communicate(timeout=300)

    assert child.returncode == 0
    assert out.count(": imported (UA ") == 3
    assert {"200/27", "201/27", "202/27"} <= stored_ua_numbers(seeded.database)


def test_restores_raced_against_an_importing_process_lose_nothing(
    seeded: AppPaths, tmp_path: Path
) -> None:
    backup = make_backup(seeded)
    rounds, acknowledged, lost, refused, restored = 0, 0, 0, 0, 0
    for number, after_lines in enumerate((0, 1, 5, 12)):
        folder = tmp_path / f"docs{number}"
        write_documents(folder, 300 + 20 * number, 15)
        result = race_round(seeded, backup, folder, after_lines)
        rounds += 1
        acknowledged += len(result.acknowledged)
        lost += len(result.lost)
        refused += result.refused
        restored += result.restored
        assert result.import_exit == 0
    figures.record(
        "8 restore races",
        f"{rounds} restores raced against an importing process: {acknowledged} acknowledged "
        f"imports, {lost} lost ({refused} restores refused, {restored} ran)",
    )
    assert lost == 0
    assert acknowledged == 60
