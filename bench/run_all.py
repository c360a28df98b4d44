"""Run every benchmark and print one table; ``--quick`` uses small sizes (CI smoke run).

    .venv/bin/python bench/run_all.py           # full sizes (10,000 / 100,000 cases)
    .venv/bin/python bench/run_all.py --quick   # small sizes, under a minute

Each benchmark runs in its own process (Qt, imports and memory start clean). Ours print
JSON lines; the importer's, paper output's, durability and event benchmarks print text,
read here with small parsers. The run ends with one JSON object per figure and line:
``{"name": ..., "value": ..., "unit": ..., "target": ..., "ok": true|false}``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from measure import BENCH_DIR, Result, offscreen_env, parse_json_lines, parser

OURS = [
    "bench_startup.py",
    "bench_ready.py",
    "bench_search_sort.py",
    "bench_letters.py",
    "bench_memory.py",
    "bench_import_gui.py",
]


def import_figures(out: str) -> list[Result]:
    """bench_import.py: ``text  170.9 docs/s CPU  55.2 docs/s wall ...`` (CPU: steadier)."""
    results = []
    for kind, target in (("text", 200.0), ("pdf", 20.0)):
        found = re.search(rf"^{kind}\s+([\d.]+) docs/s CPU\s+([\d.]+) docs/s wall", out, re.M)
        if found:
            note = f"CPU time; wall clock {found.group(2)} docs/s on this shared machine"
            results.append(
                Result(
                    f"import_{kind}_docs_per_s", float(found.group(1)), "docs/s", target, True, note
                )
            )
    return results


def letters_pdf_figures(out: str) -> list[Result]:
    """bench_letters_pdf.py: ``per letter: 1.3 ms; ratio ours/bare: 1.57x``."""
    found = re.search(r"per letter: ([\d.]+) ms; ratio ours/bare: ([\d.]+)x", out)
    if not found:
        return []
    return [
        Result(
            "letters_pdf_ratio_to_bare",
            float(found.group(2)),
            "x",
            1.5,
            note=f"{found.group(1)} ms per letter, laid out vs bare QTextDocument loop",
        ),
    ]


def durability_figures(out: str) -> list[Result]:
    """bench_durability.py: one line per check; add up the counters that must stay at 0."""
    bad = r"(\d+) (?:lost|integrity failures|half-migrated|escapes|opened or written outside)"
    failures = sum(int(n) for n in re.findall(bad, out))
    failures += sum(int(n) for n in re.findall(r"half-migrated (\d+)", out))
    checks = len(re.findall(r"^\d \S", out, re.M))
    return [Result("durability_failures", failures, "events", 0, note=f"{checks} checks")]


def events_figures(out: str) -> list[Result]:
    """bench_events.py: ``merge (all new)    0.099 s`` lines (figures without targets)."""
    results = []
    for label, value, unit in re.findall(r"^(\S.*?)\s{2,}([\d.]+) (s|MB)$", out, re.M):
        slug = re.sub(r"[^a-z]+", "_", label.lower()).strip("_")  # no counts: stable names
        results.append(Result(f"events_{slug}", float(value), unit, None, note="bench_events.py"))
    return results


def mixed_import_figures(out: str) -> list[Result]:
    """bench_mixed_import.py: counts that must stay at 0 (internal errors, files without a
    line, near-miss documents that changed a case without confirmation, CLI commands that
    failed)."""
    results = []
    for name, pattern in (
        ("mixed_import_internal_errors", r"^internal errors: (\d+)"),
        ("mixed_import_files_without_a_line", r"^files without a line: (\d+)"),
        ("near_miss_changed_without_confirmation", r"changed a case without confirmation: (\d+)"),
        ("mixed_import_commands_failed", r"^commands that failed: (\d+)"),
    ):
        found = re.search(pattern, out, re.M)
        if found:
            results.append(Result(name, int(found.group(1)), "files", 0))
    return results


def language_startup_figures(out: str) -> list[Result]:
    """bench_startup_languages.py: ``  es: 61.2 ms  (+4.1 ms vs en)`` per language."""
    return [
        Result(f"language_loading_extra_{language}", float(extra), "ms", None, note="vs en")
        for language, extra in re.findall(
            r"^\s+(\w+): [\d.]+ m?s\s+\(([-+][\d.]+) ms vs en\)", out, re.M
        )
    ]


def pdf_tokenizer_figures(out: str) -> list[Result]:
    """bench_pdf_tokenizer.py: ``gain 1.72x; same text: True`` (the gain, and a count of
    texts that differ, which must stay 0)."""
    found = re.search(r"^gain ([\d.]+)x; same text: (True|False)", out, re.M)
    if found is None:
        return []
    return [
        Result("pdf_tokenizer_gain", float(found.group(1)), "x", None, True, "over pypdf's parser"),
        Result("pdf_tokenizer_texts_differ", int(found.group(2) == "False"), "", 0),
    ]


def json_figures(out: str) -> list[Result]:
    """A script run with ``--json``: its JSON lines as they are."""
    return [Result.from_json(d) for d in parse_json_lines(out)]


THEIRS: dict[str, tuple[list[str], list[str], Callable[[str], list[Result]]]] = {
    # script: (full arguments, quick arguments, parser)
    "bench_import.py": (["--repeat", "5"], ["--repeat", "1"], import_figures),
    "bench_letters_pdf.py": (["1000"], ["100"], letters_pdf_figures),
    "bench_durability.py": ([], [], durability_figures),  # about a minute: full runs only
    "bench_events.py": ([], ["2000"], events_figures),
    "bench_mixed_import.py": ([], ["--count", "200"], mixed_import_figures),
    "bench_startup_languages.py": ([], ["--catalog-only", "--runs", "3"], language_startup_figures),
    "bench_backup.py": (["--json"], ["--json", "--quick"], json_figures),
    "bench_import_cancel.py": (["--json"], ["--json", "--quick"], json_figures),
    "bench_pdf_tokenizer.py": ([], [], pdf_tokenizer_figures),
}


# Scripts run_all leaves out: they need what a plain machine does not have (the PostgreSQL
# test server and a network namespace of their own), and say how to run them in their help.
RUN_BY_HAND = frozenset({"bench_dead_link.py"})


def plan(name: str, quick: bool) -> tuple[list[str], Callable[[str], list[Result]]] | None:
    """How run_all runs one script: its arguments and the reader of its printout (None: a
    script the quick run leaves out)."""
    if name in RUN_BY_HAND:
        return None
    if name in THEIRS:
        full, small, read = THEIRS[name]
        if quick and name == "bench_durability.py":
            return None
        return (small if quick else full), read
    if name in OURS:
        return ["--json", *(["--quick"] if quick else [])], json_figures
    return [], json_figures  # a benchmark added later (e.g. bench_events*.py): its JSON lines


def script_names(bench_dir: Path = BENCH_DIR) -> list[str]:
    """The benchmark scripts of a bench folder, in run_all's order (ours first)."""
    scripts = sorted(p.name for p in bench_dir.glob("bench_*.py"))
    return [*(s for s in OURS if s in scripts), *(s for s in scripts if s not in OURS)]


def run_script(
    script: Path,
    args: list[str],
    timeout: float,
    cache_bytecode: bool,
    command: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[int, str, float]:
    """(exit status, printout, seconds) of one script; ``command`` replaces ``python script``
    and ``env`` the environment (bench/compare_runs.py runs another checkout's scripts)."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*(command or [sys.executable, str(script)]), *args],
            env=env if env is not None else offscreen_env(cache_bytecode),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=script.parent.parent,
        )
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout:.0f} s", time.perf_counter() - started
    output = done.stdout + ("\n" + done.stderr[-1500:] if done.returncode else "")
    return done.returncode, output, time.perf_counter() - started


def figures(name: str, code: int, out: str, read: Callable[[str], list[Result]]) -> list[Result]:
    """The figures of one script's run; a failed run or one without figures says so."""
    found = read(out)
    if code != 0 or not found:
        last = " ".join(out.split())[-120:]
        found.append(Result(f"{Path(name).stem}_exit_status", code, "", 0, note=last))
    return found


def collect(quick: bool, only: set[str] | None) -> list[Result]:
    results: list[Result] = []
    timeout = 300.0 if quick else 1800.0
    for name in script_names():
        planned = plan(name, quick)
        if planned is None or (only and name not in only):
            continue
        args, read = planned
        print(f"# {name} {' '.join(args)}", file=sys.stderr, flush=True)
        code, out, took = run_script(BENCH_DIR / name, args, timeout, name in OURS)
        if name in THEIRS:  # keep the other benchmarks' own printout, out of the table
            for line in out.strip().splitlines():
                print(f"#   {line}", file=sys.stderr)
        found = figures(name, code, out, read)
        print(f"#   {took:.1f} s, {len(found)} figures", file=sys.stderr, flush=True)
        results += found
    return results


def main() -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--only", nargs="*", help="run only these scripts (file names)")
    args = p.parse_args()
    started = time.perf_counter()
    results = collect(args.quick, set(args.only) if args.only else None)
    if not args.json:
        print(f"{'benchmark':34} {'value':>12} {'unit':14} {'target':>12}  result")
        for result in results:
            print(result.table_row())
        missed = [r.name for r in results if not r.ok]
        print(
            f"\n{len(results)} figures, {len(missed)} missed; {time.perf_counter() - started:.0f} s"
        )
    for result in results:
        print(result.json_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
