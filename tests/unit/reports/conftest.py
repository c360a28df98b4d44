"""A real store in tmp_path with the shipped fictional documents and a few recorded appeals.

The documents are imported as ordinary cases: opened as the practice pack, they would never be
counted in a report.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.model import AppealKind, AppealStatus, Channel
from app.paths import resolve_paths
from app.samples import sample_paths
from app.services.appeals import record_appeal, record_reply
from app.services.database import open_store
from app.services.importing import import_files
from app.store.database import Database

SENDER = "Jo Quillwright"  # the (fictional) writer who signs the letters
SENDER_ADDRESS = "7 Inkpot Lane"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """UA 901/27 and UA 902/27 as ordinary cases, nothing recorded yet."""
    database = open_store(resolve_paths(data_dir))
    import_files(database, sample_paths())
    yield database
    database.close()


def letter(official: str) -> str:
    return f"Dear {official},\n\nPlease act now.\n\n{SENDER}\n{SENDER_ADDRESS}"


@pytest.fixture
def seeded(db: Database) -> Database:
    """Seven letters sent in October and November 2026, one reply, one draft and one printed."""
    first = record_appeal(
        db,
        "901/27",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 10, 2),
        text=letter("Tomas Imaginario"),
    )
    record_appeal(
        db, "901/27", target_index=1, channel=Channel.POST, sent_on=date(2026, 10, 9), count=3
    )
    record_appeal(
        db,
        "901/27",
        target_index=1,
        channel=Channel.EMAIL,
        sent_on=date(2026, 11, 1),
        text=letter("Tomas Imaginario"),
    )
    record_appeal(
        db,
        "902/27",
        target_index=1,
        channel=Channel.FAX,
        sent_on=date(2026, 11, 3),
        text=letter("Dolores Ficticia"),
    )
    record_appeal(
        db,
        "902/27",
        target_index=None,
        kind=AppealKind.SOLIDARITY,
        channel=Channel.POST,
        sent_on=date(2026, 11, 5),
    )
    record_appeal(db, "902/27", target_index=1, channel=None, status=AppealStatus.DRAFT)
    record_appeal(db, "902/27", target_index=1, channel=Channel.POST, status=AppealStatus.PRINTED)
    record_reply(db, first.appeal_id, date(2026, 11, 20), "The minister's office wrote back.")
    return db
