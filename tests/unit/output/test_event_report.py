"""The end-of-event report's page: every case title and column heading readable in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import AppealKind, Channel
from app.domain.output_options import OutputOptions, PageSize
from app.services.event_reports import write_event_report
from app.services.events import create_event, get_event, record_event_letter
from tests.builders import open_event_store
from tests.unit.output.pdf_reading import fragments, pdf_text

EVENT = "Library evening (fictional)"
pytestmark = pytest.mark.usefixtures("qapp")  # the PDF writer needs Qt's application first


def test_the_table_shows_whole_titles_and_headings_when_they_fit(
    data_dir: Path, tmp_path: Path
) -> None:
    db = open_event_store(data_dir)
    create_event(db, EVENT, cases=["12/26", "34/26"], goal=20)
    event = get_event(db, EVENT)
    record_event_letter(db, event, "12/26", target_index=1, count=7)
    record_event_letter(db, event, "34/26", target_index=None, kind=AppealKind.SOLIDARITY)
    pdf = tmp_path / "report.pdf"
    write_event_report(db, EVENT, None, pdf, options=OutputOptions(PageSize.A4))
    db.close()

    lines = pdf_text(pdf).splitlines()
    assert "Solidarity message" in lines  # the heading, not "Solidarity mes…"
    assert "UA 12/26 FICTIONAL TEACHER DETAINED" in lines
    assert "UA 34/26 FICTIONAL JOURNALIST MISSING" in lines
    assert not [line for line in lines if line.endswith("\u2026")]


def test_a_table_of_every_channel_still_fits_the_page_with_every_count(
    data_dir: Path, tmp_path: Path
) -> None:
    db = open_event_store(data_dir)
    create_event(db, EVENT, cases=["12/26"])
    event = get_event(db, EVENT)
    for channel in Channel:
        for kind in AppealKind:
            target = None if kind is AppealKind.SOLIDARITY else 1
            record_event_letter(db, event, "12/26", target_index=target, kind=kind, channel=channel)
    pdf = tmp_path / "report.pdf"
    write_event_report(db, EVENT, None, pdf, options=OutputOptions(PageSize.LETTER))
    db.close()

    placed = fragments(pdf)
    page_width = 8.5 * 72
    assert max(x for x, _y, _text in placed) < page_width - 15 / 25.4 * 72  # inside the margin
    counts = [text for _x, _y, text in placed if text.strip() == "1"]
    assert len(counts) == 2 * len(Channel) * len(AppealKind)  # the case's row and the total's


def test_the_legend_names_only_what_the_chart_shows(data_dir: Path, tmp_path: Path) -> None:
    db = open_event_store(data_dir)
    create_event(db, EVENT, cases=["12/26", "34/26"])  # no goal
    event = get_event(db, EVENT)
    record_event_letter(db, event, "12/26", target_index=1, count=7)
    plain, full = tmp_path / "plain.pdf", tmp_path / "full.pdf"
    write_event_report(db, EVENT, None, plain, options=OutputOptions(PageSize.A4))
    create_event(db, "Second evening (fictional)", cases=["12/26"], goal=10)
    second = get_event(db, "Second evening (fictional)")
    record_event_letter(db, second, "12/26", target_index=None, kind=AppealKind.SOLIDARITY)
    write_event_report(db, second.name, None, full, options=OutputOptions(PageSize.A4))
    db.close()

    shown = pdf_text(plain)
    assert "letters to o" in shown  # "officials" may come out with an "ffi" ligature
    assert "solidarity cards" not in shown and "goal" not in shown.split()
    shown = pdf_text(full)
    assert "letters to o" in shown and "solidarity cards" in shown
    assert "goal" in shown.split()


def test_the_reports_dates_are_written_out_as_the_section_reports_are(
    data_dir: Path, tmp_path: Path
) -> None:
    """The event's day and the footer's day read as words in the interface's language, as on
    the section's report ("7 December 2026"), not as ISO dates."""
    from datetime import date

    from app.dates import long_date

    db = open_event_store(data_dir)
    create_event(db, EVENT, cases=["12/26"], held_on=date(2026, 3, 14), place="Lyon")
    pdf = tmp_path / "report.pdf"
    write_event_report(db, EVENT, None, pdf, options=OutputOptions(PageSize.A4))
    db.close()

    text = " ".join(pdf_text(pdf).split())
    assert f"{long_date(date(2026, 3, 14))}, Lyon" in text  # "March 14, 2026, Lyon"
    assert f"on {long_date(date.today())}. No personal data." in text
    assert "2026-03-14" not in text and date.today().isoformat() not in text


def test_in_arabic_the_page_reads_from_the_right_and_in_english_from_the_left(
    data_dir: Path, tmp_path: Path
) -> None:
    from app.i18n import set_language

    db = open_event_store(data_dir)
    create_event(db, EVENT, cases=["12/26"], goal=20)
    record_event_letter(db, get_event(db, EVENT), "12/26", target_index=1, count=7)
    english, arabic = tmp_path / "en.pdf", tmp_path / "ar.pdf"
    write_event_report(db, EVENT, None, english, options=OutputOptions(PageSize.A4))
    set_language("ar")
    write_event_report(db, EVENT, None, arabic, options=OutputOptions(PageSize.A4))
    db.close()

    middle, margin = 210 / 25.4 * 72 / 2, 15 / 25.4 * 72
    for pdf, right_to_left in ((english, False), (arabic, True)):
        placed = fragments(pdf)
        (title_x,) = [x for x, _y, text in placed if text == EVENT]
        # the event's name starts the page: at the left margin, or ends at the right one
        assert (title_x > margin + 72) is right_to_left
        # the table: the case's row, UA number and title first, its counts after them
        row_y = min(y for _x, y, text in placed if "12/26" in text)
        (case_x,) = [x for x, y, text in placed if y == row_y and "12/26" in text]
        counts = [x for x, y, text in placed if y == row_y and text.strip() in ("20", "7")]
        assert len(counts) == 3  # its goal, its total, its letters by post
        assert all((x < case_x) is right_to_left for x in counts)
        # the chart: the bar's figure "7 / 20" beside its bar's end, on the reading side's far end
        figure_x = [x for x, _y, text in placed if " / " in text]
        assert figure_x and all((x < middle) is right_to_left for x in figure_x)
