"""Envelopes and labels name the official as the letter inside does: the title in the letter's
language and no honorific of another language (PDFs read back)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from app.domain.model import CaseDetail, SenderProfile, Target
from app.domain.output_options import OutputOptions, PageSize
from app.services.letters import draft_letter
from app.services.outputs import save_envelope, save_envelopes, save_labels
from tests.builders import make_case


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def justice_case(ua_number: str, language: str, reads: str, name: str) -> CaseDetail:
    return make_case(
        ua_number=ua_number,
        document_language=language,
        preferred_languages=(reads,),
        model_letter=None,
        targets=(
            Target(
                "Minister of Justice",
                name,
                address="1 Court Square\nPort Lumen",
                name_as_printed=f"Mr {name}",
                gender="m",
            ),
        ),
    )


OPTIONS = OutputOptions(page_size=PageSize.A4)
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")


def test_an_envelope_names_the_official_in_the_language_of_the_letter(
    qapp: object, tmp_path: Path
) -> None:
    case = justice_case("1/26", "fr", "French", "Paul Durand")
    french = tmp_path / "french.pdf"
    save_envelope(case, 1, french, sender=None, options=OPTIONS)
    text = pdf_text(french)
    assert "Ministre de la Justice" in text and "Paul Durand" in text
    assert "Minister of Justice" not in text and "Mr Paul" not in text

    letter = draft_letter(case, 1, SENDER, locale="es")
    spanish = tmp_path / "spanish.pdf"
    save_envelope(case, 1, spanish, sender=None, options=OPTIONS, letter=letter)
    assert "Ministro de Justicia" in letter.text
    assert "Ministro de Justicia" in pdf_text(spanish)
    assert "Ministre" not in pdf_text(spanish)


def test_bulk_labels_and_envelopes_use_the_language_each_official_reads(
    qapp: object, tmp_path: Path
) -> None:
    chosen = [
        (justice_case("1/26", "fr", "French", "Paul Durand"), [1]),
        (justice_case("2/26", "de", "German", "Karl Weber"), [1]),
        (justice_case("3/26", "en", "English", "Sam Reed"), [1]),
    ]
    labels = tmp_path / "labels.pdf"
    save_labels(chosen, labels, options=OPTIONS)
    envelopes = tmp_path / "envelopes.pdf"
    save_envelopes(chosen, envelopes, sender=None, options=OPTIONS)
    for path in (labels, envelopes):
        text = pdf_text(path)
        assert "Ministre de la Justice" in text
        assert "Justizminister" in text
        assert text.count("Minister of Justice") == 1  # only to the official who reads English
        assert "Mr Paul" not in text and "Mr Karl" not in text


def test_the_letter_head_names_the_senders_country_in_the_letters_language(
    qapp: object, tmp_path: Path
) -> None:
    from app.services.outputs import LetterOnPaper, save_letter_pdf

    case = justice_case("1/26", "es", "Spanish", "Pablo Ruiz")
    writer = SenderProfile(
        name="Jo Example", address="4 Linden Walk", city="Leeds", country="United Kingdom"
    )
    letter = draft_letter(case, 1, writer, locale="es")
    assert "Leeds, Reino Unido" in letter.text and "United Kingdom" not in letter.text
    path = tmp_path / "carta.pdf"
    save_letter_pdf(LetterOnPaper(letter, case, 1, writer, OPTIONS), path)
    assert "Reino Unido" in pdf_text(path) and "United Kingdom" not in pdf_text(path)
    english = draft_letter(case, 1, writer, locale="en")
    assert "Leeds, United Kingdom" in english.text
