"""``appeal-desk settings``: the command line alone signs a letter, through the file the
window's Settings reads; and ``samples remove`` takes away only the fictional cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.output_options import PageSize
from app.main import main
from app.paths import resolve_paths
from app.settings import load_settings
from tests.builders import INITIAL_901
from tests.conftest import UA_SAMPLES

SRI_LANKA = UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(data), *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_alone_signs_a_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, tmp_path, "import", str(SRI_LANKA))[0] == 0
    _code, _out, err = cli(capsys, tmp_path, "letter", "28/23")
    assert "'appeal-desk settings set name" in err and "window's Settings" in err

    for key, value in (
        ("name", "Jane Writer"),
        ("address", "12 Example Road"),
        ("city", "Bristol"),
        ("page-size", "a4"),
        ("letter-language", "en"),
    ):
        code, out, _err = cli(capsys, tmp_path, "settings", "set", key, value)
        assert code == 0
        assert out.startswith(f"{key} is now: ")
    code, out, err = cli(capsys, tmp_path, "letter", "28/23")

    assert code == 0 and "not signed" not in err
    assert "Jane Writer" in out and "12 Example Road" in out
    settings = load_settings(resolve_paths(tmp_path))  # what the window reads
    assert settings.sender.name == "Jane Writer" and settings.page_size is PageSize.A4
    shown = cli(capsys, tmp_path, "settings", "show")[1].splitlines()
    assert "name: Jane Writer" in shown and "city: Bristol" in shown
    assert "country: (not set)" in shown


def test_a_bad_setting_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, tmp_path, "settings", "set", "name", "Jane Writer")[0] == 0
    before = resolve_paths(tmp_path).settings_file.read_bytes()
    for args, said in (
        (("page-size", "B5"), "B5 is not a page size. Page sizes: A4, Letter."),
        (("letter-language", "xx"), "xx is not one of the languages: "),
    ):
        code, _out, err = cli(capsys, tmp_path, "settings", "set", *args)
        assert code == 1
        assert err.startswith(f"appeal-desk: {said}") and err.count("\n") == 1
    code, _out, err = cli(capsys, tmp_path, "settings", "set", "colour", "blue")
    assert code == 1 and "colour" in err and "Traceback" not in err
    assert resolve_paths(tmp_path).settings_file.read_bytes() == before
    assert cli(capsys, tmp_path, "settings", "set", "name", "")[1] == "name is cleared.\n"


def test_samples_remove_takes_only_the_sample_cases_even_after_a_later_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = cli(capsys, tmp_path, "samples")
    assert code == 0 and "'appeal-desk samples remove'" in out and "undo-import" not in out
    assert cli(capsys, tmp_path, "import", str(SRI_LANKA))[0] == 0
    assert cli(capsys, tmp_path, "sent", "901/27", "--channel", "post")[0] == 0

    code, out, _err = cli(capsys, tmp_path, "samples", "remove", "--yes")

    assert code == 0
    assert "These cases go: 901/27, 902/27." in out
    assert out.splitlines()[-1] == "Removed 2 sample cases."
    listing = cli(capsys, tmp_path, "list", "--all")[1]
    assert "28/23" in listing and "901/27" not in listing and "902/27" not in listing
    code, out, _err = cli(capsys, tmp_path, "samples", "remove", "--yes")
    assert code == 0 and out == "You have no practice cases.\n"
    assert cli(capsys, tmp_path, "import", str(INITIAL_901))[0] == 0  # a real file: no sample
    assert cli(capsys, tmp_path, "samples", "remove", "--yes")[1] == "You have no practice cases.\n"


def test_a_regional_letter_language_is_accepted_when_its_language_has_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = cli(capsys, tmp_path, "settings", "set", "letter-language", "es_MX")
    assert (code, out) == (0, "letter-language is now: es_MX\n")
    assert load_settings(resolve_paths(tmp_path)).letter_language == "es_MX"
    code, out, _err = cli(capsys, tmp_path, "settings", "set", "letter-language", "en-GB")
    assert (code, out) == (0, "letter-language is now: en_GB\n")
    # Italian has no letters (they would be in English): refused, as before.
    code, _out, err = cli(capsys, tmp_path, "settings", "set", "letter-language", "it")
    assert code == 1 and "it is not one of the languages: en, ar, de, es, fr, pt." in err
    assert load_settings(resolve_paths(tmp_path)).letter_language == "en_GB"


@pytest.mark.parametrize(
    "typed", ["not-an-email", "ana@", "@example.org", "ana@example", "Ana <ana@example.org>"]
)
def test_an_e_mail_address_without_the_form_local_at_domain_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    assert cli(capsys, tmp_path, "settings", "set", "email", "ana@example.org")[0] == 0
    code, out, err = cli(capsys, tmp_path, "settings", "set", "email", typed)
    assert (code, out) == (1, "")
    assert err == (
        f"appeal-desk: {typed} is not an e-mail address: write it as name@example.org (a name, "
        "@, then the domain), or leave it empty. The settings were not changed.\n"
    )
    assert load_settings(resolve_paths(tmp_path)).sender.email == "ana@example.org"
    assert "email: ana@example.org" in cli(capsys, tmp_path, "settings", "show")[1]
    assert cli(capsys, tmp_path, "settings", "set", "email", "")[0] == 0  # cleared
    code, out, _err = cli(capsys, tmp_path, "settings", "set", "email", "josé.ñ@correo.example")
    assert code == 0 and out == "email is now: josé.ñ@correo.example\n"
