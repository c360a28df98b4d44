"""The case list: one read, in plain SQL, for every caller; and the first screen of it.

The same statements serve the store's reads through its open connection (SQLite or
PostgreSQL, ``case_repository``) and the start-up read straight from the SQLite file with the
standard ``sqlite3`` module (``read_file``), which needs no SQLAlchemy: importing it costs
about 200 ms before a first query could run, so the window shows the cases while the store
is opened, checked and migrated in the background. A read takes a function that runs one
statement with named parameters (``:name``, which both drivers accept) and returns its rows.

A read takes one of two forms, each measured where it is used:

- SQLite: the rows as JSON texts of a few thousand cases each, which SQLite makes in one
  step per text. The sqlite3 module hands the interpreter lock back while SQLite works and
  takes it again for each row it steps to, so a row-by-row read of 10,000 cases (60,000
  rows with their persons, officials and appeals) takes the lock 60,000 times, where a
  text is one step and one ``json.loads``. The window's start runs beside this read on the
  GUI thread: at 10,000 cases and 100,000 appeals the window was ready 38-44 ms sooner
  with the texts than with the statements per table at about the same CPU time
  (``bench/bench_ready.py --repo`` on the same machine in the same runs: 463 and 445 ms
  against 507 and 483 ms), though the texts take about 15% more CPU time in a read alone
  (131 against 113 ms).
- PostgreSQL (and a single case's row on either): a statement per table (cases; persons;
  officials; appeals sent), each giving its rows by case id along an index, matched to the
  cases in one walk. PostgreSQL took 5 to 10 times as long to make JSON texts (330-650 ms
  against about 65 ms for the four statements at 10,000 cases).

The preview is the first screen of open cases in the default order (upcoming deadlines
soonest first, then passed ones, then undated: ``app.services.cases.list_order``): the
store's counts, where the first screen ends, then the same statements for the cases up to
there, found along the deadline index. About 3 ms of CPU where the whole list of 10,000
cases takes about 120 ms, so the window paints it first and swaps in the whole list when
it arrives.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from sys import intern
from typing import Any, TypeVar

from app.domain.model import AppealKind, AppealStatus, CaseListPreview, CaseStatus, CaseSummary
from app.store.revision import HEAD

log = logging.getLogger(__name__)
_T = TypeVar("_T")

Execute = Callable[[str, Mapping[str, Any]], Iterable[Sequence[Any]]]
"""Runs one SQL statement with named parameters and returns its rows."""

# The official's label as app.domain.model.official_label makes it, computed in SQL
# (30,000 targets: a Python join and filter less per row).
OFFICIAL_LABEL = """CASE
    WHEN COALESCE(NULLIF(name_as_printed, ''), NULLIF(name, '')) IS NULL THEN COALESCE(title, '')
    WHEN COALESCE(title, '') = '' THEN COALESCE(NULLIF(name_as_printed, ''), name)
    ELSE title || ', ' || COALESCE(NULLIF(name_as_printed, ''), name)
END"""
# Cases removed with their appeals kept as history are never listed. Every statement gives
# its rows by case id: the cases' persons, officials and totals are kept in that order (flat
# sequences, see _ByCase) and matched to the cases in one walk, without a table by case id.
_LISTED = "id, ua_number, title, country, status, deadline, is_sample"
_CASES = f"SELECT {_LISTED} FROM cases WHERE removed_at IS NULL{{where}} ORDER BY id"
_PERSONS = "SELECT case_id, name FROM persons{where} ORDER BY case_id, position"
_TARGETS = f"SELECT case_id, {OFFICIAL_LABEL} FROM targets{{where}} ORDER BY case_id, position"
_SENT = (
    "SELECT case_id, COALESCE(SUM(count), 0) FROM appeals "
    "WHERE status = :sent AND kind = :appeal{and_where} GROUP BY case_id ORDER BY case_id"
)
_LIKE_ESCAPE = "/"
# SQLite: the same rows, the next (at most) :size cases after :after in id order, as one JSON
# text: [[id, ua_number, title, country, status, deadline, is_sample, [persons], [officials],
# appeals sent], ...], with the last id and the number of cases in it. Each case's persons
# and officials come in order from an index that holds what is shown.
_CASES_AS_JSON = f"""SELECT json_group_array(json_array(
    id, ua_number, title, country, status, deadline, is_sample,
    json((SELECT json_group_array(name) FROM
        (SELECT name FROM persons WHERE case_id = listed.id ORDER BY position))),
    json((SELECT json_group_array(label) FROM
        (SELECT {OFFICIAL_LABEL} AS label FROM targets
        WHERE case_id = listed.id ORDER BY position))),
    (SELECT COALESCE(SUM(count), 0) FROM appeals
        WHERE case_id = listed.id AND status = :sent AND kind = :appeal))),
    MAX(id), COUNT(*)
FROM (SELECT {_LISTED} FROM cases
    WHERE removed_at IS NULL AND id > :after{{where}} ORDER BY id LIMIT :size) AS listed"""
# Each text stays small in memory: it is let go once its rows are made.
CASES_PER_TEXT = 2_000


def read_cases(
    execute: Execute,
    *,
    case_ids: Sequence[int] | None = None,
    open_only: bool = False,
    words: Sequence[str] = (),
    sqlite: bool = False,
    per_text: int = CASES_PER_TEXT,
) -> list[CaseSummary]:
    """List rows of every case, or of ``case_ids``, of the open ones, of those whose stored
    folded text holds every one of ``words`` (folded already); in no particular order.

    ``sqlite``: the store is SQLite, which gives the rows as JSON texts of ``per_text``
    cases each (see the module's notes)."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if case_ids is not None:
        conditions.append(f"id IN ({', '.join(str(int(i)) for i in case_ids) or 'NULL'})")
    if open_only:
        conditions.append("status = :open")
        params["open"] = CaseStatus.OPEN.value
    for n, word in enumerate(words):
        conditions.append(f"search_text LIKE :word{n} ESCAPE '{_LIKE_ESCAPE}'")
        params[f"word{n}"] = f"%{_escape_like(word)}%"
    where = "".join(f" AND {condition}" for condition in conditions)
    if sqlite:
        return _summaries_from_json(_json_texts(execute, where, params, per_text))
    # The other tables: rows of the cases asked for (every row when every case is listed;
    # those of removed cases are simply not used).
    owners = f"case_id IN (SELECT id FROM cases WHERE removed_at IS NULL{where})" if where else ""
    return _read(execute, _CASES.format(where=where), owners, params)


def _read(
    execute: Execute, cases: str, owners: str, params: dict[str, Any], by_id: bool = True
) -> list[CaseSummary]:
    """The list rows of the cases the statement ``cases`` gives (by id, unless ``by_id`` is
    False: they are then put in that order here), with the other tables' rows of the cases
    ``owners`` selects (``case_id ...``; every row if empty)."""
    params = {**params, "sent": AppealStatus.SENT.value, "appeal": AppealKind.APPEAL.value}
    persons = _grouped(execute(_PERSONS.format(where=f" WHERE {owners}" if owners else ""), params))
    officials = _grouped(
        execute(_TARGETS.format(where=f" WHERE {owners}" if owners else ""), params), intern
    )
    sent = _totals(execute(_SENT.format(and_where=f" AND {owners}" if owners else ""), params))
    rows = execute(cases, params)
    return _summaries(rows if by_id else sorted(rows, key=itemgetter(0)), persons, officials, sent)


_OPEN = "status = :open AND removed_at IS NULL"
# The same, for the statements that walk the deadline index: the unary "+" keeps SQLite from
# choosing the (status, removed_at) index for them, which holds every open case in no
# deadline order (SQLite's query planner documents the "+" for this). The preview reads the
# SQLite file only (``read_file``), where the "+" is plain SQL.
_OPEN_BY_DEADLINE = "+status = :open AND removed_at IS NULL"
# The deadline of the open case at :offset among those due from :today on (soonest first),
# or among those whose deadline passed (most recent first); each walks the deadline index.
_NTH_UPCOMING = (
    f"SELECT deadline FROM cases WHERE {_OPEN_BY_DEADLINE} AND deadline >= :today "
    "ORDER BY deadline LIMIT 1 OFFSET :offset"
)
_NTH_PASSED = (
    f"SELECT deadline FROM cases WHERE {_OPEN_BY_DEADLINE} AND deadline < :today "
    "ORDER BY deadline DESC LIMIT 1 OFFSET :offset"
)
_COUNT_UPCOMING = f"SELECT COUNT(*) FROM cases WHERE {_OPEN_BY_DEADLINE} AND deadline >= :today"
_DATED_BETWEEN = f"{_OPEN_BY_DEADLINE} AND deadline >= :first AND deadline <= :last"
# Read from the (status, removed_at) index alone.
_COUNTS = "SELECT status, COUNT(*) FROM cases WHERE removed_at IS NULL GROUP BY status"


def read_preview(
    execute: Execute, size: int, today: date, whole_list_at_most: int = 0
) -> CaseListPreview:
    """At least the first ``size`` open cases in list order (deadlines from ``today`` on,
    soonest first; then passed ones, the most recent first; then undated ones), all those
    sharing the last deadline shown, with the store's counts. A store of at most
    ``whole_list_at_most`` cases gives every case instead (``complete``)."""
    params: dict[str, Any] = {"open": CaseStatus.OPEN.value, "today": today.isoformat()}
    counts = {status: int(n) for status, n in execute(_COUNTS, {})}
    open_count = counts.get(params["open"], 0)
    closed_count = sum(n for status, n in counts.items() if status != params["open"])
    if open_count + closed_count <= whole_list_at_most:
        every = read_cases(execute, sqlite=True)
        return CaseListPreview(tuple(every), open_count, closed_count, complete=True)
    last = list(execute(_NTH_UPCOMING, {**params, "offset": size - 1}))
    if last:
        params |= {"first": params["today"], "last": last[0][0]}
    else:
        upcoming = int(next(iter(execute(_COUNT_UPCOMING, params)))[0])
        first = list(execute(_NTH_PASSED, {**params, "offset": size - upcoming - 1}))
        if first:  # every upcoming case and the most recently passed ones
            params |= {"first": first[0][0], "last": "9999-12-31"}
    # Each statement finds the cases along the deadline index (or the open ones along the
    # status index), the other tables' rows of them along theirs, in order. The first
    # screen's cases are put in id order here: SQLite would otherwise walk every case in id
    # order to find them, where it holds statistics on a small store.
    shown = _DATED_BETWEEN if "first" in params else _OPEN
    cases = f"SELECT {_LISTED} FROM cases WHERE {shown}"
    owners = f"case_id IN (SELECT id FROM cases WHERE {shown})"
    cases_shown = _read(execute, cases, owners, params, by_id=False)
    return CaseListPreview(tuple(cases_shown), open_count, closed_count)


def read_file(db_path: Path, read: Callable[[Execute], _T]) -> _T | None:
    """``read(execute)`` on a read-only snapshot of the SQLite file of a store at the expected
    revision; None when there is no such store or anything goes wrong (the normal path, which
    migrates, checks and reports, will tell the user)."""
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
        return read(conn.execute)
    except (sqlite3.Error, ValueError, KeyError) as exc:
        log.info("case list not read from the file: %s", exc)
        return None
    finally:
        conn.close()


def _json_texts(
    execute: Execute, where: str, params: dict[str, Any], per_text: int
) -> Iterator[str]:
    """The JSON texts of the cases ``where`` selects, ``per_text`` cases each, in id order."""
    shown = {**params, "sent": AppealStatus.SENT.value, "appeal": AppealKind.APPEAL.value}
    statement = _CASES_AS_JSON.format(where=where)
    after = -(2**63)  # below every id
    while True:
        text, last, count = next(
            iter(execute(statement, {**shown, "after": after, "size": per_text}))
        )
        if count:
            yield text
        if count < per_text:
            return
        after = last


def _summaries_from_json(texts: Iterable[str]) -> list[CaseSummary]:
    """List rows from the JSON texts of ``_CASES_AS_JSON``, each text let go once read.
    Equal countries, deadlines and lists of officials share one object, the officials' labels
    are interned (memory: 100,000 rows), as ``_summaries`` does."""
    statuses = {status.value: status for status in CaseStatus}
    countries: dict[str, str] = {}
    deadlines: dict[str | None, date | None] = {None: None}
    officials_seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    empty: tuple[str, ...] = ()
    rows: list[CaseSummary] = []
    for text in texts:
        for (
            case_id,
            ua_number,
            title,
            country,
            status,
            deadline,
            is_sample,
            persons,
            officials,
            sent,
        ) in json.loads(text):
            if deadline not in deadlines:
                deadlines[deadline] = date.fromisoformat(deadline)
            if officials:
                named = tuple(map(intern, officials))
                named = officials_seen.setdefault(named, named)
            else:
                named = empty
            rows.append(
                CaseSummary(
                    case_id,
                    ua_number,
                    title,
                    countries.setdefault(country, country),
                    statuses[status],
                    deadlines[deadline],
                    tuple(persons) if persons else empty,
                    named,
                    sent,
                    bool(is_sample),
                )
            )
    return rows


def _escape_like(word: str) -> str:
    return (
        word.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2)
        .replace("%", f"{_LIKE_ESCAPE}%")
        .replace("_", f"{_LIKE_ESCAPE}_")
    )


class _ByCase:
    """The values of one statement per case: the case ids, ascending, beside the value of each,
    in two flat sequences (16 bytes a case). A table by case id took about 50 bytes a case,
    and its 5 MB at 100,000 cases, freed once the list was made, stayed taken by the process
    (the memory allocator keeps such blocks for later ones), as did others after it."""

    __slots__ = ("ids", "values")

    def __init__(self) -> None:
        self.ids = array("q")
        self.values: list[Any] = []

    def finish(self) -> _ByCase:
        self.ids.append(_PAST_EVERY_CASE)  # the walk in _summaries stops there
        return self


_PAST_EVERY_CASE = 2**63 - 1  # above every case id


def _grouped(rows: Iterable[Sequence[Any]], value: Callable[[Any], Any] | None = None) -> _ByCase:
    """The second column of the rows of each case, from rows ordered by case, then position;
    with ``value`` (officials), each value passed through it and equal tuples shared: many
    cases name the same officials."""
    owner, second = itemgetter(0), itemgetter(1)
    grouped = _ByCase()
    add_id, add_value = grouped.ids.append, grouped.values.append
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for case_id, group in groupby(rows, key=owner):
        add_id(case_id)
        if value is None:
            add_value(tuple(map(second, group)))
        else:
            found = tuple(map(value, map(second, group)))
            add_value(shared.setdefault(found, found))
    return grouped.finish()


def _totals(rows: Iterable[Sequence[Any]]) -> _ByCase:
    """The appeals sent per case, from (case id, total) rows ordered by case."""
    totals = _ByCase()
    add_id, add_value = totals.ids.append, totals.values.append
    for case_id, total in rows:
        add_id(case_id)
        add_value(int(total))
    return totals.finish()


def _summaries(
    cases: Iterable[Sequence[Any]], persons: _ByCase, officials: _ByCase, sent: _ByCase
) -> list[CaseSummary]:
    """List rows from ``(id, ua_number, title, country, status, deadline, is_sample)`` rows
    by ascending id, and the persons, officials and appeals sent of each (the values of
    cases not listed, removed ones, are passed over). Equal countries and deadlines share
    one object (memory: 100,000 rows)."""
    statuses = {status.value: status for status in CaseStatus}
    countries: dict[str, str] = {}
    deadlines: dict[object, date | None] = {None: None}
    empty: tuple[str, ...] = ()
    person_ids, person_values, person = persons.ids, persons.values, 0
    official_ids, official_values, official = officials.ids, officials.values, 0
    sent_ids, sent_values, sent_at = sent.ids, sent.values, 0
    rows = []
    for case_id, ua_number, title, country, status, deadline, is_sample in cases:
        if deadline not in deadlines:  # SQLite gives the text, PostgreSQL a date
            deadlines[deadline] = (
                date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
            )
        while person_ids[person] < case_id:
            person += 1
        while official_ids[official] < case_id:
            official += 1
        while sent_ids[sent_at] < case_id:
            sent_at += 1
        rows.append(  # positional: a quarter faster than by keyword at 10,000 rows
            CaseSummary(
                case_id,
                ua_number,
                title,
                countries.setdefault(country, country),
                statuses[status],
                deadlines[deadline],
                person_values[person] if person_ids[person] == case_id else empty,
                official_values[official] if official_ids[official] == case_id else empty,
                sent_values[sent_at] if sent_ids[sent_at] == case_id else 0,
                bool(is_sample),
            )
        )
    return rows
