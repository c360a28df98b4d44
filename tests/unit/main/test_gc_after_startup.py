"""Start-up pauses the cyclic garbage collector, and the collector is back once the cases are in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import gc, sys
from app.main import main
status = main(["--data-dir", sys.argv[1], "gui", "--quit-after-first-paint"])
print("status", status, "gc", gc.isenabled())
"""


@pytest.mark.parametrize("store", ["generated", "empty"])
def test_the_collector_runs_again_after_start_up(
    store: str,
    store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = store_dir if store == "generated" else tmp_path / "new"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "status 0 gc True" in done.stdout
