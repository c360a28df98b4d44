"""Composition root: parse the command line, resolve paths, then run a CLI command or the GUI."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.cli import COMMAND_MODULES
from app.domain.errors import AppealDeskError
from app.i18n import N_, _
from app.paths import resolve_paths

log = logging.getLogger("app")


class CommandLineParser(argparse.ArgumentParser):
    """argparse that reports a bad option or value in one line and exits 1 (a user's mistake),
    keeping exit status 2 for unexpected errors."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        _PARSERS_USED.append(self)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse's, but words no parser took are reported by the innermost command's
        parser, so that the hint names that command's help (``appeal-desk list --help``)."""
        del _PARSERS_USED[:]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            from app.i18n import _

            innermost = _PARSERS_USED[-1] if _PARSERS_USED else self
            innermost.error(_("unrecognized arguments: %s") % " ".join(extras))
        return parsed

    def error(self, message: str) -> NoReturn:
        from app.cli.terminal import printable
        from app.i18n import _

        hint = _("(see '{command} --help')").format(command=self.prog)
        self.exit(1, f"{self.prog}: {printable(message)} {hint}\n")


# The parsers of the words being read, outermost first (a command's parser is handed the
# words after the command's name).
_PARSERS_USED: list[argparse.ArgumentParser] = []


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands``, only the global options and ``gui``."""
    parser = CommandLineParser(
        prog="appeal-desk",
        description=_("Write, print, send and track appeal letters for Urgent Actions."),
    )
    parser.add_argument("--version", action="version", version=f"appeal-desk {__version__}")
    for option, metavar, text in _GLOBAL_OPTIONS:
        parser.add_argument(option, metavar=metavar, help=_(text), type=_option_type(option))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help=_("open the main window (the default)"))
    gui.add_argument(
        _QUIT_AFTER_FIRST_PAINT,
        action="store_true",
        help=_("exit as soon as the case list is painted (benchmarks, smoke tests)"),
    )
    for option, metavar, text in _GLOBAL_OPTIONS:  # after "gui" too: appeal-desk-gui --lang es
        gui.add_argument(
            option,
            metavar=metavar,
            help=_(text),
            type=_option_type(option),
            default=argparse.SUPPRESS,
        )
    gui.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help=_("documents to import: the window offers to import them once it is open"),
    )
    gui.set_defaults(handler=None)
    if commands:
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(sub)
    return parser


_GLOBAL_OPTIONS = (
    ("--data-dir", "PATH", N_("data directory (overrides APPEAL_DESK_HOME)")),
    (
        "--database-url",
        "URL",
        N_(
            "use this database instead of the embedded SQLite file "
            "(e.g. postgresql+psycopg://user@host/appeals)"
        ),
    ),
    ("--lang", "LOCALE", N_("interface language, e.g. es or fr_CA")),
)
_QUIT_AFTER_FIRST_PAINT = "--quit-after-first-paint"


def _database_url(given: str) -> str:
    """``--database-url``'s value: an empty one (an unset shell variable) is refused rather
    than read as "no address", which would quietly open the SQLite file instead."""
    if not given.strip():
        raise argparse.ArgumentTypeError(
            _(
                "the address is empty. A database URL looks like "
                "postgresql+psycopg://user@host/appeals; leave the option out to use the "
                "SQLite file in the data folder."
            )
        )
    return given


def _option_type(option: str) -> Callable[[str], str]:
    return _database_url if option == "--database-url" else str


_HELP_OR_VERSION = frozenset({"-h", "--help", "--version"})


def opens_the_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no command but ``gui`` (or none) and asks for no help: the
    window then starts without importing every command module, which start-up cannot afford."""
    with_value = {option for option, _metavar, _text in _GLOBAL_OPTIONS}
    words = iter(argv)
    for word in words:
        if word in _HELP_OR_VERSION:
            return False
        if word in with_value:
            next(words, None)
        elif not word.startswith("-"):
            return word == "gui"
    return True


def read_window_words(words: Sequence[str]) -> argparse.Namespace | None:
    """What ``build_parser(commands=False).parse_args(words)`` gives for a plain start of the
    window (the global options, ``gui``, its flag, documents), read without building that
    parser: argparse asks gettext for a catalog at each of its own texts, which cost the
    window's first screen more than the rest of the command line's reading. None for
    anything else (help, an unknown or abbreviated option, a value that looks like an
    option, ``--``, a document after an option that follows documents): the parser reads
    those, and says what is wrong with them."""
    names = {option: option[2:].replace("-", "_") for option, _metavar, _text in _GLOBAL_OPTIONS}
    values: dict[str, object] = dict.fromkeys(names.values())
    values["command"] = None
    files: list[Path] = []
    documents_ended = False  # an option came after the documents: no more documents
    remaining = iter(words)
    for word in remaining:
        option, equals, given = word.partition("=")
        if option in names:
            if not equals:
                given = next(remaining, "-")
            if not given.strip() or given.startswith("-"):
                return None
            values[names[option]] = given
            documents_ended = bool(files)
        elif word == _QUIT_AFTER_FIRST_PAINT and values["command"] == "gui":
            values["quit_after_first_paint"] = True
            documents_ended = bool(files)
        elif word.startswith("-"):
            return None
        elif values["command"] is None:
            if word != "gui":
                return None
            values.update(command="gui", quit_after_first_paint=False, handler=None)
        elif documents_ended:
            return None
        else:
            files.append(Path(word))
    if values["command"] == "gui":
        values["files"] = files
    return argparse.Namespace(**values)


def files_open_the_window(argv: Sequence[str]) -> list[str]:
    """``appeal-desk ua.pdf`` as ``appeal-desk gui ua.pdf``: a program given a document opens
    it, as desktop programs do. A word is taken for a document when it names an existing file
    and could not be a command (it holds a dot or a slash)."""
    with_value = {option for option, _metavar, _text in _GLOBAL_OPTIONS}
    words = list(argv)
    index = 0
    while index < len(words):
        word = words[index]
        if word.partition("=")[0] in with_value:
            index += 1 if "=" in word else 2
        elif word.startswith("-"):
            index += 1
        else:
            looks_like_a_path = "." in word or "/" in word or os.sep in word
            if looks_like_a_path and Path(word).is_file():
                return [*words[:index], "gui", *words[index:]]
            return words
    return words


def leading_option(argv: Sequence[str], option: str) -> str | None:
    """The value of a global option given before the command (``--lang es``, ``--lang=es``);
    the same option after the command belongs to it (``letter --lang es`` is the letter's)."""
    with_value = {name for name, _metavar, _text in _GLOBAL_OPTIONS}
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name in with_value:
            given = value if equals else next(words, None)
            if name == option:
                return given
        elif not word.startswith("-"):
            return None
    return None


def _say_unknown_language(wanted: str, used: str) -> None:
    """One line on stderr: ``--lang`` asked for a language the app has no catalog for."""
    from app.i18n import _, available_languages

    print(
        _(
            "warning: there is no translation for '{wanted}'; using {used}. Languages: {choices}."
        ).format(wanted=wanted, used=used, choices=", ".join(sorted(available_languages()))),
        file=sys.stderr,
    )


def choose_cli_language(argv: Sequence[str]) -> str:
    """The command line speaks ``--lang``, else the language chosen in the window's Settings,
    else English (a translator's ``APPEAL_DESK_TEST_PO`` wins over all three). A ``--lang``
    the app has no catalog for is said on stderr, with the languages there are."""
    from app.i18n import SOURCE_LANGUAGE, TEST_PO_ENV, set_language

    wanted = leading_option(argv, "--lang")
    if wanted:
        used = set_language(wanted)
        asked_for = wanted.replace("-", "_").split("_")[0].lower()
        if used.split("_")[0] != asked_for and not os.environ.get(TEST_PO_ENV):
            _say_unknown_language(wanted, used)
        return used
    from app.settings import read_settings

    try:
        settings, _ignored = read_settings(resolve_paths(leading_option(argv, "--data-dir")))
    except (OSError, ValueError) as exc:  # a command that needs them says what is wrong
        log.debug("settings not read for the language: %s", exc)
        return set_language(SOURCE_LANGUAGE)
    return set_language(settings.ui_language or SOURCE_LANGUAGE)


def main(argv: Sequence[str] | None = None) -> int:
    if os.name == "posix":  # what the app creates (store, backups, log) is its user's alone
        from app.paths import use_private_umask

        use_private_umask()
    from app.logging_setup import quiet_until_configured

    quiet_until_configured()
    words = files_open_the_window(sys.argv[1:] if argv is None else argv)
    window = opens_the_window(words)
    args = read_window_words(words) if window else None
    if args is None:  # the language first, so that help and mistakes are said in it too
        from app.cli.argparse_words import argparse_speaks

        language = choose_cli_language(words)
        with argparse_speaks(language):
            args = build_parser(commands=not window).parse_args(words)
    handler = getattr(args, "handler", None)
    if handler is None:
        return run_gui(args)
    from app.cli.context import CliContext

    ctx = CliContext(
        paths=resolve_paths(args.data_dir),
        database_url=args.database_url,
        lang=args.lang,
        reads_only=getattr(args, "reads_only", False),
    )
    from app.logging_setup import configure_logging

    configure_logging(ctx.paths, console=False)
    from app.i18n import say_preview_problems

    say_preview_problems()  # a translator's APPEAL_DESK_TEST_PO that could not be used
    try:
        return int(handler(args, ctx) or 0)
    except AppealDeskError as exc:
        from app.cli.errors import error_text
        from app.cli.terminal import printable

        log.info("command %s refused: %s", args.command, exc.message)
        print(f"appeal-desk: {printable(error_text(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "appeal-desk list | head": the reader left, which is no error
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # a bug: keep the traceback in the log, give the user one line
        log.exception("command %s failed", args.command)
        from app.cli.errors import unexpected_error_text

        print(f"appeal-desk: {unexpected_error_text(ctx.paths.log_dir)}", file=sys.stderr)
        return 2
    finally:
        ctx.close()


_window_done: list[bool] = []  # the window ran and closed: everything is saved and closed


def run_gui(args: argparse.Namespace) -> int:
    from app.qt_system_libraries import check_window_platform, lacks_display

    if lacks_display():  # Qt would abort the process with its own message
        from app.i18n import _

        given = {"--lang": args.lang, "--data-dir": args.data_dir}
        choose_cli_language([word for k, v in given.items() if v for word in (k, str(v))])
        print(
            "appeal-desk: "
            + _(
                "No display was found to open the window on (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set). Start Appeal Desk from your desktop session; the "
                "command line works without one (appeal-desk --help)."
            ),
            file=sys.stderr,
        )
        return 1
    missing = check_window_platform()
    if missing is not None:  # Qt would abort with a message naming the wrong library
        from app.qt_library_advice import detect_distribution

        print(missing.advice(detect_distribution()), file=sys.stderr)
        return 1
    import gc

    gc.disable()  # from here on as application.run says (the window's modules included)
    from app.ui.start_up import start_up

    started = start_up(args)  # before Qt loads: the first screen of cases is read there
    from app.ui.application import run

    status = run(args, started)
    _window_done.append(True)
    return status


def leave(status: int) -> NoReturn:
    """End the process with ``status``.

    After the window has closed (its jobs finished, the store closed, Qt shut down) nothing
    is left to save, and tearing the interpreter down object by object (SQLAlchemy's and the
    case list's) took 130-500 ms of the user's time at every exit (bench/bench_ready.py):
    the log is flushed and the process ends at once. Other commands exit as usual."""
    if not _window_done:
        sys.exit(status)
    logging.shutdown()  # flush and close the log file
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed, or none
            stream.flush()
    os._exit(status)


def entry() -> NoReturn:
    """Entry point of the ``appeal-desk`` command and of ``python -m app``."""
    leave(main())


def gui_main() -> NoReturn:
    """Entry point of the ``appeal-desk-gui`` launcher (no console on Windows)."""
    leave(main(["gui", *sys.argv[1:]]))
