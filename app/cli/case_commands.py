"""CLI commands about cases and appeals: import, list, sent."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import CliContext
from app.cli.errors import argument_error, reason_text
from app.cli.terminal import printable
from app.domain.errors import N_, InvalidInput
from app.domain.model import ImportOutcome, ImportResult

if TYPE_CHECKING:
    from app.domain.model import AppealRecord, CaseSummary
    from app.services.import_tally import ImportTally
from app.i18n import _, ngettext, npgettext, pgettext

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import",
        help=_("import UA documents (files or folders)"),
        description=_(
            "Import Urgent Action documents: files, or folders with their subfolders. Each "
            "document is saved on its own: one that cannot be read never stops the others."
        ),
        epilog=_(
            "Exit status: 0 when every document was imported, updated or found unchanged; 1 "
            "when any file was refused (a picture, a word-processor file, a text that is not a "
            "UA), waits for --force, or was skipped by Ctrl+C. Each file has a line saying "
            "which, and the other documents are imported all the same: a script can deal with "
            "the files named and run the import again."
        ),
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument(
        "--force",
        action="store_true",
        help=_(
            "apply documents whose tie to an existing case is doubtful (they are refused "
            "otherwise, with the reason and what they would change)"
        ),
    )
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser("list", help=_("list open cases, those one can still act on first"))
    lst.add_argument("--all", action="store_true", help=_("include closed cases"))
    lst.add_argument(
        "--json",
        action="store_true",
        help=_("print JSON (countries as stored, in English, whatever the interface language)"),
    )
    lst.add_argument(
        "--search",
        default="",
        metavar="WORDS",
        help=_("only cases holding every word (any accents)"),
    )
    lst.set_defaults(handler=run_list, reads_only=True)

    sent = sub.add_parser("sent", help=_("record an appeal as sent"))
    sent.add_argument("ua_number", metavar="UA_NUMBER")
    sent.add_argument(
        "--target", type=int, default=None, metavar="N", help=_("official number (1-based)")
    )
    sent.add_argument(
        "--channel", required=True, help=_("post, email, fax, social_media, hand_delivered, other")
    )
    sent.add_argument(
        "--date", dest="sent_on", type=parse_iso_date, default=None, metavar="YYYY-MM-DD"
    )
    sent.add_argument("--kind", choices=("appeal", "solidarity"), default="appeal")
    sent.add_argument(
        "--count", type=int, default=1, help=_("letters recorded in one go (handwritten)")
    )
    sent.add_argument("--event", default=None, metavar="NAME", help=_("count it for this event"))
    sent.set_defaults(handler=run_sent)


def parse_iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argument_error(
            N_("'{value}' is not a date like 2026-03-31."), value=printable(value)
        ) from None


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.importing import folder_contents, import_files

    missing = [str(p) for p in args.files if not p.exists()]
    if missing:
        raise InvalidInput(
            N_("No such file or folder: {files}"), files=printable(", ".join(missing))
        )
    found = folder_contents(args.files)  # walked once: the import reads what was found here
    files, left_out = found
    if not files and not left_out:
        raise InvalidInput(
            N_("No documents (.txt, .md, .pdf, .html, .eml, .mbox) were found to import.")
        )

    show_progress = len(files) > 1 and ctx.err.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show_progress:
            shown = printable(name)[:60]
            print(f"\r[{done}/{total}] {shown:<60}", end="", file=ctx.err, flush=True)

    def committed(result: ImportResult) -> None:
        """One line per document, printed and flushed once its transaction has ended."""
        if show_progress:
            print("\r" + " " * 72 + "\r", end="", file=ctx.err, flush=True)
        print(printable(import_line(result)), file=ctx.out, flush=True)

    with _interrupt_cancels() as cancel:
        results = import_files(  # the folders' other files are named too
            ctx.database(),
            args.files,
            progress,
            force=args.force,
            on_result=committed,
            cancel=cancel,
            found=found,
        )
    if show_progress:
        print(file=ctx.err)
    if len(results) > 1:
        print(import_summary(results), file=ctx.out)
    skipped = sum(r.outcome is ImportOutcome.SKIPPED for r in results)
    if skipped:
        print(
            ngettext(
                "Import interrupted: {saved} saved as listed above, {count} skipped and not "
                "imported; run the import again for it.",
                "Import interrupted: {saved} saved as listed above, {count} skipped and not "
                "imported; run the import again for those.",
                skipped,
            ).format(saved=len(results) - skipped, count=skipped),
            file=ctx.err,
        )
    refused = ("rejected", "needs confirmation", "skipped")
    return 1 if any(r.outcome.value in refused for r in results) else 0


@contextlib.contextmanager
def _interrupt_cancels() -> Iterator[threading.Event]:
    """While importing, Ctrl+C stops the import cleanly (what was saved stays, the rest is
    listed as skipped) instead of breaking off with a traceback."""
    cancel = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield cancel
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: cancel.set())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def import_summary(results: list[ImportResult]) -> str:
    """``5 files: 3 imported, 1 updated, 1 rejected`` (one count per sentence part); when a
    file held more than one document (a mailbox), both counts: ``1 file, 2 documents: 2
    imported``."""
    from app.services.import_tally import ImportTally

    tally = ImportTally.of(results)
    outcomes = ", ".join(_outcome_count(outcome, n) for outcome, n in tally.outcomes)
    if tally.not_files:
        return _entries_summary(tally, outcomes)
    if not tally.several_in_a_file:
        return ngettext(
            "{count} file: {outcomes}", "{count} files: {outcomes}", tally.files
        ).format(count=tally.files, outcomes=outcomes)
    # TRANSLATORS: "1 file, 2 documents: 2 imported" (a mailbox holding two documents)
    return _("{files}, {documents}: {outcomes}").format(
        files=ngettext("{count} file", "{count} files", tally.files).format(count=tally.files),
        documents=ngettext("{count} document", "{count} documents", tally.documents).format(
            count=tally.documents
        ),
        outcomes=outcomes,
    )


def _entries_summary(tally: ImportTally, outcomes: str) -> str:
    """``3 files, 2 entries that are not files: 5 rejected``: a folder's broken links and
    folders named like documents are named apart from the files read."""
    files = ngettext("{count} file", "{count} files", tally.files).format(count=tally.files)
    entries = ngettext(
        "{count} entry that is not a file", "{count} entries that are not files", tally.not_files
    ).format(count=tally.not_files)
    if not tally.several_in_a_file:
        # TRANSLATORS: "3 files, 2 entries that are not files: 5 rejected" (a broken link)
        return _("{files}, {entries}: {outcomes}").format(
            files=files, entries=entries, outcomes=outcomes
        )
    # TRANSLATORS: "1 file, 2 documents, 1 entry that is not a file: 2 imported, 1 rejected"
    return _("{files}, {documents}, {entries}: {outcomes}").format(
        files=files,
        documents=ngettext("{count} document", "{count} documents", tally.documents).format(
            count=tally.documents
        ),
        entries=entries,
        outcomes=outcomes,
    )


def _outcome_count(outcome: ImportOutcome, n: int) -> str:
    texts = {
        ImportOutcome.IMPORTED: npgettext(
            "import outcome", "{count} imported", "{count} imported", n
        ),
        ImportOutcome.UPDATED: npgettext("import outcome", "{count} updated", "{count} updated", n),
        ImportOutcome.UNCHANGED: npgettext(
            "import outcome", "{count} unchanged", "{count} unchanged", n
        ),
        ImportOutcome.REJECTED: npgettext(
            "import outcome", "{count} rejected", "{count} rejected", n
        ),
        ImportOutcome.NEEDS_CONFIRMATION: npgettext(
            "import outcome",
            "{count} waiting for confirmation",
            "{count} waiting for confirmation",
            n,
        ),
        ImportOutcome.SKIPPED: npgettext("import outcome", "{count} skipped", "{count} skipped", n),
    }
    return texts[outcome].format(count=n)


def import_line(result: ImportResult) -> str:
    """One line per document: its outcome, UA number and reason (and, for a doubtful update,
    what it would change and how to apply it anyway)."""
    from app.labels import outcome_label

    outcome = outcome_label(result.outcome)
    if result.ua_number:
        line = _("{file}: {outcome} (UA {ua_number})").format(
            file=result.source, outcome=outcome, ua_number=result.ua_number
        )
    else:
        line = _("{file}: {outcome}").format(file=result.source, outcome=outcome)
    if result.reason:
        # TRANSLATORS: a file's import outcome, then why (French puts a space before the colon)
        line = _("{outcome}: {reason}").format(outcome=line, reason=reason_text(result))
    if result.outcome is ImportOutcome.NEEDS_CONFIRMATION:
        changed = "; ".join(
            f"{c.field} {c.before or '-'!r} -> {c.after or '-'!r}" for c in result.changes
        )
        if changed:
            line += " " + _("Not applied. It would change: {changes}.").format(changes=changed)
        else:
            line += " " + _("Not applied. It would change nothing visible.")
        line += " " + _("Run the import again with --force to apply it.")
    return line


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.cases import list_cases

    today = date.today()
    cases = list_cases(ctx.database(), include_closed=args.all, search=args.search, today=today)
    if args.json:
        from app.services.cases import get_case

        db = ctx.database()
        payload = []
        for case in cases:
            detail = get_case(db, case.ua_number)
            payload.append(
                {
                    "ua_number": case.ua_number,
                    "title": case.title,
                    "country": case.country,
                    "status": case.status.value,
                    "deadline": case.deadline.isoformat() if case.deadline else None,
                    "days_left": case.days_left(today),
                    "persons": [p.name for p in detail.persons],
                    "targets": [{"title": t.title, "name": t.name} for t in detail.targets],
                    "appeals_sent": case.appeals_sent,
                    "sample": case.is_sample,
                }
            )
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    if not cases:
        print(_("No cases. Import a UA document with 'appeal-desk import FILE'."), file=ctx.out)
        return 0
    print(case_table(cases, today), file=ctx.out)
    return 0


def case_table(cases: list[CaseSummary], today: date) -> str:
    """The cases as a table under translated headings: dates in the interface language, the
    days left in words, closed cases and fictional samples named."""
    from app.dates import medium_date
    from app.labels import days_left_text, sample_label
    from app.services.country_names import shown_country_name

    rows = [
        [
            pgettext("column", "UA"),
            pgettext("column", "Deadline"),
            pgettext("column", "Days left"),
            pgettext("column", "Sent"),
            pgettext("column", "Country"),
            pgettext("column", "Title"),
        ]
    ]
    for case in cases:
        title = printable(case.title)
        if case.is_sample:
            title += f" [{sample_label()}]"
        rows.append(
            [
                printable(case.ua_number),
                medium_date(case.deadline) if case.deadline else "\u2014",
                days_left_text(case.deadline, case.status, today),
                str(case.appeals_sent),
                printable(shown_country_name(case.country)) or "\u2014",
                title,
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(w) if i == 3 else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def run_sent(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli.errors import error_text
    from app.domain.errors import StoreUnavailable
    from app.domain.model import AppealKind
    from app.services.appeals import default_target, parse_channel, record_appeal

    try:
        db = ctx.database()
        event_id = None
        if args.event:
            from app.services.events import event_id_by_name

            event_id = event_id_by_name(db, args.event)
        kind = AppealKind(args.kind)
        target = args.target if args.target is not None else default_target(kind)
        record = record_appeal(
            db,
            args.ua_number,
            target_index=target,
            channel=parse_channel(args.channel),
            sent_on=args.sent_on,
            kind=kind,
            count=args.count,
            event_id=event_id,
        )
    except StoreUnavailable as exc:  # a full disk, a read-only folder: said as the window does
        log.info("sent refused: %s", exc.message)
        # TRANSLATORS: {reason} is the whole sentence saying why (and what to do)
        text = _("The appeal was not recorded. {reason}").format(reason=error_text(exc))
        print(f"appeal-desk: {printable(text)}", file=ctx.err)
        return 1
    print(sent_text(record), file=ctx.out)
    from app.cli.errors import appeal_warning_text
    from app.services.appeal_warnings import appeal_warnings

    day = record.sent_on or date.today()
    for warning in appeal_warnings(
        db, record.ua_number, record.target_index, day, ignore_appeal_id=record.appeal_id
    ):
        # said, never a block: the appeal is kept
        print(_("warning: {warning}").format(warning=appeal_warning_text(warning)), file=ctx.err)
    return 0


def sent_text(record: AppealRecord) -> str:
    """``Recorded 2 appeals for UA 12/26. Sent to ... on 6 December 2026 (Post).``: a date
    in a sentence is spelled out, as the warnings that may follow it write theirs."""
    from app.dates import long_date
    from app.domain.model import AppealKind
    from app.labels import channel_label

    n = record.count
    if record.kind is AppealKind.SOLIDARITY:
        recorded = ngettext(
            "Recorded {count} solidarity message for UA {ua_number}.",
            "Recorded {count} solidarity messages for UA {ua_number}.",
            n,
        )
    else:
        recorded = ngettext(
            "Recorded {count} appeal for UA {ua_number}.",
            "Recorded {count} appeals for UA {ua_number}.",
            n,
        )
    day = long_date(record.sent_on or date.today())
    channel = channel_label(record.channel)
    if record.target_label:
        sent = _("Sent to {official} on {date} ({channel}).").format(
            official=record.target_label, date=day, channel=channel
        )
    else:
        sent = _("Sent on {date} ({channel}).").format(date=day, channel=channel)
    return recorded.format(count=n, ua_number=record.ua_number) + " " + sent
