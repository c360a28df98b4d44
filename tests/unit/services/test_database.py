"""Opening the store: the window's store before and after its engine, the migration check,
and the leftovers of interrupted writes cleared once the window is ready."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain.errors import StoreUnavailable
from app.domain.model import AppealStatus, Channel, OutputKind
from app.paths import AppPaths, resolve_paths
from app.services import editing
from app.services.appeals import record_appeal, record_reply
from app.services.cases import get_case, get_summary, list_cases
from app.services.database import finish_opening, open_store, open_store_exclusively
from app.services.editing import save_letter
from app.services.events import create_event, record_event_letter
from app.services.importing import save_parsed
from app.store.integrity import schema_revision
from app.store.revision import HEAD
from tests.builders import make_document


def _back_one_revision(paths: AppPaths) -> str:
    """Undo the newest migration of the store at ``paths`` (Alembic's own downgrade); returns
    the revision it is at now."""
    from alembic import command
    from alembic.config import Config

    from app.store.migrator import SCRIPT_LOCATION

    db = open_store(paths)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", SCRIPT_LOCATION)
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys=OFF")  # as the migrator does: batch mode
            with conn.begin():  # rebuilds tables, and the children must stay
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "-1")
            raw.execute("PRAGMA foreign_keys=ON")
    finally:
        db.close()
    revision = schema_revision(paths.database)
    assert revision is not None and revision != HEAD
    return revision


def test_old_temp_files_of_interrupted_writes_go_a_write_in_progress_stays(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    db = open_store(paths)
    (paths.data_dir / "attachments").mkdir()
    paths.backups.mkdir(exist_ok=True)
    old = [
        paths.data_dir / ".settings.json.a1b2c3.tmp",
        paths.data_dir / "attachments" / ".reply.pdf.d4e5f6.tmp",
        paths.backups / ".appeal-desk-20260101T000000000000Z-auto.sqlite3.tmp",
    ]
    fresh = paths.data_dir / ".window-state.json.g7h8i9.tmp"
    two_hours_ago = time.time() - 7200
    for leftover in (*old, fresh):
        leftover.write_bytes(b"half")
    for leftover in old:
        os.utime(leftover, (two_hours_ago, two_hours_ago))

    finish_opening(paths, db)
    db.close()

    assert [path for path in old if path.exists()] == []
    assert fresh.read_bytes() == b"half"
    assert paths.database.is_file()


# ---- a current store opened by the window, before and after its engine -----------------------


def _store_with_a_full_case(paths: AppPaths) -> None:
    """UA 12/26 with an update, a correction and a difference, letters (one at an event) and
    a reply: every part of a case's details."""
    db = open_store(paths)
    try:
        save_parsed(db, make_document(model_letter="Release her."), "initial.txt")
        editing.edit_case(db, "12/26", title="My own title")
        update = make_document(
            kind=OutputKind.UPDATE,
            title="FICTIONAL TEACHER MOVED",
            issued_on=date(2026, 2, 1),
            copies_to=("Ambassador of Atlantis",),
            text="update text",
        )
        save_parsed(db, update, "update.txt")
        sent = record_appeal(
            db, "12/26", target_index=1, channel=Channel.POST, sent_on=date(2026, 2, 3)
        )
        record_reply(db, sent.appeal_id, date(2026, 2, 20), "They wrote back.")
        event = create_event(db, "Stall at the fair", cases=["12/26"])
        record_event_letter(db, event, "12/26", target_index=1, count=2)
    finally:
        db.close()


def test_the_window_opens_a_current_store_without_an_engine_and_reads_it_the_same(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)

    db = open_store_exclusively(paths)
    try:
        assert not db.has_engine  # locks and revision read with sqlite3 alone
        before = get_case(db, "UA 12/26")
        listed = list_cases(db, include_closed=True)
        row = get_summary(db, before.case_id)
        db.start_engine()  # what finish_opening does once the window is ready
        assert db.has_engine
        assert get_case(db, "12/26") == before
        assert list_cases(db, include_closed=True) == listed
        assert get_summary(db, before.case_id) == row
    finally:
        db.close()

    assert before.title == "My own title"
    assert [(d.field, d.user_value, d.document_value) for d in before.differences] == [
        ("title", "My own title", "FICTIONAL TEACHER MOVED")
    ]
    assert before.corrected_fields == {"title"}
    assert before.copies_to == ("Ambassador of Atlantis",)
    assert [o.kind for o in before.outputs] == [OutputKind.INITIAL, OutputKind.UPDATE]
    assert all(isinstance(o.imported_at, datetime) for o in before.outputs)
    assert [(a.count, a.event_name, a.reply_note) for a in before.appeals] == [
        (1, None, "They wrote back."),
        (2, "Stall at the fair", None),
    ]
    assert before.appeals[0].sent_on == date(2026, 2, 3)
    assert before.targets[0].display_name == "Dr. Rui Costa"
    assert before.persons[0].pronouns == "she/her"
    assert row is not None and row.appeals_sent == 3


def test_a_letter_marked_sent_before_the_engine_exists_is_kept(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    db = open_store_exclusively(paths)
    try:
        assert not db.has_engine
        case = get_case(db, "12/26")
        save_letter(
            db,
            case.ua_number,
            reopened_draft=None,
            target_index=1,
            text="Dear Minister, release her.",
            written_to=1,
            language="en",
            status=AppealStatus.SENT,
            channel=Channel.EMAIL,
            sent_on=date(2026, 3, 1),
        )  # the write makes the engine (and runs the migration check) first
        assert db.has_engine
        after = get_case(db, "12/26")
    finally:
        db.close()
    assert [a.text for a in after.appeals if a.channel is Channel.EMAIL] == [
        "Dear Minister, release her."
    ]


def test_the_migration_check_after_ready_refuses_a_store_replaced_by_a_newer_one(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    db = open_store_exclusively(paths)
    try:
        with closing(sqlite3.connect(paths.database)) as conn, conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        with pytest.raises(StoreUnavailable) as refused:
            finish_opening(paths, db)
        assert not db.has_engine
    finally:
        db.close()
    assert "newer version of Appeal Desk" in refused.value.message
    assert schema_revision(paths.database) == "9999_from_the_future"  # left as it was


def test_a_store_from_a_newer_version_is_refused_at_opening_and_left_untouched(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    with closing(sqlite3.connect(paths.database)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = paths.database.read_bytes()
    with pytest.raises(StoreUnavailable) as refused:
        open_store_exclusively(paths)
    assert "newer version of Appeal Desk" in refused.value.message
    assert "update" in refused.value.message.lower()
    assert paths.database.read_bytes() == before
    assert list(paths.backups.glob("*pre-migration*")) == []


def test_a_store_at_an_older_revision_is_migrated_before_the_window_reads_it(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    _back_one_revision(paths)  # the newest migration undone, by Alembic itself
    db = open_store_exclusively(paths)
    try:
        assert db.has_engine  # opened with SQLAlchemy at once: the list must wait for it
        assert schema_revision(paths.database) == HEAD
        assert get_case(db, "12/26").title == "My own title"
    finally:
        db.close()
    assert list(paths.backups.glob("*pre-migration*"))


FIRST_WRITE = """
import sys
from app.domain.model import Channel
from app.paths import resolve_paths
from app.services.database import open_store_exclusively, prepare_writes
db = open_store_exclusively(resolve_paths(sys.argv[1]))
db.start_engine()
if sys.argv[2] == "prepared":
    prepare_writes()
before = set(sys.modules)
from app.services.appeals import record_appeal
record_appeal(db, "12/26", target_index=1, channel=Channel.POST)
print(" ".join(sorted(set(sys.modules) - before)))
db.close()
"""


@pytest.mark.parametrize("prepared", [True, False])
def test_once_the_writes_are_prepared_a_first_appeal_loads_nothing_more(
    tmp_path: Path, prepared: bool
) -> None:
    """What the window does off the GUI thread once its engine is made leaves nothing for the
    first "Mark as sent" to load: the appeal is recorded with what is in memory already."""
    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_WRITE, str(paths.data_dir), "prepared" if prepared else ""],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    loaded = done.stdout.split()
    if prepared:
        assert loaded == []
    else:  # what the preparation spares the first write
        assert "app.store.schema" in loaded


# ---- the window and the command line on the same store at once ---------------------------------

READ_AND_LEAVE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT COUNT(*) FROM cases").fetchall()
conn.close()
"""


def test_the_window_sees_what_the_command_line_imports_after_another_command_came_and_went(
    tmp_path: Path,
) -> None:
    """The window's store, once ready (engine made, file checked, daily backup), stays in use
    for other programs: a command that reads and exits leaves the write-ahead log in place, and
    a case imported by the next command is listed by the window."""
    from tests.builders import INITIAL_902

    paths = resolve_paths(tmp_path / "data")
    _store_with_a_full_case(paths)
    db = open_store_exclusively(paths)
    try:
        finish_opening(paths, db)
        assert [case.ua_number for case in list_cases(db)] == ["12/26"]
        root = Path(__file__).resolve().parents[3]
        subprocess.run(
            [sys.executable, "-c", READ_AND_LEAVE, str(paths.database)], check=True, timeout=60
        )
        imported = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir)]
            + ["import", str(INITIAL_902)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=root,
        )
        assert imported.returncode == 0, imported.stderr
        assert sorted(case.ua_number for case in list_cases(db)) == ["12/26", "902/27"]
    finally:
        db.close()
