"""Import files are read in the worker process; where none can start, the fallback is said."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import ImportRejected
from app.services import isolated_parsing
from app.services.isolated_parsing import (
    ParseWorker,
    parse_files_guarded,
    parse_guarded,
    unguarded_reason,
)
from tests.builders import SAMPLES
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


def test_files_read_one_ahead_come_back_in_order_with_each_refusal_in_its_place(
    fresh_worker: None, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    paths = [SEED_FINAL, empty, SAMPLES / "ua-901-27-initial.txt"]
    read = list(parse_files_guarded(paths))
    assert [path for path, _outcome in read] == paths
    first, refused, last = (outcome for _path, outcome in read)
    assert not isinstance(first, Exception) and first[0][1].ua_number == "119/21"
    assert isinstance(refused, ImportRejected)
    assert not isinstance(last, Exception) and last[0][1].ua_number == "901/27"


def test_stopping_after_the_first_file_leaves_no_stale_answer_for_the_next_read(
    fresh_worker: None,
) -> None:
    """The file read ahead is dropped with the worker: the next request gets its own reply."""
    with contextlib.closing(
        parse_files_guarded([SEED_FINAL, SAMPLES / "ua-901-27-initial.txt"])
    ) as read:
        _path, first = next(read)
    assert not isinstance(first, Exception) and first[0][1].ua_number == "119/21"
    [(_name, document)] = parse_guarded(SAMPLES / "ua-902-27-initial.txt")
    assert document.ua_number == "902/27"
    assert unguarded_reason() is None


ONE_LINE_FRENCH = (
    Path(__file__).parents[1] / "importing" / "fixtures" / "french_short_flattened.txt"
)


def test_a_one_line_text_padded_by_long_runs_of_spaces_is_read_within_the_file_limit(
    fresh_worker: None, tmp_path: Path
) -> None:
    """A PDF's one-line text layer whose columns are padded by 20,000 spaces reads as the same
    text without them, inside the worker's time limit for a file (not refused as too slow)."""
    words = ONE_LINE_FRENCH.read_text(encoding="utf-8").split()
    gaps = {"inculpée.", "d'opinion.", "considération."}  # the story, the deadline, the copies
    plain, padded = tmp_path / "plain.txt", tmp_path / "padded.txt"
    plain.write_text(" ".join(words), encoding="utf-8")
    padded.write_text(
        "".join(w + (" " * 20_000 if w in gaps else " ") for w in words), encoding="utf-8"
    )
    [(_name, expected)] = parse_guarded(plain)
    [(_name, document)] = parse_guarded(padded)
    assert document.ua_number == expected.ua_number == "88/27"
    assert document.title == expected.title and document.title
    assert document.deadline == expected.deadline
    assert [(t.title, t.name, t.email) for t in document.targets] == [
        (t.title, t.name, t.email) for t in expected.targets
    ]
    assert [t.name for t in document.targets] == ["Paul Modèle"]
    assert document.persons == expected.persons
    assert document.copies_to == expected.copies_to
