"""Memory: peak RSS with 100,000 cases loaded in the app vs a bare PySide6 window.

Both run as child processes under ``paint_probe.py`` with ``BENCH_RSS=1``: the app opens a
generated store of 100,000 cases (--quick: 5,000), paints its case list, lets the search
proxy fold every open case's text, types a search and clears it, then reports its peak
resident memory (``VmHWM`` on Linux); then again with the closed cases shown (their search
texts are made only then).
"""

from __future__ import annotations

import statistics
import sys

from bench_startup import run_child
from generate_store import store_copy
from measure import BENCH_DIR, Result, benchmark_main


def peak_rss_mb(command: list[str], extra_env: dict[str, str] | None = None) -> float:
    _elapsed, out = run_child(command, {"BENCH_RSS": "1"} | (extra_env or {}))
    return int(out.rsplit("peak_rss_kb=", 1)[1].split()[0]) / 1024.0


def run(quick: bool) -> list[Result]:
    count = 5_000 if quick else 100_000
    store = store_copy(count, count, lean=True)
    probe = [sys.executable, str(BENCH_DIR / "paint_probe.py")]
    app = probe + ["app", "--data-dir", str(store), "gui"]
    peak_rss_mb(app)  # warm-up: page cache, and the day's automatic backup if one is due
    repeat = 1 if quick else 3
    bare = statistics.median(peak_rss_mb(probe + ["bare"]) for _ in range(repeat))
    loaded = statistics.median(peak_rss_mb(app) for _ in range(repeat))
    shown = statistics.median(peak_rss_mb(app, {"BENCH_SHOW_CLOSED": "1"}) for _ in range(repeat))
    size = f"{count:,} cases"
    return [
        Result("memory_bare_window", bare, "MB", None, note="peak RSS, empty QMainWindow"),
        Result("memory_cases_loaded", loaded, "MB", None, note=f"peak RSS, {size} listed"),
        Result("memory_over_bare", loaded - bare, "MB", 150, note=size),
        Result(
            "memory_over_bare_closed_shown",
            shown - bare,
            "MB",
            None,
            note=f"{size}, closed cases shown and searched too",
        ),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
