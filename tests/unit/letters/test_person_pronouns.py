"""The letter speaks of the person with one set of pronouns, the ones the UA marks: "(m)" in
a 1990s name column, "(ella)" or "(er/ihm)" after the name in the story."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from app.domain.model import CaseDetail, Person, SenderProfile
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import import_files
from app.services.letters import draft_letter
from tests.unit.letters.conftest import make_case

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")
TODAY = datetime.date(1997, 6, 5)


def _imported(tmp_path: Path, ua_number: str, name: str) -> CaseDetail:
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        import_files(db, [FIXTURES / name])
        return get_case(db, ua_number)
    finally:
        db.close()


def test_a_man_marked_m_is_he_throughout_the_letter(tmp_path: Path) -> None:
    case = _imported(tmp_path, "131/97", "ua-1990s-no-model-letter.txt")
    assert case.persons == (Person("Tobias Renn Halvard", "m"),)
    text = draft_letter(case, 1, SENDER, locale="en", today=TODAY).text
    assert "concerned for his safety" in text and "his rights" in text
    assert "I urge that he be given immediate access to his family" in text
    assert " their " not in text and " they " not in text


@pytest.mark.parametrize(
    ("pronouns", "subject", "possessive"),
    [
        ("ella", "her safety", "her rights"),
        ("er/ihm", "his safety", "his rights"),
        ("elle", "her safety", "her rights"),
        ("femenino", "her safety", "her rights"),
        ("f", "her safety", "her rights"),
        ("h", "his safety", "his rights"),
        ("they/them", "their safety", "their rights"),
    ],
)
def test_pronoun_marks_of_other_languages_word_an_english_letter(
    pronouns: str, subject: str, possessive: str
) -> None:
    case = make_case(persons=(Person("Ana Example", pronouns),), model_letter=None)
    text = draft_letter(case, 1, SENDER, locale="en", today=TODAY).text
    assert f"concerned for {subject}" in text and possessive in text


def test_without_a_mark_the_letter_follows_the_pronouns_of_the_demands_it_quotes(
    tmp_path: Path,
) -> None:
    source = (FIXTURES / "ua-1990s-no-model-letter.txt").read_text(encoding="utf-8")
    unmarked = tmp_path / "ua-unmarked.txt"  # the same UA without the "(m)"
    unmarked.write_text(source.replace(" (m),", ","), encoding="utf-8")
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        import_files(db, [unmarked])
        case = get_case(db, "131/97")
    finally:
        db.close()
    assert case.persons == (Person("Tobias Renn Halvard"),)
    text = draft_letter(case, 1, SENDER, locale="en", today=TODAY).text
    assert "I urge that he be given immediate access to his family" in text
    assert "concerned for his safety" in text and " their " not in text
