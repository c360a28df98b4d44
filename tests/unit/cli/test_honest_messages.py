"""What the command line prints is true and harmless: escaped, one line, the real reason."""

from __future__ import annotations

import email
import email.policy
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import SenderProfile
from app.main import main
from app.output.mail import build_eml
from app.paths import resolve_paths
from tests.builders import fictional_document, store_documents
from tests.durability.mounts import remount_read_only, small_tmpfs
from tests.durability.restore_race import write_documents

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(data), *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    title = "FICTIONAL \x1b[31mRED\x1b[0m CASE\x07 \x1b]0;owned\x07"
    store_documents(resolve_paths(data), fictional_document("12/26", title=title))

    code, out, _err = cli(capsys, data, "list")

    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "FICTIONAL \\x1b[31mRED\\x1b[0m CASE\\x07" in out


@POSIX
def test_import_prints_hostile_file_names_escaped_on_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    [good] = write_documents(folder, 400, 1)
    hostile = good.rename(folder / "ua\x1b[2J\nimported (UA 999-99).txt")

    code, out, _err = cli(capsys, tmp_path / "data", "import", str(hostile))

    assert code == 0
    assert out.count("\n") == 1 and "\x1b" not in out
    assert out.startswith("ua\\x1b[2J\\x0aimported (UA 999-99).txt: imported (UA 400/27)")


@POSIX
def test_after_kill_minus_nine_every_printed_import_line_is_true(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_documents(tmp_path / "docs", 500, 40)
    child = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), "import", str(tmp_path / "docs")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert child.stdout is not None
    printed = [child.stdout.readline() for _ in range(3)]  # three files reported, then kill
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    printed += child.stdout.readlines()

    acknowledged = {line.split("(UA ")[1].rstrip(")\n") for line in printed if "(UA " in line}
    with closing(sqlite3.connect(data / "appeal-desk.sqlite3")) as conn:
        stored = {row[0] for row in conn.execute("SELECT ua_number FROM cases")}
    assert len(acknowledged) >= 3
    assert acknowledged <= stored


def test_eml_from_header_quotes_the_name_and_refuses_line_breaks() -> None:
    data = build_eml(
        to=["minister@justice.example"],
        cc=[],
        subject="UA 12/26",
        body="Dear Minister,",
        sender=SenderProfile(name="Smith, John", email="john@fictional.example"),
    )
    message = email.message_from_bytes(data, policy=email.policy.default)
    [sender] = message["From"].addresses
    assert sender.display_name == "Smith, John"
    assert sender.addr_spec == "john@fictional.example"

    with pytest.raises(InvalidInput, match="line break"):
        build_eml(
            to=[],
            cc=[],
            subject="s",
            body="b",
            sender=SenderProfile(name="Eve\r\nBcc: all@fictional.example", email="e@x.example"),
        )


def test_letter_eml_with_a_line_break_in_the_sender_is_one_line_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    paths = resolve_paths(data)
    store_documents(paths, fictional_document("12/26"))
    paths.settings_file.write_text(
        json.dumps({"sender": {"name": "Eve\nBcc: all@fictional.example", "email": "e@x.example"}})
    )

    code, out, err = cli(capsys, data, "letter", "12/26", "--out", str(tmp_path / "l.eml"))

    assert code == 1 and "line break" in err and err.count("\n") == 1
    assert not (tmp_path / "l.eml").exists()


@POSIX
def test_backup_on_a_read_only_folder_says_read_only_not_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_tmpfs(tmp_path / "stick", "8m") as mounted:
        if mounted is None:
            pytest.skip("mounting a small tmpfs needs root")
        data = mounted / "data"
        store_documents(resolve_paths(data), fictional_document("12/26"))
        assert remount_read_only(mounted)

        code, _out, err = cli(capsys, data, "backup")

    assert code == 1
    assert "read-only" in err
    assert "damaged" not in err and "restore" not in err


@POSIX
@pytest.mark.parametrize("kind", ["symlink", "device"])
def test_out_onto_a_link_or_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    data = tmp_path / "data"
    store_documents(resolve_paths(data), fictional_document("12/26"))
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file")
    out = tmp_path / "letter.txt"
    if kind == "symlink":
        out.symlink_to(target)
    else:
        try:  # a character device like /dev/null, named like a letter
            os.mknod(out, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")

    code, _out, err = cli(capsys, data, "letter", "12/26", "--out", str(out))

    assert code == 1 and "not a regular file" in err
    assert target.read_text() == "someone else's file"
    assert out.is_symlink() or out.is_char_device()


def test_a_bad_settings_type_is_one_line_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    paths = resolve_paths(data)
    store_documents(paths, fictional_document("12/26"))
    paths.settings_file.write_text(json.dumps({"caution_countries": 5, "welcome_done": "yes"}))

    code, _out, err = cli(capsys, data, "letter", "12/26")

    assert code == 1 and err.count("\n") == 1
    assert "caution_countries" in err and "welcome_done" in err and "wrong type" in err


def test_the_window_ignores_a_bad_setting_and_says_which(tmp_path: Path) -> None:
    from app.settings import Settings, read_settings

    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    paths.settings_file.write_text(
        json.dumps({"caution_countries": 5, "page_size": "Letter", "sender": {"name": 7}})
    )

    settings, ignored = read_settings(paths)

    assert ignored == ["sender.name", "caution_countries"]
    assert settings.caution_countries == Settings().caution_countries
    assert settings.page_size is not None and settings.page_size.value == "Letter"


@POSIX
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_event_batch_names_read_only_from_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    data = tmp_path / "data"
    store_documents(resolve_paths(data), fictional_document("12/26"))
    assert cli(capsys, data, "event", "create", "Evening", "--cases", "12/26")[0] == 0
    if source == "fifo":
        source = str(tmp_path / "names")
        os.mkfifo(source)

    code, _out, err = cli(
        capsys, data, "event", "batch", "Evening", "12/26", "--names", source,
        "--out", str(tmp_path / "batch.pdf"),
    )  # fmt: skip

    assert code == 1 and "not a regular file" in err
    assert not (tmp_path / "batch.pdf").exists()


def test_a_damaged_pdf_gets_the_apps_message_and_no_library_warning(tmp_path: Path) -> None:
    damaged = tmp_path / "cut short.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj<<>>\n")
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "import", str(damaged)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 1
    assert "damaged or incomplete" in done.stdout + done.stderr
    assert "EOF marker" not in done.stderr and "Traceback" not in done.stderr


def test_a_data_dir_that_is_a_file_is_named_once_as_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder\n", encoding="utf-8")
    result = subprocess.run(  # a process of its own: what reaches the terminal, and only that
        [sys.executable, "-m", "app", "--data-dir", str(not_a_folder), "list"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"appeal-desk: {not_a_folder} is a file, not a folder. Give --data-dir (or "
        "APPEAL_DESK_HOME) a folder for Appeal Desk's data."
    ]
    assert not_a_folder.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_a_database_url_of_another_kind_names_the_supported_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = cli(capsys, tmp_path, "--database-url", "foo://x", "list")
    assert code == 1
    assert err.splitlines() == [
        "appeal-desk: Appeal Desk cannot use a database address that starts with 'foo:'. "
        "Supported: postgresql:, sqlite:, e.g. postgresql+psycopg://user@host/appeals."
    ]


@pytest.mark.parametrize("given", ["", "   "])
@pytest.mark.parametrize("command", [("list",), (), ("gui",)])
def test_an_empty_database_url_is_refused_and_opens_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, command: tuple[str, ...]
) -> None:
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, f"--database-url={given}", *command)
    assert (code, out) == (1, "")
    [line] = err.splitlines()
    assert "argument --database-url: the address is empty. A database URL looks like " in line
    assert "postgresql+psycopg://user@host/appeals; leave the option out" in line
    assert not data.exists()


def test_an_unknown_letter_language_names_the_letter_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_documents(resolve_paths(tmp_path), fictional_document("12/26"))
    code, out, err = cli(capsys, tmp_path, "letter", "12/26", "--lang", "xx")
    assert code == 1 and out == ""
    [line] = err.splitlines()
    assert line.startswith("appeal-desk: xx is not a letter language. Letters can be written in: ")
    assert {"en", "es", "fr", "de", "pt", "ar"} <= set(line.rstrip(".").split(": ")[-1].split(", "))


def test_a_damaged_store_is_reported_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.i18n import set_language

    data = tmp_path / "data"
    paths = resolve_paths(data)
    store_documents(paths, fictional_document("12/26"))
    with paths.database.open("r+b") as database:
        database.write(b"not a database at all" * 8)  # the header and the first page's start
    try:
        code, _out, err = cli(capsys, data, "--lang", "es", "list")
    finally:
        set_language("en")
    assert code == 1
    [line] = err.splitlines()
    assert f"La base de datos {paths.database} está dañada" in line
    assert "Restaure la copia de seguridad más reciente con 'appeal-desk restore" in line
    assert "is damaged" not in line and "newest" not in line


@POSIX
def test_an_existing_read_only_data_folder_is_called_unwritable_not_uncreatable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.i18n import set_language

    with small_tmpfs(tmp_path / "stick", "8m") as mounted:
        if mounted is None:
            pytest.skip("mounting a small tmpfs needs root")
        data = mounted / "data"
        data.mkdir()
        assert remount_read_only(mounted)
        try:
            code, _out, err = cli(capsys, data, "--lang", "es", "list")
            english_code, _out, english = cli(capsys, data, "--lang", "en", "list")
        finally:
            set_language("en")

    assert code == english_code == 1
    assert f"La carpeta de datos {data} existe, pero no se puede escribir en ella" in err
    assert f"The data folder {data} exists but cannot be written" in english
    assert "--data-dir" in english and "cannot be created" not in english


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("envelope", "12/26", "--out", "e.pdf", "--format", "A5"), "(choose from DL, C5, 10)"),
        (("labels", "12/26", "--out", "l.pdf", "--page-size", "A5"), "(choose from A4, Letter)"),
        (("letter", "12/26", "--page-size", "legal"), "(choose from A4, Letter)"),
    ],
)
def test_a_paper_or_envelope_the_app_does_not_know_is_refused_naming_those_it_knows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], named: str
) -> None:
    code, out, err = cli(capsys, tmp_path / "data", *args)

    assert code == 1
    assert out == ""
    assert "invalid choice: '" in err and named in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (
            ("list", "--bogus"),
            "appeal-desk list: unrecognized arguments: --bogus (see 'appeal-desk list --help')",
        ),
        (
            ("appeal", "list", "--bogus", "x"),
            "appeal-desk appeal list: unrecognized arguments: --bogus x "
            "(see 'appeal-desk appeal list --help')",
        ),
        (("--bogus",), "appeal-desk: unrecognized arguments: --bogus (see 'appeal-desk --help')"),
    ],
)
def test_a_word_no_option_takes_is_refused_naming_the_help_of_the_command_it_was_given_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], hint: str
) -> None:
    code, out, err = cli(capsys, tmp_path / "data", *args)

    assert (code, out, err) == (1, "", hint + "\n")


def test_the_windows_help_and_mistakes_are_said_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, tmp_path / "data", "--lang", "fr", "gui", "--bogus")
    assert (code, out) == (1, "")
    assert err == (
        "appeal-desk gui: arguments non reconnus : --bogus (voir « appeal-desk gui --help »)\n"
    )
    code, out, _err = cli(capsys, tmp_path / "data", "--lang", "fr", "gui", "--help")
    assert code == 0 and out.startswith("utilisation : appeal-desk gui")
