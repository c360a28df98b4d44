"""Warnings before sending (never blocks): past deadline, a second letter, a closed case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli.errors import appeal_warning_text
from app.domain.model import CaseStatus, Channel
from app.domain.notices import AppealWarning, AppealWarningKind
from app.main import main
from app.services.appeal_warnings import appeal_warnings
from app.services.appeals import record_appeal
from app.services.cases import get_case
from app.services.editing import edit_case
from app.services.importing import import_files
from app.store.database import Database
from tests.builders import open_sample_store
from tests.conftest import UA_SAMPLES


# Sent dates are never later than tomorrow, so the dates here are counted from today, read
# when a test uses them (a run that crosses midnight stays right).
def today() -> date:
    return date.today()


def earlier() -> date:
    return today() - timedelta(days=20)


def deadline() -> date:
    return today() + timedelta(days=30)


def english_long(day: date) -> str:
    """A date as the English interface writes it in a warning ("May 2, 2027")."""
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """UA 901/27 and UA 902/27 as ordinary cases, nothing recorded yet; UA 902/27 runs
    until a month from today."""
    database = open_sample_store(data_dir)
    edit_case(database, "902/27", deadline=deadline())
    yield database
    database.close()


def test_a_first_letter_in_time_has_no_warning(db: Database) -> None:
    assert appeal_warnings(db, "902/27", 1, today()) == []


def test_after_the_deadline_the_writer_is_sent_to_the_section_office(db: Database) -> None:
    passed = today() - timedelta(days=2)
    edit_case(db, "902/27", deadline=passed)
    [warning] = appeal_warnings(db, "902/27", 1, today())
    assert warning == AppealWarning(AppealWarningKind.DEADLINE_PASSED, passed)
    assert appeal_warning_text(warning) == (
        f"The deadline was {english_long(passed)}. Check with your section office before sending."
    )


def test_a_second_letter_to_the_same_official_is_pointed_out(db: Database) -> None:
    first = record_appeal(db, "902/27", target_index=1, channel=Channel.POST, sent_on=earlier())
    [warning] = appeal_warnings(db, "902/27", 1, today())
    assert warning == AppealWarning(AppealWarningKind.ALREADY_SENT, earlier())
    assert appeal_warning_text(warning) == (
        f"You already sent an appeal to this official on {english_long(earlier())}."
    )
    # the letter being marked sent itself does not count as an earlier one
    assert appeal_warnings(db, "902/27", 1, today(), ignore_appeal_id=first.appeal_id) == []
    # another case, or a solidarity card (no official), is not a second letter
    assert appeal_warnings(db, "901/27", 1, today()) == []
    assert appeal_warnings(db, "902/27", None, today()) == []


def test_writing_to_a_closed_case_is_warned_about_not_the_deadline(db: Database) -> None:
    [result] = import_files(
        db, [UA_SAMPLES / "103_sri_lanka_activists_freed_final_markdown_2023.txt"]
    )
    assert get_case(db, result.ua_number).status == CaseStatus.CLOSED
    [warning] = appeal_warnings(db, result.ua_number, 1, date(2030, 1, 1))
    assert warning == AppealWarning(AppealWarningKind.CASE_CLOSED)
    assert appeal_warning_text(warning) == "This case is closed: the UA asks for no further action."


def test_the_cli_records_a_late_second_letter_and_says_why_to_check(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    passed = today() - timedelta(days=2)
    edit_case(db, "902/27", deadline=passed)
    db.close()  # the CLI opens the store itself
    base = ["--data-dir", str(data_dir), "sent", "902/27", "--channel", "post"]
    assert main([*base, "--date", earlier().isoformat()]) == 0
    assert capsys.readouterr().err == ""
    assert main([*base, "--date", today().isoformat()]) == 0
    out, err = capsys.readouterr()
    assert "Recorded 1 appeal for UA 902/27" in out
    assert err.splitlines() == [
        f"warning: The deadline was {english_long(passed)}. Check with your section office "
        "before sending.",
        f"warning: You already sent an appeal to this official on {english_long(earlier())}.",
    ]


def test_an_event_tally_is_not_a_personal_second_letter(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.services.events import create_event

    create_event(db, "Library evening (fictional)", cases=["902/27"])
    db.close()  # the CLI opens the store itself
    base = ["--data-dir", str(data_dir), "sent", "902/27", "--channel", "post"]
    assert main([*base, "--date", earlier().isoformat()]) == 0  # the user's own letter
    event = ["--event", "Library evening (fictional)", "--count", "12"]
    assert main([*base, *event, "--date", today().isoformat()]) == 0
    out, err = capsys.readouterr()
    assert "Recorded 12 appeals for UA 902/27" in out
    assert err == ""  # the participants' letters are no duplicate of the user's own
    # the event's counts are no earlier letter of the user's: only the own one is named
    from app.paths import resolve_paths
    from app.store.database import open_database

    again = open_database(resolve_paths(data_dir))
    try:
        assert appeal_warnings(again, "902/27", 1, today()) == [
            AppealWarning(AppealWarningKind.ALREADY_SENT, earlier())
        ]
    finally:
        again.close()


def test_the_cli_says_the_warnings_in_the_language_asked_for(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    passed = today() - timedelta(days=2)
    edit_case(db, "902/27", deadline=passed)
    db.close()  # the CLI opens the store itself
    base = ["--data-dir", str(data_dir), "--lang", "fr", "sent", "902/27", "--channel", "post"]
    assert main([*base, "--date", today().isoformat()]) == 0
    err = capsys.readouterr().err
    french_day = f"{passed.day} {FRENCH_MONTHS[passed.month - 1]} {passed.year}"
    assert err.splitlines() == [
        f"avertissement : {FRENCH_DEADLINE.format(date=french_day)}",
    ]


FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FRENCH_DEADLINE = (
    "La date limite était le {date}. Vérifiez auprès du bureau de votre section avant d'envoyer."
)
