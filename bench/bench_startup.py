"""Start-up: process start to the main window painted with its case list, vs a bare window.

Both are child processes started the same way, interleaved, several times; figures are
medians. The main figure runs each under ``paint_probe.py``, which reports the first paint
(for the app: of the case table, with rows) in ms since spawn. A second figure times the
plain ``appeal-desk gui --quit-after-first-paint`` from spawn to exit, teardown included.
The store is generated (10,000 cases and 100,000 appeals; --quick: 1,000 and 10,000).
For reference it also times a bare window painting a table of text (the stack's floor for a
first screen of rows) and the app until the whole list has replaced the start-up preview.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate_store import store_copy
from measure import BENCH_DIR, Result, benchmark_main, offscreen_env


def run_child(
    command: list[str],
    extra_env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> tuple[float, str]:
    """(seconds from spawn to exit, stdout); a failing child is an error, not a figure."""
    elapsed, _cpu, out = run_child_cpu(command, extra_env, cwd, timeout)
    return elapsed, out


def run_child_cpu(
    command: list[str],
    extra_env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> tuple[float, float, str]:
    """``run_child`` with the child's CPU time (user + system, all its threads, seconds):
    on a machine shared with other work the CPU time moves far less than the wall clock."""
    env = offscreen_env() | (extra_env or {})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, cwd=cwd
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command[1:]} exited {done.returncode}: {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, done.stdout


def painted_ms(command: list[str], extra_env: dict[str, str] | None = None) -> float:
    _elapsed, out = run_child(command, extra_env)
    return float(out.rsplit("painted_ms=", 1)[1].split()[0])


def app_args(store: Path) -> list[str]:
    return ["--data-dir", str(store), "gui", "--quit-after-first-paint"]


def measure(store: Path, repeat: int) -> dict[str, list[float]]:
    probe = [sys.executable, str(BENCH_DIR / "paint_probe.py")]
    commands = {
        "bare": probe + ["bare"],
        "table": probe + ["table"],
        # no --quit-after-first-paint here: the probe itself ends the process at the paint
        "app": probe + ["app", *app_args(store)[:-1]],
    }
    plain = [sys.executable, "-m", "app", *app_args(store)]
    bare_exit = [sys.executable, str(BENCH_DIR / "bare_window.py")]
    run_child(plain)  # warm-up: page cache, and the day's automatic backup if one is due
    run_child(bare_exit)
    times: dict[str, list[float]] = {
        "bare": [],
        "table": [],
        "app": [],
        "app_whole_list": [],
        "bare_exit": [],
        "app_exit": [],
    }
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(painted_ms(command))
        whole = painted_ms(commands["app"], {"BENCH_FULL_LIST": "1"})
        times["app_whole_list"].append(whole)
        times["bare_exit"].append(run_child(bare_exit)[0] * 1000)
        times["app_exit"].append(run_child(plain)[0] * 1000)
    return times


def run(quick: bool) -> list[Result]:
    cases, appeals = (1_000, 10_000) if quick else (10_000, 100_000)
    store = store_copy(cases, appeals)
    medians = {k: statistics.median(v) for k, v in measure(store, 3 if quick else 9).items()}
    size = f"{cases:,} cases, {appeals:,} appeals"
    bare, table, app = medians["bare"], medians["table"], medians["app"]
    return [
        Result("startup_bare_window", bare, "ms", None, note="floor: empty QMainWindow painted"),
        Result(
            "startup_table_window_ratio",
            table / bare,
            "x",
            None,
            note=f"a bare window painting a 120-row table of text: {table:.0f} ms",
        ),
        Result("startup_case_list_painted", app, "ms", None, note=f"{size}; first screen"),
        Result("startup_ratio_to_bare", app / bare, "x", 1.3, note=size),
        Result(
            "startup_whole_list_painted",
            medians["app_whole_list"],
            "ms",
            None,
            note=f"{size}: every case in the table, painted",
        ),
        Result(
            "startup_to_exit_ratio",
            medians["app_exit"] / medians["bare_exit"],
            "x",
            None,
            note=f"spawn to exit incl. teardown: {medians['app_exit']:.0f} vs "
            f"{medians['bare_exit']:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
