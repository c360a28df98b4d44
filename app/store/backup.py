"""Consistent backups with SQLite's online backup API (PITFALLS DB-5), written atomically."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

BACKUP_SUFFIX = ".sqlite3"


def backup_database(engine: Engine, backup_dir: Path, reason: str = "manual") -> Path | None:
    """Copy the live SQLite database into ``backup_dir``; None for non-SQLite stores."""
    if engine.dialect.name != "sqlite":
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = backup_dir / f"appeal-desk-{stamp}-{reason}{BACKUP_SUFFIX}"
    tmp = final.with_name(f".{final.name}.tmp")
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)  # pages=-1: one step, consistent snapshot
        finally:
            dest.close()
    finally:
        raw.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final
