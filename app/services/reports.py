"""The report for the section: letters sent per UA number x channel (and per month), no names.

It counts only appeals marked sent. It holds no names of the persons at risk, the officials
or the writer, no addresses, no letter text and no case titles (titles sometimes name
people): only UA numbers, channels, kinds, months, counts, how many of those letters got a
reply, and for a letter written at a letter-writing event that event's name, as its organiser
typed it ("Write for Rights 2026"): words the organiser chose to name a gathering by, which
the section sees in the event's own report too.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.dates import long_date, month_year
from app.domain.model import AppealKind, AppealStatus, Channel
from app.domain.output_options import OutputOptions
from app.i18n import _, current_language, is_rtl, ngettext
from app.labels import appeal_kind_label, ua_label
from app.services.appeals import list_appeals
from app.services.event_reports import channel_text, spreadsheet_safe
from app.store.database import Database

if TYPE_CHECKING:
    from app.output.section_report import SectionReportPage

# "event" comes last, so a spreadsheet made for the first six columns still reads the file
CSV_COLUMNS = ("month", "ua_number", "channel", "kind", "letters", "replies", "event")


@dataclass(frozen=True, slots=True)
class ReportRow:
    month: str  # "2026-03"
    ua_number: str
    channel: str  # Channel value
    kind: str  # AppealKind value
    letters: int
    replies: int = 0  # appeals of this row that the official answered
    event: str = ""  # the letter-writing event's name; empty for letters written outside one


@dataclass(frozen=True, slots=True)
class SectionReport:
    """Counts of sent letters: one row per month, UA number, channel, kind and event (the
    letters written outside an event have the event ""), sorted in that order."""

    since: date | None
    until: date | None
    rows: tuple[ReportRow, ...]

    @property
    def total(self) -> int:
        return sum(row.letters for row in self.rows)

    @property
    def written_at_events(self) -> int:
        """Letters written at letter-writing events, by their participants."""
        return sum(row.letters for row in self.rows if row.event)

    @property
    def total_replies(self) -> int:
        return sum(row.replies for row in self.rows)

    def replies_per_case(self) -> dict[str, int]:
        """ua_number -> replies received to the letters counted."""
        totals: Counter[str] = Counter()
        for row in self.rows:
            totals[row.ua_number] += row.replies
        return dict(totals)

    def per_case_and_channel(self) -> dict[tuple[str, str], int]:
        """(ua_number, channel) -> appeals to officials, all months together (solidarity
        cards to the person at risk are no appeal: see ``solidarity_per_case``)."""
        totals: Counter[tuple[str, str]] = Counter()
        for row in self.rows:
            if row.kind == AppealKind.APPEAL.value:
                totals[row.ua_number, row.channel] += row.letters
        return dict(totals)

    def solidarity_per_case(self) -> dict[str, int]:
        """ua_number -> solidarity messages sent, whatever their channel."""
        totals: Counter[str] = Counter()
        for row in self.rows:
            if row.kind == AppealKind.SOLIDARITY.value:
                totals[row.ua_number] += row.letters
        return dict(totals)

    def per_month(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for row in self.rows:
            totals[row.month] += row.letters
        return dict(sorted(totals.items()))

    def replies_per_month(self) -> dict[str, int]:
        """month the letters went out -> replies to them."""
        totals: Counter[str] = Counter()
        for row in self.rows:
            totals[row.month] += row.replies
        return dict(sorted(totals.items()))


def _ua_key(ua_number: str) -> tuple[int, int]:
    number, _sep, year = ua_number.partition("/")
    try:
        yy = int(year)
        return (yy if yy >= 100 else (1900 + yy if yy >= 70 else 2000 + yy)), int(number)
    except ValueError:
        return 0, 0


def section_report(
    db: Database, *, since: date | None = None, until: date | None = None
) -> SectionReport:
    """Sent letters between ``since`` and ``until`` (inclusive), counted per month x UA x
    channel x kind x event."""
    from app.services.samples import sample_numbers

    practice = sample_numbers(db)  # letters to fictional sample cases never count
    counts: Counter[tuple[str, str, str, str, str]] = Counter()
    replies: Counter[tuple[str, str, str, str, str]] = Counter()
    for appeal in list_appeals(db, status=AppealStatus.SENT, since=since, until=until):
        if appeal.sent_on is None or appeal.ua_number in practice:
            continue
        channel = (appeal.channel or Channel.OTHER).value
        month = appeal.sent_on.strftime("%Y-%m")
        key = (month, appeal.ua_number, channel, appeal.kind.value, appeal.event_name or "")
        counts[key] += appeal.count
        if appeal.reply_on is not None:
            replies[key] += 1
    channel_order = [c.value for c in Channel]
    kind_order = [k.value for k in AppealKind]
    rows = sorted(
        (
            ReportRow(*key[:4], letters=n, replies=replies[key], event=key[4])
            for key, n in counts.items()
        ),
        key=lambda r: (
            r.month,
            _ua_key(r.ua_number),
            channel_order.index(r.channel),
            kind_order.index(r.kind),
            r.event,
        ),
    )
    return SectionReport(since=since, until=until, rows=tuple(rows))


def report_csv(report: SectionReport) -> str:
    """One line per row of the report (no two alike in their first four columns and the
    event's), machine-readable codes in the header, so a section can add up files from many
    writers; the event's name is the only text typed by someone, kept from running as a
    formula in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        writer.writerow(
            [
                row.month,
                row.ua_number,
                row.channel,
                row.kind,
                row.letters,
                row.replies,
                spreadsheet_safe(row.event),
            ]
        )
    return buffer.getvalue()


def scope_note() -> str:
    """What the report holds and what it leaves out (the PDF, the dialog and ``--help`` say it)."""
    return _(
        "This report counts letters per UA number and channel, and per month, with the replies "
        "they received. It leaves out every name and address (of the people at risk, the "
        "officials and you), the letters' text and the case titles. Drafts and printed letters "
        "not yet sent are not counted."
    )


def write_report_csv(report: SectionReport, path: Path) -> None:
    """Write the CSV atomically (a crash never leaves half a file)."""
    from app.atomic_files import write_text_atomic

    write_text_atomic(path, report_csv(report))


def month_label(month: str) -> str:
    """``2026-03`` -> ``March 2026`` in the interface language."""
    year, _sep, number = month.partition("-")
    return month_year(date(int(year), int(number), 1))


def period_text(report: SectionReport) -> str:
    """Which letters the report counts, and how many of them participants wrote at events."""
    at_events = report.written_at_events
    if report.since is not None or report.until is not None:
        period = _("From {start} to {end}.").format(
            start=long_date(report.since) if report.since else "\u2026",
            end=long_date(report.until) if report.until else "\u2026",
        )
    elif at_events:  # not all of them the user's own letters
        period = _("All the letters marked as sent.")
    else:
        period = _("All the letters you have marked as sent.")
    if not at_events:
        return period
    events = ngettext(
        "{count} of these letters was written at a letter-writing event.",
        "{count} of these letters were written at letter-writing events.",
        at_events,
    ).format(count=at_events)
    return f"{period} {events}"


def report_page(report: SectionReport, today: date) -> SectionReportPage:
    """The printable page's text: totals, the scope note, UA x channel and month tables."""
    from app.output.section_report import SectionReportPage

    per_case = report.per_case_and_channel()
    solidarity = report.solidarity_per_case()
    replies = report.replies_per_case()
    channels = [c.value for c in Channel if any(ch == c.value for _ua, ch in per_case)]
    # its own column: a card to the person at risk is no appeal to an official
    cards = [appeal_kind_label(AppealKind.SOLIDARITY)] if solidarity else []
    case_header = [_("UA"), *(channel_text(c) for c in channels), *cards, _("Total"), _("Replies")]
    cases = dict.fromkeys(
        sorted({*(ua for ua, _ch in per_case), *solidarity}, key=lambda ua: _ua_key(ua))
    )
    case_rows = [
        [
            ua_label(ua),
            *(str(per_case.get((ua, c), 0)) for c in channels),
            *([str(solidarity.get(ua, 0))] if solidarity else []),
            str(sum(per_case.get((ua, c), 0) for c in channels) + solidarity.get(ua, 0)),
            str(replies.get(ua, 0)),
        ]
        for ua in cases
    ]
    column_totals = [str(sum(n for (_ua, ch), n in per_case.items() if ch == c)) for c in channels]
    if solidarity:
        column_totals.append(str(sum(solidarity.values())))
    case_rows.append([_("Total"), *column_totals, str(report.total), str(report.total_replies)])
    month_replies = report.replies_per_month()
    month_rows = [
        [month_label(month), str(count), str(month_replies.get(month, 0))]
        for month, count in report.per_month().items()
    ]
    month_rows.append([_("Total"), str(report.total), str(report.total_replies)])
    return SectionReportPage(
        headline=_("Appeals sent: report for the section"),
        period=period_text(report),
        total_line=_("Total letters: {count}. Replies received: {replies}.").format(
            count=report.total, replies=report.total_replies
        ),
        scope_note=scope_note(),
        case_table=(case_header, case_rows if report.rows else []),
        month_table=([_("Month"), _("Letters"), _("Replies")], month_rows if report.rows else []),
        footer=_("Made with Appeal Desk {version} on {date}. No names or addresses.").format(
            version=__version__, date=long_date(today)
        ),
    )


def write_report_pdf(report: SectionReport, path: Path, *, options: OutputOptions) -> None:
    """The one-page printable summary, written atomically."""
    from app.output.section_report import write_section_report_pdf

    write_section_report_pdf(
        path,
        report_page(report, date.today()),
        page_size=options.page_size,
        right_to_left=is_rtl(current_language()),
    )


def write_section_report(
    db: Database,
    *,
    csv_path: Path | None,
    pdf_path: Path | None = None,
    since: date | None = None,
    until: date | None = None,
    options: OutputOptions | None = None,
) -> SectionReport:
    """Build the report once and write the CSV and/or the PDF (each replaced atomically)."""
    report = section_report(db, since=since, until=until)
    if csv_path is not None:
        write_report_csv(report, csv_path)
    if pdf_path is not None:
        if options is None:
            raise ValueError("a PDF report needs the output options (its page size)")
        write_report_pdf(report, pdf_path, options=options)
    return report
