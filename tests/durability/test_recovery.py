"""Backups, restore and recovery as the user meets them on the CLI."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput, StoreUnavailable
from app.domain.model import Channel
from app.main import main
from app.paths import AppPaths, resolve_paths
from app.services.appeals import record_appeal
from app.services.backups import list_backups, make_backup, restore_backup, start_empty
from app.store.database import open_database, row_counts
from bench.durability.corruption_rounds import overwrite_random_pages
from tests.durability.conftest import file_digest


def run_cli(capsys: pytest.CaptureFixture[str], paths: AppPaths, *args: str) -> tuple[int, str]:
    status = main(["--data-dir", str(paths.data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def damaged_copy_with_wal(seeded: AppPaths, target: Path) -> AppPaths:
    """A copy taken while the store was open (a hot -wal beside it), then page 2 garbled."""
    db = open_database(seeded)
    record_appeal(db, "2/26", target_index=1, channel=Channel.POST, text="in the WAL")
    shutil.copytree(seeded.data_dir, target)
    db.close()
    copy = resolve_paths(target)
    assert Path(f"{copy.database}-wal").stat().st_size > 0
    data = bytearray(copy.database.read_bytes())
    data[4096 : 2 * 4096] = random.Random(3).randbytes(4096)
    copy.database.write_bytes(bytes(data))
    return copy


def test_backup_command_prints_the_file_it_wrote(
    seeded: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run_cli(capsys, seeded, "backup")
    assert status == 0
    written = Path(out.strip())
    assert written.is_file() and written.parent == seeded.backups

    status, out = run_cli(capsys, seeded, "backups")
    assert status == 0
    assert "made by you" in out and "3 cases, 6 appeals, 1 event " in out and str(written) in out


def test_backups_lists_a_file_cut_short_as_unreadable_and_restore_refuses_it(
    seeded: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    good = make_backup(seeded)
    cut = seeded.backups / "appeal-desk-20261206T190100000000Z-manual.sqlite3"
    cut.write_bytes(good.read_bytes()[:5000])  # named like a backup, copied half-way

    status, out = run_cli(capsys, seeded, "backups")
    assert status == 0
    [line] = [line for line in out.splitlines() if str(cut) in line]
    assert "Unreadable (damaged or not a backup): cannot be restored" in line
    assert "0 cases" not in line
    status, out = run_cli(capsys, seeded, "restore", str(cut))
    assert status == 1 and "is not a usable backup" in out and "Nothing was changed" in out
    assert row_counts_of(seeded)["appeals"] == 6


def row_counts_of(paths: AppPaths) -> dict[str, int]:
    db = open_database(paths)
    try:
        return row_counts(db)
    finally:
        db.close()


def test_cli_on_a_damaged_store_refuses_and_touches_nothing(
    seeded: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = damaged_copy_with_wal(seeded, tmp_path / "damaged")
    wal = Path(f"{copy.database}-wal")
    before = (file_digest(copy.database), file_digest(wal))

    for command in (["list"], ["sent", "1/26", "--channel", "post"], ["backup"]):
        status, out = run_cli(capsys, copy, *command)
        assert status != 0, command
        assert str(copy.database) in out and "appeal-desk restore" in out
        assert (file_digest(copy.database), file_digest(wal)) == before


def test_restore_keeps_the_damaged_file_and_its_wal_byte_for_byte(
    seeded: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_backup(seeded)
    copy = damaged_copy_with_wal(seeded, tmp_path / "damaged")
    before = (file_digest(copy.database), file_digest(Path(f"{copy.database}-wal")))
    newest = list_backups(copy)[0].path

    status, out = run_cli(capsys, copy, "restore", str(newest))

    assert status == 0, out
    kept = next(copy.data_dir.glob("appeal-desk.sqlite3.corrupt-*[0-9]Z"))
    assert (file_digest(kept), file_digest(Path(f"{kept}-wal"))) == before
    assert "damaged database was kept" in out
    db = open_database(copy)
    assert row_counts(db)["appeals"] == 6
    db.close()


def test_restore_checks_the_backup_first_and_backs_up_the_current_store(
    seeded: AppPaths, tmp_path: Path
) -> None:
    old = make_backup(seeded)
    db = open_database(seeded)
    record_appeal(db, "1/26", target_index=1, channel=Channel.FAX, text="newer")
    db.close()
    bad = tmp_path / "bad.sqlite3"
    shutil.copyfile(old, bad)
    overwrite_random_pages(bad, random.Random(1))
    not_ours = tmp_path / "other.sqlite3"
    sqlite3.connect(not_ours).execute("CREATE TABLE t(x)").connection.close()
    before = file_digest(seeded.database)

    for wrong in (bad, not_ours, tmp_path / "missing.sqlite3"):
        with pytest.raises(InvalidInput, match="Nothing was changed|No such backup"):
            restore_backup(seeded, wrong)
        assert file_digest(seeded.database) == before

    outcome = restore_backup(seeded, old)

    assert outcome.safety_backup is not None and outcome.damaged_copy is None
    assert list_backups(seeded)[0].counts["appeals"] == 7  # the pre-restore backup
    db = open_database(seeded)
    assert row_counts(db)["appeals"] == 6
    db.close()


def test_start_empty_keeps_the_damaged_file(seeded: AppPaths, tmp_path: Path) -> None:
    copy = damaged_copy_with_wal(seeded, tmp_path / "damaged")
    before = file_digest(copy.database)

    kept = start_empty(copy)

    assert kept is not None and file_digest(kept) == before
    db = open_database(copy)
    assert sum(row_counts(db).values()) == 0
    db.close()


def test_backup_of_a_damaged_store_is_refused(seeded: AppPaths) -> None:
    overwrite_random_pages(seeded.database, random.Random(9))
    with pytest.raises(StoreUnavailable, match="appeal-desk restore"):
        make_backup(seeded)
