"""A letter for a fictional sample case prints its subject once, and the fictional marking
stays visible on the page (read back from the PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import SenderProfile
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.letters import draft_letter
from app.services.outputs import LetterOnPaper, default_output_options, save_letter_pdf
from app.services.samples import load_sample_pack
from app.store.database import open_database

from .pdf_reading import pdf_text

SENDER = SenderProfile(name="Jane Writer", address="12 Example Road", city="Bristol")


@pytest.mark.parametrize(
    ("locale", "marking"),
    [("en", "FICTIONAL SAMPLE - DO NOT SEND"), ("es", "EJEMPLO FICTICIO - NO ENVIAR")],
)
def test_a_sample_letter_prints_its_subject_once(
    qapp, tmp_path: Path, locale: str, marking: str
) -> None:  # type: ignore[no-untyped-def]
    db = open_database(resolve_paths(tmp_path / "data"))
    try:
        load_sample_pack(db)
        case = get_case(db, "901/27")
    finally:
        db.close()
    letter = draft_letter(case, 1, SENDER, locale=locale)
    assert letter.subject.startswith(f"[{marking}] ")  # e-mail subject line, in its language
    path = tmp_path / "letter.pdf"
    save_letter_pdf(LetterOnPaper(letter, case, 1, SENDER, default_output_options()), path)
    text = " ".join(pdf_text(path).split())
    assert text.count("UA 901/27") + text.count("AU 901/27") == 1
    assert text.count(marking) == 1
    assert text.index(marking) < text.index("901/27")
