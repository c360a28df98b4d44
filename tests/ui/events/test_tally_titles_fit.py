"""Tally board titles at 1,400 x 900: long titles wrap or get smaller, never cut, so the room
can read every case; the event's name never runs into the total."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.output.event_chart import case_headings
from app.services.events import create_event, event_tally, record_event_letter
from app.store.database import Database
from app.ui.events.tally_board import TallyBoard
from tests.builders import add_cases, event_case

LONG = (
    "FICTIONAL HUMAN RIGHTS DEFENDERS ARBITRARILY DETAINED AND AT RISK OF TORTURE AFTER A "
    "PEACEFUL PROTEST IN THE CAPITAL"
)


def test_long_titles_are_read_whole_on_a_1400_pixel_board(
    db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    add_cases(db, event_case("78/26", LONG, "Atlantis", "Di Long"))
    name = "Write for Rights evening at the town library with the school's human rights club"
    event = create_event(db, name, cases=["12/26", "34/26", "56/26", "78/26"], goal=20)
    record_event_letter(db, event, "78/26", target_index=1, count=7)
    board = TallyBoard(lambda: event_tally(db, name))
    qtbot.add_widget(board)
    board.resize(1400, 900)
    board.show()
    qtbot.wait_exposed(board)
    board.grab().save(str(tmp_path / "board.png"))  # paints at this size
    assert board.tally is not None
    headings = case_headings(board.tally, board.chart_area())
    assert [h.text.split("  ", 1)[1] for h in headings] == [c.title for c in board.tally.cases]
    assert not any(h.shortened for h in headings)
    assert {h.pixel_size for h in headings} == {headings[0].pixel_size}  # one size for all
    assert headings[0].pixel_size >= 18  # readable from the back of a room
    assert all("\u2026" not in h.text for h in headings)


def test_only_a_title_too_long_for_any_size_is_shortened(db: Database, qtbot: QtBot) -> None:
    endless = " ".join(["FICTIONAL WORDS"] * 80)
    add_cases(db, event_case("90/26", endless, "Atlantis", "Ed Far"))
    create_event(db, "Evening", cases=["12/26", "90/26"])
    board = TallyBoard(lambda: event_tally(db, "Evening"))
    qtbot.add_widget(board)
    board.resize(1400, 900)
    assert board.tally is not None
    short, cut = case_headings(board.tally, board.chart_area())
    assert not short.shortened and short.text.endswith("FICTIONAL TEACHER DETAINED")
    assert cut.shortened and cut.text.endswith("\u2026")


def _headline_columns(board: TallyBoard) -> tuple[set[int], set[int]]:
    """The pixel columns of the headline painted white (the event's name) and yellow (the
    total), as the room sees them."""
    image = board.grab().toImage()
    margin = min(board.width(), board.height()) * 0.04
    white: set[int] = set()
    yellow: set[int] = set()
    for y in range(int(margin), int(margin + board.height() * 0.09)):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            red, green, blue = colour.red(), colour.green(), colour.blue()
            if red > 200 and green > 200 and blue > 200:
                white.add(x)
            elif red > 200 and 150 < green < 235 and blue < 90:
                yellow.add(x)
    return white, yellow


def test_in_a_right_to_left_language_the_events_name_stays_clear_of_the_total(
    db: Database, qtbot: QtBot
) -> None:
    from app.ui.application import apply_language

    name = "Write for Rights 2026 at the town library"
    event = create_event(db, name, cases=["12/26", "34/26"], goal=20)
    record_event_letter(db, event, "12/26", target_index=1, count=22)
    apply_language("ar")
    try:
        board = TallyBoard(lambda: event_tally(db, name))
        qtbot.add_widget(board)
        board.resize(1280, 720)
        board.show()
        qtbot.wait_exposed(board)
        white, yellow = _headline_columns(board)
    finally:
        apply_language("en")
    assert white and yellow
    assert max(yellow) < min(white)  # the total on the left, the name on its right
    assert max(white) > board.width() * 0.8  # the name starts at the right, as Arabic reads


def test_in_a_right_to_left_language_the_bars_grow_from_the_right(
    db: Database, qtbot: QtBot
) -> None:
    """Arabic reads from the right: each bar starts at the right under its heading and grows
    to the left, its count on its left, as the headings and the headline already are."""
    from app.ui.application import apply_language

    name = "Evening"
    event = create_event(db, name, cases=["12/26"], goal=20)
    record_event_letter(db, event, "12/26", target_index=1, count=5)
    apply_language("ar")
    try:
        board = TallyBoard(lambda: event_tally(db, name))
        qtbot.add_widget(board)
        board.resize(1280, 720)
        board.show()
        qtbot.wait_exposed(board)
        image = board.grab().toImage()
    finally:
        apply_language("en")

    def columns(rows: range, wanted: Callable[[int, int, int], bool]) -> list[int]:
        found = []
        for x in range(image.width()):
            for y in rows:
                colour = image.pixelColor(x, y)
                if wanted(colour.red(), colour.green(), colour.blue()):
                    found.append(x)
                    break
        return found

    def is_blue(red: int, green: int, blue: int) -> bool:
        return red < 120 and 140 < green < 190 and blue > 230

    first_blue_row = next(
        y
        for y in range(image.height())
        if any(is_blue(*image.pixelColor(x, y).getRgb()[:3]) for x in range(0, image.width(), 4))
    )
    bar_rows = range(first_blue_row, first_blue_row + 10)
    bar = columns(bar_rows, is_blue)
    assert min(bar) > image.width() / 2  # 5 of 20: a quarter of the track, at its right end
    count = columns(bar_rows, lambda red, green, blue: min(red, green, blue) > 200)
    assert count and max(count) < min(bar)  # "5 / 20" on the bar's left
