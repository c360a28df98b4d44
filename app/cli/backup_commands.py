"""CLI commands for backups: backup (write one now), backups (list them), restore FILE."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext
from app.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    make = sub.add_parser("backup", help=_("back up the database now and print the file's path"))
    make.set_defaults(handler=run_backup)

    show = sub.add_parser("backups", help=_("list the backups (newest first)"))
    show.set_defaults(handler=run_backups)

    restore = sub.add_parser(
        "restore",
        help=_("replace the database with a backup (the current one is backed up or kept first)"),
    )
    restore.add_argument("file", type=Path, metavar="FILE", help=_("a backup file (see 'backups')"))
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.backups import make_backup

    print(make_backup(ctx.paths), file=ctx.out)  # from the file: never migrates or repairs
    return 0


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.dates import date_time
    from app.labels import (
        backup_contents_text,
        backup_reason_label,
        file_size_text,
        unusable_backup_text,
    )
    from app.services.backups import list_backups

    backups = list_backups(ctx.paths)
    if not backups:
        print(_("No backups in {folder} yet.").format(folder=ctx.paths.backups), file=ctx.out)
        return 0
    rows = [
        (
            date_time(info.created),
            backup_reason_label(info.reason),
            file_size_text(info.size),
            unusable_backup_text() if info.problem else backup_contents_text(info.counts),
            str(info.path),
        )
        for info in backups
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [
            cell.rjust(w) if i == 2 else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=False))
        ]
        print("  ".join([*cells, row[-1]]), file=ctx.out)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.backups import restore_backup

    outcome = restore_backup(ctx.paths, args.file)
    print(
        _("Restored {database} from {backup}.").format(
            database=ctx.paths.database, backup=outcome.restored_from
        ),
        file=ctx.out,
    )
    if outcome.safety_backup is not None:
        print(
            _("The previous database was backed up to {file}.").format(file=outcome.safety_backup),
            file=ctx.out,
        )
    if outcome.damaged_copy is not None:
        print(
            _("The damaged database was kept as {file}.").format(file=outcome.damaged_copy),
            file=ctx.out,
        )
    return 0
