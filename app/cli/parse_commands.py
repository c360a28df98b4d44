"""CLI ``parse``: read one UA document and print what the importer found (never opens the store)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.context import CliContext
    from app.domain.model import ParsedDocument


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    parser = sub.add_parser("parse", help="parse a UA document without importing it")
    parser.add_argument(
        "file", metavar="FILE", type=Path, help="a .txt, .md, .eml, .html or .pdf file"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object (the sample schema)"
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
    number = f"UA {parsed.ua_number}" if parsed.ua_number else "UA (no number)"
    lines = [
        f"{number}  {parsed.ai_index or ''}".rstrip(),
        f"{parsed.title}",
        f"Country: {parsed.country or '-'}    Kind: {parsed.kind.value}"
        f"{'' if parsed.action_requested else ' (no further action requested)'}",
        f"Issued: {parsed.issued_on or '-'}    Deadline: {parsed.deadline or '-'}",
    ]
    for person in parsed.persons:
        pronouns = f" ({person.pronouns})" if person.pronouns else ""
        lines.append(f"Person: {person.name}{pronouns}")
    for i, target in enumerate(parsed.targets, start=1):
        lines.append(f"Target {i}: {target.label}")
        if target.email:
            lines.append(f"  email: {target.email}")
    if parsed.preferred_languages:
        lines.append("Languages: " + ", ".join(parsed.preferred_languages))
    if parsed.previous_ua_link:
        lines.append(f"Previous UA: {parsed.previous_ua_link}")
    return "\n".join(lines)
