"""The worker process: answers, and is stopped by a cancel, a deadline or its own death."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from app.worker_process import (
    Handler,
    Reply,
    WorkerCancelled,
    WorkerDied,
    WorkerProcess,
    WorkerTimedOut,
    WorkerUnavailable,
    run_guarded,
)

LIMIT = 768 * 1024 * 1024


def _load_echo() -> Handler:
    """A worker that echoes, hangs, reports its limits or ends, as the request asks."""

    def answer(job: object) -> Reply:
        if job == "hang":
            time.sleep(600)
        if job == "die":
            os._exit(3)
        if job == "limits":
            import resource

            return (
                resource.getrlimit(resource.RLIMIT_AS)[0],
                signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
            )
        return ("echo", job)

    return answer


@pytest.fixture
def worker() -> Iterator[WorkerProcess]:
    started = WorkerProcess("test", _load_echo, LIMIT)
    yield started
    started.stop()


def test_one_worker_answers_one_request_after_another(worker: WorkerProcess) -> None:
    assert worker.request("first", 30) == ("echo", "first")
    process = worker._process
    assert worker.request("second", 30) == ("echo", "second")
    assert worker._process is process


@pytest.mark.skipif(os.name != "posix", reason="address-space limits are POSIX")
def test_the_worker_has_its_memory_limit_and_ignores_ctrl_c(worker: WorkerProcess) -> None:
    assert worker.request("limits", 30) == (LIMIT, True)


def test_a_cancel_set_before_asks_nothing_and_starts_no_worker(worker: WorkerProcess) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(WorkerCancelled):
        worker.request("first", 30, cancel)
    assert worker._process is None


def test_a_cancel_while_waiting_kills_the_worker_and_the_next_request_gets_a_fresh_one(
    worker: WorkerProcess,
) -> None:
    assert worker.request("warm", 30) == ("echo", "warm")
    hung = worker._process
    assert hung is not None
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(WorkerCancelled):
        worker.request("hang", 600, cancel)
    assert not hung.is_alive() and worker._process is None
    assert worker.request("again", 30) == ("echo", "again")
    assert worker._process is not hung


def test_a_missed_deadline_kills_the_worker(worker: WorkerProcess) -> None:
    assert worker.request("warm", 30) == ("echo", "warm")
    hung = worker._process
    assert hung is not None
    with pytest.raises(WorkerTimedOut):
        worker.request("hang", 0.2)
    assert not hung.is_alive() and worker._process is None


def test_a_worker_that_dies_while_answering_is_reported_and_replaced(
    worker: WorkerProcess,
) -> None:
    with pytest.raises(WorkerDied):
        worker.request("die", 30)
    assert worker._process is None
    assert worker.request("again", 30) == ("echo", "again")


def test_the_fallback_is_decided_once_and_logged_with_its_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    unguarded: list[str] = []
    tries: list[str] = []
    log = logging.getLogger("tests.worker")

    def in_worker() -> str:
        tries.append("worker")
        raise WorkerUnavailable("no processes here")

    with caplog.at_level(logging.WARNING, logger="tests.worker"):
        first = run_guarded(in_worker, lambda: "here", unguarded, log, "unguarded now: %s")
        second = run_guarded(in_worker, lambda: "here", unguarded, log, "unguarded now: %s")
    assert (first, second) == ("here", "here")
    assert tries == ["worker"]
    assert unguarded == ["no processes here"]
    assert [r.getMessage() for r in caplog.records] == ["unguarded now: no processes here"]


def test_a_worker_started_early_answers_the_first_request(worker: WorkerProcess) -> None:
    worker.start_early()
    early = worker._starting
    assert early is not None and worker._process is None  # started, not waited for
    worker.start_early()  # a second call starts no second process
    assert worker._starting is early
    assert worker.request("first", 30) == ("echo", "first")
    assert worker._process is early[0] and worker._starting is None


def test_stopping_a_worker_started_early_ends_its_process(worker: WorkerProcess) -> None:
    worker.start_early()
    assert worker._starting is not None
    process = worker._starting[0]
    worker.stop()
    assert not process.is_alive() and worker._starting is None
    assert worker.request("again", 30) == ("echo", "again")  # a fresh one
