"""The durability and hostile-input figures, measured here (no pytest, nothing of tests/).

Each function takes a fresh folder of its own, runs one kind of fault or hostile input
through the app's own services and returns its figure line, as ``"<key>: <figure>"``. The
test suite checks the same properties with rounds and assertions of its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from durability.corruption_rounds import run_corruption_rounds
from durability.crash_rounds import run_kill_rounds
from durability.hostile_documents import BIDI, build_corpus, import_in_child
from durability.hostile_templates import run_template_corpus
from durability.migration_rounds import run_migration_kills
from durability.seeding import seed
from durability.traversal import AUDIT, hostile_names, try_every_route

from app.paths import AppPaths, resolve_paths
from app.store.database import open_database

# Data files only: a store file for every released schema version, read as they are.
SCHEMA_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "schemas"
PEAK_RSS_LIMIT_MB = 400  # the hostile documents' import, in a child process


def seeded(folder: Path) -> AppPaths:
    """A data folder whose store holds fictional cases, appeals and an event (closed again)."""
    paths = resolve_paths(folder / "data")
    db = open_database(paths)
    seed(db)
    db.close()
    return paths


def kill_minus_nine(folder: Path, rounds: int) -> str:
    result = run_kill_rounds(seeded(folder).data_dir, rounds)
    return (
        f"1 kill -9: {result.rounds} rounds, {result.acknowledged} acknowledged appeals, "
        f"{result.lost} lost, {result.integrity_failures} integrity failures "
        f"({result.killed_before_first_ack} kills before the first commit)"
    )


def corruption(folder: Path, copies: int) -> str:
    from app.services.backups import make_backup

    paths = seeded(folder)
    make_backup(paths)
    result = run_corruption_rounds(paths, folder / "copies", copies)
    return (
        f"2 corruption: {result.copies} damaged copies: detected at start "
        f"{result.detected}/{result.copies}, CLI refused {result.cli_refused}/{result.copies}, "
        f"original kept byte for byte {result.preserved}/{result.copies}, restored from newest "
        f"backup {result.restored}/{result.copies}"
    )


def migrations(folder: Path) -> str:
    from app.store import migrator
    from app.store.integrity import table_counts

    lost: dict[str, int] = {}
    for fixture in sorted(SCHEMA_FIXTURES.glob("*.sqlite3")):
        before = _user_tables(table_counts(fixture))
        paths = resolve_paths(folder / fixture.stem / "data")
        paths.data_dir.mkdir(parents=True)
        shutil.copyfile(fixture, paths.database)
        open_database(paths).close()
        after = table_counts(paths.database)
        lost[fixture.stem] = sum(before[t] - after.get(t, 0) for t in before)
    return f"3 migrations: {len(lost)} schema fixture(s) upgraded to {migrator.HEAD}: " + ", ".join(
        f"{k}: {v} rows lost" for k, v in lost.items()
    )


def _user_tables(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if k != "alembic_version"}


def migration_killed(folder: Path, rounds: int) -> str:
    newest = sorted(SCHEMA_FIXTURES.glob("*.sqlite3"))[-1]
    result = run_migration_kills(newest, folder, rounds=max(20, rounds // 5))
    return (
        f"3b migration killed: {result.rounds} upgrades killed at random steps: old "
        f"schema+data intact {result.old_intact}, fully migrated {result.new_complete}, "
        f"half-migrated {result.broken}, pre-migration backup present "
        f"{result.backup_present}/{result.rounds}"
    )


def sandbox(folder: Path) -> str:
    result = run_template_corpus(folder)
    return (
        f"4 sandbox: {result.payloads} escape payloads: {len(result.escaped)} escapes, "
        f"{result.blocked} refused with a template error; {result.runaways} runaway templates: "
        f"{result.stopped} stopped (slowest stop {result.slowest_stop:.1f} s)"
    )


def path_traversal(folder: Path) -> str:
    """Hostile names through locale ids, template names, export names and event files."""
    names = hostile_names()
    attempts = try_every_route(seeded(folder), names)
    return (
        f"5 path traversal: {len(names)} hostile names, {attempts} attempts through locale ids, "
        f"template names, export names and event files ({AUDIT.events} file events audited): "
        f"{len(AUDIT.outside)} opened or written outside the allowed roots"
    )


def hostile_documents(folder: Path) -> str:
    paths = seeded(folder)
    names = build_corpus(folder / "corpus")
    report = import_in_child(paths.data_dir, folder / "corpus")
    results: list[dict[str, str]] = report["results"]  # type: ignore[assignment]
    rejected = [r for r in results if r["outcome"] == "rejected" and r["reason"].strip()]
    unsafe_text = [r for r in results if any(c in r["source"] + r["reason"] for c in BIDI)]
    before: dict[str, int] = report["before"]  # type: ignore[assignment]
    after: dict[str, int] = report["after"]  # type: ignore[assignment]
    return (
        f"6 hostile documents: {len(names)} files x 2 (one by one, then as one bulk import): "
        f"{len(rejected)}/{len(results)} rejected with a message, rows changed "
        f"{sum(after.values()) - sum(before.values())}, peak RSS "
        f"{report['peak_rss_mb']:.0f} MB (limit {PEAK_RSS_LIMIT_MB}), slowest file "
        f"{report['slowest_seconds']:.1f} s, names with raw bidi controls shown "
        f"{len(unsafe_text)}"
    )


def all_figures(root: Path, rounds: int) -> list[Callable[[], str]]:
    """Every figure, in the order they are printed, each in a folder of its own under root."""

    def folder(name: str) -> Path:
        path = root / name
        path.mkdir(parents=True)
        return path

    return [
        lambda: kill_minus_nine(folder("kill9"), rounds),
        lambda: corruption(folder("corruption"), rounds),
        lambda: migrations(folder("migrations")),
        lambda: sandbox(folder("sandbox")),
        lambda: path_traversal(folder("traversal")),
        lambda: hostile_documents(folder("hostile")),
        lambda: migration_killed(folder("migration-killed"), rounds),
    ]
