"""Durability and hostile-input figures, with more rounds than the test suite runs.

    .venv/bin/python bench/bench_durability.py               # default rounds
    .venv/bin/python bench/bench_durability.py --rounds 300  # kill -9 and corruption rounds

Prints the figures of the durability tests: kill -9 while recording appeals, damaged copies,
migrations from every schema fixture (and killed upgrades), the sandbox corpus, the
path-traversal corpus and the hostile documents corpus. It runs those tests (pytest, from the
dev tools) in a child process with more rounds, and reads the figures they report; nothing
of tests/ is imported here. Everything runs in a temporary folder with fictional data.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS_ENV = "APPEAL_DESK_DURABILITY_ROUNDS"  # read by tests/durability/figures.py
FIGURE_TESTS = (
    "test_kill9.py",
    "test_corruption.py",
    "test_migrations.py",
    "test_template_sandbox.py",
    "test_path_traversal.py",
    "test_hostile_documents.py",
)
HEADER = "durability and hostile-input figures"
FIGURE = re.compile(r"^\d+[a-z]? [^:]+: ")  # "1 kill -9: ...", "3b migration killed: ..."


def run(rounds: int, root: Path) -> int:
    """Run the figure tests with ``rounds``; print their figures. Returns pytest's status."""
    started = time.perf_counter()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{ROUNDS_ENV: str(rounds)})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"--basetemp={root}",
            *(str(ROOT / "tests" / "durability" / name) for name in FIGURE_TESTS),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if HEADER in line), None)
    if start is None:
        print(f"no figures; pytest said:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
        return done.returncode or 1
    for line in lines[start + 1 :]:
        if not FIGURE.match(line):
            break
        print(line, flush=True)
    print(f"[{time.perf_counter() - started:.1f} s, pytest exit status {done.returncode}]")
    return done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="kill -9 and corruption rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="appeal-desk-durability-") as tmp:
        return run(args.rounds, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
