"""A second running copy, a read-only data folder and a full disk: clear messages, no loss."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.errors import StoreUnavailable
from app.domain.model import Channel
from app.main import main
from app.paths import AppPaths, resolve_paths
from app.services.appeals import record_appeal
from app.services.backups import make_backup, restore_backup
from app.store.database import open_database
from app.store.instance_lock import DataInUse, InstanceLock
from app.store.integrity import check_file, table_counts
from tests.durability.mounts import fill_up, remount_read_only, small_tmpfs

HOLD_LOCK = (
    "import sys; from pathlib import Path; from app.store.instance_lock import InstanceLock;"
    "InstanceLock(Path(sys.argv[1])).acquire(); print('held', flush=True); sys.stdin.read()"
)


def run_cli(capsys: pytest.CaptureFixture[str], paths: AppPaths, *args: str) -> tuple[int, str]:
    status = main(["--data-dir", str(paths.data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_a_second_copy_is_told_the_data_is_in_use_and_a_killed_one_never_blocks(
    seeded: AppPaths,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(seeded.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        with pytest.raises(DataInUse):
            InstanceLock(seeded.data_dir).acquire()
        backup = make_backup(seeded)  # reading is safe while the other copy runs
        with pytest.raises(StoreUnavailable, match="in use by another copy"):
            restore_backup(seeded, backup)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with InstanceLock(seeded.data_dir) as lock:  # the kernel dropped the dead copy's lock
        assert lock.acquired


def test_two_writers_on_one_store_lose_nothing(seeded: AppPaths) -> None:
    code = (
        "import sys; from app.paths import resolve_paths; from app.store.database import "
        "open_database; from app.services.appeals import record_appeal; "
        "from app.domain.model import Channel; db = open_database(resolve_paths(sys.argv[1]))\n"
        "for i in range(40): record_appeal(db, '3/26', target_index=1, channel=Channel.EMAIL)"
    )
    root = Path(__file__).resolve().parents[2]
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(seeded.data_dir)], cwd=root)
        for _ in range(2)
    ]
    assert [w.wait() for w in writers] == [0, 0]
    assert check_file(seeded.database, thorough=True).ok
    assert table_counts(seeded.database)["appeals"] == 6 + 80


def test_a_read_only_data_folder_gives_a_clear_message_and_keeps_the_data(
    seeded: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None and os.geteuid() == 0:
            pytest.skip("root ignores chmod and cannot mount a tmpfs here")
        folder = mount or tmp_path / "ro"
        shutil.copytree(seeded.data_dir, folder / "data")
        paths = resolve_paths(folder / "data")
        counts = table_counts(paths.database)
        if mount is not None:
            assert remount_read_only(mount)
        else:  # not root: permissions do bind
            for path in [*paths.data_dir.rglob("*"), paths.data_dir]:
                path.chmod(0o555 if path.is_dir() else 0o444)

        status, out = run_cli(capsys, paths, "sent", "1/26", "--channel", "post")

        assert status == 1
        assert "The appeal was not recorded." in out
        assert "read-only" in out and str(paths.data_dir) in out
        assert table_counts(paths.database) == counts


def test_a_full_disk_gives_a_clear_message_and_loses_nothing_committed(
    seeded: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_tmpfs(tmp_path / "full", size="1m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(seeded.data_dir, mount / "data")
        paths = resolve_paths(mount / "data")
        counts = table_counts(paths.database)
        db = open_database(paths)  # open before the disk fills: the write itself fails
        fill_up(mount)

        with pytest.raises(StoreUnavailable, match=r"data folder \(.*\) is full"):
            record_appeal(db, "1/26", target_index=1, channel=Channel.POST, text="y" * 300_000)
        db.close()
        status, out = run_cli(capsys, paths, "sent", "1/26", "--channel", "post")
        backup_status, backup_out = run_cli(capsys, paths, "backup")

        assert status == 1 and f"your data folder ({paths.data_dir}) is full" in out
        assert "The appeal was not recorded." in out  # as the window says it
        assert backup_status == 1 and "could not be written" in backup_out and "full" in backup_out
        assert not list(paths.backups.glob("*.sqlite3")) and not list(paths.backups.glob(".*.tmp"))
        for filler in mount.glob("filler*.bin"):
            filler.unlink()
        assert check_file(paths.database, thorough=True).ok
        assert table_counts(paths.database) == counts
        status, out = run_cli(capsys, paths, "sent", "1/26", "--channel", "post")
        assert status == 0, out
        assert table_counts(paths.database)["appeals"] == counts["appeals"] + 1


def test_sqlite_full_from_max_page_count_is_reported_as_a_full_disk(seeded: AppPaths) -> None:
    """Where no tmpfs can be mounted: SQLITE_FULL via max_page_count, the same error path."""
    db = open_database(seeded)
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()

    with pytest.raises(StoreUnavailable, match=r"data folder \(.*\) is full"):
        record_appeal(db, "1/26", target_index=1, channel=Channel.POST, text="y" * 300_000)
    db.close()
    assert table_counts(seeded.database)["appeals"] == 6
    assert os.path.getsize(seeded.database) > 0
