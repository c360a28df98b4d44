"""``appeal-desk settings``: show and change the writer's name, address and the other letter
settings from the command line, in the same file the window's Settings writes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.terminal import printable
from app.i18n import _

if TYPE_CHECKING:
    from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``appeal-desk settings show`` and ``settings set KEY VALUE``."""
    from app.settings import SETTING_KEYS

    settings = sub.add_parser(
        "settings", help=_("show or change your name, address and letter settings")
    )
    actions = settings.add_subparsers(dest="settings_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=_("show the settings"))
    show.set_defaults(handler=run_settings_show)
    change = actions.add_parser(
        "set",
        help=_("change one setting (an empty value clears it)"),
        description=_(
            "Change one setting, as the window's Settings does. Example: "
            'appeal-desk settings set name "Ana Example"'
        ),
    )
    change.add_argument("key", choices=SETTING_KEYS, metavar="KEY", help=", ".join(SETTING_KEYS))
    change.add_argument("value", metavar="VALUE", help=_('the new value; "" clears it'))
    change.set_defaults(handler=run_settings_set)


def run_settings_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.settings import setting_values

    for key, value in setting_values(ctx.settings()):
        shown = _one_line(value) or _("(not set)")
        print(printable(f"{key}: {shown}"), file=ctx.out)
    return 0


def run_settings_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.i18n import available_languages
    from app.services.letters import available_letter_locales
    from app.settings import changed_setting, save_settings, setting_values

    old = ctx.settings()
    new = changed_setting(
        old,
        args.key,
        args.value,
        letter_languages=tuple(
            available_letter_locales(
                ctx.paths.user_templates,  # a regional locale written with its base language's
                including=args.value if args.key == "letter-language" else None,
            )
        ),
        ui_languages=tuple(available_languages()),
    )
    save_settings(ctx.paths, new)
    value = _one_line(dict(setting_values(new))[args.key])
    if value:
        print(printable(_("{key} is now: {value}").format(key=args.key, value=value)), file=ctx.out)
    else:
        print(_("{key} is cleared.").format(key=args.key), file=ctx.out)
    return 0


def _one_line(value: str) -> str:
    """A setting of several lines (the address) shown on one line."""
    return " / ".join(value.splitlines())
