"""The case list read on a thread at start-up gives what the window would read itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.services.cases import peek_cases
from app.ui.early_list import EarlyCaseList


def test_the_early_list_equals_the_list_read_from_the_file(store_dir: Path) -> None:  # noqa: F811
    paths = resolve_paths(store_dir)
    early = EarlyCaseList.start(paths, None)
    cases = early.result()
    assert cases is not None and len(cases) == 60
    assert cases == peek_cases(paths)


def test_no_store_or_another_database_gives_none(store_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    assert EarlyCaseList.start(resolve_paths(tmp_path / "none"), None).result() is None
    url = "postgresql+psycopg://nowhere/appeals"
    assert EarlyCaseList.start(resolve_paths(store_dir), url).result() is None


def test_an_error_in_the_read_is_raised_to_the_caller() -> None:
    early = EarlyCaseList.start(None, None)  # type: ignore[arg-type]  # no paths: the read fails
    with pytest.raises(AttributeError):
        early.result()
