"""CLI commands that add Appeal Desk to the desktop's application menu and remove it."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    desktop = sub.add_parser(
        "desktop", help=_("add Appeal Desk to your application menu (Linux), or remove it")
    )
    actions = desktop.add_subparsers(dest="desktop_command", metavar="ACTION", required=True)
    install = actions.add_parser("install", help=_("add the menu entry and icon for this user"))
    install.set_defaults(handler=run_install)
    remove = actions.add_parser("remove", help=_("remove the menu entry and icon again"))
    remove.set_defaults(handler=run_remove)


def run_install(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.desktop_entry import install_entry

    places = install_entry()
    print(_("Added Appeal Desk to your application menu:"), file=ctx.out)
    for path in places.all():
        print(f"  {path}", file=ctx.out)
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.desktop_entry import remove_entry

    removed = remove_entry()
    if not removed:
        print(_("Appeal Desk was not in your application menu; nothing to remove."), file=ctx.out)
        return 0
    print(_("Removed Appeal Desk from your application menu:"), file=ctx.out)
    for path in removed:
        print(f"  {path}", file=ctx.out)
    return 0
