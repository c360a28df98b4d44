"""Corrupt copies of a store (random pages overwritten) and recover them like a user would.

The benchmark and tests/durability/test_corruption.py run them, each with its own number of rounds.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import StoreUnavailable
from app.main import main
from app.paths import AppPaths, resolve_paths
from app.services.backups import list_backups, restore_backup
from app.store.database import open_database, row_counts


@dataclass
class CorruptionFigures:
    copies: int = 0
    detected: int = 0
    cli_refused: int = 0
    preserved: int = 0
    restored: int = 0


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def overwrite_random_pages(db_path: Path, rng: random.Random, page_size: int = 4096) -> None:
    """Overwrite 1-3 random pages (page 1, the header, included) with random bytes."""
    data = bytearray(db_path.read_bytes())
    pages = len(data) // page_size
    for page in rng.sample(range(pages), k=min(pages, rng.randint(1, 3))):
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    db_path.write_bytes(bytes(data))


def corrupt_and_recover(template: AppPaths, work: Path, rng: random.Random) -> dict[str, bool]:
    """One copy: corrupt it, try to open it (app and CLI), then restore the newest backup."""
    paths = resolve_paths(work)
    shutil.copytree(template.data_dir, paths.data_dir)
    overwrite_random_pages(paths.database, rng)
    before = digest(paths.database)
    outcome = {"detected": False, "cli_refused": False, "preserved": False, "restored": False}
    try:
        open_database(paths).close()
    except StoreUnavailable as exc:
        outcome["detected"] = str(paths.database) in exc.message and "restore" in exc.message
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        status = main(["--data-dir", str(paths.data_dir), "list"])
    outcome["cli_refused"] = status != 0 and "appeal-desk restore" in sink.getvalue()
    unchanged = digest(paths.database) == before
    result = restore_backup(paths, list_backups(paths)[0].path)
    kept = result.damaged_copy is not None and digest(result.damaged_copy) == before
    outcome["preserved"] = unchanged and kept
    db = open_database(paths)
    try:
        outcome["restored"] = row_counts(db) == expected_counts(template)
    finally:
        db.close()
    return outcome


def expected_counts(template: AppPaths) -> dict[str, int]:
    counts = dict(list_backups(template)[0].counts)
    counts.pop("alembic_version", None)
    return counts


def run_corruption_rounds(
    template: AppPaths, root: Path, copies: int, seed: int = 11
) -> CorruptionFigures:
    """``copies`` corrupted copies of ``template`` (a closed store with one fresh backup)."""
    rng = random.Random(seed)
    figures = CorruptionFigures()
    for number in range(copies):
        outcome = corrupt_and_recover(template, root / f"copy-{number}", rng)
        figures.copies += 1
        figures.detected += outcome["detected"]
        figures.cli_refused += outcome["cli_refused"]
        figures.preserved += outcome["preserved"]
        figures.restored += outcome["restored"]
    return figures
