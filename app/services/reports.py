"""The report for the section: letters sent per UA number x channel (and per month), no names.

It counts only appeals marked sent, and holds no personal data: no names of the persons at
risk, the officials or the writer, no addresses, no letter text and no case titles (titles
sometimes name people) - only UA numbers, channels, kinds, months and counts.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.model import AppealKind, AppealStatus, Channel
from app.services.appeals import list_appeals
from app.store.database import Database

CSV_COLUMNS = ("month", "ua_number", "channel", "kind", "letters")


@dataclass(frozen=True, slots=True)
class ReportRow:
    month: str  # "2026-03"
    ua_number: str
    channel: str  # Channel value
    kind: str  # AppealKind value
    letters: int


@dataclass(frozen=True, slots=True)
class SectionReport:
    """Counts of sent letters; ``rows`` sorted by month, UA number, channel, kind."""

    since: date | None
    until: date | None
    rows: tuple[ReportRow, ...]

    @property
    def total(self) -> int:
        return sum(row.letters for row in self.rows)

    def per_case_and_channel(self) -> dict[tuple[str, str], int]:
        """(ua_number, channel) -> letters, all months together."""
        totals: Counter[tuple[str, str]] = Counter()
        for row in self.rows:
            totals[row.ua_number, row.channel] += row.letters
        return dict(totals)

    def per_month(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for row in self.rows:
            totals[row.month] += row.letters
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
    """Sent letters between ``since`` and ``until`` (inclusive), counted per month x UA x channel."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for appeal in list_appeals(db, status=AppealStatus.SENT, since=since, until=until):
        if appeal.sent_on is None:
            continue
        channel = (appeal.channel or Channel.OTHER).value
        counts[appeal.sent_on.strftime("%Y-%m"), appeal.ua_number, channel, appeal.kind.value] += (
            appeal.count
        )
    channel_order = [c.value for c in Channel]
    kind_order = [k.value for k in AppealKind]
    rows = sorted(
        (
            ReportRow(month, ua, channel, kind, n)
            for (month, ua, channel, kind), n in counts.items()
        ),
        key=lambda r: (
            r.month,
            _ua_key(r.ua_number),
            channel_order.index(r.channel),
            kind_order.index(r.kind),
        ),
    )
    return SectionReport(since=since, until=until, rows=tuple(rows))


def report_csv(report: SectionReport) -> str:
    """Machine-readable codes in the header so a section can add up files from many writers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        writer.writerow([row.month, row.ua_number, row.channel, row.kind, row.letters])
    return buffer.getvalue()


def write_report_csv(report: SectionReport, path: Path) -> None:
    """Write the CSV atomically (a crash never leaves half a file)."""
    from app.output.atomic import write_text_atomic

    write_text_atomic(path, report_csv(report))
