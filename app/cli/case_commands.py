"""CLI commands about cases and appeals: import, list, sent."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from app.cli.context import CliContext
from app.cli.terminal import printable
from app.domain.errors import InvalidInput
from app.domain.model import ImportOutcome, ImportResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="import UA documents (files or folders)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument(
        "--force",
        action="store_true",
        help="apply documents whose tie to an existing case is doubtful (they are refused "
        "otherwise, with the reason and what they would change)",
    )
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser("list", help="list open cases by deadline")
    lst.add_argument("--all", action="store_true", help="include closed cases")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.add_argument(
        "--search", default="", metavar="WORDS", help="only cases holding every word (any accents)"
    )
    lst.set_defaults(handler=run_list)

    sent = sub.add_parser("sent", help="record an appeal as sent")
    sent.add_argument("ua_number", metavar="UA_NUMBER")
    sent.add_argument(
        "--target", type=int, default=None, metavar="N", help="official number (1-based)"
    )
    sent.add_argument(
        "--channel", required=True, help="post, email, fax, social_media, hand_delivered, other"
    )
    sent.add_argument(
        "--date", dest="sent_on", type=parse_iso_date, default=None, metavar="YYYY-MM-DD"
    )
    sent.add_argument("--kind", choices=("appeal", "solidarity"), default="appeal")
    sent.add_argument(
        "--count", type=int, default=1, help="letters recorded in one go (handwritten)"
    )
    sent.add_argument("--event", default=None, metavar="NAME", help="count it for this event")
    sent.set_defaults(handler=run_sent)


def parse_iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-03-31") from None


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.importing import expand_paths, import_files

    missing = [str(p) for p in args.files if not p.exists()]
    if missing:
        raise InvalidInput(f"No such file or folder: {printable(', '.join(missing))}")
    files = expand_paths(args.files)
    if not files:
        raise InvalidInput(
            "No documents (.txt, .md, .pdf, .html, .eml, .mbox) were found to import."
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
        results = import_files(
            ctx.database(), files, progress, force=args.force, on_result=committed, cancel=cancel
        )
    if show_progress:
        print(file=ctx.err)
    skipped = sum(r.outcome is ImportOutcome.SKIPPED for r in results)
    if skipped:
        print(
            f"Import interrupted: {len(results) - skipped} saved as listed above, {skipped} "
            "skipped and not imported; run the import again for those.",
            file=ctx.err,
        )
    if len(results) > 1:
        counts = {o: sum(r.outcome == o for r in results) for o in {r.outcome for r in results}}
        summary = ", ".join(f"{n} {o.value}" for o, n in sorted(counts.items()))
        print(f"{len(results)} files: {summary}", file=ctx.out)
    refused = ("rejected", "needs confirmation", "skipped")
    return 1 if any(r.outcome.value in refused for r in results) else 0


@contextlib.contextmanager
def _interrupt_cancels() -> Iterator[threading.Event]:
    """While importing, Ctrl+C stops the import cleanly (what was saved stays) instead of
    breaking off with a traceback; a second Ctrl+C is not needed."""
    cancel = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield cancel
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: cancel.set())
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def import_line(result: ImportResult) -> str:
    """One line per document: its outcome, UA number and reason (and, for a doubtful update,
    what it would change and how to apply it anyway)."""
    line = f"{result.source}: {result.outcome.value}"
    if result.ua_number:
        line += f" (UA {result.ua_number})"
    if result.reason:
        line += f": {result.reason}"
    if result.outcome is ImportOutcome.NEEDS_CONFIRMATION:
        changed = "; ".join(
            f"{c.field} {c.before or '-'!r} -> {c.after or '-'!r}" for c in result.changes
        )
        line += f" Not applied. It would change: {changed or 'nothing visible'}."
        line += " Run the import again with --force to apply it."
    return line


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.cases import list_cases

    today = date.today()
    cases = list_cases(ctx.database(), include_closed=args.all, search=args.search)
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
        print("No cases. Import a UA document with 'appeal-desk import FILE'.", file=ctx.out)
        return 0
    for case in cases:
        days = case.days_left(today)
        when = "no deadline" if case.deadline is None else case.deadline.isoformat()
        if days is not None:
            when += f" ({-days} days overdue)" if days < 0 else f" ({days} days left)"
        flags = " [closed]" if case.status.value == "closed" else ""
        flags += " [fictional sample]" if case.is_sample else ""
        print(
            f"UA {printable(case.ua_number):<8} {when:<28} sent {case.appeals_sent:<3} "
            f"{printable(case.country)}: {printable(case.title)}{flags}",
            file=ctx.out,
        )
    return 0


def run_sent(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.model import AppealKind
    from app.services.appeals import parse_channel, record_appeal

    db = ctx.database()
    event_id = None
    if args.event:
        from app.services.events import event_id_by_name

        event_id = event_id_by_name(db, args.event)
    kind = AppealKind(args.kind)
    target = args.target if args.target is not None or kind is AppealKind.SOLIDARITY else 1
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
    what = "solidarity card" if kind is AppealKind.SOLIDARITY else "appeal"
    plural = "s" if record.count > 1 else ""
    to = f" to {record.target_label}" if record.target_label else ""
    print(
        f"Recorded {record.count} {what}{plural} for UA {record.ua_number}{to}, "
        f"sent by {record.channel.value if record.channel else '-'} on {record.sent_on}.",
        file=ctx.out,
    )
    from app.services.appeal_warnings import appeal_warnings

    day = record.sent_on or date.today()
    for warning in appeal_warnings(
        db, record.ua_number, record.target_index, day, ignore_appeal_id=record.appeal_id
    ):
        print(f"warning: {warning}", file=ctx.err)  # said, never a block: the appeal is kept
    return 0
