"""Outputs through the command line and the event screens: paper from the settings, writer safety."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.domain.model import SenderProfile
from app.domain.output_options import OutputOptions, PageSize
from app.main import main
from app.paths import resolve_paths
from app.services import writer_safety
from app.services.cases import get_case
from app.settings import Settings, load_settings, save_settings
from app.store.database import Database, open_database
from tests.builders import add_event_cases, fictional_document

LETTER_WIDTH = 612  # points: 8.5 in
SENDER = SenderProfile(
    name="Maria Sol Writer",
    address="9 Home Lane",
    city="Leeds",
    country="United Kingdom",
    email="maria@example.org",
)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def page_width(path: Path) -> int:
    return round(float(PdfReader(path).pages[0].mediabox.width))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A store of fictional cases (12/26 is in Atlantis) and a sender with ties to Atlantis."""
    data = tmp_path / "home"
    paths = resolve_paths(data)
    db = open_database(paths)
    add_event_cases(db)
    db.close()
    save_settings(
        paths, Settings(sender=SENDER, page_size=PageSize.A4, caution_countries=("ATLANTIS ",))
    )
    return data


def cli(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_letter_command_signs_with_initials_for_a_caution_country(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, home, "letter", "12/26")
    assert code == 0
    assert "M. S. W." in out and "Leeds" in out
    for private in ("Maria Sol Writer", "9 Home Lane", "maria@example.org"):
        assert private not in out
    assert "initials and town" in err


def test_the_letter_command_keeps_the_full_signature_elsewhere(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = cli(capsys, home, "letter", "34/26")  # Utopia: no ties
    assert code == 0 and "Maria Sol Writer" in out


def test_pdf_and_eml_of_a_caution_country_carry_no_street_or_email(
    qapp, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, eml = tmp_path / "letter.pdf", tmp_path / "letter.eml"
    assert cli(capsys, home, "letter", "12/26", "--out", str(pdf))[0] == 0
    assert cli(capsys, home, "letter", "12/26", "--out", str(eml))[0] == 0
    text = pdf_text(pdf)
    assert "Rui Costa" in text and "M. S. W." in text
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    body = message.get_body().get_content()  # type: ignore[union-attr]
    assert message["To"] == "m@x.example" and message["From"] is None
    for private in ("Maria Sol Writer", "9 Home Lane", "maria@example.org"):
        assert private not in text and private not in body


def test_an_envelope_for_a_caution_country_has_no_return_address(
    qapp, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "envelope.pdf"
    code, _out, err = cli(capsys, home, "envelope", "12/26", "--out", str(out))
    assert code == 0 and "left off this envelope" in err
    text = pdf_text(out)
    assert "ATLANTIS" in text and "9 Home Lane" not in text and "Leeds" not in text


def test_a_us_users_reports_and_event_batch_are_on_letter_paper(
    qapp, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(home)
    save_settings(paths, replace(load_settings(paths), page_size=PageSize.LETTER))
    assert cli(capsys, home, "event", "create", "Evening", "--cases", "12/26,34/26")[0] == 0
    report, batch, section = tmp_path / "r.pdf", tmp_path / "b.pdf", tmp_path / "s.pdf"
    assert cli(capsys, home, "event", "report", "Evening", "--pdf", str(report))[0] == 0
    args = ("event", "batch", "Evening", "34/26", "--blank", "1", "--out", str(batch))
    assert cli(capsys, home, *args)[0] == 0
    assert cli(capsys, home, "report", "--pdf", str(section))[0] == 0
    assert [page_width(p) for p in (report, batch, section)] == [LETTER_WIDTH] * 3


def test_event_batch_letters_for_a_caution_country_are_signed_with_initials(
    qapp, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Jo Participant\n", encoding="utf-8")
    batch = tmp_path / "b.pdf"
    assert cli(capsys, home, "event", "create", "Evening", "--cases", "12/26")[0] == 0
    args = ("event", "batch", "Evening", "12/26", "--names", str(names), "--out", str(batch))
    assert cli(capsys, home, *args)[0] == 0
    text = pdf_text(batch)
    assert "J. P." in text and "Jo Participant" not in text


def test_event_mode_prints_on_the_users_letter_paper(
    qtbot: QtBot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from app.services.events import create_event
    from app.ui.app_context import AppContext
    from app.ui.events import (
        EventsMenu,
        event_mode_window,
        events_dialog,
        kiosk_printing,
        organiser_files,
    )
    from app.ui.events.pin import PinLock

    paths = resolve_paths(home)
    save_settings(paths, replace(load_settings(paths), page_size=PageSize.LETTER))
    db = open_database(paths)
    create_event(db, "Evening", cases=["34/26"])
    window = QMainWindow()
    qtbot.add_widget(window)
    context = AppContext(paths, load_settings(paths))
    context.use_store(db)
    menu = EventsMenu(context, window)
    dialog = menu.open_dialog()
    assert dialog is not None
    qtbot.add_widget(dialog)
    printed: list[PageSize] = []

    def fake_print(*args: object) -> str:
        options = args[-1]
        assert isinstance(options, OutputOptions)
        printed.append(options.page_size)
        return "Sent to the printer Hall."

    monkeypatch.setattr(kiosk_printing, "print_letter", fake_print)
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches("1357"))
    monkeypatch.setattr(events_dialog, "choose_pin", lambda parent: PinLock("1357"))
    mode = dialog.start_event_mode()
    assert mode is not None
    qtbot.add_widget(mode)
    mode.form.case_list.setCurrentRow(0)
    qtbot.keyClicks(mode.form.name_edit, "Sam")
    qtbot.wait_until(lambda: not mode.form.drafting, timeout=20_000)
    with qtbot.wait_signal(mode.letter_recorded):
        mode.print_button.click()
    assert printed == [PageSize.LETTER]
    with qtbot.wait_signal(mode.left):
        mode.close()
    report = tmp_path / "evening.pdf"
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *_args: report)
    dialog.files.save_report()
    assert page_width(report) == LETTER_WIDTH
    db.close()


@pytest.mark.parametrize(
    ("country", "listed", "expected"),
    [
        ("Perú", ("peru",), True),
        ("  Atlantis", ("ATLANTIS ",), True),
        ("Utopia", ("Atlantis",), False),
        ("", ("",), False),
    ],
)
def test_caution_countries_match_without_case_or_accents(
    country: str, listed: tuple[str, ...], expected: bool
) -> None:
    assert writer_safety.is_caution_country(country, listed) is expected


def test_the_users_choice_wins_over_the_caution_list() -> None:
    listed = OutputOptions(PageSize.A4, caution_countries=("Atlantis",))
    assert writer_safety.signature(SENDER, "Atlantis", listed).name == "M. S. W."
    chosen = replace(listed, writer_safety=False)
    assert writer_safety.signature(SENDER, "Atlantis", chosen) == SENDER
    assert (
        writer_safety.return_address(SENDER, "Utopia", replace(listed, writer_safety=True)) is None
    )


def test_bulk_envelopes_and_labels_go_to_officials_with_an_address_never_to_samples(
    db: Database,
) -> None:
    from app.domain.model import Target
    from app.services.cases import list_cases
    from app.services.importing import save_parsed
    from app.services.outputs import listed_recipients, postal_recipients
    from app.services.samples import load_sample_pack

    document = fictional_document("12/26")
    no_address = Target("Prosecutor General", "Mara Vento", "Dear Prosecutor General", None)
    save_parsed(db, replace(document, targets=(document.targets[0], no_address)), "12.txt")
    save_parsed(db, replace(document, ua_number="13/26", targets=(no_address,)), "13.txt")
    load_sample_pack(db)
    listed = list_cases(db)
    assert any(case.is_sample for case in listed)

    chosen = listed_recipients(db, listed)

    assert [(case.ua_number, indexes) for case, indexes in chosen] == [("12/26", [1])]
    sample = next(case for case in listed if case.is_sample)
    named = postal_recipients([get_case(db, sample.ua_number)])  # named on its own: kept
    assert [case.ua_number for case, _indexes in named] == [sample.ua_number]


@pytest.mark.parametrize("large_print", [False, True])
def test_the_printed_letter_is_the_pdf_letter_with_the_same_safe_signature(
    qapp: object, tmp_path: Path, large_print: bool
) -> None:
    from app.domain.model import Letter
    from app.services.outputs import LetterOnPaper, letter_for_print, save_letter_pdf
    from tests.builders import make_case

    case = make_case(country="Atlantis")
    letter = Letter(
        text="Dear Minister,\n\nPlease release Tharani Selvanayagam.\n\nYours sincerely\n",
        locale="en",
        template_name="letter.txt.j2",
    )
    options = OutputOptions(
        PageSize.LETTER, large_print=large_print, caution_countries=("Atlantis",)
    )
    item = LetterOnPaper(letter, case, 1, SENDER, options)

    document = letter_for_print(item)
    pages = save_letter_pdf(item, tmp_path / "letter.pdf")

    assert document.pageCount() == pages
    shown = document.toPlainText()
    assert "Oren Castell" in shown and "9 Home Lane" not in shown  # writer safety applied
    assert "9 Home Lane" not in pdf_text(tmp_path / "letter.pdf")


def test_an_event_batch_to_an_official_the_case_lacks_says_which_numbers_there_are(
    qapp, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "event", "create", "Evening", "--cases", "12/26")[0] == 0
    batch = tmp_path / "b.pdf"
    args = ("event", "batch", "Evening", "12/26", "--blank", "1", "--target", "9")
    code, _out, err = cli(capsys, home, *args, "--out", str(batch))
    assert code != 0 and not batch.exists()
    assert "UA 12/26 has no official number 9; choose 1 to" in err
