"""CLI for translators: ``appeal-desk i18n check [LOCALE]`` and ``appeal-desk i18n stats``."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands."""
    parser = sub.add_parser("i18n", help=_("check and measure translations (for translators)"))
    commands = parser.add_subparsers(dest="i18n_command", metavar="SUBCOMMAND", required=True)
    check = commands.add_parser(
        "check",
        help=_("check catalogs and letter templates; exits 1 on any error"),
        description=_(
            "Checks interface catalogs (placeholders, plural forms, fuzzy, untranslated, "
            "out of date) and letter templates (syntax with file:line, files missing compared with "
            "English, salutation rules, a render of every fictional sample case)."
        ),
    )
    check.add_argument(
        "locale", nargs="?", metavar="LOCALE", help=_("only this locale, e.g. es or pt_BR")
    )
    check.add_argument(
        "--no-render", action="store_true", help=_("skip rendering the sample cases")
    )
    check.add_argument("--quiet", action="store_true", help=_("print errors only"))
    check.add_argument(
        "--user-templates",
        action="store_true",
        help=_("also check your own templates in <data directory>/templates/<locale>/"),
    )
    check.set_defaults(handler=check_handler)
    stats = commands.add_parser("stats", help=_("print a translation coverage table"))
    stats.set_defaults(handler=stats_handler)
    compile_ = commands.add_parser(
        "compile",
        help=_("build the compiled catalogs (messages.mo) shipped beside each messages.po"),
        description=_(
            "Writes locales/<locale>/LC_MESSAGES/messages.mo for every catalog, so that "
            "starting in that language reads it instead of compiling the .po. Run it after editing "
            "a catalog; i18n check reports a .mo older than its .po."
        ),
    )
    compile_.set_defaults(handler=compile_handler)


def check_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.errors import InvalidInput
    from app.i18n import _, normalize_locale
    from app.services.translation_check import all_locales, check_locale

    if args.locale:
        locale = normalize_locale(args.locale)
        if locale is None or locale not in all_locales():
            known = ", ".join(all_locales())
            raise InvalidInput(
                _("No catalog or templates for %(locale)s; known locales: %(known)s.")
                % {"locale": args.locale, "known": known}
            )
        locales = [locale]
    else:
        locales = all_locales()
    error_count = 0
    for locale in locales:
        user = ctx.paths.user_templates if args.user_templates else None
        report = check_locale(locale, render=not args.no_render, user_templates=user)
        for problem in report.problems:
            if problem.error or not args.quiet:
                print(problem, file=ctx.out)
        error_count += len(report.errors)
        if not args.quiet:
            print(f"{locale}: {_summary(report)}", file=ctx.out)
    print(f"{len(locales)} locale(s) checked, {error_count} error(s).", file=ctx.out)
    return 1 if error_count else 0


def compile_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    from app import i18n
    from app.atomic_files import replace_file_contents
    from app.services.catalog_check import interface_locales

    written = 0
    for locale in interface_locales():
        if not i18n.catalog_path(locale).is_file():
            continue
        data = i18n.compile_po(i18n.catalog_path(locale), locale, mark=True)
        replace_file_contents(i18n.compiled_path(locale), data)
        written += 1
        print(i18n.compiled_path(locale), file=ctx.out)
    i18n.reload_catalogs()
    print(f"{written} catalog(s) compiled.", file=ctx.out)  # a translators' tool, like check
    return 0


def stats_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.translation_check import all_locales, check_locale

    header = f"{'locale':<8} {'translated':>10} {'fuzzy':>6} {'untransl.':>9} {'total':>6} {'done':>7}  templates"
    print(header, file=ctx.out)
    print("-" * len(header), file=ctx.out)
    for locale in all_locales():
        report = check_locale(locale, render=False)
        templates = (
            f"{report.templates_present}/{report.templates_expected}"
            if report.templates_expected
            else "-"
        )
        stats = report.stats
        if stats is None:
            print(
                f"{locale:<8} {'(source language)' if locale == 'en' else '(no catalog)':>41}  {templates}",
                file=ctx.out,
            )
            continue
        print(
            f"{locale:<8} {stats.translated:>10} {stats.fuzzy:>6} {stats.untranslated:>9} "
            f"{stats.total:>6} {stats.percent:>6.1f}%  {templates}",
            file=ctx.out,
        )
    return 0


def _summary(report: object) -> str:
    from app.services.translation_check import LocaleReport

    assert isinstance(report, LocaleReport)
    parts = []
    if report.stats is not None:
        s = report.stats
        parts.append(
            f"{s.translated}/{s.total} translated, {s.fuzzy} fuzzy, {s.untranslated} untranslated"
        )
    if report.templates_expected:
        parts.append(f"templates {report.templates_present}/{report.templates_expected}")
    parts.append(f"{len(report.errors)} error(s)")
    return "; ".join(parts)
