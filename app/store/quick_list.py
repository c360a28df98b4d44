"""The case list read straight from the SQLite file with the stdlib driver, for a fast start.

Importing SQLAlchemy costs about 200 ms (and 45 MB) before the first query can run
(bench/bench_startup.py). This module reads the same rows as
``case_repository.list_summaries`` with ``sqlite3``, read-only and in one snapshot, so the
window can show the list while the store is opened, checked and migrated in the background.
Anything unexpected - no file, another schema revision, a locked or damaged file - returns
None, and the caller takes the normal path, which migrates, checks and reports.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from sys import intern
from typing import Any, TypeVar

from app.domain.model import AppealKind, AppealStatus, CaseStatus, CaseSummary
from app.store.revision import HEAD

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# Each query returns a few large JSON arrays (one per block of cases) instead of one row
# per case, person or official: SQLite builds them in one step, without the interpreter
# lock, so on start-up the read runs beside the window being built (a row at a time, each
# step took the lock back from the GUI thread: 10,000 cases, 95 ms alone but 190 ms then).
# Blocks come in order; the order inside a block is fixed in Python, not left to SQLite's
# aggregates. One block at a time is decoded, so the transient lists stay small.
_BLOCK = "GROUP BY {key} / 2048 ORDER BY {key} / 2048"
_CASES = (
    "SELECT json_group_array(json_array(id, ua_number, title, country, status, deadline, "
    "is_sample)) FROM cases WHERE removed_at IS NULL " + _BLOCK.format(key="id")
)
_PERSONS = (
    "SELECT json_group_array(json_array(case_id, position, name)) FROM persons "
    + _BLOCK.format(key="case_id")
)
# The official's label as app.domain.model.official_label makes it, computed by SQLite
# (30,000 targets: a Python join and filter less per row).
OFFICIAL_LABEL = """CASE
    WHEN COALESCE(NULLIF(name_as_printed, ''), NULLIF(name, '')) IS NULL THEN COALESCE(title, '')
    WHEN COALESCE(title, '') = '' THEN COALESCE(NULLIF(name_as_printed, ''), name)
    ELSE title || ', ' || COALESCE(NULLIF(name_as_printed, ''), name)
END"""
_TARGETS = (
    f"SELECT json_group_array(json_array(case_id, position, {OFFICIAL_LABEL})) FROM targets "
    + _BLOCK.format(key="case_id")
)
_SENT = (
    "SELECT case_id, COALESCE(SUM(count), 0) FROM appeals "
    "WHERE status = ? AND kind = ? GROUP BY case_id"
)
_BY_CASE_AND_POSITION = itemgetter(0, 1)


def _blocks(
    conn: sqlite3.Connection, query: str, key: Callable[[list[Any]], Any]
) -> Iterator[list[list[Any]]]:
    """The JSON blocks of ``query``, one at a time, each a list of rows sorted by ``key``."""
    for (block,) in conn.execute(query):
        rows: list[list[Any]] = json.loads(block)
        rows.sort(key=key)
        yield rows


def _grouped(
    conn: sqlite3.Connection, query: str, value: Callable[[Any], Any] | None = None
) -> dict[int, tuple[Any, ...]]:
    """case id -> the third column of its rows, in position order (a block holds whole cases);
    with ``value`` (officials), each value passed through it and equal tuples shared."""
    owner, third = itemgetter(0), itemgetter(2)
    grouped: dict[int, tuple[Any, ...]] = {}
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # one tuple per distinct list
    for rows in _blocks(conn, query, _BY_CASE_AND_POSITION):
        for case_id, group in groupby(rows, key=owner):
            values = map(third, group)
            if value is None:
                grouped[case_id] = tuple(values)
            else:  # officials: interned labels, and many cases name the same ones
                found = tuple(map(value, values))
                grouped[case_id] = shared.setdefault(found, found)
    return grouped


def read_summaries(db_path: Path) -> list[CaseSummary] | None:
    """Every case (open and closed) as list rows, or None when the fast path does not apply."""
    return read_snapshot(db_path, _summaries)


def read_snapshot(db_path: Path, read: Callable[[sqlite3.Connection], _T]) -> _T | None:
    """``read(connection)`` on a read-only snapshot of a store at the expected revision; None
    when there is no such store or anything goes wrong (the normal path will tell the user)."""
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for all the queries
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD:
            return None
        return read(conn)
    except (sqlite3.Error, ValueError, KeyError) as exc:  # the normal path will tell the user
        log.info("quick case list skipped: %s", exc)
        return None
    finally:
        conn.close()


def _summaries(conn: sqlite3.Connection) -> list[CaseSummary]:
    persons = _grouped(conn, _PERSONS)
    # One string per distinct official's label (interned), as list_summaries shares them.
    officials = _grouped(conn, _TARGETS, intern)
    sent = dict(conn.execute(_SENT, (AppealStatus.SENT.value, AppealKind.APPEAL.value)))
    cases = (row for block in _blocks(conn, _CASES, itemgetter(0)) for row in block)
    return build_summaries(cases, persons, officials, sent)


def build_summaries(
    cases: Iterable[Sequence[Any]],
    persons: dict[int, tuple[Any, ...]],
    officials: dict[int, tuple[Any, ...]],
    sent: dict[int, int],
) -> list[CaseSummary]:
    """List rows from ``(id, ua_number, title, country, status, deadline, is_sample)`` rows;
    ``persons`` and ``officials`` are emptied as they are used."""
    statuses = {status.value: status for status in CaseStatus}
    countries: dict[str, str] = {}
    deadlines: dict[str | None, date | None] = {None: None}
    empty: tuple[str, ...] = ()
    rows = []
    for case_id, ua_number, title, country, status, deadline, is_sample in cases:
        if deadline not in deadlines:
            deadlines[deadline] = date.fromisoformat(deadline)
        rows.append(
            CaseSummary(
                case_id=case_id,
                ua_number=ua_number,
                title=title,
                country=countries.setdefault(country, country),
                status=statuses[status],
                deadline=deadlines[deadline],
                persons=persons.pop(case_id, empty),
                officials=officials.pop(case_id, empty),
                appeals_sent=int(sent.get(case_id, 0)),
                is_sample=bool(is_sample),
            )
        )
    return rows
