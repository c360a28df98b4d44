"""Durability and hostile-input figures, with more rounds than the test suite runs.

    .venv/bin/python bench/bench_durability.py               # default rounds
    .venv/bin/python bench/bench_durability.py --rounds 300  # kill -9 and corruption rounds

Prints the six figures: kill -9 while recording appeals, damaged copies, migrations from every
schema fixture (and killed upgrades), the sandbox corpus, the path-traversal corpus and the
hostile documents corpus. Everything runs in a temporary folder with fictional data.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.paths import AppPaths, resolve_paths  # noqa: E402
from app.services.backups import make_backup  # noqa: E402
from app.store.database import open_database  # noqa: E402
from app.store.integrity import table_counts  # noqa: E402
from tests.durability.seeding import seed  # noqa: E402


def seeded_store(folder: Path) -> AppPaths:
    paths = resolve_paths(folder)
    db = open_database(paths)
    seed(db)
    db.close()
    return paths


def figure(label: str, started: float, text: str) -> None:
    print(f"{label:<22} {text}  [{time.perf_counter() - started:.1f} s]", flush=True)


def run(rounds: int, root: Path) -> None:
    from tests.durability.corruption_rounds import run_corruption_rounds
    from tests.durability.crash_rounds import run_kill_rounds
    from tests.durability.hostile_documents import build_corpus, import_in_child
    from tests.durability.hostile_templates import run_template_corpus
    from tests.durability.migration_rounds import run_migration_kills
    from tests.durability.schema_fixtures import fixture_files

    started = time.perf_counter()
    kill = run_kill_rounds(seeded_store(root / "kill").data_dir, rounds)
    figure(
        "1 kill -9",
        started,
        f"{kill.rounds} rounds, {kill.acknowledged} acknowledged appeals, {kill.lost} lost, "
        f"{kill.integrity_failures} integrity failures",
    )

    started = time.perf_counter()
    template = seeded_store(root / "corrupt-template")
    make_backup(template)
    bad = run_corruption_rounds(template, root / "corrupt", rounds)
    figure(
        "2 corruption",
        started,
        f"{bad.copies} damaged copies: detected {bad.detected}, CLI refused {bad.cli_refused}, "
        f"kept byte for byte {bad.preserved}, restored {bad.restored}",
    )

    started = time.perf_counter()
    lost = {}
    for number, fixture in enumerate(fixture_files()):
        paths = resolve_paths(root / f"mig-{number}")
        paths.data_dir.mkdir(parents=True)
        shutil.copyfile(fixture, paths.database)
        open_database(paths).close()
        before, after = table_counts(fixture), table_counts(paths.database)
        lost[fixture.stem] = sum(max(0, n - after.get(t, 0)) for t, n in before.items())
    killed = run_migration_kills(fixture_files()[-1], root / "mig-kill", max(20, rounds // 5))
    figure(
        "3 migrations",
        started,
        ", ".join(f"{k}: {v} rows lost" for k, v in lost.items())
        + f"; {killed.rounds} killed upgrades: {killed.broken} half-migrated, "
        f"{killed.old_intact} old intact, {killed.new_complete} complete, "
        f"backup present {killed.backup_present}",
    )

    started = time.perf_counter()
    tpl = run_template_corpus(root / "templates")
    figure(
        "4 sandbox",
        started,
        f"{tpl.payloads} payloads: {len(tpl.escaped)} escapes, {tpl.blocked} refused; "
        f"{tpl.runaways} runaways: {tpl.stopped} stopped (slowest {tpl.slowest_stop:.1f} s)",
    )

    started = time.perf_counter()
    figure("5 path traversal", started, _traversal(root / "traversal"))

    started = time.perf_counter()
    docs = seeded_store(root / "docs")
    names = build_corpus(root / "corpus")
    report = import_in_child(docs.data_dir, root / "corpus")
    results = report["results"]
    rejected = sum(1 for r in results if r["outcome"] == "rejected" and r["reason"])
    figure(
        "6 hostile documents",
        started,
        f"{len(names)} files x 2: {rejected}/{len(results)} rejected with a message, rows "
        f"changed {sum(report['after'].values()) - sum(report['before'].values())}, peak RSS "
        f"{report['peak_rss_mb']:.0f} MB, slowest {report['slowest_seconds']:.1f} s",
    )


def _traversal(folder: Path) -> str:
    """Runs the test's traversal routine through pytest (it needs the audit hook fixture)."""
    import subprocess

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(ROOT / "tests" / "durability" / "test_path_traversal.py"),
            f"--basetemp={folder}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("5 path traversal:")]
    return lines[0].split(": ", 1)[1] if lines else f"failed:\n{done.stdout[-2000:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="kill -9 and corruption rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="appeal-desk-durability-") as tmp:
        run(args.rounds, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
