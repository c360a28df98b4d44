"""Automatic backups: daily at most, none when nothing changed, thinned to tiers and a budget."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.model import Channel
from app.paths import AppPaths
from app.services.appeals import record_appeal
from app.services.backups import (
    TIERS,
    backup_before_change,
    list_backups,
    make_backup,
    prune_backups,
    scheduled_backup,
)
from app.services.database import open_store
from app.store.backup import BackupStopped
from app.store.database import open_database
from app.store.integrity import check_file

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def test_an_empty_store_gets_no_backup(paths: AppPaths) -> None:
    db = open_database(paths)
    assert scheduled_backup(paths, db, NOW) is None
    db.close()
    assert list_backups(paths) == []


def test_one_automatic_backup_a_day_and_none_without_changes(seeded: AppPaths) -> None:
    db = open_database(seeded)
    first = scheduled_backup(seeded, db, NOW)
    assert first is not None
    assert scheduled_backup(seeded, db, NOW) is None  # same day
    assert scheduled_backup(seeded, db, NOW + timedelta(days=1)) is None  # nothing changed
    record_appeal(db, "1/26", target_index=1, channel=Channel.POST, text="new")
    assert scheduled_backup(seeded, db, NOW + timedelta(days=1)) is not None
    db.close()
    newest = list_backups(seeded)[0]
    assert newest.reason == "auto" and newest.counts["appeals"] == 7


def test_opening_the_store_makes_the_daily_backup(seeded: AppPaths) -> None:
    open_store(seeded).close()
    open_store(seeded).close()
    assert [b.reason for b in list_backups(seeded)] == ["auto"]


def _fake_history(paths: AppPaths, days: int) -> None:
    """Automatic backups for each of the last ``days`` days (copies of one real backup)."""
    real = make_backup(paths, reason="auto")
    sidecar = real.with_name(real.name + ".json")
    for back in range(1, days):
        stamp = (NOW - timedelta(days=back)).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"appeal-desk-{stamp}-auto.sqlite3"
        shutil.copyfile(real, real.with_name(name))
        shutil.copyfile(sidecar, real.with_name(name + ".json"))


def test_old_automatic_backups_thin_out_to_day_week_month_tiers(seeded: AppPaths) -> None:
    _fake_history(seeded, 400)
    make_backup(seeded)  # the user's own: never thinned

    prune_backups(seeded, NOW, budget=10**12)

    kept = list_backups(seeded)
    autos = [b for b in kept if b.reason == "auto"]
    assert len(autos) <= sum(count for _tier, count in TIERS)
    assert len({b.created.date() for b in autos}) >= 12
    assert (NOW - min(b.created for b in autos)).days > 200  # months reach back
    assert [b.reason for b in kept].count("manual") == 1


def test_backups_stay_within_the_size_budget(seeded: AppPaths) -> None:
    _fake_history(seeded, 30)
    size = list_backups(seeded)[0].size

    prune_backups(seeded, NOW, budget=5 * size)

    kept = list_backups(seeded)
    assert sum(b.size for b in kept) <= 5 * size
    assert kept[0].created.date() == datetime.now(UTC).date()  # the newest survives


def test_a_half_written_backup_left_by_a_crash_is_cleared_later(seeded: AppPaths) -> None:
    import os

    make_backup(seeded)
    stale = seeded.backups / ".appeal-desk-20260101T000000000000Z-auto.sqlite3.tmp"
    fresh = seeded.backups / ".appeal-desk-20261128T000000000000Z-auto.sqlite3.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half")
    old = datetime.now(UTC).timestamp() - 7200
    os.utime(stale, (old, old))

    prune_backups(seeded)

    assert not stale.exists() and fresh.exists()  # a backup being written right now is spared


def _backup_folder(paths: AppPaths) -> list[str]:
    return sorted(p.name for p in paths.backups.iterdir()) if paths.backups.exists() else []


def test_the_backup_before_a_bulk_change_is_reused_until_the_store_changes(
    seeded: AppPaths,
) -> None:
    db = open_database(seeded)
    try:
        first = backup_before_change(db, "pre-import")
        assert first is not None
        kept = _backup_folder(seeded)
        assert backup_before_change(db, "pre-import") == first  # nothing changed
        assert _backup_folder(seeded) == kept  # and no copy or temp file stayed behind
        record_appeal(db, "1/26", target_index=1, channel=Channel.POST, text="new")
        second = backup_before_change(db, "pre-import")
    finally:
        db.close()
    assert second is not None and second != first
    assert check_file(second, thorough=True).ok
    assert list_backups(seeded)[0].counts["appeals"] == 7


def test_a_cancel_while_the_pages_are_copied_leaves_no_file(seeded: AppPaths) -> None:
    asked: list[int] = []

    def stop() -> bool:  # yes at the first question, which the page copy asks
        asked.append(1)
        return True

    db = open_database(seeded)
    try:
        with pytest.raises(BackupStopped):
            backup_before_change(db, "pre-import", stop)
        assert backup_before_change(db, "pre-import") is not None  # the store is still usable
    finally:
        db.close()
    assert asked
    assert [b.reason for b in list_backups(seeded)] == ["pre-import"]
    assert not [n for n in _backup_folder(seeded) if n.endswith(".tmp")]
