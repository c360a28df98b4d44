"""An appeal is marked sent on the day it went out: never later than tomorrow, by the command
line or the window (both go through the services), and a refused date changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import AppealStatus, Channel
from app.main import main
from app.paths import resolve_paths
from app.services.appeals import list_appeals, record_appeal, update_status
from app.services.editing import edit_appeal, finish_draft
from app.store.database import Database, open_database
from tests.builders import dump, open_sample_store


def tomorrow() -> date:
    return date.today() + timedelta(days=1)


def months_ahead() -> date:
    return date.today() + timedelta(days=120)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_sample_store(data_dir)
    yield database
    database.close()


def test_the_cli_refuses_a_sent_date_months_ahead_and_records_nothing(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(db)
    db.close()  # the command line opens the store itself
    base = ["--data-dir", str(data_dir), "sent", "901/27", "--channel", "post"]
    assert main([*base, "--date", months_ahead().isoformat()]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"appeal-desk: {months_ahead().isoformat()} is in the future: an appeal is marked sent "
        f"on the day it went out, at the latest tomorrow ({tomorrow().isoformat()}). "
        "Nothing was changed."
    ]
    again = open_database(resolve_paths(data_dir))
    try:
        assert dump(again) == before
    finally:
        again.close()
    # tomorrow is still a day one may give (a writer ahead of this machine's time zone)
    assert main([*base, "--date", tomorrow().isoformat()]) == 0


def test_every_way_of_marking_sent_refuses_a_future_date(db: Database) -> None:
    printed = record_appeal(
        db, "901/27", target_index=1, channel=Channel.POST, status=AppealStatus.PRINTED
    )
    draft = record_appeal(db, "902/27", target_index=1, channel=None, status=AppealStatus.DRAFT)
    before = dump(db)
    attempts = [
        lambda: record_appeal(
            db, "901/27", target_index=1, channel=Channel.POST, sent_on=months_ahead()
        ),
        lambda: update_status(db, printed.appeal_id, AppealStatus.SENT, sent_on=months_ahead()),
        lambda: edit_appeal(db, printed.appeal_id, sent_on=months_ahead()),
        lambda: finish_draft(
            db,
            draft.appeal_id,
            text="",
            target_index=1,
            language="en",
            status=AppealStatus.SENT,
            channel=Channel.EMAIL,
            sent_on=months_ahead(),
        ),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert "is in the future" in refused.value.message
        assert dump(db) == before
    sent = update_status(db, printed.appeal_id, AppealStatus.SENT, sent_on=tomorrow())
    assert sent.sent_on == tomorrow()
    assert [a.sent_on for a in list_appeals(db, status=AppealStatus.SENT)] == [tomorrow()]


def test_an_issue_date_still_to_come_does_not_judge_the_day_sent() -> None:
    from app.services.limits import check_sent_after_issue, first_issued

    today = date(2026, 12, 7)
    issued = first_issued(date(2026, 5, 5), None, date(2026, 2, 14))  # the first UA's day
    assert issued == date(2026, 2, 14)
    check_sent_after_issue(date(2026, 3, 1), "28/26", issued, today)  # before the update: fine
    with pytest.raises(InvalidInput, match=r"before UA 28/26 was issued \(2026-02-14\)"):
        check_sent_after_issue(date(2026, 2, 13), "28/26", issued, today)
    # a fictional practice case dated next year, or a misread year: any day may be right
    check_sent_after_issue(date(1990, 1, 1), "901/27", date(2027, 3, 4), today)


def refusal(check: Callable[[], None]) -> str | None:
    """What ``check`` says when it refuses; None when it accepts."""
    try:
        check()
    except InvalidInput as refused:
        return refused.message
    return None


def test_the_windows_check_and_the_stores_refuse_the_same_days(tmp_path: Path) -> None:
    """The mark-sent dialog checks the day against the case's details before anything is
    stored; the services check it against the store: one answer for every day."""
    from app.services.cases import get_case
    from app.services.limits import check_sent_for_case_detail, check_sent_for_stored_case
    from app.store import case_repository
    from tests.builders import FICTIONAL_ISSUE_DAY, add_cases, fictional_document

    db = open_database(resolve_paths(tmp_path / "data"))
    try:
        add_cases(db, fictional_document("12/26"))
        detail = get_case(db, "12/26")
        day_before = FICTIONAL_ISSUE_DAY - timedelta(days=1)
        answers = {}
        for day in (day_before, FICTIONAL_ISSUE_DAY):
            in_window = refusal(partial(check_sent_for_case_detail, detail, day))
            with db.unit_of_work() as session:
                row = case_repository.case_row(session, "12/26")
                assert row is not None
                in_store = refusal(partial(check_sent_for_stored_case, session, row, day))
            assert in_window == in_store, day
            answers[day] = in_store
    finally:
        db.close()
    assert answers[FICTIONAL_ISSUE_DAY] is None
    assert answers[day_before] == (
        f"{day_before.isoformat()} is before UA 12/26 was issued "
        f"({FICTIONAL_ISSUE_DAY.isoformat()}): an appeal is sent on or after that day. Check "
        "the date; nothing was changed."
    )
