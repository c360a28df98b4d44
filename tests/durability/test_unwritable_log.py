"""A data folder whose log cannot be written (read-only, or a full disk): each command says
its one line, and logging never prints its own traceback to the user.

The commands run as a user runs them, in a process of their own (logging is set up once per
process). Mounting a small tmpfs needs root; without that right the tests are skipped, as
the other mount-based fault tests are.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.logging_setup import log_file_handler
from app.paths import AppPaths, resolve_paths
from tests.durability.mounts import fill_up, remount_read_only, small_tmpfs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX filesystem")

ROOT = Path(__file__).resolve().parents[2]


def appeal_desk(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "APPEAL_DESK_HOME": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=120,
    )


def assert_no_logging_noise(result: subprocess.CompletedProcess[str]) -> None:
    shown = result.stdout + result.stderr
    assert "Logging error" not in shown
    assert "Traceback" not in shown
    assert "appeal-desk.log" not in shown


def test_a_log_file_that_cannot_be_written_is_given_up_without_a_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    handler = log_file_handler(blocker / "appeal-desk.log")
    logger = logging.getLogger("test.unwritable")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(5):
            logger.warning("record %d", number)
    finally:
        handler.close()
        logger.removeHandler(handler)
    assert capsys.readouterr().err == ""
    # The reason kept for the diagnostics is the user's wording of the system's failure.
    assert handler.failure == "a folder in its path is a file"


def test_a_read_only_data_folder_prints_one_line_per_command(
    seeded: AppPaths, tmp_path: Path
) -> None:
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(seeded.data_dir, mount / "data")
        paths = resolve_paths(mount / "data")
        (paths.log_dir / "appeal-desk.log").unlink(missing_ok=True)
        assert remount_read_only(mount)

        refused = appeal_desk(paths.data_dir, "sent", "1/26", "--channel", "post")
        assert_no_logging_noise(refused)
        assert refused.returncode == 1
        assert refused.stderr.splitlines() == [
            f"appeal-desk: The appeal was not recorded. {paths.data_dir} is read-only. "
            "Make it writable (its permissions), "
            "or choose a data folder you can write to with --data-dir."
        ]
        german = appeal_desk(paths.data_dir, "--lang", "de", "sent", "1/26", "--channel", "post")
        assert german.stderr.splitlines() == [
            f"appeal-desk: Der Appell wurde nicht gespeichert. {paths.data_dir} ist "
            "schreibgeschützt. Machen Sie ihn beschreibbar "
            "(seine Berechtigungen) oder wählen Sie mit --data-dir einen Datenordner, in den Sie "
            "schreiben können."
        ]
        note = (
            f"note: {paths.data_dir} is read-only: your data is shown as it is, and nothing can "
            "be changed until the folder can be written again."
        )
        for args in (("list",), ("appeal", "list")):  # reading needs no writing
            shown = appeal_desk(paths.data_dir, *args)
            assert_no_logging_noise(shown)
            assert shown.returncode == 0, shown.stderr
            assert shown.stderr.splitlines() == [note]
            assert "1/26" in shown.stdout
        letter = tmp_path / "letter.txt"
        written = appeal_desk(paths.data_dir, "letter", "1/26", "--out", str(letter))
        assert written.returncode == 0, written.stderr
        assert letter.is_file() and "Traceback" not in written.stderr


def test_a_full_disk_prints_no_logging_traceback(seeded: AppPaths, tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "full", size="2m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(seeded.data_dir, mount / "data")
        paths = resolve_paths(mount / "data")
        out = tmp_path / "letter.txt"
        fill_up(mount)

        listing = appeal_desk(paths.data_dir, "appeal", "list")
        letter = appeal_desk(paths.data_dir, "letter", "1/26", "--out", str(out))
        sent = appeal_desk(paths.data_dir, "sent", "1/26", "--channel", "post")

        full = (
            f"The disk that holds your data folder ({paths.data_dir}) is full. Free some space "
            "on that disk (empty the wastebasket, move large files elsewhere), then try again; "
            "nothing was lost."
        )
        for result, said in ((listing, ""), (letter, ""), (sent, "The appeal was not recorded. ")):
            assert_no_logging_noise(result)
            if result.returncode != 0:  # the store itself may need room to be opened
                assert result.returncode == 1, result.stderr
                assert result.stderr.splitlines() == [f"appeal-desk: {said}{full}"]
        assert sent.returncode == 1
        assert letter.returncode != 0 or out.exists()


def test_a_read_only_store_with_changes_left_in_its_wal_is_not_shown_stale(
    seeded: AppPaths, tmp_path: Path
) -> None:
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(seeded.data_dir, mount / "data")
        paths = resolve_paths(mount / "data")
        wal = paths.database.with_name(paths.database.name + "-wal")
        wal.write_bytes(b"\0" * 4096)  # a copy that was not closed: its last commits wait here
        assert remount_read_only(mount)

        result = appeal_desk(paths.data_dir, "list")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"appeal-desk: {paths.data_dir} is read-only. Make it writable (its permissions), or "
        "choose a data folder you can write to with --data-dir."
    ]
