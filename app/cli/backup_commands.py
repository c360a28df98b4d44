"""CLI commands for backups: backup (write one now), backups (list them), restore FILE."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    make = sub.add_parser("backup", help="back up the database now and print the file's path")
    make.set_defaults(handler=run_backup)

    show = sub.add_parser("backups", help="list the backups (newest first)")
    show.set_defaults(handler=run_backups)

    restore = sub.add_parser(
        "restore",
        help="replace the database with a backup (the current one is backed up or kept first)",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup file (see 'backups')")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.backups import make_backup

    print(make_backup(ctx.paths), file=ctx.out)  # from the file: never migrates or repairs
    return 0


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.backups import list_backups

    backups = list_backups(ctx.paths)
    if not backups:
        print(f"No backups in {ctx.paths.backups} yet.", file=ctx.out)
        return 0
    for info in backups:
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        counts = ", ".join(
            f"{info.counts.get(t, 0)} {t}"
            for t in ("cases", "appeals", "events")
            if t in info.counts
        )
        print(
            f"{when}  {info.reason:<14} {_size(info.size):>9}  {counts}  {info.path}",
            file=ctx.out,
        )
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.backups import restore_backup

    outcome = restore_backup(ctx.paths, args.file)
    print(f"Restored {ctx.paths.database} from {outcome.restored_from}.", file=ctx.out)
    if outcome.safety_backup is not None:
        print(f"The previous database was backed up to {outcome.safety_backup}.", file=ctx.out)
    if outcome.damaged_copy is not None:
        print(f"The damaged database was kept as {outcome.damaged_copy}.", file=ctx.out)
    return 0


def _size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size:.1f} GB"
