"""The ``letter``, ``envelope`` and ``labels`` commands as a user scripts them."""

from __future__ import annotations

import email
import email.policy
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.main import main
from app.paths import resolve_paths
from app.settings import Settings, save_settings
from tests.conftest import UA_SAMPLES
from tests.unit.output.pdf_reading import pdf_text

SRI_LANKA = UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"
OFFICIAL = "Ranjith Abeywardena"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert cli(capsys, home, "import", str(SRI_LANKA))[0] == 0
    sender = SenderProfile(
        name="Jane Writer",
        address="12 Example Road",
        city="Bristol",
        country="United Kingdom",
        email="jane@example.org",
    )
    save_settings(resolve_paths(home), Settings(sender=sender, page_size=PageSize.A4))
    return home


def test_letter_to_stdout(data: Path, capsys) -> None:
    code, out, _ = cli(capsys, data, "letter", "28/23")
    assert code == 0
    assert OFFICIAL in out and "Jane Writer" in out and "Tharani Selvanayagam" in out


def test_an_unsigned_letter_is_written_with_a_warning_saying_where_to_sign(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = cli(capsys, data, "letter", "28/23")
    assert code == 0 and "not signed" not in err
    save_settings(resolve_paths(data), Settings(page_size=PageSize.A4))
    code, out, err = cli(capsys, data, "letter", "28/23")
    assert code == 0 and OFFICIAL in out
    assert "warning: The letter is not signed: add your name and address" in err


def test_letter_pdf_headless(qapp, data: Path, tmp_path: Path, capsys) -> None:
    out_file = tmp_path / "letter.pdf"
    code, out, _ = cli(
        capsys,
        data,
        "letter",
        "UA 28/23",
        "--target",
        "1",
        "--out",
        str(out_file),
        "--page-size",
        "Letter",
    )
    assert code == 0 and "letter.pdf" in out
    text = pdf_text(out_file)
    assert OFFICIAL in text and "Jane Writer" in text and "SRI LANKA" in text
    box = PdfReader(out_file).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_letter_eml_and_txt(data: Path, tmp_path: Path, capsys) -> None:
    eml, txt = tmp_path / "appeal.eml", tmp_path / "appeal.txt"
    assert cli(capsys, data, "letter", "28/23", "--out", str(eml))[0] == 0
    assert cli(capsys, data, "letter", "28/23", "--out", str(txt))[0] == 0
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert "28/23" in message["Subject"] and message["From"] == "Jane Writer <jane@example.org>"
    assert message["X-Unsent"] == "1"
    assert OFFICIAL in txt.read_text(encoding="utf-8")


def test_envelope_and_labels(qapp, data: Path, tmp_path: Path, capsys) -> None:
    envelope, labels = tmp_path / "env.pdf", tmp_path / "labels.pdf"
    assert cli(capsys, data, "envelope", "28/23", "--out", str(envelope), "--format", "C5")[0] == 0
    lines = [line.strip() for line in pdf_text(envelope).splitlines() if line.strip()]
    assert lines[-1] == "SRI LANKA" and "AIR MAIL / PAR AVION" in lines and "Jane Writer" in lines
    assert (
        cli(capsys, data, "envelope", "28/23", "--out", str(envelope), "--no-return-address")[0]
        == 0
    )
    assert "Jane Writer" not in pdf_text(envelope)
    code, out, _ = cli(capsys, data, "labels", "28/23", "--out", str(labels))
    assert code == 0 and OFFICIAL in pdf_text(labels)


def test_bad_input_is_one_line_and_writes_nothing(data: Path, tmp_path: Path, capsys) -> None:
    code, _, err = cli(capsys, data, "letter", "28/23", "--out", str(tmp_path / "x.docx"))
    assert code == 1 and ".pdf" in err
    code, _, err = cli(capsys, data, "letter", "99/99")
    assert code == 1 and "99/99" in err
    code, _, err = cli(
        capsys, data, "envelope", "28/23", "--target", "9", "--out", str(tmp_path / "e.pdf")
    )
    assert code == 1 and err.count("\n") == 1
    assert not list(tmp_path.glob("*.pdf")) and not (tmp_path / "x.docx").exists()


def test_letters_to_overdue_and_closed_cases_warn_like_the_editor(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, data, "letter", "28/23")
    assert code == 0 and OFFICIAL in out  # a warning, never a block
    assert "warning: The deadline of this UA has passed." in err
    final = UA_SAMPLES / "103_sri_lanka_activists_freed_final_markdown_2023.txt"
    assert cli(capsys, data, "import", str(final))[0] == 0
    code, out, err = cli(capsys, data, "letter", "28/23")
    assert code == 0
    assert "warning: This case is closed: the UA asks for no further action." in err


def test_warnings_follow_the_letter_on_their_own_lines_never_in_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(resolve_paths(data), Settings(page_size=PageSize.A4))  # unsigned: 2 warnings
    code, out, err = cli(capsys, data, "letter", "28/23")
    assert code == 0 and "warning" not in out and out.endswith("\n")
    # Read together (a terminal, "2>&1"), the letter's last line stands alone, then a blank line.
    together = out + err
    assert "\n\nwarning: The deadline of this UA has passed." in together
    lines = err.splitlines()
    assert lines[0] == "" and all(line.startswith("warning: ") for line in lines[1:])
    assert len(lines) == 3 and "not signed" in lines[2]


def test_the_writer_safety_line_names_the_country_in_the_interface_language(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = SenderProfile(name="Jane Writer", address="12 Example Road", city="Bristol")
    save_settings(
        resolve_paths(data),
        Settings(sender=sender, page_size=PageSize.A4, caution_countries=["Sri Lanka"]),
    )
    code, out, err = cli(capsys, data, "--lang", "ar", "letter", "28/23")
    assert code == 0 and "J. W." in out and "12 Example Road" not in out
    assert "سريلانكا" in err and "Sri Lanka" not in err  # one language on the line


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for one test, as a user's shell would, and restore it after."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_saved_letters_get_the_permissions_of_any_new_file_while_settings_stay_private(
    qapp, data: Path, tmp_path: Path, capsys, umask: Callable[[int], None]
) -> None:
    shared = tmp_path / "group folder"
    shared.mkdir()
    umask(0o022)
    for name in ("appeal.pdf", "appeal.eml", "appeal.txt"):
        assert cli(capsys, data, "letter", "28/23", "--out", str(shared / name))[0] == 0
        assert stat.S_IMODE((shared / name).stat().st_mode) == 0o644, name
    umask(0o027)
    assert cli(capsys, data, "letter", "28/23", "--out", str(shared / "second.pdf"))[0] == 0
    assert stat.S_IMODE((shared / "second.pdf").stat().st_mode) == 0o640
    # Saving again over a file keeps the permissions the user gave it.
    (shared / "appeal.pdf").chmod(0o664)
    assert cli(capsys, data, "letter", "28/23", "--out", str(shared / "appeal.pdf"))[0] == 0
    assert stat.S_IMODE((shared / "appeal.pdf").stat().st_mode) == 0o664
    assert OFFICIAL in pdf_text(shared / "appeal.pdf")
    assert sorted(p.name for p in shared.iterdir()) == [
        "appeal.eml",
        "appeal.pdf",
        "appeal.txt",
        "second.pdf",
    ]
    settings_file = resolve_paths(data).settings_file
    save_settings(resolve_paths(data), Settings(page_size=PageSize.A4))
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
