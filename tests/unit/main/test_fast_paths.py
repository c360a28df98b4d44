"""Start-up shortcuts give the same answers as the long way round."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError

from app import i18n
from app.main import build_parser, files_open_the_window, opens_the_window, read_window_words


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["gui"], True),
        (["--data-dir", "/tmp/x", "gui", "--quit-after-first-paint"], True),
        (["--lang", "es", "--data-dir=/tmp/x"], True),
        (["--data-dir", "gui"], True),  # "gui" is the folder's name here, not a command
        (["list"], False),
        (["--data-dir", "/tmp/x", "import", "a.txt"], False),
        (["--help"], False),
        (["gui", "--help"], True),  # the help of "gui" alone, the same either way
        (["--version"], False),
    ],
)
def test_only_the_window_skips_the_command_modules(argv: list[str], window: bool) -> None:
    assert opens_the_window(argv) is window


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/tmp/x", "--lang", "fr", "gui", "--quit-after-first-paint"],
        ["gui", "--data-dir", "/tmp/x", "--lang", "fr", "/tmp/ua.txt"],
        ["--lang", "de", "gui", "--database-url", "sqlite:///x", "a.pdf", "b.md"],
    ],
)
def test_the_short_parser_reads_the_window_options_like_the_whole_one(argv: list[str]) -> None:
    short, whole = build_parser(commands=False), build_parser()
    assert vars(short.parse_args(argv)) == vars(whole.parse_args(argv))


def test_the_global_options_are_read_after_gui_as_well_as_before() -> None:
    parser = build_parser(commands=False)
    after = parser.parse_args(["gui", "--data-dir", "/tmp/x", "--lang", "es", "ua.txt"])
    before = parser.parse_args(["--data-dir", "/tmp/x", "--lang", "es", "gui", "ua.txt"])
    assert vars(after) == vars(before)
    assert (after.data_dir, after.lang, [str(f) for f in after.files]) == (
        "/tmp/x",
        "es",
        ["ua.txt"],
    )


def test_help_still_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in ("gui", "import", "list", "letter", "sent"):
        assert command in done.stdout


def _babel_says(tag: str) -> str | None:
    try:
        return str(Locale.parse(tag.replace("-", "_").split(".")[0].split("@")[0]))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "en-US",
        "en_GB",
        "es-419",
        "es_PE.UTF-8",
        "pt-BR",
        "fr_CA",
        "de-CH",
        "ar",
        "ar-EG",
        "nl_BE",
        "it-IT",
        "en-ZZ",
        "zh-TW",
        "sr-RS",
        "fr_FR@euro",
        "en_001",
    ],
)
def test_locale_names_are_read_as_babel_reads_them(tag: str) -> None:
    expected = _babel_says(tag)
    canonical = i18n.normalize_locale(tag)
    assert canonical == (expected if expected and i18n.LOCALE_ID.fullmatch(expected) else None)


def test_the_posix_locale_names_no_language() -> None:
    assert i18n.normalize_locale("C") is None
    assert i18n.normalize_locale("POSIX") is None
    assert i18n.negotiate(["C"], ["en", "es"]) == "en"


def test_a_document_given_without_a_command_opens_the_window_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ua-12-26.txt").write_text("UA 12/26", encoding="utf-8")
    (tmp_path / "import").write_text("a file named like a command", encoding="utf-8")
    words = files_open_the_window(["--data-dir", "data", "ua-12-26.txt", "--lang", "es"])
    assert words == ["--data-dir", "data", "gui", "ua-12-26.txt", "--lang", "es"]
    assert opens_the_window(words)
    args = build_parser(commands=False).parse_args(words)
    assert args.files == [Path("ua-12-26.txt")] and args.lang == "es"
    # a command, a missing document and a file named like a command stay as typed
    for argv in (["import", "ua-12-26.txt"], ["missing.txt"], ["import"], ["--lang=es", "list"]):
        assert files_open_the_window(argv) == argv


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["gui"],
        ["--lang", "es"],
        ["--data-dir", "/tmp/x", "gui", "--quit-after-first-paint"],
        ["--lang=es", "--data-dir=/tmp/x=y", "gui", "--lang", "fr", "a.pdf", "b.md"],
        ["gui", "--database-url", "sqlite:///x", "--quit-after-first-paint", "ua.txt"],
        ["--data-dir", "data", "gui", "ua.txt", "--lang", "es"],
        ["gui", "gui"],
        ["gui", "ua.txt", "--quit-after-first-paint", "--lang", "de"],
    ],
)
def test_a_plain_window_start_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    read = read_window_words(argv)
    assert read is not None
    assert vars(read) == vars(build_parser(commands=False).parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["gui", "--help"],
        ["-h"],
        ["--lang"],
        ["--lang="],
        ["--lang", "--data-dir", "x"],
        ["--lang", "-1"],
        ["--dat", "x"],  # an abbreviation: argparse's to accept
        ["--quit-after-first-paint"],  # an option of "gui" only
        ["gui", "--quit-after-first-paint=yes"],
        ["gui", "--", "-a.pdf"],
        ["gui", "-"],
        ["gui", "a.pdf", "--lang", "es", "b.pdf"],  # argparse says "unrecognized"
    ],
)
def test_anything_else_is_left_to_the_parser(argv: list[str]) -> None:
    assert read_window_words(argv) is None
