"""Durability and hostile-input figures, with more rounds than the test suite runs.

    .venv/bin/python bench/bench_durability.py               # default rounds
    .venv/bin/python bench/bench_durability.py --rounds 300  # kill -9 and corruption rounds

Prints the durability figures: kill -9 while recording appeals, damaged copies, migrations
from every schema fixture (and killed upgrades), the sandbox corpus, the path-traversal corpus
and the hostile documents corpus. The measuring code is the benchmark's own
(bench/durability_figures.py and bench/durability/): no pytest, nothing of tests/ imported;
the schema fixtures under tests/fixtures/schemas are read as data files. Everything runs in a
temporary folder with fictional data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(rounds: int, root: Path) -> int:
    """Measure and print every figure with ``rounds``; 1 when one could not be measured."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))  # this checkout's app/, from any folder
    from durability_figures import all_figures

    started = time.perf_counter()
    status = 0
    for figure in all_figures(root, rounds):
        try:
            print(figure(), flush=True)
        except Exception as exc:  # one figure that fails to measure must not hide the others
            print(f"figure not measured: {type(exc).__name__}: {exc}", flush=True)
            status = 1
    print(f"[{time.perf_counter() - started:.1f} s]")
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="kill -9 and corruption rounds")
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        print("the durability figures need fork (POSIX)")
        return 1
    with tempfile.TemporaryDirectory(prefix="appeal-desk-durability-") as tmp:
        return run(args.rounds, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
