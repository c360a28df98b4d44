"""Which of an event's cases its participants are offered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.model import CaseStatus
from app.services.editing import edit_case
from app.services.events import create_event, open_event_cases
from app.store.database import Database
from tests.builders import open_sample_store


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_sample_store(data_dir)
    yield database
    database.close()


def test_a_case_closed_since_the_event_was_set_up_is_left_out(db: Database) -> None:
    event = create_event(db, "Library evening (fictional)", cases=["901/27", "902/27"])
    assert [case.ua_number for case in open_event_cases(db, event)] == ["901/27", "902/27"]
    edit_case(db, "901/27", status=CaseStatus.CLOSED)
    assert [case.ua_number for case in open_event_cases(db, event)] == ["902/27"]
    edit_case(db, "902/27", status=CaseStatus.CLOSED)
    assert open_event_cases(db, event) == []
