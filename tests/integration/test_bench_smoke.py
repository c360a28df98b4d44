"""Smoke test of the benchmarks: they run, their JSON lines parse, the GUI paint-and-quit works.

No timing is asserted here (speed belongs in bench/); only that the figures exist.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
KEYS = {"name", "value", "unit", "target", "ok"}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fictional store of 30 cases made by the benchmark generator."""
    data = tmp_path_factory.mktemp("store") / "data"
    done = run(
        [
            str(BENCH / "generate_store.py"),
            "--cases",
            "30",
            "--appeals",
            "100",
            "--data-dir",
            str(data),
        ],
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return data


def test_gui_quits_after_the_first_paint_of_the_case_list(small_store: Path) -> None:
    done = run(
        ["-m", "app", "--data-dir", str(small_store), "gui", "--quit-after-first-paint"],
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.timeout(900)  # the whole quick benchmark run; its own limit is 600 s
def test_quick_run_ends_with_one_parsable_json_line_per_figure() -> None:
    done = run([str(BENCH / "run_all.py"), "--quick"], timeout=600)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    figures = [json.loads(line) for line in lines]
    assert figures, done.stdout
    for figure in figures:
        assert set(figure) == KEYS, figure
        assert isinstance(figure["ok"], bool)
        assert isinstance(figure["value"], int | float)
    names = {figure["name"] for figure in figures}
    assert {"startup_ratio_to_bare", "search_keystroke_median", "letter_render_median"} <= names
    assert not any(name.endswith("_exit_status") for name in names), done.stdout
