"""Kill -9 while backups are written and restored: no broken backup, never a half-restored store."""

from __future__ import annotations

import os
import random
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.model import Channel
from app.paths import AppPaths
from app.services.appeals import record_appeal
from app.services.backups import list_backups, make_backup, restore_backup
from app.store.backup import content_fingerprint
from app.store.database import open_database
from app.store.integrity import check_file, connect_read_only
from bench.durability.crash_rounds import kill_while
from tests.durability import figures

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
ROUNDS = 20


def _fingerprint(path: Path) -> str:
    with closing(connect_read_only(path)) as conn:
        return content_fingerprint(conn)


def test_backups_interrupted_by_kill_are_never_listed_broken(seeded: AppPaths) -> None:
    rng = random.Random(3)
    for _ in range(ROUNDS):
        kill_while(lambda _n: make_backup(seeded), rng)
    listed = list_backups(seeded)
    broken = [b for b in listed if not check_file(b.path, thorough=True).ok]
    figures.record(
        "2b kill during backup",
        f"{ROUNDS} backups killed at random moments: {len(listed)} listed, {len(broken)} broken",
    )
    assert broken == []


def test_restores_interrupted_by_kill_leave_one_whole_store(seeded: AppPaths) -> None:
    first = make_backup(seeded)
    db = open_database(seeded)
    record_appeal(db, "1/26", target_index=1, channel=Channel.POST, text="second state")
    db.close()
    second = make_backup(seeded)
    sources = (first, second)
    wanted = set()
    for source in sources:  # each as a whole restore leaves it: its imports marked as older
        restore_backup(seeded, source)
        wanted.add(_fingerprint(seeded.database))
    rng = random.Random(8)
    whole = 0
    for _ in range(ROUNDS):
        kill_while(lambda n: restore_backup(seeded, sources[n % 2]), rng)
        healthy = check_file(seeded.database, thorough=True).ok
        whole += healthy and _fingerprint(seeded.database) in wanted
    figures.record(
        "2c kill during restore",
        f"{ROUNDS} restores killed at random moments: store whole (one backup or the other, "
        f"integrity ok) {whole}/{ROUNDS}",
    )
    assert whole == ROUNDS
