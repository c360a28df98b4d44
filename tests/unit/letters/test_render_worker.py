"""Templates render in a guarded worker process; where none can start, the fallback is said."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from app.domain.model import CaseDetail, SenderProfile
from app.letters import render_worker
from app.letters.render_worker import RenderWorker, unguarded_reason
from app.services.letters import draft_letter


@pytest.fixture
def fresh_worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A worker of this test's own, and no fallback decided yet."""
    worker = RenderWorker()
    monkeypatch.setattr(render_worker, "_worker", worker)
    monkeypatch.setattr(render_worker, "_unguarded", [])
    yield
    worker.stop()


def test_the_worker_renders_and_no_fallback_is_reported(
    fresh_worker: None, case: CaseDetail, sender: SenderProfile
) -> None:
    assert "Oren Castell" in draft_letter(case, 1, sender, locale="en").text
    assert unguarded_reason() is None


def test_a_machine_that_cannot_start_the_worker_renders_in_process_and_says_so(
    fresh_worker: None,
    case: CaseDetail,
    sender: SenderProfile,
    no_worker_processes: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="app.letters.render_worker"):
        first = draft_letter(case, 1, sender, locale="en").text
        second = draft_letter(case, 1, sender, locale="en").text
    assert "Oren Castell" in first and first == second
    reason = unguarded_reason()
    assert reason is not None and "process creation is not allowed here" in reason
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "without time or memory limits" in warnings[0]
