"""The start-up case list read with sqlite3 equals the store's own list, or steps aside."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from app.domain.model import CaseSummary
from app.paths import resolve_paths
from app.services.cases import list_cases, peek_cases
from app.services.database import open_store
from app.store.case_list import read_cases, read_file


def test_the_list_read_from_the_file_equals_the_stores_list(store_dir: Path) -> None:
    paths = resolve_paths(store_dir)
    db = open_store(paths)
    try:
        expected = list_cases(db, include_closed=True)
    finally:
        db.close()
    assert len(expected) == 60
    assert peek_cases(paths) == expected


def test_another_database_or_no_store_gives_no_list_from_the_file(
    store_dir: Path, tmp_path: Path
) -> None:
    assert peek_cases(resolve_paths(store_dir), "postgresql+psycopg://nowhere/appeals") is None
    assert peek_cases(resolve_paths(tmp_path / "empty")) is None


def test_a_store_at_another_revision_is_left_to_the_migrator(
    store_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "old"
    copy.mkdir()
    source = resolve_paths(store_dir).database
    target = resolve_paths(copy).database
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001_baseline'")
    assert peek_cases(resolve_paths(copy)) is None


def test_a_damaged_file_gives_no_list_from_the_file(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.database.write_bytes(b"not a database at all" * 100)
    assert peek_cases(paths) is None


def test_sqlites_json_texts_give_the_rows_the_statement_per_table_gives(store_dir: Path) -> None:
    """SQLite's form of the list (JSON texts of a few cases each) holds what PostgreSQL's form
    (a statement per table) holds: every case, its persons and officials in their order, its
    appeals sent; with a search, a choice of cases or the open ones only."""
    database = resolve_paths(store_dir).database
    asked: list[dict[str, Any]] = [
        {},
        {"open_only": True},
        {"case_ids": [1, 2, 5, 40]},
        {"words": ["ka"]},
    ]
    for options in asked:
        per_table = read_file(database, partial(read_cases, **options))
        as_json = read_file(database, partial(read_cases, sqlite=True, per_text=7, **options))
        assert per_table and as_json is not None
        assert sorted(as_json, key=by_id) == sorted(per_table, key=by_id), options
    every = read_file(database, lambda execute: read_cases(execute, sqlite=True))
    assert every is not None and len(every) == 60
    assert any(case.persons for case in every) and any(case.officials for case in every)
    assert any(case.appeals_sent for case in every)


def by_id(case: CaseSummary) -> int:
    return case.case_id
