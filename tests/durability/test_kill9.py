"""Figure 1: kill -9 at random moments while the services record appeals loses nothing."""

from __future__ import annotations

import os

import pytest

from app.paths import AppPaths
from bench.durability.crash_rounds import run_kill_rounds
from tests.durability import figures

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

ROUNDS = figures.rounds(100)


def test_kill_minus_nine_loses_no_acknowledged_appeal(seeded: AppPaths) -> None:
    result = run_kill_rounds(seeded.data_dir, ROUNDS)

    figures.record(
        "1 kill -9",
        f"{result.rounds} rounds, {result.acknowledged} acknowledged appeals, "
        f"{result.lost} lost, {result.integrity_failures} integrity failures "
        f"({result.killed_before_first_ack} kills before the first commit)",
    )
    assert result.rounds == ROUNDS
    assert result.acknowledged > ROUNDS
    assert result.lost == 0
    assert result.integrity_failures == 0
