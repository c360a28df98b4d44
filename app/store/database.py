"""Engine setup, the unit of work, and opening (and migrating) a store safely."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import StoreUnavailable
from app.paths import AppPaths, ensure_dirs
from app.store.migrator import migrate_to_head

log = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, FKs, FULL sync (durable) and BEGIN IMMEDIATE (no lock)."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # pysqlite must not issue its own BEGIN
            for pragma in (
                "foreign_keys=ON",
                "journal_mode=WAL",
                "synchronous=FULL",
                "busy_timeout=5000",
            ):
                dbapi_conn.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Database:
    """A store handle: one engine, and one unit of work (transaction) per user action."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """Commit on success, roll back on any error: a failure leaves the store as it was."""
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise StoreUnavailable(describe_operational_error(exc, self.path)) from exc

    def close(self) -> None:
        self.engine.dispose()


def describe_operational_error(exc: DBAPIError, path: Path | None) -> str:
    """Turn an environment fault (locked, read-only, full, corrupt) into advice for the user."""
    return describe_store_problem(str(getattr(exc, "orig", exc)), path)


def describe_store_problem(detail: str, path: Path | None) -> str:
    """Advice for an SQLite error text; a full disk or a read-only folder is named as such."""
    detail = detail.lower()
    where = str(path) if path else "the database"
    if path is not None and ("disk i/o" in detail or "unable to open" in detail):
        from app.store.integrity import environment_problem

        detail = environment_problem(path) or detail
    if "locked" in detail or "busy" in detail:
        return (
            f"The data in {where} is in use by another copy of Appeal Desk. "
            "Close the other copy and try again."
        )
    if "readonly" in detail or "read-only" in detail:
        return f"{where} is read-only. Choose a data folder you can write to (--data-dir)."
    if "full" in detail:
        return "The disk is full. Free some space and try again; nothing was lost."
    if "malformed" in detail or "not a database" in detail:
        return (
            f"{where} is damaged. It was left untouched; restore a backup with "
            "'appeal-desk restore BACKUP_FILE'."
        )
    return f"The database could not be used ({detail}). Nothing was changed."


def open_database(
    paths: AppPaths, url: str | None = None, *, check_later: bool = False
) -> Database:
    """Open the store at ``url`` (default: the SQLite file in the data dir) and migrate it.

    The file is checked for damage first (``quick_check``), because a migration writes to it.
    With ``check_later`` that check is left to the caller when the file is large (the check
    reads all of it: a second for 10,000 cases) and its schema is already current, so that
    nothing is written on opening.
    """
    db_path: Path | None = None
    existing_file = False
    if url is None:
        try:
            ensure_dirs(paths)
        except OSError as exc:
            raise StoreUnavailable(
                f"The data folder {paths.data_dir} cannot be created ({exc.strerror}). "
                "Choose another one with --data-dir."
            ) from exc
        db_path = paths.database
        if not (check_later and is_large(db_path) and schema_is_current(db_path)):
            check_sqlite_file(db_path)
        existing_file = db_path.exists() and db_path.stat().st_size > 0
        url = f"sqlite:///{db_path}"
    engine = make_engine(url)
    try:
        migrate_to_head(engine, paths.backups if existing_file else None)
    except OperationalError as exc:
        engine.dispose()
        raise StoreUnavailable(describe_operational_error(exc, db_path)) from exc
    if engine.dialect.name == "sqlite":
        log.info("SQLite %s at %s", sqlite3.sqlite_version, db_path)
        warn_about_old_sqlite()
    return Database(engine, db_path)


_warned: list[bool] = []


def warn_about_old_sqlite() -> None:
    """Once per process: SQLite below 3.51.3 has the WAL-reset bug, so keep one writer."""
    if sqlite3.sqlite_version_info < (3, 51, 3) and not _warned:
        _warned.append(True)
        log.warning(
            "SQLite %s predates 3.51.3 (WAL-reset bug): avoid writing from two copies at once",
            sqlite3.sqlite_version,
        )


LARGE_STORE_BYTES = 4 * 1024 * 1024  # about 100 cases with their documents and appeals


def is_large(db_path: Path) -> bool:
    try:
        return db_path.stat().st_size > LARGE_STORE_BYTES
    except OSError:
        return False


def schema_is_current(db_path: Path) -> bool:
    """True when the file exists and records the newest schema revision (read-only probe)."""
    from app.store.integrity import schema_revision
    from app.store.revision import HEAD

    return db_path.exists() and schema_revision(db_path) == HEAD


def check_sqlite_file(db_path: Path) -> None:
    """Refuse a file that is not a healthy SQLite database, without modifying it."""
    if not db_path.exists():
        return
    from app.store.integrity import check_file

    health = check_file(db_path)
    if health.environmental:  # could not read it (full disk, rights): not damage
        raise StoreUnavailable(describe_store_problem(health.detail, db_path))
    if not health.ok:
        raise StoreUnavailable(corrupt_message(db_path, health.detail))


def corrupt_message(db_path: Path, detail: str) -> str:
    from app.store.backup import list_backup_files

    backups = list_backup_files(db_path.parent / "backups")
    newest = f'"{backups[0].path}"' if backups else "BACKUP_FILE"
    return (
        f"The database {db_path} is damaged ({detail}). It has been left exactly as it was. "
        f"Restore the newest backup with 'appeal-desk restore {newest}' "
        "(list them with 'appeal-desk backups')."
    )


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table (used by tests and migration checks)."""
    from app.store.schema import Base

    with db.engine.connect() as conn:
        return {
            name: int(conn.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one())
            for name in Base.metadata.tables
        }
