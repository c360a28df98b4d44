"""Copy diagnostic info: versions, paths and counts, and nothing personal."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app import __version__
from app.domain.model import CaseDetail, Channel, SenderProfile
from app.letters import render_worker
from app.paths import AppPaths, resolve_paths
from app.services.appeals import record_appeal
from app.services.database import Database
from app.services.diagnostics import collect, format_report, redact_home
from app.services.letters import draft_letter
from app.settings import Settings
from tests.builders import TODAY, add_cases, make_case, numbered_case


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """The data folder of the ``db`` fixture's store."""
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def fresh_letter_worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A letter worker of this test's own, and no fallback decided yet."""
    worker = render_worker.RenderWorker()
    monkeypatch.setattr(render_worker, "_worker", worker)
    monkeypatch.setattr(render_worker, "_unguarded", [])
    yield
    worker.stop()


def test_report_has_versions_and_counts_but_no_personal_data(paths: AppPaths, db: Database) -> None:
    add_cases(db, numbered_case(21, "Peru", 9, title="Secret title"))
    record_appeal(
        db, "21/26", target_index=1, channel=Channel.POST, sent_on=TODAY, text="My private words"
    )
    sender = SenderProfile(name="Ada Writer", address="7 Quiet Lane", city="Hometown")
    settings = replace(Settings(), sender=sender)
    report = format_report(collect(paths, settings, db, extra=[("Qt", "6.x")]))
    facts = dict(line.split(" : ", 1) for line in report.splitlines()[1:])
    assert __version__ in report
    assert sqlite3.sqlite_version in report
    assert "cases open" in report and "appeals recorded" in report
    values = {k.strip(): v for k, v in facts.items()}
    assert values["cases open"] == "1"
    assert values["appeals recorded"] == "1"
    assert values["sender profile filled in"] == "True"
    assert values["Qt"] == "6.x"
    for private in (
        "Ada Writer",
        "Quiet Lane",
        "Hometown",
        "Secret title",
        "private words",
        "Invented",
    ):
        assert private not in report


def test_home_folder_is_replaced_by_a_tilde() -> None:
    from pathlib import Path

    assert redact_home(Path.home() / "data" / "x") == str(Path("~") / "data" / "x")
    assert redact_home("/srv/other") == "/srv/other"


def test_home_folder_is_replaced_inside_a_message_but_not_in_a_longer_folder_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "al"
    monkeypatch.setenv("HOME", str(home))
    message = f"could not start {home}/venv/bin/python: no such file"
    assert redact_home(message) == "could not start ~/venv/bin/python: no such file"
    assert redact_home(home) == "~"
    neighbour = f"{home}ice/data"
    assert redact_home(neighbour) == neighbour
    assert redact_home(f"{home}.old/data") == f"{home}.old/data"


def test_home_folder_at_the_end_of_a_sentence_is_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "al"
    monkeypatch.setenv("HOME", str(home))
    assert redact_home(f"no Python found in {home}.") == "no Python found in ~."
    assert redact_home(f"(in {home}). Retry?") == "(in ~). Retry?"


def test_report_comes_out_without_a_store(paths: AppPaths) -> None:
    report = format_report(collect(paths))
    assert "store" in report and "not open" in report


def report_values(paths: AppPaths) -> dict[str, str]:
    report = format_report(collect(paths))
    return {k.strip(): v for k, v in (line.split(" : ", 1) for line in report.splitlines()[1:])}


def test_report_says_letters_are_rendered_in_their_worker_process(
    paths: AppPaths, fresh_letter_worker: None
) -> None:
    case: CaseDetail = make_case()
    draft_letter(case, 1, SenderProfile(name="Ada Writer"), locale="en")
    assert report_values(paths)["letters rendered"] == "in a worker process"


def test_report_says_when_letters_are_rendered_inside_the_app_and_why(
    paths: AppPaths, fresh_letter_worker: None, no_worker_processes: None
) -> None:
    case: CaseDetail = make_case()
    draft_letter(case, 1, SenderProfile(name="Ada Writer"), locale="en")
    said = report_values(paths)["letters rendered"]
    assert said.startswith("inside the app, without time or memory limits (")
    assert "process creation is not allowed here" in said
