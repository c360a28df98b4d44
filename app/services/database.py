"""Open the store for the UI and CLI (they never import app.store directly)."""

from __future__ import annotations

from app.paths import AppPaths
from app.store.database import Database, open_database


def open_store(paths: AppPaths, url: str | None = None) -> Database:
    """Open and migrate the store; raises StoreUnavailable with advice when it cannot."""
    return open_database(paths, url=url)


__all__ = ["Database", "open_store"]
