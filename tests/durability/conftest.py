"""Durability fixtures, and the figures the suite reports at the end of the run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.paths import AppPaths, resolve_paths
from app.store.database import open_database
from bench.durability.seeding import seed
from tests.durability import figures


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def seeded(paths: AppPaths) -> AppPaths:
    """A data folder whose store holds fictional cases, appeals and an event (closed again)."""
    db = open_database(paths)
    seed(db)
    db.close()
    return paths


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes (None when it does not exist)."""
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = figures.report_lines()
    if lines:
        terminalreporter.section("durability and hostile-input figures")
        for line in lines:
            terminalreporter.write_line(line)
