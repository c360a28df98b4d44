"""Ready to write: ``appeal-desk gui --quit-after-first-paint`` against a bare table window.

``--quit-after-first-paint`` ends the app once its cases are loaded and its store is open,
which is when a letter can be written: its time from spawn to exit is the "ready" figure.
The yardstick is a bare PySide6 window that paints a search box over a 120-row table of
text and quits the same way (``paint_probe.py table-exit``); both include interpreter
teardown. The first screen is compared too: the app's first paint of its case table against
the bare table's first paint (``paint_probe.py``, ended at the paint). Runs interleave and
figures are medians, on a store of 300 cases and one of 10,000 cases with 100,000 appeals
(--quick: 300 and 1,000/10,000).

Both ready runs also give the CPU time of the whole process (every thread, spawn to exit),
the app's against the bare table window's: a ratio the machine's load moves far less than
the wall clock's, for telling a change from the noise on a shared machine.

A third run of each app (``ready_probe.py``) begins a unit of work on the GUI thread the
moment the window is ready, as a first "Mark as sent" would: its figure is how long that
first write waits after "ready" (for the store's engine, when the window became ready
without it).

``--repo DIR`` also times another checkout of the app (an older commit, say) in the same
runs, so before and after share the machine's load. That checkout works on stores generated
by its own code (its ``bench/generate_store.py`` with its own ``app``, cached per schema in
``<cache>/checkout-<key>``, see ``checkouts.py``): an older app refuses a store of a newer
schema revision, and a newer app would migrate an older one.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from bench_startup import run_child, run_child_cpu
from checkouts import checkout_store
from generate_store import DEFAULT_CACHE, store_copy
from measure import BENCH_DIR, REPO, Result, parser, private_copy, report

READY_TARGETS = {300: 2.0, 10_000: 3.0}  # x the bare table window, by number of cases
FIRST_SCREEN_TARGET = 1.3


def painted(command: list[str], repo: Path) -> float:
    _elapsed, out = run_child(command, {"PYTHONPATH": str(repo)}, cwd=repo)
    return float(out.rsplit("painted_ms=", 1)[1].split()[0])


def exited(command: list[str], repo: Path, timeout: float = 120) -> float:
    return run_child(command, {"PYTHONPATH": str(repo)}, cwd=repo, timeout=timeout)[0] * 1000


def exited_cpu(command: list[str], repo: Path) -> tuple[float, float]:
    """(ms from spawn to exit, ms of the child's CPU time)."""
    elapsed, cpu, _out = run_child_cpu(command, {"PYTHONPATH": str(repo)}, cwd=repo)
    return elapsed * 1000, cpu * 1000


def first_write_wait(command: list[str], repo: Path) -> float:
    """ms from "ready" to a unit of work begun and committed on the GUI thread."""
    _elapsed, out = run_child(command, {"PYTHONPATH": str(repo)}, cwd=repo)
    ready = float(out.rsplit("ready_ms=", 1)[1].split()[0])
    return float(out.rsplit("transaction_ms=", 1)[1].split()[0]) - ready


def measure(stores: dict[str, Path], repos: dict[str, Path], repeat: int) -> dict[str, list[float]]:
    probe = [sys.executable, str(BENCH_DIR / "paint_probe.py")]
    first_write = [sys.executable, str(BENCH_DIR / "ready_probe.py")]
    args = {label: ["--data-dir", str(stores[label]), "gui"] for label in repos}
    times: dict[str, list[float]] = {"table_paint": [], "table_exit": [], "table_exit_cpu": []}
    for label, repo in repos.items():  # warm-up: page cache, and the day's backup if due
        ready = [sys.executable, "-m", "app", *args[label], "--quit-after-first-paint"]
        exited(ready, repo, 900)
        times[f"{label}_paint"] = []
        times[f"{label}_ready"] = []
        times[f"{label}_ready_cpu"] = []
        times[f"{label}_write_wait"] = []
    for _ in range(repeat):
        times["table_paint"].append(painted(probe + ["table"], REPO))
        table_exit, table_cpu = exited_cpu(probe + ["table-exit"], REPO)
        times["table_exit"].append(table_exit)
        times["table_exit_cpu"].append(table_cpu)
        for label, repo in repos.items():
            times[f"{label}_paint"].append(painted(probe + ["app", *args[label]], repo))
            ready = [sys.executable, "-m", "app", *args[label], "--quit-after-first-paint"]
            ready_ms, ready_cpu = exited_cpu(ready, repo)
            times[f"{label}_ready"].append(ready_ms)
            times[f"{label}_ready_cpu"].append(ready_cpu)
            times[f"{label}_write_wait"].append(first_write_wait(first_write + args[label], repo))
    return times


def run(quick: bool, other: Path | None, cache_dir: Path = DEFAULT_CACHE) -> list[Result]:
    repos = {"app": REPO} | ({"other": other.resolve()} if other is not None else {})
    results: list[Result] = []
    sizes = [(300, 3_000), (1_000, 10_000) if quick else (10_000, 100_000)]
    for cases, appeals in sizes:
        stores = {"app": store_copy(cases, appeals, cache_dir=cache_dir)}
        if other is not None:
            stores["other"] = private_copy(
                checkout_store(other, cases, appeals, cache_dir=cache_dir)
            )
        times = measure(stores, repos, 3 if quick else 7)
        medians = {name: statistics.median(values) for name, values in times.items()}
        table_exit, table_paint = medians["table_exit"], medians["table_paint"]
        target = READY_TARGETS.get(cases)
        for label in repos:
            where = "" if label == "app" else f" ({other})"
            ready, paint = medians[f"{label}_ready"], medians[f"{label}_paint"]
            results += [
                Result(
                    f"ready_ratio_{cases}{'' if label == 'app' else '_other'}",
                    ready / table_exit,
                    "x",
                    target,
                    note=f"{cases:,} cases: ready {ready:.0f} ms vs bare table "
                    f"{table_exit:.0f} ms{where}",
                ),
                Result(
                    f"ready_cpu_ratio_{cases}{'' if label == 'app' else '_other'}",
                    medians[f"{label}_ready_cpu"] / medians["table_exit_cpu"],
                    "x",
                    None,
                    note=f"{cases:,} cases: CPU time to exit {medians[f'{label}_ready_cpu']:.0f} "
                    f"ms vs bare table {medians['table_exit_cpu']:.0f} ms (all threads; the "
                    f"load moves it less than the wall clock){where}",
                ),
                Result(
                    f"first_write_wait_{cases}{'' if label == 'app' else '_other'}",
                    medians[f"{label}_write_wait"],
                    "ms",
                    None,
                    note=f"{cases:,} cases: a unit of work begun the moment the window is "
                    f"ready waits this long{where}",
                ),
                Result(
                    f"first_screen_ratio_{cases}{'' if label == 'app' else '_other'}",
                    paint / table_paint,
                    "x",
                    FIRST_SCREEN_TARGET,
                    note=f"{cases:,} cases: first paint {paint:.0f} ms vs bare table "
                    f"{table_paint:.0f} ms{where}",
                ),
            ]
    return results


def main() -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--repo", type=Path, help="another checkout of the app, timed alongside")
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE,
        help="where the generated stores are kept (a run of its own: a store another "
        "benchmark has open makes the app exit as 'already open')",
    )
    args = p.parse_args()
    report(run(args.quick, args.repo, args.cache_dir), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
