"""Is this file's schema exactly the one the app builds for its revision? (read-only checks)

A database offered for restore could carry triggers that rewrite or delete rows, views that
recurse without end, or a table shaped differently from the app's: once restored, all of it
would run inside the app. The reference is built by the app's own migrations in a scratch
file, up to the same revision, and the two schemas are compared object by object: tables
(columns, keys, constraints), indexes, triggers and views.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from app.store.integrity import connect_read_only

Signature = dict[tuple[str, str], tuple[object, ...]]

_reference: dict[str, Signature] = {}
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"`\[\]]")


def _normal_sql(sql: str | None) -> str:
    """SQL text without the differences that do not change its meaning (space, quoting)."""
    text = _QUOTES.sub("", sql or "")
    text = _SPACES.sub(" ", text).strip().lower()
    return text.replace("( ", "(").replace(" )", ")").replace(" ,", ",")


def schema_signature(conn: sqlite3.Connection) -> Signature:
    """Every schema object of ``conn`` with what defines it (never reads a row of user data)."""
    signature: Signature = {}
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in objects:
        if kind == "table":
            columns = tuple(conn.execute("SELECT * FROM pragma_table_xinfo(?)", (name,)))
            keys = tuple(
                sorted(
                    row[2:]
                    for row in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,))
                )
            )
            indexes = tuple(
                sorted(
                    row[1:] for row in conn.execute("SELECT * FROM pragma_index_list(?)", (name,))
                )
            )
            signature[(kind, name)] = (columns, keys, indexes, _normal_sql(sql))
        elif kind == "index":
            columns = tuple(conn.execute("SELECT * FROM pragma_index_xinfo(?)", (name,)))
            signature[(kind, name)] = (table, columns, _normal_sql(sql))
        else:  # trigger, view
            signature[(str(kind), str(name))] = (table, _normal_sql(sql))
    return signature


def reference_signature(revision: str) -> Signature:
    """The schema the app's migrations build for ``revision`` (built once per process)."""
    if revision not in _reference:
        from alembic import command
        from alembic.config import Config

        from app.store.database import make_engine
        from app.store.migrator import SCRIPT_LOCATION

        with tempfile.TemporaryDirectory(prefix="appeal-desk-schema-") as folder:
            scratch = Path(folder) / "reference.sqlite3"
            engine = make_engine(f"sqlite:///{scratch}")
            try:
                cfg = Config()
                cfg.set_main_option("script_location", SCRIPT_LOCATION)
                with engine.connect() as conn, conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                engine.dispose()
            with closing(sqlite3.connect(scratch)) as reference:
                _reference[revision] = schema_signature(reference)
    return _reference[revision]


def schema_differences(path: Path, revision: str) -> list[str]:
    """How the schema of the file at ``path`` differs from the app's at ``revision`` ([]: same)."""
    with closing(connect_read_only(path)) as conn:
        found = schema_signature(conn)
    expected = reference_signature(revision)
    problems: list[str] = []
    for kind, name in sorted(found.keys() - expected.keys()):
        problems.append(f"a {kind} '{name}' that Appeal Desk does not create")
    for kind, name in sorted(expected.keys() - found.keys()):
        problems.append(f"no {kind} '{name}'")
    for key in sorted(found.keys() & expected.keys()):
        if found[key] != expected[key]:
            problems.append(f"the {key[0]} '{key[1]}' is not the one Appeal Desk creates")
    return problems
