"""Open the store for the UI and CLI (they never import app.store directly)."""

from __future__ import annotations

from app.paths import AppPaths
from app.store.database import Database, open_database


def open_store(paths: AppPaths, url: str | None = None) -> Database:
    """Open and migrate the store; raises StoreUnavailable with advice when it cannot."""
    db = open_database(paths, url=url)
    from app.services.backups import scheduled_backup_quietly

    scheduled_backup_quietly(paths, db)  # daily tier, only when something changed
    return db


__all__ = ["Database", "open_store"]
