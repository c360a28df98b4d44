"""The report for the section: counts per UA x channel and month, replies, and no personal data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import Channel
from app.domain.output_options import OutputOptions, PageSize
from app.services.appeals import record_appeal
from app.services.cases import get_case
from app.services.events import create_event
from app.services.reports import (
    ReportRow,
    SectionReport,
    report_csv,
    report_page,
    section_report,
    write_report_pdf,
    write_section_report,
)
from app.store.database import Database
from tests.builders import SENDER, SENDER_ADDRESS, open_sample_store, record_sample_appeals

A4 = OutputOptions(PageSize.A4)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """UA 901/27 and UA 902/27 as ordinary cases, nothing recorded yet."""
    database = open_sample_store(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def seeded(db: Database) -> Database:
    return record_sample_appeals(db)


def page_text(path: Path) -> str:
    """The text of the only page, with runs of whitespace (pypdf gives tabs) as one space."""
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def personal_data(db: Database) -> list[str]:
    """Every name, address, title and note the store holds for the sample cases."""
    found = [SENDER, SENDER_ADDRESS, "The minister's office wrote back."]
    for ua in ("901/27", "902/27"):
        case = get_case(db, ua)
        found.append(case.title)
        found += [person.name for person in case.persons]
        for target in case.targets:
            found += [target.name, target.title]
            found += [line for line in (target.address or "").splitlines() if line.strip()]
    return found


def test_counts_per_case_and_channel_and_per_month(seeded: Database) -> None:
    report = section_report(seeded)
    assert report.total == 7  # the draft and the printed letter do not count; a batch of 3 does
    assert report.per_case_and_channel() == {
        ("901/27", "post"): 4,
        ("901/27", "email"): 1,
        ("902/27", "fax"): 1,
    }
    assert report.solidarity_per_case() == {"902/27": 1}  # a card to the person, not an appeal
    assert report.per_month() == {"2026-10": 4, "2026-11": 3}
    assert report.total_replies == 1
    assert report.replies_per_case() == {"901/27": 1, "902/27": 0}
    assert report.replies_per_month() == {"2026-10": 1, "2026-11": 0}


def test_csv_rows_are_month_case_channel_kind_with_letters_and_replies(seeded: Database) -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(section_report(seeded)))))
    assert [tuple(row.values()) for row in rows] == [  # no event: the writer's own letters
        ("2026-10", "901/27", "post", "appeal", "4", "1", ""),
        ("2026-11", "901/27", "email", "appeal", "1", "0", ""),
        ("2026-11", "902/27", "post", "solidarity", "1", "0", ""),
        ("2026-11", "902/27", "fax", "appeal", "1", "0", ""),
    ]


def test_csv_holds_no_names_addresses_or_titles(seeded: Database, tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    write_section_report(seeded, csv_path=target)
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "month,ua_number,channel,kind,letters,replies,event"
    secrets = personal_data(seeded)
    assert "Tomas Imaginario" in secrets and "Lorem Vasquez" in secrets
    for secret in secrets:
        assert secret not in text, secret
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temp file


def test_letters_written_at_an_event_are_told_apart_from_the_writers_own(
    seeded: Database, tmp_path: Path
) -> None:
    own = report_page(section_report(seeded), date(2026, 12, 1)).period
    assert own == "All the letters you have marked as sent."
    event = create_event(seeded, "=Write for Rights 2026", cases=["901/27"])
    record_appeal(
        seeded,
        "901/27",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 11, 10),
        count=5,
        event_id=event.event_id,
    )
    csv_file, pdf_file = tmp_path / "report.csv", tmp_path / "report.pdf"
    write_section_report(seeded, csv_path=csv_file, pdf_path=pdf_file, options=A4)
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    # the first six columns as before, so a spreadsheet made for them still reads the file
    assert rows[0] == ["month", "ua_number", "channel", "kind", "letters", "replies", "event"]
    assert rows[1:4] == [
        ["2026-10", "901/27", "post", "appeal", "4", "1", ""],
        ["2026-11", "901/27", "post", "appeal", "5", "0", "'=Write for Rights 2026"],
        ["2026-11", "901/27", "email", "appeal", "1", "0", ""],
    ]  # the event's name kept from running as a formula in a spreadsheet
    text = page_text(pdf_file)
    assert "Total letters: 12." in text
    assert (
        "All the letters marked as sent. 5 of these letters were written at letter-writing events."
        in text
    )
    assert "you have marked" not in text
    november = report_page(section_report(seeded, since=date(2026, 11, 1)), date(2026, 12, 1))
    assert november.period.endswith(" 5 of these letters were written at letter-writing events.")


def test_csv_has_one_row_per_month_case_channel_kind_and_event(seeded: Database) -> None:
    """Letters of one month, case, channel and kind add up in one row; those written at an
    event have a row of their own, one an event, its name the only words in the file."""
    library = create_event(seeded, "Library evening", cases=["901/27"])
    school = create_event(seeded, "School stand", cases=["901/27"])
    for event, count in ((library, 2), (library, 3), (school, 4), (None, 6)):
        record_appeal(
            seeded,
            "901/27",
            target_index=1,
            channel=Channel.POST,
            sent_on=date(2026, 10, 20),
            count=count,
            event_id=event.event_id if event is not None else None,
        )
    rows = list(csv.reader(io.StringIO(report_csv(section_report(seeded)))))[1:]
    keys = [tuple(row[:4] + row[6:]) for row in rows]
    assert len(keys) == len(set(keys)), rows
    october_post = [row for row in rows if row[:4] == ["2026-10", "901/27", "post", "appeal"]]
    assert october_post == [
        ["2026-10", "901/27", "post", "appeal", "10", "1", ""],  # 4 sampled, 6 just now
        ["2026-10", "901/27", "post", "appeal", "5", "0", "Library evening"],
        ["2026-10", "901/27", "post", "appeal", "4", "0", "School stand"],
    ]


def test_period_keeps_the_letters_sent_in_it(seeded: Database) -> None:
    november = section_report(seeded, since=date(2026, 11, 1), until=date(2026, 11, 30))
    assert november.total == 3
    assert november.per_month() == {"2026-11": 3}
    assert section_report(seeded, until=date(2026, 10, 5)).total == 1


def test_pdf_is_one_page_with_title_counts_and_scope_but_no_names(
    seeded: Database, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    write_section_report(seeded, csv_path=None, pdf_path=target, options=A4)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert reader.metadata.title == "Appeals sent: report for the section"
    text = page_text(target)
    assert "Total letters: 7. Replies received: 1." in text
    assert "UA 901/27" in text and "UA 902/27" in text
    assert "October 2026" in text and "November 2026" in text
    assert "leaves out every name and address" in text
    for secret in personal_data(seeded):
        assert secret not in text, secret
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 210  # A4


def test_pdf_on_letter_paper_and_empty_report(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    report = write_section_report(
        db, csv_path=None, pdf_path=target, options=OutputOptions(PageSize.LETTER)
    )
    assert report.total == 0
    page = PdfReader(target).pages[0]
    assert round(float(page.mediabox.width)) == 612  # 8.5 in
    assert "Total letters: 0." in page_text(target)


def test_a_long_report_still_fits_one_page_with_its_totals(tmp_path: Path) -> None:
    rows = tuple(
        ReportRow(f"20{24 + n // 12}-{n % 12 + 1:02d}", f"{n + 1}/26", "post", "appeal", 2, 1)
        for n in range(80)
    )
    target = tmp_path / "long.pdf"
    write_report_pdf(SectionReport(since=None, until=None, rows=rows), target, options=A4)
    text = page_text(target)  # asserts one page
    assert "Total letters: 160. Replies received: 80." in text
    assert "UA 1/26" in text and "\u2026" in text  # rows that do not fit are elided...
    assert "Total 160 80" in text  # ...but the totals line of each table stays


def test_a_solidarity_card_has_its_own_column_not_the_post_appeals(
    seeded: Database, tmp_path: Path
) -> None:
    from app.services.reports import report_page

    header, rows = report_page(section_report(seeded), date(2026, 12, 6)).case_table
    assert header == ["UA", "Post", "Email", "Fax", "Solidarity message", "Total", "Replies"]
    by_case = {row[0]: row[1:] for row in rows}
    assert by_case["UA 902/27"] == ["0", "0", "1", "1", "2", "0"]  # the card is not post
    assert by_case["Total"] == ["4", "1", "1", "1", "7", "1"]
    target = tmp_path / "report.pdf"
    write_section_report(seeded, csv_path=None, pdf_path=target, options=A4)
    assert "Solidarity message" in page_text(target)


@pytest.fixture
def spanish() -> Iterator[None]:
    from app.i18n import set_language

    set_language("es")
    yield
    set_language("en")


def test_the_spanish_pdf_shows_headings_and_months_whole(
    seeded: Database, tmp_path: Path, spanish: None
) -> None:
    rows = (
        *section_report(seeded).rows,
        ReportRow("2026-12", "902/27", "email", "appeal", 2),
    )
    target = tmp_path / "informe.pdf"
    write_report_pdf(SectionReport(None, None, rows), target, options=A4)
    text = page_text(target)
    for whole in (
        "Correo postal",
        "Correo electrónico",
        "Mensaje de solidaridad",
        "diciembre de 2026",
    ):
        assert whole in text, whole
    assert "\u2026" not in text


def test_in_arabic_the_page_reads_from_the_right_and_in_english_from_the_left(
    seeded: Database, tmp_path: Path
) -> None:
    from app.i18n import set_language
    from tests.unit.output.pdf_reading import fragments

    english, arabic = tmp_path / "en.pdf", tmp_path / "ar.pdf"
    write_report_pdf(section_report(seeded), english, options=A4)
    set_language("ar")
    write_report_pdf(section_report(seeded), arabic, options=A4)
    middle = 210 / 25.4 * 72 / 2
    for pdf, right_to_left in ((english, False), (arabic, True)):
        placed = fragments(pdf)
        # the case table's row of UA 902/27: the UA number first, then its counts
        ((case_x, row_y),) = [(x, y) for x, y, text in placed if "902/27" in text]
        counts = [x for x, y, text in placed if y == row_y and text.strip().isdigit()]
        assert len(counts) >= 4 and all((x < case_x) is right_to_left for x in counts)
        # the months' table, narrower than the page, at the start of the line
        months = [x for x, y, text in placed if "2026" in text and y > 100]  # not the footer
        assert len(months) >= 2 and all((x > middle) is right_to_left for x in months)
