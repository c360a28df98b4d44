"""A UA's greeting belongs to the official it names: a letter to any other official of the
case opens with the salutation made from that official's own title, in every language."""

from __future__ import annotations

import datetime
from pathlib import Path

from app.domain.greetings import greeted_official
from app.domain.model import CaseDetail, SenderProfile, Target
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import import_files
from app.services.letters import draft_letter
from tests.unit.letters.conftest import make_case

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")
TODAY = datetime.date(2026, 12, 6)


def _imported(tmp_path: Path, ua_number: str, *names: str) -> CaseDetail:
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        import_files(db, [FIXTURES / name for name in names])
        return get_case(db, ua_number)
    finally:
        db.close()


def test_the_second_official_of_an_update_is_not_greeted_as_the_first(tmp_path: Path) -> None:
    # The update lists the President, then the Minister of the Interior, then "Dear President,".
    case = _imported(
        tmp_path, "188/26", "ua-two-officials-en.txt", "ua-two-officials-en-update.txt"
    )
    assert [t.title for t in case.targets] == ["President", "Minister of the Interior"]
    assert case.targets[0].salutation == "Dear President"
    assert case.targets[1].salutation is None  # the case pane shows no borrowed salutation

    to_president = draft_letter(case, 1, SENDER, locale="en", today=TODAY)
    to_minister = draft_letter(case, 2, SENDER, locale="en", today=TODAY)
    assert to_president.salutation == "Dear President,"
    assert to_minister.salutation == "Dear Minister,"
    assert "\nMr Pavel Oster\nMinister of the Interior\n" in to_minister.text
    assert "\nDear Minister,\n" in to_minister.text and "President," not in to_minister.text


def test_a_spanish_greeting_goes_to_the_official_it_names_not_the_first(tmp_path: Path) -> None:
    # The minister is listed first; the model letter greets the prosecutor general.
    case = _imported(tmp_path, "189/26", "ua-two-officials-es.txt")
    assert [(p.name, p.pronouns) for p in case.persons] == [("Marco Ilves", "masculino")]
    assert case.targets[0].salutation is None
    assert case.targets[1].salutation == "Señora Fiscal General"

    to_minister = draft_letter(case, 1, SENDER, locale="es", today=TODAY)
    to_prosecutor = draft_letter(case, 2, SENDER, locale="es", today=TODAY)
    assert to_minister.salutation == "Señor Ministro:"
    assert "Fiscal" not in to_minister.salutation
    assert to_prosecutor.salutation == "Señora Fiscal General:"
    assert "\nSeñora Fiscal General:\n" in to_prosecutor.text


def test_a_greeting_stored_on_the_wrong_official_is_not_used_for_them() -> None:
    # A case imported before the importer read whose greeting it was.
    case = make_case(
        targets=(
            Target("Prime Minister", "Helena Marsh", salutation="Dear Prime Minister"),
            Target("Minister of Justice", "Arlen Fosse", salutation="Dear Prime Minister"),
        ),
        model_letter="Dear Prime Minister,\n\nPlease release him.\n\nYours sincerely,\n",
    )
    assert draft_letter(case, 1, SENDER, locale="en", today=TODAY).salutation == (
        "Dear Prime Minister,"
    )
    assert draft_letter(case, 2, SENDER, locale="en", today=TODAY).salutation == ("Dear Minister,")


def test_the_model_letters_greeting_without_an_owner_goes_to_the_official_it_names() -> None:
    case = make_case(
        targets=(Target("Minister of Justice", "Arlen Fosse"), Target("Governor", "Ida Roe")),
        model_letter="Dear Governor,\n\nPlease release him.\n\nYours sincerely,\n",
    )
    assert draft_letter(case, 1, SENDER, locale="en", today=TODAY).salutation == ("Dear Minister,")
    assert draft_letter(case, 2, SENDER, locale="en", today=TODAY).salutation == ("Dear Governor,")


def test_which_official_a_greeting_names() -> None:
    officials = ["Prime Minister Helena Marsh", "Minister of Justice Mr Arlen Fosse"]
    assert greeted_official("Dear Prime Minister,", officials) == 0
    assert greeted_official("Dear Mr Fosse,", officials) == 1
    assert greeted_official("Dear Minister/Señor Ministro", officials[1:]) == 0
    assert greeted_official("Sehr geehrter Herr Minister,", ["Minister der Justiz"]) == 0
    assert greeted_official("Your Excellency,", officials) is None
    assert greeted_official("Dear Governor,", officials) is None
