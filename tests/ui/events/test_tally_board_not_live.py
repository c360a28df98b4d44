"""The tally board of a store on this computer says why it is not live in that store's terms:
no network or server is involved, so it does not send the organiser to look for one."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app.services.events import create_event, get_event, record_event_letter
from app.store.database import Database
from app.store.instance_lock import WriterTurn
from app.ui.events.events_dialog import EventsDialog
from app.ui.tasks import JobRunner


def test_a_board_on_this_computers_data_says_what_keeps_it_from_being_live(
    db: Database, qtbot: QtBot
) -> None:
    assert db.path is not None
    create_event(db, "Evening", cases=["12/26"])
    record_event_letter(db, get_event(db, "Evening"), "12/26", target_index=1, count=3)
    runner = JobRunner()
    dialog = EventsDialog(db, runner=runner)
    qtbot.add_widget(dialog)
    dialog.reload("Evening")
    board = dialog.open_board()
    assert board is not None
    qtbot.waitUntil(lambda: board.tally is not None, timeout=20_000)

    # Another writer (a long import, another copy of Appeal Desk) keeps the store's turn
    # longer than a read waits for it: the board cannot read its counts.
    taken, let_go = threading.Event(), threading.Event()

    def write_for_long() -> None:
        turn = WriterTurn(db.path.parent).acquire()  # type: ignore[union-attr]
        taken.set()
        let_go.wait(120)
        turn.release()

    writer = threading.Thread(target=write_for_long)
    writer.start()
    try:
        assert taken.wait(20)
        board.refresh()
        qtbot.waitUntil(board.stale_notice.isVisible, timeout=60_000)
        said = board.stale_notice.text()
        assert said.startswith("Not live since ")
        assert "this computer's Appeal Desk data" in said and "busy" in said
        assert "server" not in said and "network" not in said
        assert board.counts.text() == "Evening: 3 letters. UA 12/26: 3."  # the last counts
    finally:
        let_go.set()
        writer.join()
    board.refresh()
    qtbot.waitUntil(board.stale_notice.isHidden, timeout=20_000)
    board.close()
    dialog.close()
    assert runner.wait_for_done(20_000)
