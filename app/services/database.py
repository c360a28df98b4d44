"""Open the store for the UI and CLI (they never import app.store directly)."""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import StoreProblem, StoreUnavailable
from app.paths import AppPaths
from app.store.database import (
    Database,
    ServerAddress,
    corrupt_message,
    open_database,
    server_address,
    with_server_address,
)
from app.store.instance_lock import InstanceLock


def open_store(paths: AppPaths, url: str | None = None) -> Database:
    """Open and migrate the store; raises StoreUnavailable with advice when it cannot."""
    db = open_database(paths, url=url)
    from app.services.backups import scheduled_backup_quietly

    scheduled_backup_quietly(paths, db)  # daily tier, only when something changed
    return db


_window_locks: dict[Path, InstanceLock] = {}


def open_store_exclusively(paths: AppPaths, url: str | None = None) -> Database:
    """Open the store for the window: one running copy per data folder (the lock dies with us).

    What need not make the user wait is left to ``finish_opening``: for a SQLite file whose
    schema is current, SQLAlchemy's engine and the migration check, and the damage check of
    a large file (nothing is written before them); the daily backup.
    """
    if url is None and paths.data_dir not in _window_locks:
        from app.services.restoring import hold_data_folder

        _window_locks[paths.data_dir] = hold_data_folder(paths)
    return open_database(paths, url=url, check_later=True)


def why_not_writable(paths: AppPaths) -> StoreProblem | None:
    """Why the data folder cannot be written (read-only, or on a full disk); None when it can."""
    import os

    if not os.access(paths.data_dir, os.W_OK):
        return StoreProblem.READ_ONLY
    from app.store.integrity import environment_problem

    problem = environment_problem(paths.database)
    return problem if problem is StoreProblem.DISK_FULL else None


def open_to_read_only(paths: AppPaths, url: str | None, refused: StoreUnavailable) -> Database:
    """The store that could not be opened to work on (``refused``), opened to be read as it
    is when the reason is a data folder that cannot be written (read-only, or on a full disk):
    nothing can be changed, but nothing is hidden either. ``Database.read_only`` says why.
    Raises ``refused`` again for any other reason (a server's store, no store yet, a store
    to migrate or whose last changes wait to be written)."""
    problem = None if url else why_not_writable(paths)
    if problem is None:
        raise refused
    from app.store.database import open_read_only

    try:
        return open_read_only(paths, problem)
    except StoreUnavailable:
        raise refused from None


def finish_opening(paths: AppPaths, db: Database) -> None:
    """After ``open_store_exclusively``, once the window is ready: make the engine (SQLAlchemy
    loads, and the migration check runs, here: the first write need not wait for them), check
    the file for damage (StoreUnavailable says what to do), clear what interrupted writes left
    in the app's own folders, and make the daily backup (a failure is only logged)."""
    db.start_engine()
    if db.read_only:  # nothing can be written there: no clearing up, no backup
        return
    remove_leftover_temp_files(paths)
    if db.path is not None:
        from app.store.integrity import check_file

        health = check_file(db.path)
        if not health.ok and not health.environmental:
            raise StoreUnavailable(corrupt_message(db.path, health.detail))
    from app.services.backups import scheduled_backup_quietly

    scheduled_backup_quietly(paths, db)


def prepare_writes() -> None:
    """Load what a first write needs beyond the engine: the store's mappings, configured, and
    the recording of appeals (about 0.1 s of imports). Done off the GUI thread once the engine
    is made, so that a first "Mark as sent" does not wait for them."""
    from app.services import appeals  # noqa: F401 - loaded for the first write
    from app.store.database import load_mappings

    load_mappings()


def remove_leftover_temp_files(paths: AppPaths) -> int:
    """Temp files of writes a crash interrupted (settings, window state, reply scans, backups,
    the cache), once they are old enough not to be a write in progress; returns how many
    went."""
    from app.atomic_files import remove_stale_temp_files

    folders = (paths.data_dir, paths.data_dir / "attachments", paths.backups, paths.cache)
    return sum(remove_stale_temp_files(folder) for folder in folders if folder.is_dir())


__all__ = [
    "Database",
    "ServerAddress",
    "server_address",
    "with_server_address",
    "finish_opening",
    "open_store",
    "open_store_exclusively",
    "open_to_read_only",
    "why_not_writable",
    "prepare_writes",
    "remove_leftover_temp_files",
]


def changed_elsewhere(db: Database) -> bool:
    """True (once per change) when the store was changed by another program since ``db``
    last looked: the window then lists the cases again."""
    return db.changed_elsewhere()
