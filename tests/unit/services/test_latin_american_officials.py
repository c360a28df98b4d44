"""Letters to the two officials of a fictional Spanish UA (a woman Minister of Justice with a
Tratamiento, and a Minister of the Interior whose gender the UA does not give), in Spanish,
French and English, read from a real store: the salutation a writer of each language would
use, and the official's academic title ("Lic.") kept in every letter's address block."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.model import SenderProfile
from app.importing import parse_text
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import save_parsed
from app.services.letters import draft_letter

UA = """ACCIÓN URGENTE

AU: 312/26 Índice: AMR 99/4102/2026 Fecha: 2 de diciembre de 2026

PERIODISTA DETENIDO TRAS INFORMAR SOBRE CORRUPCIÓN

El periodista Julián Ejemplo (ficticio) fue detenido el 29 de noviembre de 2026 en Puerto Alba,
República de Montaluz (país ficticio), después de publicar un reportaje sobre corrupción.

ACTÚEN: ESCRIBAN UN LLAMAMIENTO CON SUS PROPIAS PALABRAS O UTILICEN ESTA CARTA MODELO

Le pido que ponga en libertad al periodista Julián Ejemplo de inmediato y sin condiciones, ya que
está detenido únicamente por su trabajo periodístico.

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

Ministro del Interior
Lic. Alberto Ejemplo
Ministerio del Interior
Plaza de Armas 3
Puerto Alba, Montaluz
Correo-e: despacho@interior.example.ml
"""


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], str]:
    db = open_store(resolve_paths(tmp_path_factory.mktemp("store") / "data"))
    try:
        save_parsed(db, parse_text(UA, "ua.txt"), "ua.txt")
        case = get_case(db, "312/26")
        sender = SenderProfile(name="Ana Example", city="Leeds", country="United Kingdom")
        return {
            (target, locale): draft_letter(
                case, target, sender, locale=locale, today=date(2026, 12, 7)
            ).text
            for target in (1, 2)
            for locale in ("es", "fr", "en")
        }
    finally:
        db.close()


def test_spanish_letters_greet_each_minister_as_a_spanish_writer_would(
    letters: dict[tuple[int, str], str],
) -> None:
    assert "\nSeñora Ministra:\n" in letters[1, "es"]
    # gender not given: both forms, as Spanish administrative letters write them
    assert "\nSeñora Ministra, Señor Ministro:\n" in letters[2, "es"]
    assert "Excelencia" not in letters[2, "es"]


def test_every_letter_keeps_the_officials_academic_title(
    letters: dict[tuple[int, str], str],
) -> None:
    assert "\nSra. Lic. Carmen Ejemplo Ruiz\n" in letters[1, "es"]
    assert "\nLic. Alberto Ejemplo\n" in letters[2, "es"]
    for locale in ("fr", "en"):
        # the Spanish civility "Sra." gives way to the letter's own salutation; "Lic." stays
        assert "\nLic. Carmen Ejemplo Ruiz\n" in letters[1, locale]
        assert "Sra." not in letters[1, locale]
        assert "\nLic. Alberto Ejemplo\n" in letters[2, locale]
    assert "\nMadame la Ministre,\n" in letters[1, "fr"]
    assert "\nDear Minister,\n" in letters[2, "en"]
