"""Rows as plain values: read a record's rows, and bring them from one state to another.

Every edit and deletion reads the rows it touches before and after (``capture``); undo and
redo then move the store between those two states (``transition``), checking first that
nobody changed those rows in between. Primary keys are kept, so an undone deletion gives
back the very same rows, and the import journal keeps states as JSON (``to_json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.store.schema import Base

# table name -> primary key -> column values
Rows = dict[str, dict[int, dict[str, Any]]]


class ChangedSince(InvalidInput):
    """The rows an undo or redo would touch were changed by something else meanwhile."""


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def capture(session: Session, selections: Iterable[tuple[str, ColumnElement[bool]]]) -> Rows:
    """The rows of each (table, condition), read through the session's connection."""
    session.flush()
    rows: Rows = {}
    for name, condition in selections:
        found = rows.setdefault(name, {})
        for row in session.connection().execute(select(table(name)).where(condition)):
            values = dict(row._mapping)
            found[int(values["id"])] = values
    return rows


def merge(*states: Rows) -> Rows:
    merged: Rows = {}
    for state in states:
        for name, rows in state.items():
            merged.setdefault(name, {}).update(rows)
    return merged


def same_rows(current: Rows, expected: Rows) -> bool:
    names = set(current) | set(expected)
    return all(
        {k: _comparable(v) for k, v in current.get(n, {}).items()}
        == {k: _comparable(v) for k, v in expected.get(n, {}).items()}
        for n in names
    )


# Kept by the store after each move (a row set back is edited anew), so never compared.
_NOT_COMPARED = frozenset({"edited_at"})


def _comparable(values: Mapping[str, Any]) -> dict[str, Any]:
    # SQLite hands back naive datetimes while freshly written ones may carry UTC.
    return {
        k: v.replace(tzinfo=None) if isinstance(v, datetime) else v
        for k, v in values.items()
        if k not in _NOT_COMPARED
    }


def transition(session: Session, current: Rows, wanted: Rows) -> None:
    """Make the rows named in ``current`` or ``wanted`` look like ``wanted``: insert parents
    before children, delete children before parents, update rows present in both."""
    session.flush()
    conn = session.connection()
    order = [t.name for t in Base.metadata.sorted_tables]
    names = [n for n in order if n in current or n in wanted]
    for name in reversed(names):
        gone = set(current.get(name, {})) - set(wanted.get(name, {}))
        if gone:
            conn.execute(delete(table(name)).where(table(name).c.id.in_(sorted(gone))))
    for name in names:
        target = table(name)
        before = current.get(name, {})
        for key, values in wanted.get(name, {}).items():
            if key in before:
                if _comparable(before[key]) != _comparable(values):
                    conn.execute(update(target).where(target.c.id == key).values(**values))
            else:
                conn.execute(insert(target).values(**values))
    session.expire_all()  # the ORM's view of these rows is stale now


def to_json(rows: Rows) -> str:
    return json.dumps(
        {name: [_encode(v) for v in found.values()] for name, found in rows.items()},
        ensure_ascii=False,
    )


def from_json(text: str) -> Rows:
    data: dict[str, list[dict[str, Any]]] = json.loads(text or "{}")
    rows: Rows = {}
    for name, found in data.items():
        columns = table(name).c
        decoded = [{k: _decode(columns[k].type, v) for k, v in values.items()} for values in found]
        rows[name] = {int(values["id"]): values for values in decoded}
    return rows


def _encode(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in values.items()}


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value
