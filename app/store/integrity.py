"""Read-only health checks of SQLite files: they never modify the file they look at."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from app.domain.errors import N_, Phrase, StoreProblem, os_problem

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Health:
    """The verdict on one file: ``ok`` and, when not ok, what SQLite said."""

    ok: bool
    detail: str = "ok"
    environmental: bool = False  # not damage: the file could not be read (I/O, space, rights)


CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file itself is damaged (not that it could not reach it)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI opening ``path`` read-only (quoted: '?' or '#' in a folder name are safe)."""
    return f"file:{quote(str(path.resolve()), safe='/')}?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only; SQLite will not create, checkpoint or truncate anything."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"no such file: {path}")
    return sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)


# Why a file cannot be a store or a backup, as phrases shown in the reader's language.
NOT_SQLITE = N_("not an SQLite database file")
CUT_SHORT = N_("the file is cut short")
NO_TABLES = N_("no tables could be read")


def header_problem(path: Path) -> str:
    """Why a database file is plainly unusable, read from its 100-byte header alone (cheap
    enough for every file of a list): not SQLite, or shorter than its header says (a copy
    cut short). Empty when the header looks whole; damage inside needs ``check_file``."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
            size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        return os_problem(exc)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return Phrase(NOT_SQLITE)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # the page count is valid only while its "version-valid-for" equals the change counter
    if header[92:96] == header[24:28] and pages and size < page_size * pages:
        return Phrase(CUT_SHORT)
    return ""


def check_file(path: Path, *, thorough: bool = False) -> Health:
    """``quick_check`` (or ``integrity_check`` plus ``foreign_key_check`` when thorough).

    The file is read through SQLite alone, never opened and closed by Python: the locks that
    SQLite's connections hold on it belong to the whole process, and closing any other
    descriptor of the file releases them all. An open store would then look unused to the
    command line, whose exit removes the write-ahead log from under the window: the window
    would no longer see what others write."""
    try:
        found = path.stat()
    except OSError:
        found = None
    if found is None or not stat.S_ISREG(found.st_mode):
        return Health(False, "unable to open database file", environmental=True)
    if found.st_size == 0:  # SQLite would take an empty file for an empty database
        return Health(False, Phrase(NOT_SQLITE))
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        with closing(connect_read_only(path)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if not rows or rows[0][0] != "ok":
                return Health(False, "; ".join(str(r[0]) for r in rows[:3]) or "no answer")
            if thorough:
                bad = conn.execute("PRAGMA foreign_key_check").fetchall()
                if bad:
                    return Health(False, f"{len(bad)} broken link(s) between tables")
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            return Health(False, Phrase(NOT_SQLITE))
        return Health(False, str(exc), environmental=not is_damage(exc))
    return Health(True)


def table_counts(path: Path) -> dict[str, int]:
    """Rows per user table of a (backup) file, read-only; {} when it cannot be read."""
    try:
        with closing(connect_read_only(path)) as conn:
            names = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            return {
                n: int(conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]) for n in names
            }
    except sqlite3.DatabaseError:
        return {}


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in a file (None when it has none or cannot be read)."""
    try:
        with closing(connect_read_only(path)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def environment_problem(db_path: Path, reserve: int = 1024 * 1024) -> StoreProblem | None:
    """Name the usual culprit of an I/O error: a full disk or a read-only folder (None:
    neither)."""
    import os
    import shutil

    folder = db_path.parent
    try:
        if shutil.disk_usage(folder).free < reserve:
            return StoreProblem.DISK_FULL
    except OSError:
        pass
    if not os.access(folder, os.W_OK) or (db_path.exists() and not os.access(db_path, os.W_OK)):
        return StoreProblem.READ_ONLY
    return None
