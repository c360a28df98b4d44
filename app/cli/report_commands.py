"""CLI: ``appeal-desk report`` - letters per UA x channel and month for the section, no names."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.choices import page_size_arg
from app.cli.context import CliContext
from app.domain.errors import InvalidInput
from app.domain.output_options import PageSize
from app.i18n import _


def describe() -> str:
    """The ``--help`` text: what the files hold and what they leave out."""
    return _(
        "The CSV has one row per month, UA number, channel and kind, with the columns "
        "month, ua_number, channel, kind, letters and replies (replies: how many of those "
        "appeals the official answered). Only appeals marked sent count, by the date they "
        "were sent. The report holds no names and no addresses (of the people at risk, the "
        "officials or you), no letter text and no case titles. The PDF is a one-page summary "
        "that says the same."
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``appeal-desk report``."""
    from app.cli.case_commands import parse_iso_date

    report = sub.add_parser(
        "report",
        help=_("report for your section: letters per UA x channel and month (CSV, PDF)"),
        description=describe(),
    )
    report.add_argument("--csv", type=Path, metavar="FILE", help=_("write the counts as CSV"))
    report.add_argument(
        "--pdf", type=Path, metavar="FILE", help=_("write a printable one-page summary")
    )
    report.add_argument(
        "--since",
        type=parse_iso_date,
        metavar="YYYY-MM-DD",
        help=_("count letters sent on or after this day"),
    )
    report.add_argument(
        "--until",
        type=parse_iso_date,
        metavar="YYYY-MM-DD",
        help=_("count letters sent on or before this day"),
    )
    report.add_argument(
        "--paper",
        type=page_size_arg,
        choices=list(PageSize),
        default=None,
        help=_("page size of the PDF (default: your settings, else your region's)"),
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.outputs import output_options
    from app.services.reports import write_section_report

    if args.csv is None and args.pdf is None:
        raise InvalidInput(_("Say where to write the report: --csv FILE and/or --pdf FILE."))
    if args.since and args.until and args.since > args.until:
        raise InvalidInput(_("--since must not be later than --until."))
    report = write_section_report(
        ctx.database(),
        csv_path=args.csv,
        pdf_path=args.pdf,
        since=args.since,
        until=args.until,
        options=output_options(ctx.settings(), page_size=args.paper),
    )
    for path in (args.csv, args.pdf):
        if path is not None:
            print(_("Written: {file}").format(file=path), file=ctx.out)
    print(_("Letters sent: {count}").format(count=report.total), file=ctx.out)
    print(_("Replies received: {count}").format(count=report.total_replies), file=ctx.out)
    return 0
