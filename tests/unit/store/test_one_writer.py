"""One transaction at a time on a SQLite store, from every thread and every copy of the app.

SQLite before 3.51.3 can corrupt a WAL database when two connections reset and checkpoint
its log at the same moment; the store therefore gives each transaction its turn through a
writer lock beside the file. These tests use a real store file and a real second process.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

from app.domain.errors import StoreUnavailable
from app.store import instance_lock
from app.store.database import Database
from app.store.instance_lock import WRITER_LOCK_FILE

HOLD_THE_TURN = """
import sys, time
from pathlib import Path
from app.store.instance_lock import WriterTurn
turn = WriterTurn(Path(sys.argv[1])).acquire()
print("holding", flush=True)
sys.stdin.readline()  # until the test says so
turn.release()
"""


def _notes(db: Database) -> list[str]:
    with db.unit_of_work() as session:
        return [row[0] for row in session.execute(text("SELECT note FROM turns ORDER BY id"))]


@pytest.fixture
def turns(db: Database) -> Database:
    with db.unit_of_work() as session:
        session.execute(text("CREATE TABLE turns (id INTEGER PRIMARY KEY, note TEXT)"))
    return db


def test_a_write_waits_for_another_copy_and_then_goes_through(turns: Database) -> None:
    assert turns.path is not None
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_TURN, str(turns.path.parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "holding"
        written = threading.Event()

        def write() -> None:
            with turns.unit_of_work() as session:
                session.execute(text("INSERT INTO turns (note) VALUES ('after the other copy')"))
            written.set()

        writer = threading.Thread(target=write)
        writer.start()
        assert not written.wait(0.5)  # the other copy still has the turn
        other.stdin.write("done\n")
        other.stdin.flush()
        writer.join(30)
        assert written.is_set()
    finally:
        other.kill()
        other.wait()
    assert _notes(turns) == ["after the other copy"]


def test_a_copy_that_keeps_the_turn_too_long_gets_a_message_and_nothing_is_written(
    turns: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert turns.path is not None
    monkeypatch.setattr(instance_lock, "ONE_WRITER_WAIT_SECONDS", 0.3)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_TURN, str(turns.path.parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "holding"
        with pytest.raises(StoreUnavailable) as refused, turns.unit_of_work() as session:
            session.execute(text("INSERT INTO turns (note) VALUES ('never')"))
    finally:
        other.kill()
        other.wait()
    assert "Another copy of Appeal Desk" in refused.value.message
    assert "nothing was changed" in refused.value.message
    assert _notes(turns) == []


def test_threads_take_turns_and_every_write_counts(turns: Database) -> None:
    def add(name: str) -> None:
        for n in range(40):
            with turns.unit_of_work() as session:
                session.execute(
                    text("INSERT INTO turns (note) VALUES (:note)"), {"note": f"{name}{n}"}
                )

    workers = [threading.Thread(target=add, args=(name,)) for name in "abc"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert len(_notes(turns)) == 120


def test_a_transaction_inside_a_transaction_of_the_same_thread_is_not_refused(
    turns: Database,
) -> None:
    with turns.unit_of_work(), turns.unit_of_work() as inner:  # the turn is re-entrant
        assert inner.execute(text("SELECT COUNT(*) FROM turns")).scalar() == 0


def test_the_lock_file_lives_beside_the_store(turns: Database) -> None:
    assert turns.path is not None
    with turns.unit_of_work() as session:
        session.execute(text("SELECT 1"))
    assert (turns.path.parent / WRITER_LOCK_FILE).is_file()


def test_reads_go_on_while_another_connection_holds_a_write_transaction(db: Database) -> None:
    """An import (or a command) writing on its own connection holds the write lock until it
    commits. The case list, a case's page and the Edit menu's question read what was
    committed meanwhile instead of waiting for it (and failing as "in use" after a while)."""
    import sqlite3
    from contextlib import closing

    from app.services.cases import get_case, list_cases
    from app.services.undo_import import restored_since_last_import
    from tests.builders import add_cases, numbered_case

    add_cases(db, numbered_case(150, "Peru", 12))
    assert db.path is not None
    with closing(sqlite3.connect(db.path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE cases SET title = 'Not committed yet'")

        listed = list_cases(db)
        shown = get_case(db, "150/26")
        restored = restored_since_last_import(db)

        writer.execute("COMMIT")
    assert [(case.ua_number, case.title) for case in listed] == [("150/26", shown.title)]
    assert shown.title != "Not committed yet"
    assert restored is False
    assert [case.title for case in list_cases(db)] == ["Not committed yet"]
