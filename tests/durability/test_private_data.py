"""The data folder is its user's alone: folders 0700, files 0600, old folders repaired at start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

SAMPLE = Path(__file__).resolve().parents[2] / "app" / "samples" / "ua-901-27-initial.txt"


def appeal_desk(data: Path, *args: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.umask(0o022); from app.main import main; "
         "sys.exit(main(sys.argv[1:]))", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_a_new_data_folder_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    appeal_desk(data, "import", str(SAMPLE))
    appeal_desk(data, "backup")

    found = modes(data)
    assert any(name.startswith("backups/") for name in found)
    assert any(name.startswith("logs/") for name in found)
    readable_by_others = {name: oct(mode) for name, mode in found.items() if mode & 0o077}
    assert readable_by_others == {}


def test_an_old_world_readable_folder_is_repaired_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    appeal_desk(data, "import", str(SAMPLE))
    appeal_desk(data, "backup")
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    beside = tmp_path / "data" / "my-own-notes.txt"  # not the app's: left as the user set it
    beside.write_text("mine")
    beside.chmod(0o644)

    appeal_desk(data, "list")

    found = modes(data)
    del found["my-own-notes.txt"]
    assert {name: oct(mode) for name, mode in found.items() if mode & 0o077} == {}
    assert stat.S_IMODE(beside.stat().st_mode) == 0o644
