"""Backups for the user: make, list, thin out, restore, and start over without losing a byte."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from app.atomic_files import remove_stale_temp_files
from app.domain.errors import N_, InvalidInput, StoreUnavailable, os_problem
from app.paths import AppPaths, resolve_paths
from app.services.restoring import (
    RestoreOutcome,
    start_empty,
    swap_in,
    validate_backup,
)
from app.store.backup import (
    BackupInfo,
    Stop,
    backup_database,
    backup_database_if_changed,
    backup_file,
    delete_backup,
    list_backup_files,
    live_is_empty,
)
from app.store.database import Database, corrupt_message, describe_store_problem
from app.store.integrity import check_file

log = logging.getLogger(__name__)

AUTO = "auto"
BUDGET_BYTES = 512 * 1024 * 1024
TIERS = (("day", 12), ("week", 10), ("month", 9))  # as Anki does
KEEP_PER_EVENT_REASON = 10

__all__ = [
    "BackupInfo",
    "RestoreOutcome",
    "list_backups",
    "make_backup",
    "restore_backup",
    "scheduled_backup",
    "start_empty",
]


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """The backups of this data folder, newest first."""
    return list_backup_files(paths.backups)


def make_backup(paths: AppPaths, db: Database | None = None, reason: str = "manual") -> Path:
    """Back up now (from the open store, or from the file without migrating it)."""
    try:
        if db is not None and db.path is not None:
            written = backup_database(db.engine, paths.backups, reason)
            assert written is not None
        else:
            source = paths.database
            if not source.is_file():
                raise InvalidInput(
                    N_("There is no database in {folder} to back up yet."), folder=paths.data_dir
                )
            health = check_file(source)
            if not health.ok and health.environmental:  # unreadable here, not damaged
                raise StoreUnavailable(describe_store_problem(health.detail, source))
            if not health.ok:
                raise StoreUnavailable(corrupt_message(source, health.detail))
            written = backup_file(source, paths.backups, reason)
    except OSError as exc:
        raise StoreUnavailable(
            N_("The backup could not be written to {folder} ({problem}). Nothing was changed."),
            folder=paths.backups,
            problem=os_problem(exc),
        ) from exc
    except sqlite3.Error as exc:
        raise StoreUnavailable(
            N_("The backup could not be written to {folder} ({problem}). Nothing was changed."),
            folder=paths.backups,
            problem=exc,
        ) from exc
    prune_backups(paths)
    return written


def scheduled_backup(paths: AppPaths, db: Database, now: datetime | None = None) -> Path | None:
    """At most one automatic backup a day, and none when nothing changed since the last one."""
    if db.path is None:
        return None
    now = now or datetime.now(UTC)
    backups = list_backups(paths)
    autos = [b for b in backups if b.reason == AUTO]
    if autos and autos[0].created.date() == now.date():
        return None  # checked first: the backup reads every row (seconds on big stores)
    if live_is_empty(db.engine):
        return None
    previous = backups[0].fingerprint if backups else ""
    written = backup_database_if_changed(db.engine, paths.backups, AUTO, previous)
    if written is not None:
        prune_backups(paths, now)
    return written


def backup_before_change(db: Database, reason: str, stop: Stop | None = None) -> Path | None:
    """Forced backup before a bulk import or a restore (skipped when an equal one exists).

    ``stop`` is asked while the store is read (BackupStopped: no backup was made)."""
    if db.path is None:
        return None
    paths = resolve_paths(db.path.parent)
    try:
        if live_is_empty(db.engine):
            return None
        backups = list_backups(paths)
        previous = backups[0].fingerprint if backups else ""
        # one read of the store: the copy is fingerprinted, and dropped when nothing changed
        written = backup_database_if_changed(db.engine, paths.backups, reason, previous, stop)
        if written is None:
            return backups[0].path if backups else None
    except (OSError, sqlite3.Error) as exc:
        raise StoreUnavailable(
            N_(
                "No backup could be made before changing the database "
                "({problem}); nothing was changed."
            ),
            problem=exc,
        ) from exc
    prune_backups(paths)
    return written


def prune_backups(paths: AppPaths, now: datetime | None = None, budget: int = BUDGET_BYTES) -> None:
    """Thin automatic backups to day/week/month tiers, then keep the folder within ``budget``."""
    if paths.backups.is_dir():  # half-written backups left by a crash, once they are old
        remove_stale_temp_files(paths.backups)
    backups = list_backups(paths)
    if not backups:
        return
    keep: set[Path] = {backups[0].path}
    autos = [b for b in backups if b.reason == AUTO]
    for tier, count in TIERS:
        seen: set[tuple[int, ...]] = set()
        for info in autos:
            key = _tier_key(info.created, tier)
            if key not in seen and len(seen) < count:
                seen.add(key)
                keep.add(info.path)
    by_reason: dict[str, int] = {}
    for info in backups:
        if info.reason == "manual":
            keep.add(info.path)
        elif info.reason != AUTO:
            by_reason[info.reason] = by_reason.get(info.reason, 0) + 1
            if by_reason[info.reason] <= KEEP_PER_EVENT_REASON:
                keep.add(info.path)
    for info in backups:
        if info.path not in keep:
            delete_backup(info)
    kept = [b for b in backups if b.path in keep]
    total = sum(b.size for b in kept)
    for info in reversed(kept):  # oldest first; never the newest nor the user's own
        if total <= budget:
            break
        if info.path != backups[0].path and info.reason != "manual":
            delete_backup(info)
            total -= info.size


def _tier_key(created: datetime, tier: str) -> tuple[int, ...]:
    if tier == "day":
        return (created.year, created.month, created.day)
    if tier == "week":
        iso = created.isocalendar()
        return (iso.year, iso.week)
    return (created.year, created.month)


def restore_backup(paths: AppPaths, file: Path) -> RestoreOutcome:
    """Validate ``file`` first, secure the current database, then swap the backup in atomically.

    The store must not be open in this process (close the Database first).
    """
    file = Path(file).resolve()
    validate_backup(file)
    try:
        outcome = swap_in(paths, file)
    except (OSError, sqlite3.Error) as exc:
        raise StoreUnavailable(
            N_(
                "The backup could not be restored into {folder} ({problem}). "
                "The previous database is unchanged."
            ),
            folder=paths.data_dir,
            problem=os_problem(exc),
        ) from exc
    prune_backups(paths)
    return outcome


def scheduled_backup_quietly(paths: AppPaths, db: Database) -> Path | None:
    """``scheduled_backup`` for start-up: a failure is logged and never stops the app."""
    try:
        return scheduled_backup(paths, db)
    except (OSError, sqlite3.Error, StoreUnavailable) as exc:
        log.warning("scheduled backup skipped: %s", exc)
        return None


def store_is_damaged(paths: AppPaths) -> bool:
    """True when the database file exists and SQLite reports damage (read-only check)."""
    if not paths.database.exists():
        return False
    health = check_file(paths.database)
    return not health.ok and not health.environmental


def newest_good_backup(paths: AppPaths) -> BackupInfo | None:
    """The newest backup that passes integrity_check and foreign_key_check."""
    for info in list_backups(paths):
        if check_file(info.path, thorough=True).ok:
            return info
    return None
