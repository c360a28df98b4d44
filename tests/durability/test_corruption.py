"""Figure 2: damaged databases are detected, kept byte for byte, and restored from backup."""

from __future__ import annotations

from pathlib import Path

from app.paths import AppPaths
from app.services.backups import make_backup
from bench.durability.corruption_rounds import run_corruption_rounds
from tests.durability import figures

COPIES = figures.rounds(100)


def test_random_page_damage_is_detected_kept_and_restored(seeded: AppPaths, tmp_path: Path) -> None:
    make_backup(seeded)

    result = run_corruption_rounds(seeded, tmp_path / "copies", COPIES)

    figures.record(
        "2 corruption",
        f"{result.copies} damaged copies: detected at start {result.detected}/{result.copies}, "
        f"CLI refused {result.cli_refused}/{result.copies}, original kept byte for byte "
        f"{result.preserved}/{result.copies}, restored from newest backup "
        f"{result.restored}/{result.copies}",
    )
    assert result.detected == COPIES
    assert result.cli_refused == COPIES
    assert result.preserved == COPIES
    assert result.restored == COPIES
