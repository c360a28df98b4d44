"""Bring a store to the newest schema, with Alembic imported only when needed (slow import)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from app.domain.errors import N_, StoreUnavailable

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


# The key of the server-wide lock one migration holds ("AppealDe" in ASCII).
MIGRATION_LOCK_KEY = 0x4170_7065_616C_4465


def _first_to_migrate(conn: Connection) -> bool:
    """On a server: wait while another laptop migrates the same database, then say whether
    there is still something to do (laptops switched on together start on it at once)."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    if not inspect(conn).has_table("alembic_version"):
        return True
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() != HEAD


def migrate_to_head(engine: Engine, backup_dir: Path | None) -> None:
    """Upgrade in one transaction with FKs off (SQLite); ``backup_dir``: back up first. A store
    at a revision this version does not know (a newer one's) is refused, untouched."""
    current = current_revision(engine)
    if current == HEAD:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    known = {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}
    if current is not None and current not in known:  # a newer app's schema: never touch it
        raise StoreUnavailable(
            N_(
                "The data in {file} was made by a newer version of Appeal Desk. Update "
                "Appeal Desk to open it; nothing was changed."
            ),
            file=engine.url.database or engine.url.render_as_string(hide_password=True),
        )
    if backup_dir is not None:
        from app.store.backup import backup_database

        backup_database(engine, backup_dir, reason="pre-migration")
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # must precede BEGIN; no-op inside a transaction
        try:
            with conn.begin():
                if not sqlite and not _first_to_migrate(conn):
                    return  # another laptop migrated it while this one waited
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
