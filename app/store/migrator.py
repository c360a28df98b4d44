"""Bring a store to the newest schema, with Alembic imported only when needed (slow import)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, inspect, text

# HEAD, the newest migration, lives in app/store/revision.py (readable without SQLAlchemy);
# a unit test checks it against Alembic's own idea of head.
from app.store.revision import HEAD

log = logging.getLogger(__name__)

SCRIPT_LOCATION = "app.store:migrations"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate_to_head(engine: Engine, backup_dir: Path | None) -> None:
    """Upgrade in one transaction with FKs off (SQLite); ``backup_dir``: back up first."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command
    from alembic.config import Config

    if backup_dir is not None:
        from app.store.backup import backup_database

        backup_database(engine, backup_dir, reason="pre-migration")
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # must precede BEGIN; no-op inside a transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise RuntimeError(f"foreign key violations after migration: {bad[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    log.info("store migrated to %s", HEAD)


__all__ = ["HEAD", "SCRIPT_LOCATION", "current_revision", "migrate_to_head"]
