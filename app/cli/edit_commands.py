"""CLI commands that correct or remove records: case, appeal, undo-import and samples."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli.context import CliContext
from app.cli.terminal import printable
from app.domain.changes import DeletionPreview
from app.domain.errors import N_, InvalidInput
from app.i18n import _, ngettext, pgettext
from app.labels import removal_sentence

if TYPE_CHECKING:
    from app.domain.model import AppealRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``appeal-desk case ...``, ``appeal ...``, ``undo-import`` and ``samples``."""
    from app.cli.case_commands import parse_iso_date

    case = sub.add_parser("case", help=_("correct or delete a case"))
    case_actions = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    edit = case_actions.add_parser("edit", help=_("correct a case's title, country, deadline…"))
    edit.add_argument("ua_number", metavar="UA")
    edit.add_argument("--title", metavar="T")
    edit.add_argument("--country", metavar="C")
    edit.add_argument("--deadline", type=parse_iso_date, metavar="YYYY-MM-DD")
    edit.add_argument("--status", choices=("open", "closed"))
    edit.set_defaults(handler=run_case_edit)
    delete = case_actions.add_parser("delete", help=_("delete a case with its documents"))
    delete.add_argument("ua_number", metavar="UA")
    delete.add_argument(
        "--keep-appeals",
        action="store_true",
        help=_("keep the case's appeals as history (they still count in reports)"),
    )
    delete.add_argument("--yes", action="store_true", help=_("do not ask before deleting"))
    delete.set_defaults(handler=run_case_delete)

    appeal = sub.add_parser("appeal", help=_("list, correct or delete recorded appeals"))
    appeal_actions = appeal.add_subparsers(dest="appeal_command", metavar="ACTION", required=True)
    lst = appeal_actions.add_parser("list", help=_("list recorded appeals with their ids"))
    lst.add_argument("--case", dest="ua_number", metavar="UA")
    lst.add_argument("--json", action="store_true", help=_("print JSON"))
    lst.set_defaults(handler=run_appeal_list, reads_only=True)
    aedit = appeal_actions.add_parser("edit", help=_("correct an appeal's channel, date, status"))
    aedit.add_argument("appeal_id", metavar="ID")
    aedit.add_argument("--channel", metavar="C")
    aedit.add_argument("--date", dest="sent_on", type=parse_iso_date, metavar="YYYY-MM-DD")
    aedit.add_argument("--status", metavar="S", help=_("draft, printed, sent"))
    aedit.set_defaults(handler=run_appeal_edit)
    adelete = appeal_actions.add_parser("delete", help=_("delete an appeal or a draft"))
    adelete.add_argument("appeal_id", metavar="ID")
    adelete.add_argument("--yes", action="store_true", help=_("do not ask before deleting"))
    adelete.set_defaults(handler=run_appeal_delete)

    undo = sub.add_parser(
        "undo-import", help=_("undo the last import: your cases return to their state before it")
    )
    undo.add_argument("--yes", action="store_true", help=_("do not ask before undoing"))
    undo.set_defaults(handler=run_undo_import)

    samples = sub.add_parser("samples", help=_("open the fictional sample cases, for practice"))
    samples.set_defaults(handler=run_samples)
    sample_actions = samples.add_subparsers(dest="samples_action", metavar="ACTION")
    remove = sample_actions.add_parser(
        "remove", help=_("remove the fictional sample cases and the practice letters to them")
    )
    remove.add_argument("--yes", action="store_true", help=_("do not ask before removing"))
    remove.set_defaults(handler=run_samples_remove)


def register_event_actions(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add ``appeal-desk event edit`` and ``event delete`` to the event command."""
    from app.cli.case_commands import parse_iso_date

    edit = actions.add_parser("edit", help=_("change an event's name, date, place or cases"))
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", metavar="NEW_NAME")
    edit.add_argument("--date", dest="held_on", type=parse_iso_date, metavar="YYYY-MM-DD")
    edit.add_argument("--place", metavar="TEXT")
    edit.add_argument(
        "--cases", metavar="UA_NUMBER,...", help=_("the cases in play (replaces the list)")
    )
    edit.add_argument("--goal", type=int, metavar="N", help=_("letters per case (with --cases)"))
    edit.set_defaults(handler=run_event_edit)
    delete = actions.add_parser("delete", help=_("delete an event and the letters counted for it"))
    delete.add_argument("name", metavar="NAME")
    delete.add_argument(
        "--keep-letters",
        action="store_true",
        help=_("keep the event's letters in the history, without the event"),
    )
    delete.add_argument("--yes", action="store_true", help=_("do not ask before deleting"))
    delete.set_defaults(handler=run_event_delete)


def describe_removal(preview: DeletionPreview, *, keep_appeals: bool = False) -> str:
    """One sentence naming what a deletion removes (said before it happens)."""
    parts: list[str] = []
    if preview.documents:
        parts.append(
            ngettext("%(count)d document", "%(count)d documents", preview.documents)
            % {"count": preview.documents}
        )
    if preview.appeals and not keep_appeals:
        appeals = ngettext(
            "%(count)d recorded appeal", "%(count)d recorded appeals", preview.appeals
        ) % {"count": preview.appeals}
        letters = ngettext("(%(count)d letter)", "(%(count)d letters)", preview.letters) % {
            "count": preview.letters
        }
        parts.append(f"{appeals} {letters}")
    text = removal_sentence(preview, "; ".join(parts))
    if preview.appeals and keep_appeals:
        kept = ngettext("%(count)d appeal", "%(count)d appeals", preview.appeals) % {
            "count": preview.appeals
        }
        text += " " + _("Kept in the history and in reports: {appeals}.").format(appeals=kept)
    return text


def _confirmed(args: argparse.Namespace, ctx: CliContext, what: str) -> bool:
    """Say what will be removed; ask only when a person is at the terminal."""
    print(what, file=ctx.out)
    if getattr(args, "yes", False) or not sys.stdin.isatty():
        return True
    answer = input(_("Go ahead? [y/N] ")).strip().lower()
    # TRANSLATORS: the short and the long "yes" a person types to go ahead (English works too)
    return answer in {"y", "yes", pgettext("answer", "y"), pgettext("answer", "yes")}


def _changed(ctx: CliContext, changed: bool, *, done: str, unchanged: str) -> int:
    """Say whether an edit changed anything (either way the command succeeded)."""
    print(done if changed else unchanged, file=ctx.out)
    return 0


def _delete(
    args: argparse.Namespace,
    ctx: CliContext,
    what: str,
    delete: Callable[[], str],
    *,
    declined: str | None = None,
) -> int:
    """Say what goes, ask, then run ``delete`` and print what it reports."""
    if not _confirmed(args, ctx, what):
        print(declined or _("Nothing was deleted."), file=ctx.out)
        return 0
    done = delete()
    if done:
        print(done, file=ctx.out)
    return 0


def run_case_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.changes import CaseEdits
    from app.services.editing import edit_case

    edits = CaseEdits(
        title=args.title, country=args.country, deadline=args.deadline, status=args.status
    )
    change = edit_case(ctx.database(), args.ua_number, edits)
    return _changed(
        ctx,
        change.changed,
        done=_("UA {ua_number} corrected; your values stay when a later document arrives.").format(
            ua_number=change.ua_number
        ),
        unchanged=_("UA {ua_number} already has these values.").format(ua_number=change.ua_number),
    )


def run_case_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.editing import delete_case, preview_case_deletion

    db = ctx.database()
    preview = preview_case_deletion(db, args.ua_number)

    def delete() -> str:
        change = delete_case(db, args.ua_number, keep_appeals=args.keep_appeals)
        return _("Deleted UA {ua_number}.").format(ua_number=change.ua_number)

    return _delete(args, ctx, describe_removal(preview, keep_appeals=args.keep_appeals), delete)


def appeal_json(record: object) -> dict[str, object]:
    from app.domain.model import AppealRecord

    assert isinstance(record, AppealRecord)
    return {
        "id": record.appeal_id,
        "ua_number": record.ua_number,
        "target": record.target_label,
        "channel": record.channel.value if record.channel else None,
        "date": record.sent_on.isoformat() if record.sent_on else None,
        "status": record.status.value,
        "count": record.count,  # letters this record stands for ("sent --count 12")
    }


def run_appeal_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.appeals import list_appeals

    records = list_appeals(ctx.database(), ua_number=args.ua_number)
    if args.json:
        print(
            json.dumps([appeal_json(r) for r in records], ensure_ascii=False, indent=2),
            file=ctx.out,
        )
        return 0
    if not records:
        print(_("No appeals recorded."), file=ctx.out)
    rows = [_appeal_row(record) for record in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)] if rows else []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print(printable("  ".join([*cells, row[-1]]).rstrip()), file=ctx.out)
    return 0


def _appeal_row(record: AppealRecord) -> list[str]:
    """Id, UA, date, channel and status, then the count and the official."""
    from app.dates import medium_date
    from app.domain.model import AppealStatus
    from app.labels import channel_label

    statuses = {
        AppealStatus.DRAFT: pgettext("appeal status", "Draft"),
        AppealStatus.PRINTED: pgettext("appeal status", "Printed"),
        AppealStatus.SENT: pgettext("appeal status", "Sent"),
    }
    count = f"x{record.count} " if record.count > 1 else ""
    return [
        record.appeal_id[:8],
        _("UA {ua_number}").format(ua_number=record.ua_number),
        medium_date(record.sent_on) if record.sent_on else "\u2014",
        channel_label(record.channel) if record.channel else "\u2014",
        statuses.get(record.status, record.status.value),
        count + record.target_label,
    ]


def run_appeal_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.changes import AppealEdits
    from app.services.editing import edit_appeal, find_appeal_id

    db = ctx.database()
    appeal_id = find_appeal_id(db, args.appeal_id)
    edits = AppealEdits(channel=args.channel, sent_on=args.sent_on, status=args.status)
    change = edit_appeal(db, appeal_id, edits)
    return _changed(
        ctx,
        change.changed,
        done=_("Appeal {id} for UA {ua_number} corrected.").format(
            id=appeal_id[:8], ua_number=change.ua_number
        ),
        unchanged=_("The appeal already has these values."),
    )


def run_appeal_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.appeals import list_appeals
    from app.services.editing import delete_appeal, find_appeal_id

    db = ctx.database()
    appeal_id = find_appeal_id(db, args.appeal_id)
    [record] = [r for r in list_appeals(db) if r.appeal_id == appeal_id]
    what = _("This removes the appeal {id} for UA {ua_number} to {target} ({status}).").format(
        status=_appeal_row(record)[4],
        id=appeal_id[:8],
        ua_number=record.ua_number,
        target=record.target_label or "-",
    )

    def delete() -> str:
        delete_appeal(db, appeal_id)
        return _("Deleted appeal {id}.").format(id=appeal_id[:8])

    return _delete(args, ctx, what, delete)


def run_event_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.changes import EventEdits
    from app.services.editing import edit_event

    cases = None
    if args.cases is not None:
        cases = {n.strip(): args.goal for n in args.cases.split(",") if n.strip()}
    elif args.goal is not None:
        raise InvalidInput(N_("--goal goes with --cases (the goal of each case listed)."))
    edits = EventEdits(new_name=args.new_name, held_on=args.held_on, place=args.place, cases=cases)
    change = edit_event(ctx.database(), args.name, edits)
    return _changed(
        ctx,
        change.changed,
        done=_("Event '{event}' changed.").format(event=args.new_name or args.name),
        unchanged=_("The event already has these values."),
    )


def run_event_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.editing import delete_event, preview_event_deletion
    from app.services.events import get_event

    db = ctx.database()
    preview = preview_event_deletion(db, args.name)

    name = get_event(db, args.name).name

    def delete() -> str:
        delete_event(db, args.name, keep_letters=args.keep_letters)
        return _("Deleted the event '{event}'.").format(event=name)

    return _delete(args, ctx, describe_removal(preview, keep_appeals=args.keep_letters), delete)


def run_undo_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.i18n import short_list
    from app.services.undo_import import (
        BACKUP_RESTORED,
        CANNOT_UNDO,
        NOTHING_LEFT,
        last_import,
        undo_last_import,
    )

    db = ctx.database()
    pending = last_import(db)
    if pending is None:
        raise InvalidInput(N_("There is no import to undo."))
    if pending.before_restore:  # the restored backup's own import is not the user's last
        raise InvalidInput(BACKUP_RESTORED)
    if pending.blocked:  # refused before anything is described as going
        raise InvalidInput(CANNOT_UNDO)
    if pending.nothing_left:  # forget the spent import, so the one before it is next
        undo_last_import(db)
        print(
            _(NOTHING_LEFT).format(what=short_list(pending.sources, pending.more_sources)),
            file=ctx.out,
        )
        return 0
    what = _("Undo the import of {what}.").format(
        what=short_list(pending.sources, pending.more_sources)
    )
    if pending.created:
        what += " " + _("These cases go: {cases}.").format(cases=short_list(pending.created))
    if pending.updated:
        what += " " + _("These cases go back to how they were before it: {cases}.").format(
            cases=short_list(pending.updated)
        )

    def undo() -> str:
        undone = undo_last_import(db)
        lines = [_("Removed UA {ua_number}.").format(ua_number=n) for n in undone.created]
        lines += [
            _("UA {ua_number} is as it was before.").format(ua_number=n) for n in undone.updated
        ]
        return "\n".join(lines)

    return _delete(args, ctx, what, undo, declined=_("Nothing was changed."))


def run_samples(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli.case_commands import import_line
    from app.services.samples import load_sample_pack

    results = load_sample_pack(ctx.database())
    for result in results:
        print(printable(import_line(result)), file=ctx.out)
    print(
        _(
            "The sample cases are fictional, for practice: they are never counted in reports. "
            "Remove them with 'appeal-desk samples remove' when you are done."
        ),
        file=ctx.out,
    )
    return 1 if any(r.outcome.value == "rejected" for r in results) else 0


def run_samples_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    """Remove only the cases marked as fictional samples (and practice letters to them), in
    one transaction, whatever was imported since."""
    from app.i18n import short_list
    from app.services.editing import practice_cases, remove_practice_cases

    db = ctx.database()
    preview = practice_cases(db)
    if not preview.cases:
        print(_("You have no practice cases."), file=ctx.out)
        return 0
    what = (
        describe_removal(preview)
        + " "
        + _("These cases go: {cases}.").format(cases=short_list(preview.cases))
    )

    def remove() -> str:
        remove_practice_cases(db)
        count = len(preview.cases)
        return ngettext(
            "Removed %(count)d sample case.", "Removed %(count)d sample cases.", count
        ) % {"count": count}

    return _delete(args, ctx, what, remove)
