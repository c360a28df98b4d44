"""CLI commands for letter-writing events: create, list, tally, export, merge, report."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from app.cli.choices import page_size_arg
from app.cli.context import CliContext
from app.cli.errors import error_text, notice_text
from app.cli.terminal import aligned_rows, printable
from app.domain.errors import N_, InvalidInput, os_problem
from app.domain.model import FIRST_OFFICIAL
from app.domain.output_options import PageSize
from app.i18n import _, ngettext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``appeal-desk event ...``."""
    from app.cli.case_commands import parse_iso_date

    event = sub.add_parser("event", help=_("letter-writing events (create, tally, merge, report)"))
    actions = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)

    create = actions.add_parser("create", help=_("create an event"))
    create.add_argument("name", metavar="NAME")
    create.add_argument("--date", dest="held_on", type=parse_iso_date, metavar="YYYY-MM-DD")
    create.add_argument("--place", default="", metavar="TEXT")
    create.add_argument("--cases", default="", metavar="UA_NUMBER,...", help=_("cases in play"))
    create.add_argument("--goal", type=int, default=None, metavar="N", help=_("letters per case"))
    create.set_defaults(handler=run_create)

    add = actions.add_parser("add-case", help=_("put one more case in play, or change its goal"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("ua_number", metavar="UA_NUMBER")
    add.add_argument("--goal", type=int, default=None, metavar="N", help=_("letters for this case"))
    add.set_defaults(handler=run_add_case)

    batch = actions.add_parser(
        "batch", help=_("print letters for one case (named or blank) and their envelopes, one PDF")
    )
    batch.add_argument("name", metavar="NAME")
    batch.add_argument("ua_number", metavar="UA_NUMBER")
    batch.add_argument("--out", required=True, type=Path, metavar="FILE")
    batch.add_argument("--names", type=Path, metavar="FILE", help=_("signers, one name per line"))
    batch.add_argument(
        "--blank", type=int, default=0, metavar="N", help=_("letters to sign by hand")
    )
    batch.add_argument(
        "--target", type=int, default=FIRST_OFFICIAL, metavar="N", help=_("official (1-based)")
    )
    batch.add_argument("--lang", default=None, metavar="LOCALE", help=_("letter language"))
    batch.add_argument(
        "--closed",
        action="store_true",
        help=_(
            "print letters for a case that is closed (its final UA asks for no further "
            "action); without it such a case is refused"
        ),
    )
    batch.add_argument(
        "--page-size",
        type=page_size_arg,
        choices=list(PageSize),
        default=None,
        help=_("paper (default: your settings, else your region's)"),
    )
    batch.set_defaults(handler=run_batch)

    lst = actions.add_parser("list", help=_("list events"))
    lst.set_defaults(handler=run_list, reads_only=True)

    tally = actions.add_parser("tally", help=_("letters per case x channel x kind"))
    tally.add_argument("name", metavar="NAME")
    tally.add_argument("--json", action="store_true", help=_("print JSON"))
    tally.set_defaults(handler=run_tally, reads_only=True)

    export = actions.add_parser("export", help=_("write this laptop's records of an event"))
    export.add_argument("name", metavar="NAME")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.set_defaults(handler=run_export)

    merge = actions.add_parser("merge", help=_("merge exported files (idempotent)"))
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.set_defaults(handler=run_merge)

    report = actions.add_parser("report", help=_("end-of-event report (CSV, printable PDF)"))
    report.add_argument("name", metavar="NAME")
    report.add_argument("--csv", type=Path, metavar="FILE")
    report.add_argument("--pdf", type=Path, metavar="FILE")
    report.set_defaults(handler=run_report)

    from app.cli.edit_commands import register_event_actions

    register_event_actions(actions)


def run_create(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.events import create_event

    cases = [part.strip() for part in args.cases.split(",") if part.strip()]
    event = create_event(
        ctx.database(),
        args.name,
        held_on=args.held_on,
        place=args.place,
        cases=cases,
        goal=args.goal,
    )
    numbers = ", ".join(c.ua_number for c in event.cases)
    if numbers:
        text = _("Created event '{event}' (cases: {cases}).").format(
            event=event.name, cases=numbers
        )
    else:
        text = _("Created event '{event}' (no cases yet).").format(event=event.name)
    print(printable(text), file=ctx.out)
    return 0


def run_add_case(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.events import add_case_to_event

    if args.goal is not None and args.goal < 1:
        raise InvalidInput(N_("A goal is a number of letters, at least 1."))
    event = add_case_to_event(ctx.database(), args.name, args.ua_number, args.goal)
    cases = ", ".join(
        _("{ua_number} (goal {goal})").format(ua_number=c.ua_number, goal=c.goal)
        if c.goal
        else c.ua_number
        for c in event.cases
    )
    print(
        printable(_("'{event}' now has: {cases}.").format(event=event.name, cases=cases)),
        file=ctx.out,
    )
    return 0


MAX_NAMES_BYTES = 1_000_000  # a list of signers, not a phone book


def read_names(path: Path) -> list[str]:
    """The signers, one per line, from a regular file of at most MAX_NAMES_BYTES bytes (a
    device such as /dev/zero would never end, a pipe could wait for ever)."""
    import stat

    shown = printable(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a pipe must not block the open
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InvalidInput(
                    N_("{file} is not a regular file; give a text file of names."), file=shown
                )
            data = handle.read(MAX_NAMES_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            N_("Cannot read the list of names {file}: {reason}"), file=shown, reason=os_problem(exc)
        ) from None
    if len(data) > MAX_NAMES_BYTES:
        raise InvalidInput(
            N_("{file} is larger than {size} MB; a list of names is smaller."),
            file=shown,
            size=MAX_NAMES_BYTES // 1_000_000,
        )
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InvalidInput(
            N_("Cannot read the list of names {file}: it is not UTF-8 text."), file=shown
        ) from None


def run_batch(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print a batch; a closed case is refused (exit status 1) unless --closed names it
    deliberately, as the window offers only the event's open cases."""
    from app.domain.errors import Phrase
    from app.services.event_batch import print_event_batch
    from app.services.events import ClosedEventCase
    from app.services.outputs import output_options

    names: list[str] = []
    if args.names is not None:
        names = read_names(args.names)
    try:
        count = print_event_batch(
            ctx.database(),
            args.name,
            args.ua_number,
            args.out,
            names=names,
            blank=args.blank,
            target_index=args.target,
            locale=args.lang,
            options=output_options(ctx.settings(), page_size=args.page_size),
            closed_too=args.closed,
        )
    except ClosedEventCase as closed:
        raise InvalidInput(
            N_("{problem} To print them anyway, add --closed."),
            problem=Phrase(closed.template, **closed.fields),
        ) from None
    wrote = ngettext(
        "Wrote {count} letter and its envelope to {file}.",
        "Wrote {count} letters and their envelopes to {file}.",
        count,
    ).format(count=count, file=args.out)
    command = (
        f"appeal-desk sent {args.ua_number} --target {args.target} "
        f'--channel post --event "{args.name}" --count {count}'
    )
    hint = _("Once they are signed, count them: {command}").format(command=command)
    print(printable(f"{wrote} {hint}"), file=ctx.out)
    _warn_about_the_case(args.ua_number, ctx)
    return 0


def _warn_about_the_case(ua_number: str, ctx: CliContext) -> None:
    """What ``appeal-desk letter`` warns about the case (closed, deadline passed), on stderr."""
    from datetime import date

    from app.services.cases import get_case
    from app.services.letters import case_notices

    notices = case_notices(get_case(ctx.database(), ua_number), date.today())
    if notices:
        ctx.out.flush()
        lines = [_("warning: {warning}").format(warning=notice_text(n)) for n in notices]
        print("\n".join(lines), file=ctx.err)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.dates import medium_date
    from app.services.events import list_events

    events = list_events(ctx.database())
    if not events:
        print(_("No events. Create one with 'appeal-desk event create NAME'."), file=ctx.out)
    for event in events:
        details = [medium_date(event.held_on) if event.held_on else _("no date")]
        if event.place:
            details.append(event.place)
        cases = ", ".join(c.ua_number for c in event.cases) or _("no cases")
        line = _("{event} ({details}): {cases}").format(
            event=event.name, details=", ".join(details), cases=cases
        )
        print(printable(line), file=ctx.out)
    return 0


def run_tally(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.events import event_tally

    tally = event_tally(ctx.database(), args.name)
    if args.json:
        print(json.dumps(tally.to_json_dict(), ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    heading = ngettext("{event}: {count} letter", "{event}: {count} letters", tally.total)
    print(printable(heading.format(event=tally.event.name, count=tally.total)), file=ctx.out)
    if tally.practice:
        from app.labels import practice_letters_text

        print(printable(practice_letters_text(tally.practice)), file=ctx.out)
    # the counts end at one place whatever the goals, the channels start at one place whatever
    # the counts, and the case's title comes last, where its length moves nothing
    count_width = max((len(str(case.total)) for case in tally.cases), default=0)
    rows = []
    for case in tally.cases:
        count = str(case.total).rjust(count_width)
        done = _("{count} of {goal}").format(count=count, goal=case.goal) if case.goal else count
        cells = ", ".join(
            f"{_cell_label(channel, kind)} {n}" for (channel, kind), n in sorted(case.cells.items())
        )
        rows.append([f"UA {printable(case.ua_number)}", done, cells, printable(case.title)])
    for line in aligned_rows(rows):
        print(f"  {line}", file=ctx.out)
    return 0


def _cell_label(channel: str, kind: str) -> str:
    """``Post/Appeal`` in the interface language (the stored values when unknown)."""
    from app.domain.model import AppealKind, Channel
    from app.labels import appeal_kind_label, channel_label

    try:
        return f"{channel_label(Channel(channel))}/{appeal_kind_label(AppealKind(kind))}"
    except ValueError:
        return f"{channel}/{kind}"


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.event_files import export_event

    count = export_event(ctx.database(), args.name, args.out)
    if count == 0:  # the event's identity, for the other laptops: the file is not empty
        wrote = _(
            "Wrote the event '{event}' to {file}, with no letters yet: merge it on the "
            "other laptops so that their letters count for the same event."
        )
    else:
        wrote = ngettext(
            "Wrote {count} record of '{event}' to {file}.",
            "Wrote {count} records of '{event}' to {file}.",
            count,
        )
    print(printable(wrote.format(count=count, event=args.name, file=args.out)), file=ctx.out)
    return 0


def run_merge(args: argparse.Namespace, ctx: CliContext) -> int:
    """A line for each file (and its conflicts); with several files, a last line for what
    they did together."""
    from app.domain.events import MergeResult
    from app.labels import merge_summary, merge_totals
    from app.services.event_files import merge_files

    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        raise InvalidInput(N_("No such file: {files}"), files=printable(", ".join(missing)))
    failed = False
    results = merge_files(ctx.database(), args.files)
    for path, result in zip(args.files, results, strict=True):
        if isinstance(result, InvalidInput):
            failed = True
            line = _("{file}: rejected: {reason}").format(file=path, reason=error_text(result))
            print(printable(line), file=ctx.out)
            continue
        print(printable(merge_summary(str(path), result)), file=ctx.out)
        for conflict in result.conflicts:
            line = _(
                "conflict: record {record} (UA {ua_number}) differs in {fields}; "
                "the copy in this database was kept"
            ).format(
                record=conflict.record_uuid,
                ua_number=conflict.ua_number,
                fields=", ".join(conflict.differences),
            )
            print("  " + printable(line), file=ctx.out)
    merged = [result for result in results if isinstance(result, MergeResult)]
    if len(results) > 1 and merged:
        print(printable(merge_totals(merged)), file=ctx.out)
    return 1 if failed else 0


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.event_reports import write_event_report
    from app.services.outputs import output_options

    if args.csv is None and args.pdf is None:
        raise InvalidInput(N_("Say where to write the report: --csv FILE and/or --pdf FILE."))
    tally = write_event_report(
        ctx.database(), args.name, args.csv, args.pdf, options=output_options(ctx.settings())
    )
    written = ", ".join(str(p) for p in (args.csv, args.pdf) if p is not None)
    text = ngettext(
        "Report for '{event}' ({count} letter) written to {files}.",
        "Report for '{event}' ({count} letters) written to {files}.",
        tally.total,
    ).format(event=tally.event.name, count=tally.total, files=written)
    print(printable(text), file=ctx.out)
    return 0
