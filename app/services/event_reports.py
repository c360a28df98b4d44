"""The end-of-event report: a CSV of counts per case x channel x kind, and a one-page PDF."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from app import __version__
from app.atomic_files import write_text_atomic
from app.dates import long_date
from app.domain.events import EventTally
from app.domain.model import AppealKind, Channel
from app.domain.output_options import OutputOptions
from app.i18n import _, current_language, is_rtl
from app.labels import appeal_kind_label, channel_label, ua_label
from app.services.events import event_tally
from app.store.database import Database

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_columns(tally: EventTally) -> list[tuple[str, str]]:
    """The (channel, kind) pairs with letters anywhere in the event, in a stable order."""
    used = {cell for case in tally.cases for cell, n in case.cells.items() if n}
    order = [(c.value, k.value) for c in Channel for k in AppealKind]
    return [pair for pair in order if pair in used] + sorted(used - set(order))


def report_csv(tally: EventTally) -> str:
    """One row per case: goal, total, then letters per channel x kind; a total row last.

    Machine-readable codes (post/appeal...) head the columns so sections can add up files
    from many groups. It holds no personal data: no participant appears in the store's tally.
    """
    columns = report_columns(tally)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["event", "held_on", "ua_number", "case_title", "goal", "total"]
        + [f"{channel}_{kind}" for channel, kind in columns]
    )
    held_on = tally.event.held_on.isoformat() if tally.event.held_on else ""
    name = spreadsheet_safe(tally.event.name)
    for case in tally.cases:
        writer.writerow(
            [
                name,
                held_on,
                case.ua_number,
                spreadsheet_safe(case.title),
                case.goal or "",
                case.total,
            ]
            + [case.cells.get(pair, 0) for pair in columns]
        )
    totals = [sum(c.cells.get(pair, 0) for c in tally.cases) for pair in columns]
    writer.writerow([name, held_on, "total", "", "", tally.total, *totals])
    return buffer.getvalue()


def spreadsheet_safe(text: str) -> str:
    """Keep spreadsheets from running a text (a case title, an event's name) as a formula (CSV
    injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def channel_text(channel: str) -> str:
    """A channel as the store counts it, in the words the window uses; an unknown one as is."""
    try:
        return channel_label(Channel(channel))
    except ValueError:
        return channel


def kind_text(kind: str) -> str:
    """An appeal kind as the store counts it, in the window's words; an unknown one as is."""
    try:
        return appeal_kind_label(AppealKind(kind))
    except ValueError:
        return kind


def write_event_report(
    db: Database,
    name: str,
    csv_path: Path | None,
    pdf_path: Path | None = None,
    *,
    options: OutputOptions | None = None,
) -> EventTally:
    """Write the CSV and/or the printable page; each file is replaced atomically."""
    tally = event_tally(db, name).counted()  # fictional sample cases never reach a report
    if csv_path is not None:
        write_text_atomic(csv_path, report_csv(tally))
    if pdf_path is not None:
        if options is None:
            raise ValueError("a PDF report needs the output options (its page size)")
        write_report_pdf(tally, pdf_path, options=options)
    return tally


def write_report_pdf(tally: EventTally, pdf_path: Path, *, options: OutputOptions) -> None:
    from app.output.event_report import write_event_report_pdf

    event = tally.event
    columns = report_columns(tally)
    header = [_("Case"), _("Goal"), _("Total")] + [
        f"{channel_text(c)}\n{kind_text(k)}" for c, k in columns
    ]
    rows = [
        [f"{ua_label(c.ua_number)} {c.title}", str(c.goal or "\u2014"), str(c.total)]
        + [str(c.cells.get(pair, 0)) for pair in columns]
        for c in tally.cases
    ]
    rows.append(
        [_("Total"), "", str(tally.total)]
        + [str(sum(c.cells.get(pair, 0) for c in tally.cases)) for pair in columns]
    )
    where = ", ".join(
        part for part in (long_date(event.held_on) if event.held_on else "", event.place) if part
    )
    write_event_report_pdf(
        pdf_path,
        tally,
        headline=event.name,
        subtitle=where or _("Letter-writing event"),
        table_header=header,
        table_rows=rows,
        footer=_("Made with Appeal Desk %(version)s on %(date)s. No personal data.")
        % {"version": __version__, "date": long_date(date.today())},
        page_size=options.page_size,
        right_to_left=is_rtl(current_language()),
    )
