"""Import files are read in the worker process; where none can start, the fallback is said."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from app.services import isolated_parsing
from app.services.isolated_parsing import ParseWorker, parse_guarded, unguarded_reason
from tests.conftest import SEED_FINAL


@pytest.fixture
def fresh_worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A worker of this test's own, and no fallback decided yet."""
    worker = ParseWorker()
    monkeypatch.setattr(isolated_parsing, "_worker", worker)
    monkeypatch.setattr(isolated_parsing, "_unguarded", [])
    yield
    worker.stop()


def test_the_worker_reads_the_file_and_no_fallback_is_reported(fresh_worker: None) -> None:
    [(_name, document)] = parse_guarded(SEED_FINAL)
    assert document.ua_number == "119/21"
    assert unguarded_reason() is None


def test_a_machine_that_cannot_start_the_worker_reads_in_process_and_says_so(
    fresh_worker: None, no_worker_processes: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="app.services.isolated_parsing"):
        [(_, first)] = parse_guarded(SEED_FINAL)
        [(_, second)] = parse_guarded(SEED_FINAL)
    assert first.ua_number == second.ua_number == "119/21"
    reason = unguarded_reason()
    assert reason is not None and "process creation is not allowed here" in reason
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "read inside the app, without limits" in warnings[0]
