"""CLI for translators: ``appeal-desk i18n check [LOCALE]`` and ``appeal-desk i18n stats``."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.i18n import _, ngettext, pgettext


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
    from app.domain.errors import N_, InvalidInput
    from app.i18n import normalize_locale
    from app.services.translation_check import all_locales, check_locale

    if args.locale:
        locale = normalize_locale(args.locale)
        if locale is None or locale not in all_locales():
            known = ", ".join(all_locales())
            raise InvalidInput(
                N_("No catalog or templates for %(locale)s; known locales: %(known)s."),
                locale=args.locale,
                known=known,
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
                print(problem.translated(_), file=ctx.out)
        error_count += len(report.errors)
        if not args.quiet:
            print(f"{locale}: {_summary(report)}", file=ctx.out)
    checked = ngettext("%(count)d locale checked", "%(count)d locales checked", len(locales))
    errors = ngettext("%(count)d error.", "%(count)d errors.", error_count)
    print(
        _("{checked}, {errors}").format(
            checked=checked % {"count": len(locales)}, errors=errors % {"count": error_count}
        ),
        file=ctx.out,
    )
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
        replace_file_contents(i18n.compiled_path(locale), data, private=False)  # the program's
        written += 1
        print(i18n.compiled_path(locale), file=ctx.out)
    i18n.reload_catalogs()
    compiled = ngettext("%(count)d catalog compiled.", "%(count)d catalogs compiled.", written)
    print(compiled % {"count": written}, file=ctx.out)
    return 0


def stats_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.translation_check import all_locales, check_locale

    columns = [
        (pgettext("column", "Locale"), 8),
        (pgettext("column", "Translated"), 10),
        (pgettext("column", "Fuzzy"), 6),
        (pgettext("column", "Untranslated"), 9),
        (pgettext("column", "Total"), 6),
        (pgettext("column", "Done"), 7),
    ]
    widths = [max(len(title), width) for title, width in columns]
    titles = [columns[0][0].ljust(widths[0])]
    titles += [
        title.rjust(width) for (title, _w), width in zip(columns[1:], widths[1:], strict=True)
    ]
    header = " ".join(titles) + "  " + pgettext("column", "Templates")
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
            note = _("(source language)") if locale == "en" else _("(no catalog)")
            width = sum(widths[1:]) + len(widths) - 1
            print(
                f"{locale:<{widths[0]}} {note:>{width - widths[0] - 1}}  {templates}", file=ctx.out
            )
            continue
        cells = [stats.translated, stats.fuzzy, stats.untranslated, stats.total]
        numbers = [f"{n:>{w}}" for n, w in zip(cells, widths[1:5], strict=True)]
        # A regional catalog is done as far as its users see: its base language fills the rest
        done = f"{stats.shown_percent:.1f}%"
        line = f"{locale:<{widths[0]}} {' '.join(numbers)} {done:>{widths[5]}}  {templates}"
        if stats.base and stats.from_base:
            line += "  " + ngettext(
                "(%(count)d entry shows the %(base)s text)",
                "(%(count)d entries show the %(base)s text)",
                stats.from_base,
            ) % {"count": stats.from_base, "base": stats.base}
        if stats.copied_from:  # a copy of another language's catalog: those are not done
            line += "  " + _copied_note(stats.copied, stats.copied_from)
        print(line, file=ctx.out)
    return 0


def _copied_note(count: int, source: str) -> str:
    """How many entries of a catalog copied from ``source``'s are still its text."""
    return ngettext(
        "(%(count)d entry is still the %(source)s text)",
        "(%(count)d entries are still the %(source)s text)",
        count,
    ) % {"count": count, "source": source}


def _summary(report: object) -> str:
    from app.services.translation_check import LocaleReport

    assert isinstance(report, LocaleReport)
    parts = []
    if report.stats is not None:
        s = report.stats
        parts.append(
            _("translated: {done}/{total}, fuzzy: {fuzzy}, untranslated: {untranslated}").format(
                done=s.translated, total=s.total, fuzzy=s.fuzzy, untranslated=s.untranslated
            )
            + (f" {_copied_note(s.copied, s.copied_from)}" if s.copied_from else "")
        )
    if report.templates_expected:
        parts.append(
            _("templates: {present}/{expected}").format(
                present=report.templates_present, expected=report.templates_expected
            )
        )
    errors = len(report.errors)
    parts.append(ngettext("%(count)d error", "%(count)d errors", errors) % {"count": errors})
    if report.english_copies:  # a letter would mix the language with English: say so here too
        copies = ngettext(
            "%(count)d file still the English copy",
            "%(count)d files still the English copy",
            report.english_copies,
        )
        parts.append(copies % {"count": report.english_copies})
    if report.other_copies:  # the same, in another language than English
        copies = ngettext(
            "%(count)d file the same as another language's",
            "%(count)d files the same as another language's",
            report.other_copies,
        )
        parts.append(copies % {"count": report.other_copies})
    return "; ".join(parts)
