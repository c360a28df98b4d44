"""A reply's scanned copy: copied beside the store, named after the appeal, bad files refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import Channel
from app.paths import resolve_paths
from app.services import appeals
from app.services.database import open_store
from app.services.importing import save_parsed
from app.store.database import Database
from tests.builders import make_document


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_store(resolve_paths(tmp_path / "data"))
    save_parsed(database, make_document(), "doc.txt")
    yield database
    database.close()


def test_scan_is_copied_and_the_record_names_it(db: Database, tmp_path: Path) -> None:
    sent = appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
    scan = tmp_path / "Reply from the ministry.PDF"
    scan.write_bytes(b"%PDF-1.4 fictional scan")
    folder = tmp_path / "data" / "attachments"
    record = appeals.record_reply(db, sent.appeal_id, date(2026, 3, 3), "Read it", scan, folder)
    assert record.reply_attachment == f"{sent.appeal_id}-reply.pdf"
    assert (folder / record.reply_attachment).read_bytes() == b"%PDF-1.4 fictional scan"
    [stored] = appeals.list_appeals(db)
    assert stored.reply_attachment == record.reply_attachment
    assert stored.reply_note == "Read it"


def test_unknown_suffix_is_dropped(db: Database, tmp_path: Path) -> None:
    sent = appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
    scan = tmp_path / "reply.exe"
    scan.write_bytes(b"not a program")
    folder = tmp_path / "attachments"
    record = appeals.record_reply(db, sent.appeal_id, date(2026, 3, 3), "", scan, folder)
    assert record.reply_attachment == f"{sent.appeal_id}-reply"


def test_too_big_scan_is_refused_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    sent = appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
    scan = tmp_path / "huge.tif"
    with open(scan, "wb") as fh:
        fh.truncate(appeals.MAX_SCAN_BYTES + 1)
    folder = tmp_path / "attachments"
    with pytest.raises(InvalidInput, match="larger than 20 MB"):
        appeals.record_reply(db, sent.appeal_id, date(2026, 3, 3), "Big", scan, folder)
    [stored] = appeals.list_appeals(db)
    assert stored.reply_on is None and stored.reply_attachment is None
    assert not folder.exists() or not any(folder.iterdir())


def test_a_folder_is_not_a_scan(db: Database, tmp_path: Path) -> None:
    sent = appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
    with pytest.raises(InvalidInput, match="not a file"):
        appeals.record_reply(db, sent.appeal_id, date(2026, 3, 3), "", tmp_path, tmp_path / "a")
    assert appeals.list_appeals(db)[0].reply_on is None


def test_failed_transaction_removes_the_copy(db: Database, tmp_path: Path) -> None:
    scan = tmp_path / "reply.png"
    scan.write_bytes(b"png")
    folder = tmp_path / "attachments"
    with pytest.raises(InvalidInput):
        appeals.record_reply(db, "no-such-appeal", date(2026, 3, 3), "", scan, folder)
    assert list(folder.iterdir()) == []


def test_names_cannot_leave_the_attachments_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        appeals.attachment_path(tmp_path, "../escape.pdf")


def test_a_new_scan_replaces_the_old_one(db: Database, tmp_path: Path) -> None:
    sent = appeals.record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
    folder = tmp_path / "attachments"
    first, second = tmp_path / "one.png", tmp_path / "two.pdf"
    first.write_bytes(b"png")
    second.write_bytes(b"pdf")
    appeals.record_reply(db, sent.appeal_id, date(2026, 3, 3), "", first, folder)
    record = appeals.record_reply(db, sent.appeal_id, date(2026, 3, 4), "", second, folder)
    assert [p.name for p in folder.iterdir()] == [record.reply_attachment]
