"""A UA whose model letter opens with its first sentence, not with a greeting ("Le escribo
para ...", "I am writing to urge you to ..."): the letter still asks what the UA asks, and
the case says what that is. The documents are fictional, written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.domain.model import SenderProfile
from app.importing import parse_text
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import save_parsed
from app.services.letters import draft_letter

SPANISH_UA = """ACCIÓN URGENTE

AU: 312/26 Índice: AMR 99/4102/2026 Fecha: 2 de diciembre de 2026

PERIODISTA DETENIDO TRAS INFORMAR SOBRE CORRUPCIÓN

El periodista Julián Ejemplo (ficticio) fue detenido el 29 de noviembre de 2026 en Puerto Alba,
República de Montaluz (país ficticio), después de publicar un reportaje sobre corrupción.

ACTÚEN: ESCRIBAN UN LLAMAMIENTO CON SUS PROPIAS PALABRAS O UTILICEN ESTA CARTA MODELO

Le escribo para expresarle mi preocupación por el periodista Julián Ejemplo, detenido el 29 de
noviembre de 2026. Le pido que lo ponga en libertad de inmediato y sin condiciones y que, mientras
tanto, garantice que pueda ver a su abogada y a su familia.

Atentamente,

ACTÚEN ANTES DEL: 28 de enero de 2027

Envíen llamamientos a:
Ministra de Justicia
Sra. Lic. Carmen Ejemplo Ruiz
Ministerio de Justicia
Calle Mayor 12
Puerto Alba, Montaluz
Correo-e: ministra@justicia.example.ml
Tratamiento: Señora Ministra
"""

ENGLISH_UA = """URGENT ACTION

UA: 314/26 Index: ASA 99/4104/2026 Eastmarch Date: 4 December 2026

VILLAGERS FACE FORCED EVICTION

About 300 families in Lindvale village, Eastmarch (a fictional country), face forced eviction
to make way for a mining project. Village spokesperson Ilsa Example has been threatened.

TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER

Governor of Northern Province
Governor Aleksandra Example
Provincial House, 7 Lake Street
Northgate 550, Eastmarch

I am writing to urge you to halt the planned eviction of the families of Lindvale village until
they have been genuinely consulted and offered adequate alternative housing.

I also ask you to ensure that spokesperson Ilsa Example is protected from threats and
intimidation.

Yours sincerely,

PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 18 January 2027
"""


def letter_for(tmp_path: Path, text: str, ua_number: str, locale: str) -> tuple[str, str]:
    """The letter's text and the case's model letter, from a real store."""
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        save_parsed(db, parse_text(text, "ua.txt"), "ua.txt")
        case = get_case(db, ua_number)
        sender = SenderProfile(name="Ana Example", city="Leeds", country="United Kingdom")
        letter = draft_letter(case, 1, sender, locale=locale, today=date(2026, 12, 7))
    finally:
        db.close()
    return letter.text, case.model_letter or ""


def test_a_spanish_model_letter_without_greeting_is_the_letter(tmp_path: Path) -> None:
    text, model = letter_for(tmp_path, SPANISH_UA, "312/26", "es")
    assert model.startswith("Le escribo para expresarle")
    assert "Señora Ministra:" in text
    assert "Le pido que lo ponga en libertad de inmediato y sin condiciones" in text
    assert "garantice que pueda ver a su abogada y a su familia." in text
    assert text.count("Atentamente,") + text.count("Respetuosamente,") == 1


def test_an_english_model_letter_after_the_address_block_keeps_only_its_sentences(
    tmp_path: Path,
) -> None:
    text, model = letter_for(tmp_path, ENGLISH_UA, "314/26", "en")
    assert model.startswith("I am writing to urge you to halt the planned eviction")
    assert "Provincial House" not in model  # the address block above it is not the letter
    assert "Dear Governor," in text
    assert "halt the planned eviction of the families of Lindvale village" in text
    assert "protected from threats and intimidation." in text


def test_contacts_run_into_the_letter_stay_out_of_it() -> None:
    run_together = ENGLISH_UA.replace(
        "Northgate 550, Eastmarch\n\n", "Northgate 550, Eastmarch\nEmail: governor@example.em\n"
    )
    model = parse_text(run_together, "ua.txt").model_letter or ""
    assert model.startswith("I am writing to urge you to halt")
    assert "governor@example.em" not in model


def test_a_greeting_run_into_its_first_sentence_is_not_taken_for_a_letter_without_one() -> None:
    # Text extraction that ran the greeting into the body: the letter would greet twice.
    run_together = ENGLISH_UA.replace("I am writing to urge", "Dear Governor, I am writing to urge")
    assert parse_text(run_together, "ua.txt").model_letter is None


def test_typeset_as_pdf_the_model_letter_is_read_too(make_pdf: Callable[..., Path]) -> None:
    from app.importing import parse_file

    for text, opening in (
        (ENGLISH_UA, "I am writing to urge you to halt"),
        (SPANISH_UA, "Le escribo para expresarle"),
    ):
        parsed = parse_file(make_pdf(text, "ua.pdf"))
        assert (parsed.model_letter or "").startswith(opening)
        assert all(t.salutation is None or "writing" not in t.salutation for t in parsed.targets)
