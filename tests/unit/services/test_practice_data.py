"""Practice data: sample cases never counted or bulk-printed, and every output made from one
says "FICTIONAL SAMPLE - DO NOT SEND" (read back from the files)."""

from __future__ import annotations

import email
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.domain.model import Channel
from app.main import main
from app.output.mail import social_message
from app.paths import resolve_paths
from app.services import appeals, cases, events, reports
from app.services.database import open_store
from app.services.event_reports import report_csv, write_event_report
from app.services.samples import load_sample_pack
from app.services.transit_times import shipped_table
from app.services.urgency import write_today
from app.store.database import Database
from tests.builders import INITIAL_901
from tests.unit.output.pdf_reading import pdf_text

MARKING = "FICTIONAL SAMPLE - DO NOT SEND"
# PDFs need Qt; the full QApplication comes first so later widget tests can share it.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def mixed(db: Database, tmp_path: Path) -> Database:
    """One real-looking case (imported as an ordinary document) and the sample pack."""
    from app.services.importing import save_parsed
    from tests.builders import make_document

    save_parsed(db, make_document(deadline=date(2099, 1, 1)), "real.txt")
    load_sample_pack(db)
    for number in ("12/26", "901/27"):
        appeals.record_appeal(
            db, number, target_index=1, channel=Channel.POST, sent_on=date(2026, 2, 1)
        )
    return db


def test_samples_are_never_counted_in_the_section_report(mixed: Database) -> None:
    report = reports.section_report(mixed)
    assert report.total == 1
    assert {row.ua_number for row in report.rows} == {"12/26"}


def test_samples_are_shown_marked_on_the_tally_but_never_counted(mixed: Database) -> None:
    events.create_event(mixed, "Practice evening", cases=["12/26", "901/27"])
    event = events.get_event(mixed, "Practice evening")
    events.record_event_letter(mixed, event, "12/26", target_index=1, count=2)
    events.record_event_letter(mixed, event, "901/27", target_index=1, count=7)
    tally = events.event_tally(mixed, "Practice evening")
    assert tally.total == 2
    sample = next(c for c in tally.cases if c.ua_number == "901/27")
    assert sample.is_sample and sample.title.startswith(MARKING)
    assert list(tally.to_json_dict()["cases"]) == ["12/26"]  # type: ignore[call-overload]
    assert "901/27" not in report_csv(tally.counted())
    report = write_event_report(mixed, "Practice evening", None, None)
    assert [c.ua_number for c in report.cases] == ["12/26"] and report.total == 2


def test_a_sample_case_in_play_is_marked_on_the_tally_before_its_first_letter(
    mixed: Database,
) -> None:
    events.create_event(mixed, "Practice evening", cases=["901/27", "12/26"])
    event = events.get_event(mixed, "Practice evening")
    events.record_event_letter(mixed, event, "12/26", target_index=1, count=3)
    tally = events.event_tally(mixed, "Practice evening")
    assert [c.ua_number for c in tally.cases] == ["901/27", "12/26"]
    sample = tally.cases[0]
    assert sample.is_sample and sample.title.startswith(MARKING) and sample.total == 0
    assert tally.total == 3


def test_samples_are_never_in_write_today(mixed: Database) -> None:
    queue = write_today(mixed, shipped_table(), date(2026, 1, 1))
    assert [item.case.ua_number for item in queue] == ["12/26"]


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> str:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_every_output_of_a_sample_carries_the_marking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "store"
    cli(capsys, data, "samples")
    cli(capsys, data, "import", str(INITIAL_901))  # unchanged: still the sample
    letter_pdf = tmp_path / "letter.pdf"
    cli(capsys, data, "letter", "901/27", "--out", str(letter_pdf))
    assert MARKING in pdf_text(letter_pdf)
    text = cli(capsys, data, "letter", "901/27")
    assert text.startswith(f"*** {MARKING} ***")
    eml = tmp_path / "letter.eml"
    cli(capsys, data, "letter", "901/27", "--out", str(eml))
    message = email.message_from_bytes(eml.read_bytes())
    assert MARKING in str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert MARKING in message.get_payload(decode=True).decode("utf-8")
    envelope = tmp_path / "envelope.pdf"
    cli(capsys, data, "envelope", "901/27", "--out", str(envelope))
    assert MARKING in pdf_text(envelope)
    labels = tmp_path / "labels.pdf"
    cli(capsys, data, "labels", "901/27", "--out", str(labels))
    assert pdf_text(labels).startswith(MARKING)
    cli(capsys, data, "event", "create", "Practice", "--cases", "901/27")
    batch = tmp_path / "batch.pdf"
    cli(capsys, data, "event", "batch", "Practice", "901/27", "--blank", "1", "--out", str(batch))
    assert pdf_text(batch).count(MARKING) >= 2  # the letter and its envelope


def test_social_post_of_a_sample_is_marked(mixed: Database) -> None:
    case = cases.get_case(mixed, "901/27")
    assert social_message(case, case.targets[0]).startswith(f"[{MARKING}]")
    real = cases.get_case(mixed, "12/26")
    assert MARKING not in social_message(real, real.targets[0])


def test_a_real_case_carries_no_marking(mixed: Database) -> None:
    from app.domain.model import SenderProfile
    from app.services.letters import draft_letter

    letter = draft_letter(cases.get_case(mixed, "12/26"), 1, SenderProfile(name="Jo"))
    assert MARKING not in letter.text and MARKING not in letter.subject


def test_json_tally_cli_leaves_samples_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "store"
    cli(capsys, data, "samples")
    cli(capsys, data, "event", "create", "Practice", "--cases", "901/27")
    cli(capsys, data, "sent", "901/27", "--channel", "post", "--event", "Practice")
    tally = json.loads(cli(capsys, data, "event", "tally", "Practice", "--json"))
    assert tally["total"] == 0 and tally["cases"] == {}


def test_an_event_practised_on_samples_says_its_letters_are_not_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The organiser's tally and report of a practice evening: the total is 0, and the page
    says why instead of "No cases in this event yet." beside the letters counted."""
    data = tmp_path / "store"
    cli(capsys, data, "samples")
    cli(capsys, data, "event", "create", "Practice", "--cases", "901/27,902/27")
    cli(capsys, data, "sent", "901/27", "--channel", "post", "--event", "Practice", "--count", "17")
    lines = cli(capsys, data, "event", "tally", "Practice").splitlines()
    assert lines[0] == "Practice: 0 letters"
    assert lines[1] == "17 practice letters on the fictional sample cases are not counted."
    pdf, csv = tmp_path / "report.pdf", tmp_path / "report.csv"
    cli(capsys, data, "event", "report", "Practice", "--pdf", str(pdf), "--csv", str(csv))
    page = " ".join(unicodedata.normalize("NFKC", pdf_text(pdf)).split())  # no "ﬁ" ligature
    assert "17 practice letters on the fictional sample cases are not counted." in page
    assert "No cases in this event yet." not in page


def test_a_practice_letter_says_so_in_its_own_language_whatever_the_interface(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """German words around the letters, French letters: the letters, the batch and its
    envelopes say "do not send" in French, the language of whoever reads them."""
    data = tmp_path / "store"
    cli(capsys, data, "samples")
    french = "EXEMPLE FICTIF - NE PAS ENVOYER"
    german = "FIKTIVES BEISPIEL - NICHT ABSCHICKEN"
    text = cli(capsys, data, "--lang", "de", "letter", "901/27", "--lang", "fr")
    assert text.startswith(f"*** {french} ***") and german not in text
    letter_pdf = tmp_path / "letter.pdf"
    cli(capsys, data, "--lang", "de", "letter", "901/27", "--lang", "fr", "--out", str(letter_pdf))
    printed = pdf_text(letter_pdf)
    assert french in printed and german not in printed
    cli(capsys, data, "event", "create", "Practice", "--cases", "901/27")
    batch = tmp_path / "batch.pdf"
    args = ("event", "batch", "Practice", "901/27", "--blank", "1", "--lang", "fr")
    cli(capsys, data, "--lang", "de", *args, "--out", str(batch))
    printed = pdf_text(batch)
    assert printed.count(french) >= 2 and german not in printed  # the letter and its envelope
    # a letter in two languages says it in both
    from app.domain.model import SenderProfile
    from app.services.letters import draft_letter

    db = open_store(resolve_paths(data))
    try:
        case = cases.get_case(db, "901/27")
        letter = draft_letter(case, 1, SenderProfile(name="Jo"), locale="es", bilingual_with="fr")
    finally:
        db.close()
    assert letter.text.startswith(f"*** EJEMPLO FICTICIO - NO ENVIAR / {french} ***")


def test_the_sample_pack_numbers_are_those_of_the_cases_it_imports(db: Database) -> None:
    """A merge tells practice letters by the sample pack's UA numbers, read from the names of
    its files: they must be the numbers its documents give, or the merge would blame a
    missing import instead of the missing sample pack."""
    from app.samples import sample_pack_numbers
    from app.services.samples import sample_numbers

    load_sample_pack(db)
    assert sample_pack_numbers() == sample_numbers(db) == {"901/27", "902/27"}
