"""Recording appeals through the service: counts, history, bad input changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.errors import CaseNotFound, InvalidInput
from app.domain.model import AppealKind, AppealStatus, Channel
from app.paths import resolve_paths
from app.services import appeals, cases
from app.services.database import open_store
from app.services.importing import save_parsed
from app.store.database import Database, row_counts
from tests.builders import make_document


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_store(resolve_paths(tmp_path / "data"))
    save_parsed(database, make_document(), "doc.txt")
    yield database
    database.close()


def test_sent_appeal_counts_on_the_case_row_and_in_history(db: Database) -> None:
    record = appeals.record_appeal(
        db,
        "UA 012/26",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 2, 1),
        text="Dear Minister, ...",
    )
    assert record.target_label == "Minister of Justice, Dr. Rui Costa"
    [row] = cases.list_cases(db)
    assert row.appeals_sent == 1
    history = cases.get_case(db, "12/26").appeals
    assert [a.text for a in history] == ["Dear Minister, ..."]


def test_handwritten_batch_counts_each_letter(db: Database) -> None:
    appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST, count=12)
    assert cases.list_cases(db)[0].appeals_sent == 12


def test_draft_then_sent_then_reply(db: Database) -> None:
    draft = appeals.record_appeal(
        db, "12/26", target_index=1, channel=None, status=AppealStatus.DRAFT
    )
    assert cases.list_cases(db)[0].appeals_sent == 0
    sent = appeals.update_status(db, draft.appeal_id, AppealStatus.SENT, channel=Channel.EMAIL)
    assert sent.sent_on == date.today()
    replied = appeals.record_reply(db, draft.appeal_id, date(2026, 3, 3), "Acknowledged receipt")
    assert replied.reply_note == "Acknowledged receipt"
    assert cases.list_cases(db)[0].appeals_sent == 1


@pytest.mark.parametrize(
    ("ua", "target", "error"),
    [("99/99", 1, CaseNotFound), ("12/26", 5, InvalidInput), ("12/26", 0, InvalidInput)],
)
def test_bad_input_changes_nothing(db: Database, ua: str, target: int, error: type) -> None:
    before = row_counts(db)
    with pytest.raises(error):
        appeals.record_appeal(db, ua, target_index=target, channel=Channel.POST)
    assert row_counts(db) == before


def test_unknown_channel_names_the_choices() -> None:
    with pytest.raises(InvalidInput, match="post, email, fax"):
        appeals.parse_channel("pigeon")
    assert appeals.parse_channel("Social media") is Channel.SOCIAL_MEDIA


def test_solidarity_card_is_not_an_appeal(db: Database) -> None:
    rec = appeals.record_appeal(
        db, "12/26", target_index=None, channel=Channel.POST, kind=AppealKind.SOLIDARITY
    )
    assert rec.target_label == "Ana Lima"
    assert cases.list_cases(db)[0].appeals_sent == 0


def test_an_appeal_moves_from_draft_to_printed_to_sent_and_then_gets_a_reply(
    db: Database,
) -> None:
    draft = appeals.record_appeal(
        db, "12/26", target_index=1, channel=None, status=AppealStatus.DRAFT
    )
    assert appeals.next_steps(draft) == appeals.NextSteps(True, True, False)
    printed = appeals.update_status(db, draft.appeal_id, AppealStatus.PRINTED)
    assert appeals.next_steps(printed) == appeals.NextSteps(False, True, False)
    sent = appeals.update_status(db, draft.appeal_id, AppealStatus.SENT, channel=Channel.POST)
    assert appeals.next_steps(sent) == appeals.NextSteps(False, False, True)


def test_an_appeal_goes_to_the_first_official_unless_one_is_named(db: Database) -> None:
    assert appeals.default_target(AppealKind.APPEAL) == 1
    assert appeals.default_target() == 1
    record = appeals.record_appeal(
        db, "12/26", target_index=appeals.default_target(), channel=Channel.POST
    )
    assert record.target_index == 1
    assert record.target_label == "Minister of Justice, Dr. Rui Costa"


def test_a_solidarity_message_goes_to_no_official(db: Database) -> None:
    assert appeals.default_target(AppealKind.SOLIDARITY) is None
    record = appeals.record_appeal(
        db,
        "12/26",
        target_index=appeals.default_target(AppealKind.SOLIDARITY),
        channel=Channel.POST,
        kind=AppealKind.SOLIDARITY,
    )
    assert record.target_index is None
    assert "Minister" not in record.target_label
