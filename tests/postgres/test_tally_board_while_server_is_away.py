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
    board = TallyBoard(lambda: event_tally(db, "Evening"), poll_ms=50)
    after = clock_time(datetime.now().astimezone())
    qtbot.add_widget(board)
    board.show()
    assert board.tally is not None and board.tally.total == 3
    assert board.stale_notice.isHidden()

    server_goes_away(pg_url)
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
