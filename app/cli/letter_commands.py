"""CLI commands that get a letter out: ``letter`` (text, PDF, .eml), ``envelope`` and ``labels``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import CliContext
from app.domain.errors import InvalidInput
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.domain.model import CaseDetail, Target
    from app.settings import Settings

LETTER_SUFFIXES = (".pdf", ".txt", ".eml")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this group's subcommands."""
    letter = sub.add_parser(
        "letter", help="write the appeal letter for a case (stdout, .pdf, .txt or .eml)"
    )
    letter.add_argument("ua_number", metavar="UA_NUMBER")
    letter.add_argument(
        "--target", type=int, default=1, metavar="N", help="official number (1-based)"
    )
    letter.add_argument(
        "--lang",
        dest="letter_lang",
        default=None,
        metavar="LOCALE",
        help="letter language, e.g. es",
    )
    letter.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="a .pdf, .txt or .eml file"
    )
    letter.add_argument(
        "--page-size", choices=("A4", "Letter"), default=None, help="paper for --out x.pdf"
    )
    letter.add_argument("--large-print", action="store_true", help="bigger type in the PDF")
    letter.set_defaults(handler=run_letter)

    envelope = sub.add_parser("envelope", help="print an envelope for an official as PDF")
    envelope.add_argument("ua_number", metavar="UA_NUMBER")
    envelope.add_argument(
        "--target", type=int, default=1, metavar="N", help="official number (1-based)"
    )
    envelope.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the .pdf to write"
    )
    envelope.add_argument(
        "--format", dest="envelope_format", choices=("DL", "C5", "10"), default=None
    )
    envelope.add_argument(
        "--no-return-address", action="store_true", help="leave your address off the envelope"
    )
    envelope.set_defaults(handler=run_envelope)

    labels = sub.add_parser("labels", help="address labels for every official of some cases (PDF)")
    labels.add_argument("ua_numbers", nargs="+", metavar="UA_NUMBER")
    labels.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .pdf to write")
    labels.add_argument("--page-size", choices=("A4", "Letter"), default=None)
    labels.set_defaults(handler=run_labels)


def _page_size(requested: str | None, settings: Settings) -> str:
    from app.output.paper import system_page_size

    return requested or settings.page_size or system_page_size()


def _target(case: CaseDetail, index: int) -> Target:
    if not 1 <= index <= len(case.targets):
        raise InvalidInput(
            _("UA %(ua_number)s has no official number %(index)d; choose 1 to %(count)d.")
            % {"ua_number": case.ua_number, "index": index, "count": len(case.targets)}
        )
    return case.targets[index - 1]


def _is_caution_country(case: CaseDetail, settings: Settings) -> bool:
    wanted = case.country.strip().casefold()
    return any(country.strip().casefold() == wanted for country in settings.caution_countries)


def run_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.cases import get_case
    from app.services.letters import draft_letter

    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in LETTER_SUFFIXES:
        raise InvalidInput(
            _("Choose a file ending in .pdf, .txt or .eml (not %(name)s).") % {"name": out.name}
        )
    case = get_case(ctx.database(), args.ua_number)
    target = _target(case, args.target)
    settings = ctx.settings()
    letter = draft_letter(case, args.target, settings.sender, locale=args.letter_lang)
    for warning in letter.warnings:
        print(f"appeal-desk: {warning}", file=ctx.err)
    if out is None:
        ctx.out.write(letter.text if letter.text.endswith("\n") else letter.text + "\n")
        return 0
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        from app.output.paper import write_letter_pdf

        pages = write_letter_pdf(
            letter,
            out,
            sender=settings.sender,
            target=target,
            page_size=_page_size(args.page_size, settings),
            emphasis=tuple(person.name for person in case.persons),
            large_print=args.large_print,
            country=case.country,
        )
        message = ngettext(
            "Wrote %(file)s (%(pages)d page).", "Wrote %(file)s (%(pages)d pages).", pages
        )
        print(message % {"file": out, "pages": pages}, file=ctx.out)
        return 0
    if suffix == ".eml":
        from app.atomic_files import write_atomic
        from app.output.mail import build_eml

        data = build_eml(
            to=[target.email] if target.email else [],
            cc=[],
            subject=letter.subject,
            body=letter.text,
            sender=settings.sender,
        )
        write_atomic(out, data)
        if not target.email:
            print(
                _("This official has no email address in the UA: add one in your mail client."),
                file=ctx.err,
            )
    else:
        from app.atomic_files import write_text_atomic

        write_text_atomic(out, letter.text)
    print(_("Wrote %(file)s.") % {"file": out}, file=ctx.out)
    return 0


def run_envelope(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.output.envelope import write_envelope_pdf
    from app.services.cases import get_case

    case = get_case(ctx.database(), args.ua_number)
    target = _target(case, args.target)
    settings = ctx.settings()
    sender = None if args.no_return_address else settings.sender
    if sender is not None and _is_caution_country(case, settings):
        sender = None
        print(
            _(
                "You listed %(country)s among the countries you have ties to, so your address is "
                "left off this envelope."
            )
            % {"country": case.country},
            file=ctx.err,
        )
    page_size = _page_size(None, settings)
    envelope_format = args.envelope_format or ("10" if page_size == "Letter" else "DL")
    write_envelope_pdf(
        target, args.out, country=case.country, sender=sender, format_name=envelope_format
    )
    print(_("Wrote %(file)s.") % {"file": args.out}, file=ctx.out)
    return 0


def run_labels(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.output.address import postal_lines
    from app.output.envelope import write_label_sheet_pdf
    from app.services.cases import get_case

    addresses = []
    for ua_number in args.ua_numbers:
        case = get_case(ctx.database(), ua_number)
        addresses += [postal_lines(target, case.country) for target in case.targets]
    if not addresses:
        raise InvalidInput(_("These cases name no officials to write to."))
    sheets = write_label_sheet_pdf(
        addresses, args.out, page_size=_page_size(args.page_size, ctx.settings())
    )
    message = ngettext(
        "Wrote %(file)s (%(labels)d labels on %(sheets)d sheet).",
        "Wrote %(file)s (%(labels)d labels on %(sheets)d sheets).",
        sheets,
    )
    print(message % {"file": args.out, "labels": len(addresses), "sheets": sheets}, file=ctx.out)
    return 0
