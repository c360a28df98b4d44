"""The start-up preview is exactly the head of the open list, with the store's true counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.model import CaseStatus
from app.paths import resolve_paths
from app.services.cases import list_cases, peek_preview
from app.services.database import open_store
from app.store.case_list import read_preview


@pytest.fixture(scope="module")
def tied_store(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The generated store with shared deadlines (ties) and open cases without a deadline."""
    copy = tmp_path_factory.mktemp("tied") / "data"
    copy.mkdir()
    source, target = resolve_paths(store_dir).database, resolve_paths(copy).database
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    soon = date(2026, 12, 1)
    with sqlite3.connect(target) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM cases ORDER BY id")]
        for position, case_id in enumerate(ids):
            deadline = None if position % 7 == 3 else soon + timedelta(days=position % 5)
            conn.execute(
                "UPDATE cases SET deadline = ? WHERE id = ?",
                (deadline.isoformat() if deadline else None, case_id),
            )
    return copy


def _open_list(data: Path, today: date) -> list[int]:
    db = open_store(resolve_paths(data))
    try:
        return [case.case_id for case in list_cases(db, include_closed=False, today=today)]
    finally:
        db.close()


# before every deadline, between them (some passed), after all of them
@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 12, 3), date(2027, 1, 1)])
@pytest.mark.parametrize("size", [1, 4, 9, 25, 500])
def test_the_preview_is_the_head_of_the_open_list(tied_store: Path, size: int, today: date) -> None:
    expected = _open_list(tied_store, today)
    preview = peek_preview(resolve_paths(tied_store), size, today=today)
    assert preview is not None
    shown = [case.case_id for case in preview.cases]
    assert len(shown) >= min(size, len(expected))
    # the same cases as the head of the list; ties on the last deadline all come along
    assert set(shown) == set(expected[: len(shown)])
    assert all(case.status == CaseStatus.OPEN for case in preview.cases)


def test_the_preview_rows_and_counts_match_the_store(tied_store: Path) -> None:
    db = open_store(resolve_paths(tied_store))
    try:
        every = {case.case_id: case for case in list_cases(db, include_closed=True)}
    finally:
        db.close()
    preview = peek_preview(resolve_paths(tied_store), 10)
    assert preview is not None
    assert [every[case.case_id] for case in preview.cases] == list(preview.cases)
    open_total = sum(1 for case in every.values() if case.status == CaseStatus.OPEN)
    assert (preview.open_count, preview.closed_count) == (open_total, len(every) - open_total)


def test_no_preview_without_a_usable_store(store_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    assert peek_preview(resolve_paths(tmp_path / "none"), 10) is None
    url = "postgresql+psycopg://nowhere/appeals"
    assert peek_preview(resolve_paths(store_dir), 10, url) is None
    damaged = resolve_paths(tmp_path / "damaged")
    damaged.database.parent.mkdir(parents=True)
    damaged.database.write_bytes(b"not a database" * 200)
    assert peek_preview(damaged, 10) is None


@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 12, 3), date(2027, 1, 1)])
def test_the_preview_reads_no_case_row_it_does_not_show(tied_store: Path, today: date) -> None:
    """A large store starts as quickly as a small one: every statement of the preview finds
    its cases through an index (the counts through one that holds all they need), none reads
    the whole cases table."""
    with closing(sqlite3.connect(resolve_paths(tied_store).database)) as conn:
        run: list[tuple[str, Mapping[str, Any]]] = []

        def execute(sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
            run.append((sql, params))
            return conn.execute(sql, params).fetchall()

        read_preview(execute, 5, today)
        plans = {
            sql: [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            for sql, params in run
        }
    on_cases = [step for steps in plans.values() for step in steps if " cases " in f"{step} "]
    assert on_cases
    walking = [step for step in on_cases if step.startswith("SCAN")]
    assert all("COVERING INDEX" in step for step in walking), walking
    # the first rows come along the deadline index, in its order (no sort of every open case)
    steps = [step for found in plans.values() for step in found]
    assert "USE TEMP B-TREE FOR ORDER BY" not in steps
    counts = next(steps for sql, steps in plans.items() if "COUNT(*)" in sql and "GROUP BY" in sql)
    assert counts == ["SCAN cases USING COVERING INDEX ix_cases_status_removed_at"]


def test_a_small_store_gives_its_whole_list_as_the_preview(tied_store: Path) -> None:
    db = open_store(resolve_paths(tied_store))
    try:
        every = list_cases(db, include_closed=True, today=date(2026, 12, 3))
    finally:
        db.close()
    paths = resolve_paths(tied_store)
    whole = peek_preview(paths, 10, today=date(2026, 12, 3), whole_list_at_most=len(every))
    assert whole is not None and whole.complete
    assert list(whole.cases) == every  # open and closed, in list order
    open_total = sum(1 for case in every if case.status == CaseStatus.OPEN)
    assert (whole.open_count, whole.closed_count) == (open_total, len(every) - open_total)
    head = peek_preview(paths, 10, today=date(2026, 12, 3), whole_list_at_most=len(every) - 1)
    assert head is not None and not head.complete and len(head.cases) < len(every)
