"""The tally board at its smallest (480 x 270) with six cases: the counts written out for screen
readers sit under the chart, never over its last bars or its legend."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services.events import create_event, event_tally, record_event_letter
from app.store.database import Database
from app.ui.events.tally_board import PROJECTOR_COLOURS, TallyBoard
from tests.builders import add_cases, event_case

MORE = (("78/26", "Di"), ("90/26", "Ed"), ("91/26", "Fa"))


def _bar_heights(board: TallyBoard, share: float) -> list[int]:
    """The height of every bar (and legend swatch) that the column ``share`` of the way across
    the chart crosses, as the room sees them."""
    image = board.grab().toImage()
    area = board.chart_area()
    x = int(area.left() + area.width() * share)
    bar_colours = {PROJECTOR_COLOURS.track.lower(), PROJECTOR_COLOURS.appeal.lower()}
    heights: list[int] = []
    inside = False
    for y in range(image.height()):
        on_bar = image.pixelColor(x, y).name() in bar_colours
        if on_bar and not inside:
            heights.append(0)
        if on_bar:
            heights[-1] += 1
        inside = on_bar
    return heights


def test_six_bars_all_show_above_the_written_counts(db: Database, qtbot: QtBot) -> None:
    for number, person in MORE:
        add_cases(db, event_case(number, f"FICTIONAL CASE {number}", "Atlantis", person))
    cases = ["12/26", "34/26", "56/26", *(number for number, _person in MORE)]
    event = create_event(db, "Evening", cases=cases)
    for count, number in enumerate(cases, start=1):
        record_event_letter(db, event, number, target_index=1, count=count)
    board = TallyBoard(lambda: event_tally(db, "Evening"))
    qtbot.add_widget(board)
    board.resize(480, 270)
    board.show()
    qtbot.wait_exposed(board)
    assert board.tally is not None
    shown = len(board.tally.cases)
    assert shown == 6
    assert board.counts.isVisible() and "Evening" in board.counts.text()
    assert board.chart_area().bottom() <= board.counts.geometry().top()
    heights = _bar_heights(board, 0.6)  # right of the legend, left of the figures
    assert len(heights) == shown, heights
    assert max(heights) - min(heights) <= 1, heights  # none cut short by the text
    with_legend = _bar_heights(board, 0.005)  # the legend's "letters to officials" swatch
    assert len(with_legend) == shown + 1, with_legend
