"""Exports are replaced atomically: kill -9 mid-write leaves the old file or the new one, whole."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from app.atomic_files import write_atomic
from bench.durability.crash_rounds import kill_while
from tests.durability import figures

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
ROUNDS = 30


def test_an_export_killed_midway_is_old_or_new_never_torn(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "UA 1-26 letter.pdf"
    target.parent.mkdir()
    versions = [bytes([65 + n]) * 3_000_000 for n in range(2)]  # two large "exports"
    write_atomic(target, versions[0])
    rng = random.Random(12)
    whole = 0
    for _ in range(ROUNDS):
        kill_while(lambda n: write_atomic(target, versions[n % 2]), rng)
        whole += target.read_bytes() in versions
    figures.record(
        "7 atomic exports",
        f"{ROUNDS} exports killed at random moments: target whole (old or new) {whole}/{ROUNDS}",
    )
    assert whole == ROUNDS
