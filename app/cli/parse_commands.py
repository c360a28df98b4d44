"""CLI ``parse``: read one UA document and print what the importer found (never opens the store)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    from app.cli.context import CliContext
    from app.domain.model import ParsedDocument


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    parser = sub.add_parser("parse", help=_("parse a UA document without importing it"))
    parser.add_argument(
        "file", metavar="FILE", type=Path, help=_("a .txt, .md, .eml, .html or .pdf file")
    )
    parser.add_argument(
        "--json", action="store_true", help=_("print one JSON object (the sample schema)")
    )
    parser.set_defaults(handler=parse_handler)


def parse_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.importing import parse_file

    parsed = parse_file(args.file)
    if args.json:
        output = json.dumps(parsed.to_json_dict(), ensure_ascii=False, indent=2)
    else:
        output = human_summary(parsed)
    try:
        print(output, file=ctx.out)
        ctx.out.flush()
    except BrokenPipeError:  # "appeal-desk parse FILE | head": the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def human_summary(parsed: ParsedDocument) -> str:
    """A few lines a person can read: identity, status, dates, people and officials."""
    from app.dates import medium_date
    from app.i18n import _
    from app.labels import output_kind_label

    def day(value: date | None) -> str:
        return medium_date(value) if value else "\u2014"

    if parsed.ua_number:
        number = _("UA {ua_number}").format(ua_number=parsed.ua_number)
    else:
        number = _("UA (no number)")
    kind = output_kind_label(parsed.kind)
    if not parsed.action_requested:
        kind = _("{kind} (no further action requested)").format(kind=kind)
    lines = [
        f"{number}  {parsed.ai_index or ''}".rstrip(),
        f"{parsed.title}",
        _("Country: {country}").format(country=parsed.country or "\u2014")
        + "    "
        + _("Kind: {kind}").format(kind=kind),
        _("Issued: {date}").format(date=day(parsed.issued_on))
        + "    "
        + _("Deadline: {date}").format(date=day(parsed.deadline)),
    ]
    for person in parsed.persons:
        if person.pronouns:
            lines.append(
                _("Person: {name} ({pronouns})").format(name=person.name, pronouns=person.pronouns)
            )
        else:
            lines.append(_("Person: {name}").format(name=person.name))
    for i, target in enumerate(parsed.targets, start=1):
        lines.append(_("Official {number}: {official}").format(number=i, official=target.label))
        if target.email:
            lines.append("  " + _("email: {address}").format(address=target.email))
    if parsed.preferred_languages:
        languages = ", ".join(parsed.preferred_languages)
        lines.append(_("Languages: {languages}").format(languages=languages))
    if parsed.previous_ua_link:
        lines.append(_("Previous UA: {ua_number}").format(ua_number=parsed.previous_ua_link))
    return printable_lines(lines)


def printable_lines(lines: list[str]) -> str:
    """The lines joined, each with its control characters shown, never obeyed."""
    from app.cli.terminal import printable

    return "\n".join(printable(line) for line in lines)
