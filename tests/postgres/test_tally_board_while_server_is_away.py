"""The tally board on a group's server: while the server is away it says since when its
counts are not live and what to do, and it catches up by itself once the server is back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.dates import clock_time
from app.services.events import create_event, event_tally, record_event_letter
from app.ui.events.tally_board import TallyBoard
from tests.builders import add_event_cases
from tests.postgres.conftest import open_pg, server_comes_back, server_goes_away
from tests.ui.conftest import gui_app  # noqa: F401 - the application's fixture


def test_the_board_says_it_is_not_live_while_the_server_is_away_then_catches_up(
    qtbot,
    gui_app,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    db = open_pg(pg_url, tmp_path / "projector")
    add_event_cases(db)
    event = create_event(db, "Evening", cases=["12/26"])
    record_event_letter(db, event, "12/26", target_index=1, count=3)
    before = clock_time(datetime.now().astimezone())
    board = TallyBoard(lambda: event_tally(db, "Evening"), poll_ms=50, on_server=db.on_server)
    qtbot.add_widget(board)
    board.show()
    assert board.tally is not None and board.tally.total == 3
    assert board.stale_notice.isHidden()

    server_goes_away(pg_url)
    after = clock_time(datetime.now().astimezone())  # the last good read came before this
    qtbot.waitUntil(board.stale_notice.isVisible, timeout=20_000)
    said = board.stale_notice.text()
    assert said.startswith((f"Not live since {before}:", f"Not live since {after}:"))
    assert "connected to the network" in said and "catches up by itself" in said
    assert board.counts.text() == "Evening: 3 letters. UA 12/26: 3."  # the last counts stay

    server_comes_back(pg_url)
    other_laptop = open_pg(pg_url, tmp_path / "laptop")
    record_event_letter(other_laptop, event, "12/26", target_index=1, count=2)
    with qtbot.waitSignal(board.tally_changed, timeout=20_000) as changed:
        pass
    assert changed.args == [5]
    assert board.stale_notice.isHidden()
    assert board.counts.text() == "Evening: 5 letters. UA 12/26: 5."
    board.close()
    other_laptop.close()
    db.close()


def test_a_board_waiting_for_a_slow_server_leaves_its_window_answering(
    qtbot,
    gui_app,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from app.ui.tasks import JobRunner

    db = open_pg(pg_url, tmp_path / "projector")
    add_event_cases(db)
    event = create_event(db, "Evening", cases=["12/26"])
    record_event_letter(db, event, "12/26", target_index=1, count=3)
    runner = JobRunner()
    board = TallyBoard(lambda: event_tally(db, "Evening"), poll_ms=50, runner=runner)
    qtbot.add_widget(board)
    board.show()
    qtbot.waitUntil(lambda: board.tally is not None, timeout=20_000)  # read off this thread

    holding = TableHeld(pg_url)
    reads_waiting = holding.reads_waiting
    try:
        qtbot.waitUntil(lambda: reads_waiting() > 0, timeout=20_000)
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))  # the window's own work goes on
        qtbot.waitUntil(lambda: ticks == [1], timeout=5_000)
        assert reads_waiting() > 0  # ...while the board's read still waits
    finally:
        holding.let_go()
    record_event_letter(db, event, "12/26", target_index=1, count=2)
    with qtbot.waitSignal(board.tally_changed, timeout=20_000) as changed:
        pass
    assert changed.args == [5]
    board.close()
    assert runner.wait_for_done(20_000)
    db.close()


class TableHeld:
    """Another connection holds the letters' table: the board's reads wait on the server
    (as they would for a server slow to answer). It lets go when told, or after a minute."""

    def __init__(self, pg_url: str) -> None:
        import threading

        from sqlalchemy import create_engine

        self._url = pg_url
        self._locked, self._let_go = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._hold)
        self._thread.start()
        assert self._locked.wait(30)
        self._admin = create_engine(pg_url)

    def _hold(self) -> None:
        from sqlalchemy import create_engine, text

        holder = create_engine(self._url)
        with holder.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE appeals IN ACCESS EXCLUSIVE MODE"))
            self._locked.set()
            self._let_go.wait(60)
        holder.dispose()

    def reads_waiting(self) -> int:
        """Locks this test's database waits for (other tests may share the server)."""
        from sqlalchemy import text

        waiting = text(
            "SELECT count(*) FROM pg_locks WHERE NOT granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        with self._admin.connect() as conn:
            return int(conn.execute(waiting).scalar_one())

    def let_go(self) -> None:
        self._let_go.set()
        self._thread.join()
        self._admin.dispose()


def test_the_boards_first_read_and_its_refresh_after_a_letter_wait_off_the_windows_thread(
    qtbot,
    gui_app,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """Opening the board, and the refresh after each letter recorded, read on the runner's
    threads: while the server is slow to answer the window goes on answering."""
    from PySide6.QtCore import QTimer

    from app.ui.tasks import JobRunner

    db = open_pg(pg_url, tmp_path / "projector")
    add_event_cases(db)
    event = create_event(db, "Evening", cases=["12/26"])
    record_event_letter(db, event, "12/26", target_index=1, count=3)
    runner = JobRunner()
    holding = TableHeld(pg_url)
    try:
        board = TallyBoard(lambda: event_tally(db, "Evening"), runner=runner, on_server=True)
        qtbot.add_widget(board)
        board.show()
        assert board.tally is None  # the first read waits on the server, not here
        qtbot.waitUntil(lambda: holding.reads_waiting() > 0, timeout=20_000)
    finally:
        holding.let_go()
    with qtbot.waitSignal(board.tally_changed, timeout=20_000) as changed:
        pass
    assert changed.args == [3]

    record_event_letter(db, event, "12/26", target_index=1, count=2)
    holding = TableHeld(pg_url)
    try:
        board.refresh()  # as after a letter recorded on this laptop
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))  # the window's own work goes on
        qtbot.waitUntil(lambda: ticks == [1], timeout=5_000)
        assert board.tally is not None and board.tally.total == 3  # the refresh waits
        qtbot.waitUntil(lambda: holding.reads_waiting() > 0, timeout=20_000)
    finally:
        holding.let_go()
    with qtbot.waitSignal(board.tally_changed, timeout=20_000) as changed:
        pass
    assert changed.args == [5]
    assert board.counts.text() == "Evening: 5 letters. UA 12/26: 5."
    board.close()
    assert runner.wait_for_done(20_000)
    db.close()
