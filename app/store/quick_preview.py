"""The first screen of the open case list, read in a few milliseconds for the first paint.

The whole list of a large store takes about 100 ms to read (``quick_list``); the window
does not wait for it. It paints the open cases that come first in the default order
(deadline, soonest first, undated last, ties by UA number) with the store's true counts,
and swaps in the whole list when it arrives. Same snapshot rules as ``quick_list``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from sys import intern

from app.domain.model import AppealKind, AppealStatus, CaseListPreview, CaseStatus
from app.store.quick_list import OFFICIAL_LABEL, build_summaries, read_snapshot

_COLUMNS = "id, ua_number, title, country, status, deadline, is_sample"
# Every query leaves out cases removed with their appeals kept as history.
# Walks ix_cases_deadline in order: the first rows cost about 0.2 ms at 10,000 cases.
_FIRST_DATED = (
    "SELECT deadline FROM cases WHERE status = ? AND deadline IS NOT NULL AND removed_at IS NULL "
    "ORDER BY deadline LIMIT 1 OFFSET ?"
)
_DATED_UNTIL = (
    f"SELECT {_COLUMNS} FROM cases WHERE status = ? AND deadline IS NOT NULL AND deadline <= ?"
    " AND removed_at IS NULL"
)
_ALL_DATED = (
    f"SELECT {_COLUMNS} FROM cases WHERE status = ? AND deadline IS NOT NULL AND removed_at IS NULL"
)
_UNDATED = (
    f"SELECT {_COLUMNS} FROM cases WHERE status = ? AND deadline IS NULL AND removed_at IS NULL"
)
_COUNTS = "SELECT status, COUNT(*) FROM cases WHERE removed_at IS NULL GROUP BY status"
_PERSONS = "SELECT case_id, name FROM persons WHERE case_id IN ({ids}) ORDER BY case_id, position"
_TARGETS = (
    f"SELECT case_id, {OFFICIAL_LABEL} FROM targets "
    "WHERE case_id IN ({ids}) ORDER BY case_id, position"
)
_SENT = (
    "SELECT case_id, COALESCE(SUM(count), 0) FROM appeals "
    "WHERE status = ? AND kind = ? AND case_id IN ({ids}) GROUP BY case_id"
)


def read_preview(db_path: Path, size: int) -> CaseListPreview | None:
    """At least the first ``size`` open cases in deadline order (all those sharing the last
    deadline shown), with the counts; None when the fast path does not apply."""
    return read_snapshot(db_path, lambda conn: _preview(conn, size))


def _preview(conn: sqlite3.Connection, size: int) -> CaseListPreview:
    open_status = CaseStatus.OPEN.value
    last = conn.execute(_FIRST_DATED, (open_status, size - 1)).fetchone()
    if last is not None:  # enough dated open cases: up to the size-th deadline, ties included
        cases = conn.execute(_DATED_UNTIL, (open_status, last[0])).fetchall()
    else:  # fewer: all of them, then the undated ones (they come last)
        cases = conn.execute(_ALL_DATED, (open_status,)).fetchall()
        cases += conn.execute(_UNDATED, (open_status,)).fetchall()
    ids = ",".join(str(int(row[0])) for row in cases) or "NULL"
    persons = _grouped(conn, _PERSONS.format(ids=ids))
    officials = _grouped(conn, _TARGETS.format(ids=ids), intern)
    sent_query = _SENT.format(ids=ids)
    sent = dict(conn.execute(sent_query, (AppealStatus.SENT.value, AppealKind.APPEAL.value)))
    counts = dict(conn.execute(_COUNTS).fetchall())
    return CaseListPreview(
        cases=tuple(build_summaries(cases, persons, officials, sent)),
        open_count=int(counts.get(open_status, 0)),
        closed_count=sum(int(n) for status, n in counts.items() if status != open_status),
    )


def _grouped(
    conn: sqlite3.Connection, query: str, value: Callable[[str], str] | None = None
) -> dict[int, tuple[str, ...]]:
    """case id -> the second column of its rows, in the query's (position) order."""
    grouped: dict[int, list[str]] = {}
    for case_id, text in conn.execute(query):
        grouped.setdefault(case_id, []).append(text if value is None else value(text))
    return {case_id: tuple(texts) for case_id, texts in grouped.items()}
