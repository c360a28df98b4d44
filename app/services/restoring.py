"""Restoring a backup and starting over: the current database is always kept first."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.domain.errors import CHOOSE_WRITABLE_FOLDER, N_, InvalidInput, Phrase, StoreUnavailable
from app.paths import AppPaths
from app.store.instance_lock import (
    DataFolderUnwritable,
    DataInUse,
    InstanceLock,
    StoreBusy,
    StoreLock,
)
from app.store.integrity import check_file, connect_read_only, schema_revision
from app.store.schema_check import schema_differences

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True, slots=True)
class RestoreOutcome:
    """What a restore did: the backup it used and where the previous database went."""

    restored_from: Path
    safety_backup: Path | None = None  # the healthy previous database, backed up first
    damaged_copy: Path | None = None  # the damaged previous database, kept byte for byte


def validate_backup(file: Path) -> None:
    """Refuse a file that is not a healthy Appeal Desk database of a schema we know."""
    if not file.is_file():
        raise InvalidInput(N_("No such backup file: {file}"), file=file)
    health = check_file(file, thorough=True)
    if not health.ok:
        raise InvalidInput(
            N_("{file} is not a usable backup ({problem}). Nothing was changed."),
            file=file,
            problem=health.detail,
        )
    revision = schema_revision(file)
    if revision is None:
        raise InvalidInput(
            N_("{file} is not an Appeal Desk database. Nothing was changed."), file=file
        )
    if revision not in known_revisions():
        raise InvalidInput(
            N_(
                "{file} was made by a newer version of Appeal Desk; update the app "
                "to restore it. Nothing was changed."
            ),
            file=file,
        )
    differences = schema_differences(file, revision)
    if differences:
        log.warning("refused to restore %s: %s", file, "; ".join(differences))
        raise InvalidInput(
            N_(
                "{file} is not a database Appeal Desk made: it has {problem}. It was not "
                "restored, so nothing in it can run inside the app; nothing was changed."
            ),
            file=file,
            problem=differences[0],
        )


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.store.migrator import SCRIPT_LOCATION

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}


def hold_data_folder(paths: AppPaths) -> InstanceLock:
    """Take the instance lock, or explain that another copy has the data open."""
    try:
        return InstanceLock(paths.data_dir).acquire()
    except DataInUse as exc:
        raise StoreUnavailable(
            N_(
                "The data in {folder} is in use by another copy of Appeal Desk. "
                "Close it first; nothing was changed."
            ),
            folder=paths.data_dir,
        ) from exc
    except DataFolderUnwritable as exc:
        raise StoreUnavailable(
            N_("The data folder {folder} is read-only, so Appeal Desk cannot work on it. {advice}"),
            folder=paths.data_dir,
            advice=Phrase(CHOOSE_WRITABLE_FOLDER),
        ) from exc


def hold_store_exclusively(paths: AppPaths) -> StoreLock:
    """Wait briefly until no other process has the store open, or explain who holds it."""
    try:
        return StoreLock(paths.data_dir, exclusive=True).acquire()
    except StoreBusy as exc:
        raise StoreUnavailable(
            N_(
                "The data in {folder} is being used by another process (an import or "
                "another command that is still running). Wait for it to finish, then try "
                "again; nothing was changed."
            ),
            folder=paths.data_dir,
        ) from exc


def swap_in(paths: AppPaths, file: Path) -> RestoreOutcome:
    """With no other process on the store: secure the current database, rename the backup in."""
    target = paths.database
    with hold_data_folder(paths), hold_store_exclusively(paths):
        safety: Path | None = None
        damaged: Path | None = None
        if target.exists():
            if check_file(target).ok:
                # imported here: the window opens its store through hold_data_folder, at
                # start-up, where the backup module and hashlib are not needed yet
                from app.store.backup import backup_file

                safety = backup_file(target, paths.backups, "pre-restore")
                _checkpoint(target)
            else:
                damaged = keep_damaged_copy(target, move=False)
        staged = target.with_name(f".{target.name}.restore.tmp")
        try:
            with closing(connect_read_only(file)) as source:
                backup_connection_to(source, staged, after_copy=mark_restored_imports)
        except BaseException:
            # The half-made copy goes with its write-ahead log, which a later restore's
            # copy of another backup must never find and replay.
            _remove_with_side_files(staged)
            raise
        for suffix in SIDE_FILES:  # a leftover WAL must never be replayed onto the backup
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staged, target)
        _fsync_dir(target.parent)
    log.info("restored %s from %s", target, file)
    return RestoreOutcome(file, safety, damaged)


def start_empty(paths: AppPaths) -> Path | None:
    """Move the damaged database (and its -wal) aside, kept byte for byte; return the copy."""
    target = paths.database
    if not target.exists():
        return None
    with hold_data_folder(paths), hold_store_exclusively(paths):
        return keep_damaged_copy(target, move=True)


def keep_damaged_copy(target: Path, *, move: bool) -> Path:
    """Keep ``target`` and its -wal as ``*.corrupt-<stamp>`` (renamed, or copied first)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = target.with_name(f"{target.name}.corrupt-{stamp}")
    if move:
        os.replace(target, aside)
    else:
        shutil.copyfile(target, aside)
        if os.name == "posix":
            os.chmod(aside, 0o600)
        with open(aside, "rb") as fh:
            os.fsync(fh.fileno())
    wal = Path(f"{target}-wal")
    if wal.exists():
        os.replace(wal, f"{aside}-wal")
    Path(f"{target}-shm").unlink(missing_ok=True)
    _fsync_dir(target.parent)
    log.warning("damaged database kept as %s", aside)
    return aside


def backup_connection_to(
    source: sqlite3.Connection,
    staged: Path,
    after_copy: Callable[[Path], None] | None = None,
) -> None:
    """Copy ``source`` into the private file ``staged``, let ``after_copy`` work on the copy,
    then check it and make it durable (no write-ahead log beside it)."""
    _remove_with_side_files(staged)
    os.close(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private first
    with closing(sqlite3.connect(staged, isolation_level=None)) as dest:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    if after_copy is not None:
        after_copy(staged)
    with closing(sqlite3.connect(staged, isolation_level=None)) as dest:
        dest.execute("PRAGMA journal_mode=DELETE")
        if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreUnavailable(N_("The restored copy failed its check; nothing was changed."))
    with open(staged, "rb") as fh:
        os.fsync(fh.fileno())


def mark_restored_imports(staged: Path) -> None:
    """Bring the restored copy to this version's schema (the backup file itself keeps the
    older one) and mark every import it holds as made before the restore: the newest of them
    is not the import the user just made, so it is not undone as the last import."""
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session

    from app.store import import_journal
    from app.store.database import make_engine
    from app.store.migrator import migrate_to_head

    engine = make_engine(f"sqlite:///{staged}")
    try:
        migrate_to_head(engine, backup_dir=None)
        with Session(engine) as session, session.begin():
            import_journal.mark_before_restore(session)
    except DBAPIError as exc:
        # SQLite's own error, as a copy made or checked with sqlite3 gives it: the restore
        # says it failed and that the previous database is unchanged.
        first = _first_sqlite_error(exc)
        if first is None:
            raise
        log.warning(
            "bringing the restored copy %s to this version failed: %s (%s, code %s)",
            staged,
            first,
            getattr(first, "sqlite_errorname", "?"),
            getattr(first, "sqlite_errorcode", "?"),
        )
        raise first from exc
    finally:
        engine.dispose()


def _first_sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The first SQLite error behind ``exc`` (SQLAlchemy wraps each one), as a new error of
    its kind with its words and SQLite's code and code name: a migration step that fails (a
    full disk) is cleaned up by statements that then fail too (its temporary table is gone),
    and the first failure is the one that says what happened. None when SQLite raised none.
    (A new error: raising the first one from ``exc``, which holds it, would chain it to
    itself.)"""
    first: sqlite3.Error | None = None
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if isinstance(link, sqlite3.Error):
            first = link
        link = link.__cause__ or link.__context__
    if first is None:
        return None
    copy = type(first)(*first.args)
    for code in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(first, code):
            setattr(copy, code, getattr(first, code))
    return copy


def _remove_with_side_files(path: Path) -> None:
    for name in (str(path), *(f"{path}{suffix}" for suffix in SIDE_FILES)):
        try:
            Path(name).unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", name, exc_info=True)


def _checkpoint(db_path: Path) -> None:
    """Fold a healthy database's WAL into the main file so nothing lives only in the WAL."""
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
