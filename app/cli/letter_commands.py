"""CLI commands that get a letter out: ``letter`` (text, PDF, .eml), ``envelope`` and ``labels``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.choices import envelope_format_arg, page_size_arg
from app.cli.context import CliContext
from app.cli.errors import notice_text
from app.domain.errors import WrongFileType
from app.domain.model import FIRST_OFFICIAL
from app.domain.output_options import EnvelopeFormat, PageSize
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.domain.model import CaseDetail, Letter
    from app.domain.output_options import OutputOptions
    from app.settings import Settings

LETTER_SUFFIXES = (".pdf", ".txt", ".eml")


def _case_and_official(command: argparse.ArgumentParser) -> None:
    """UA_NUMBER and --target N: the case, and which of its officials (the first unless named)."""
    command.add_argument("ua_number", metavar="UA_NUMBER")
    command.add_argument(
        "--target",
        type=int,
        default=FIRST_OFFICIAL,
        metavar="N",
        help=_("official number (1-based)"),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    letter = sub.add_parser(
        "letter", help=_("write the appeal letter for a case (stdout, .pdf, .txt or .eml)")
    )
    _case_and_official(letter)
    letter.add_argument(
        "--lang",
        dest="letter_lang",
        default=None,
        metavar="LOCALE",
        help=_("letter language, e.g. es"),
    )
    letter.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help=_("a .pdf, .txt or .eml file")
    )
    letter.add_argument(
        "--page-size",
        type=page_size_arg,
        choices=list(PageSize),
        default=None,
        help=_("paper for --out x.pdf (default: your settings, else your region's)"),
    )
    letter.add_argument("--large-print", action="store_true", help=_("bigger type in the PDF"))
    letter.set_defaults(handler=run_letter, reads_only=True)

    envelope = sub.add_parser("envelope", help=_("print an envelope for an official as PDF"))
    _case_and_official(envelope)
    envelope.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the .pdf to write")
    )
    envelope.add_argument(
        "--format",
        dest="envelope_format",
        type=envelope_format_arg,
        choices=list(EnvelopeFormat),
        default=None,
    )
    envelope.add_argument(
        "--no-return-address", action="store_true", help=_("leave your address off the envelope")
    )
    envelope.set_defaults(handler=run_envelope, reads_only=True)

    labels = sub.add_parser(
        "labels", help=_("address labels for every official of some cases (PDF)")
    )
    labels.add_argument("ua_numbers", nargs="+", metavar="UA_NUMBER")
    labels.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the .pdf to write")
    )
    labels.add_argument("--page-size", type=page_size_arg, choices=list(PageSize), default=None)
    labels.set_defaults(handler=run_labels, reads_only=True)


def _writer_safety_note(case: CaseDetail, options: OutputOptions) -> list[str]:
    from app.services import writer_safety
    from app.services.country_names import shown_country_name

    if not writer_safety.applies(case.country, options):
        return []
    note = _(
        "You listed %(country)s among the countries you have ties to, so this letter "
        "is signed with your initials and town only."
    )
    return [note % {"country": shown_country_name(case.country)}]  # in the interface language


def run_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    """``letter``; Ctrl+C ends it with a line, as an interrupted import does (exit 1)."""
    try:
        return _write_letter(args, ctx)
    except KeyboardInterrupt:
        said = _("Letter interrupted. A file it was writing is complete or as it was before.")
        print(f"appeal-desk: {said}", file=ctx.err)
        return 1


def _write_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import outputs
    from app.services.cases import get_case

    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in LETTER_SUFFIXES:
        raise WrongFileType(out.name)
    case = get_case(ctx.database(), args.ua_number)
    outputs.target_of(case, args.target)
    settings = ctx.settings()
    options = outputs.output_options(
        settings, page_size=args.page_size, large_print=args.large_print
    )
    letter = outputs.draft_for_output(
        case, args.target, settings.sender, options, locale=args.letter_lang
    )
    from app.services.letters import case_notices

    notices = [*case_notices(case, date.today()), *letter.warnings]  # as the editor warns
    _write_or_print(letter, out, case, args, settings, options, ctx)
    lines = _writer_safety_note(case, options)
    lines += [_("warning: {warning}").format(warning=notice_text(n)) for n in notices]
    if not settings.sender.is_complete:  # only once the letter exists: a failure says that alone
        unsigned = _(
            "The letter is not signed: add your name and address with "
            "'appeal-desk settings set name \"Your Name\"' (and address, city, country), or in "
            "the window's Settings (appeal-desk gui), then write it again."
        )
        lines.append(_("warning: {warning}").format(warning=unsigned))
    # Notes and warnings come after the letter (a long letter would scroll them away), on
    # stderr after a blank line: never run into the letter's last line, whatever reads both.
    if lines:
        ctx.out.flush()
        print("\n".join(["", *lines] if out is None else lines), file=ctx.err)
    return 0


def _write_or_print(
    letter: Letter,
    out: Path | None,
    case: CaseDetail,
    args: argparse.Namespace,
    settings: Settings,
    options: OutputOptions,
    ctx: CliContext,
) -> None:
    """The letter on stdout, or written to ``out`` as PDF, .eml or text, with its one line."""
    from app.services import outputs

    if out is None:
        text = outputs.plain_letter_text(letter)
        ctx.out.write(text if text.endswith("\n") else text + "\n")
        return
    item = outputs.LetterOnPaper(letter, case, args.target, settings.sender, options)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        pages = outputs.save_letter_pdf(item, out)
        message = ngettext(
            "Wrote %(file)s (%(pages)d page).", "Wrote %(file)s (%(pages)d pages).", pages
        )
        print(message % {"file": out, "pages": pages}, file=ctx.out)
        return
    if suffix == ".eml":
        has_email = outputs.save_letter_eml(item, out)
        if not has_email:
            print(
                _("This official has no email address in the UA: add one in your mail client."),
                file=ctx.err,
            )
    else:
        outputs.save_letter_text(letter, out)
    print(_("Wrote %(file)s.") % {"file": out}, file=ctx.out)


def run_envelope(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import outputs
    from app.services.cases import get_case

    case = get_case(ctx.database(), args.ua_number)
    outputs.target_of(case, args.target)
    settings = ctx.settings()
    options = outputs.output_options(settings, envelope_format=args.envelope_format)
    sender = None if args.no_return_address else settings.sender
    with_return_address = outputs.save_envelope(
        case, args.target, args.out, sender=sender, options=options
    )
    if sender is not None and not with_return_address:
        print(
            _(
                "You listed %(country)s among the countries you have ties to, so your address is "
                "left off this envelope."
            )
            % {"country": case.country},
            file=ctx.err,
        )
    print(_("Wrote %(file)s.") % {"file": args.out}, file=ctx.out)
    return 0


def run_labels(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import outputs
    from app.services.cases import get_case

    cases = [get_case(ctx.database(), ua_number) for ua_number in args.ua_numbers]
    chosen = outputs.postal_recipients(cases)
    options = outputs.output_options(ctx.settings(), page_size=args.page_size)
    written = outputs.save_labels(chosen, args.out, options=options)
    from app.labels import labels_saved_text

    print(labels_saved_text(written.labels, written.sheets, args.out), file=ctx.out)
    return 0
