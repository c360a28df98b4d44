"""A later document about a case keeps what earlier ones knew of its officials and persons:
imported through the real import service into a real store, the letter drafted from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import ImportOutcome, SenderProfile
from app.services.cases import get_case
from app.services.importing import import_files
from app.services.letters import draft_letter
from app.store.database import Database

TESTS = Path(__file__).parents[2]
SAMPLES = TESTS / "fixtures" / "ua-samples"
SPANISH_UA = SAMPLES / "113_ecuador_kichwa_leader_es_2022.txt"
ENGLISH_UPDATE = SAMPLES / "118_ecuador_kichwa_leader_web_update_2022.txt"
BLIND = TESTS / "unit" / "importing" / "blind4"
FULL_NAME_UA = BLIND / "701_belarus_union_leader_amnesty_de_web_2022.txt"
SHORT_NAME_UPDATE = BLIND / "702_belarus_union_leader_weitere_info_2022.txt"
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")


def _import(db: Database, *paths: Path) -> None:
    for path in paths:
        [result] = import_files(db, [path])
        assert result.outcome in (ImportOutcome.IMPORTED, ImportOutcome.UPDATED), result


@pytest.mark.parametrize(
    "order", [(SPANISH_UA, ENGLISH_UPDATE), (ENGLISH_UPDATE, SPANISH_UA)], ids=["es-en", "en-es"]
)
def test_an_english_update_keeps_the_officials_gender_and_contacts(
    db: Database, order: tuple[Path, Path]
) -> None:
    _import(db, *order)
    case = get_case(db, "71/22")
    attorney = case.targets[0]
    assert attorney.name == "Verónica Andrade Paredes"
    assert attorney.email == "despacho.fiscal@fiscalia.gob.ec.example"
    assert attorney.address and "Quito 170525" in attorney.address
    spanish = draft_letter(case, 1, SENDER, locale="es")
    german = draft_letter(case, 1, SENDER, locale="de")
    french = draft_letter(case, 1, SENDER, locale="fr")
    english = draft_letter(case, 1, SENDER, locale="en")
    assert spanish.salutation == "Señora Fiscal General:"
    assert german.salutation == "Sehr geehrte Frau Generalstaatsanwältin,"
    assert french.salutation == "Madame la Procureure générale,"
    assert "Excelencia" not in spanish.text
    assert "Damen und Herren" not in german.text
    # the office is worded in each letter's own language, never one language inside another
    assert "Generalstaatsanwältin" in german.text
    assert "Fiscal General del Estado" not in english.text
    assert "Attorney General" not in spanish.text


def test_an_update_in_the_same_language_changes_the_address_and_keeps_the_rest(
    db: Database, tmp_path: Path
) -> None:
    moved = tmp_path / "moved.txt"
    text = SPANISH_UA.read_text(encoding="utf-8")
    old_address = "Av. Patria y Av. 12 de Octubre, Edificio Patria"
    assert old_address in text
    email = "despacho.fiscal@fiscalia.gob.ec.example"
    assert email in text
    moved_text = text.replace(old_address, "Calle Nueva 5").replace(email, "")
    moved_text = moved_text.replace("30 de junio de 2022", "15 de julio de 2022")
    moved.write_text(moved_text, encoding="utf-8")
    _import(db, SPANISH_UA, moved)
    [attorney, *_] = get_case(db, "71/22").targets
    assert attorney.address and "Calle Nueva 5" in attorney.address
    assert old_address not in attorney.address
    assert attorney.email == email
    assert attorney.salutation == "Señora Fiscal General"


def test_a_new_official_named_in_an_update_replaces_the_old_one(db: Database) -> None:
    _import(db, FULL_NAME_UA, SHORT_NAME_UPDATE)
    case = get_case(db, "87/22")
    assert [t.name for t in case.targets] == ["Wiktar Paulawitsch Harbatsewitsch"]
    assert case.targets[0].title == "VORSITZENDER DES GEBIETSGERICHTS HRODNA"
    assert draft_letter(case, 1, SENDER, locale="de").salutation.startswith("Sehr geehrter Herr")


@pytest.mark.parametrize(
    "order",
    [(FULL_NAME_UA, SHORT_NAME_UPDATE), (SHORT_NAME_UPDATE, FULL_NAME_UA)],
    ids=["full-first", "short-first"],
)
def test_a_person_named_without_patronymic_is_the_same_person(
    db: Database, order: tuple[Path, Path]
) -> None:
    _import(db, *order)
    case = get_case(db, "87/22")
    assert [p.name for p in case.persons] == ["Aljona Sjarhejewna Kaspjarowitsch"]
    letter = draft_letter(case, 1, SENDER, locale="de")
    assert "Aljona Sjarhejewna Kaspjarowitsch" in letter.subject
    assert " und " not in letter.subject


def test_people_who_share_a_family_name_stay_two(db: Database, tmp_path: Path) -> None:
    sister = tmp_path / "sister.txt"
    text = SHORT_NAME_UPDATE.read_text(encoding="utf-8")
    assert "Aljona Kaspjarowitsch" in text
    sister.write_text(text.replace("Aljona Kaspjarowitsch", "Maryja Kaspjarowitsch"), "utf-8")
    _import(db, FULL_NAME_UA, sister)
    names = [p.name for p in get_case(db, "87/22").persons]
    assert names == ["Aljona Sjarhejewna Kaspjarowitsch", "Maryja Kaspjarowitsch"]
