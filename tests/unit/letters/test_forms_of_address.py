"""Forms of address: the office's own form in every language, by the official's gender when the
UA states it, else both forms or a form for everybody, never a slash form; an office printed in
capitals is worded in the letter's language like any other."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from app.domain.model import SenderProfile, Target
from app.letters.rendering import SHIPPED_TEMPLATES
from app.letters.salutations import courtesy, load_rules, title_for_letter
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import import_files
from app.services.letters import draft_letter
from tests.unit.letters.conftest import make_case

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")
TODAY = datetime.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("locale", "gender", "salutation"),
    [
        ("fr", None, "Madame la Première ministre, Monsieur le Premier ministre,"),
        ("fr", "m", "Monsieur le Premier ministre,"),
        ("fr", "f", "Madame la Première ministre,"),
        ("de", None, "Sehr geehrte Frau Premierministerin, sehr geehrter Herr Premierminister,"),
        ("de", "m", "Sehr geehrter Herr Premierminister,"),
        ("ar", None, "دولة رئيس الوزراء،"),
        ("ar", "f", "دولة رئيسة الوزراء،"),
    ],
)
def test_a_prime_minister_is_addressed_as_one(
    locale: str, gender: str | None, salutation: str
) -> None:
    case = make_case(
        targets=(Target("Prime Minister", "Rudolf Elphberg", gender=gender),), model_letter=None
    )
    letter = draft_letter(case, 1, SENDER, locale=locale, today=TODAY)
    assert letter.salutation == salutation
    assert f"\n{salutation}\n" in letter.text


def _golden_titles() -> list[str]:
    table = tomllib.loads(
        (Path(__file__).parent / "golden_officials.toml").read_text(encoding="utf-8")
    )
    return [official["title"] for official in table["official"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_slash_form_for_an_official_of_unknown_gender(language: str) -> None:
    rules = load_rules([language] if language == "en" else [language, "en"])
    titles = _golden_titles()
    data = tomllib.loads((SHIPPED_TEMPLATES / "en" / "offices.toml").read_text("utf-8"))
    for entry in data["titles"].values():
        titles.append(entry if isinstance(entry, str) else entry[0])
    for title in titles:
        polite = courtesy(rules, title, None)
        written = title_for_letter(title, language, None) or ""
        for text in (polite.salutation, polite.closing, written):
            assert "/" not in text and "(a)" not in text, (title, text)


def _imported_german_ua(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_store(resolve_paths(tmp_path))
    try:
        import_files(db, [FIXTURES / "ua-de-capitals.txt"])  # fictional: UA 106/26
        return get_case(db, "106/26")
    finally:
        db.close()


@pytest.mark.parametrize(
    ("locale", "office"), [("en", "President"), ("es", "Presidente"), ("de", "Präsident")]
)
def test_an_office_printed_in_capitals_is_worded_in_the_letters_language(
    tmp_path: Path, locale: str, office: str
) -> None:
    case = _imported_german_ua(tmp_path)
    assert case.targets[0].title == "PRÄSIDENT"
    text = draft_letter(case, 1, SENDER, locale=locale, today=TODAY).text
    assert f"\n{office}\n" in text and "PRÄSIDENT" not in text


def test_a_title_in_capitals_takes_the_officials_gender() -> None:
    assert title_for_letter("MINISTER OF JUSTICE", "es", "f") == "Ministra de Justicia"
    assert title_for_letter("MINISTER OF JUSTICE", "en", None) == "Minister of Justice"
    assert title_for_letter("Minister of Justice", "en", None) == "Minister of Justice"
    assert title_for_letter("CHAIRMAN OF THE BOARD", "fr", None) == "CHAIRMAN OF THE BOARD"
