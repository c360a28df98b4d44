"""Rank detection and the per-language salutation rules (data files, not code)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.domain.errors import TemplateProblem
from app.letters.rendering import SHIPPED_TEMPLATES
from app.letters.salutations import Rank, courtesy, load_rules, rank_of


@pytest.mark.parametrize(
    ("title", "rank"),
    [
        ("President of the Republic", Rank.HEAD_OF_STATE),
        ("Prime Minister", Rank.HEAD_OF_STATE),
        ("Presidente de la República", Rank.HEAD_OF_STATE),
        ("King of Arcadia", Rank.KING),
        ("Minister of Justice", Rank.MINISTER),
        ("Ministra del Interior", Rank.MINISTER),
        ("Chief Justice", Rank.JUDGE),
        ("President of the Supreme Court", Rank.JUDGE),
        ("Attorney General", Rank.PROSECUTOR),
        ("Fiscal de la Nación", Rank.PROSECUTOR),
        ("Governor of the Eastern Province", Rank.GOVERNOR),
        ("Director of the National Penitentiary Institute", Rank.PRISON_DIRECTOR),
        ("Ambassador of Arcadia", Rank.AMBASSADOR),
        ("Inspector General of Police", Rank.POLICE_CHIEF),
        ("Head of the Land Office", Rank.GENERIC),
        (None, Rank.GENERIC),
    ],
)
def test_rank_of_title(title: str | None, rank: Rank) -> None:
    assert rank_of(title) is rank


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_every_rank_has_a_neutral_salutation_and_a_closing(locale: str) -> None:
    rules = load_rules([locale, "en"] if locale != "en" else ["en"])
    for gender in ("f", "m", None):
        polite = courtesy(rules, None, gender)
        assert polite.salutation and polite.closing
    raw = tomllib.loads(
        (SHIPPED_TEMPLATES / locale / "salutations.toml").read_text(encoding="utf-8")
    )
    for rank in Rank:
        entry = raw["salutation"].get(rank.value)
        assert entry is not None, f"{locale}: no salutation for {rank.value}"
        assert isinstance(entry, str) or "neutral" in entry


def test_gendered_forms_only_when_the_document_states_gender() -> None:
    rules = load_rules(["es", "en"])
    assert courtesy(rules, "Ministro de Defensa", "m").salutation == "Señor Ministro:"
    assert courtesy(rules, "Ministra de Defensa", "f").salutation == "Señora Ministra:"
    assert courtesy(rules, "Ministra de Defensa", None).salutation == "Excelencia:"


def test_french_closing_repeats_the_form_of_address() -> None:
    rules = load_rules(["fr", "en"])
    polite = courtesy(rules, "Ambassador", "f")
    assert polite.salutation == "Madame l'Ambassadrice,"
    assert "Madame l'Ambassadrice" in polite.closing


def test_printed_salutation_wins() -> None:
    rules = load_rules(["en"])
    polite = courtesy(rules, "Minister of Justice", "f", "Dear Minister/Señora Ministra,")
    assert polite.salutation == "Dear Minister/Señora Ministra,"
    assert polite.salutation_from_document


def test_user_file_overrides_single_entries(tmp_path: Path) -> None:
    own = tmp_path / "en"
    own.mkdir()
    (own / "salutations.toml").write_text(
        '[salutation]\nminister = "Honourable Minister,"\n', encoding="utf-8"
    )
    rules = load_rules(["en"], tmp_path)
    assert courtesy(rules, "Minister", None).salutation == "Honourable Minister,"
    assert courtesy(rules, "Governor", None).salutation == "Dear Governor,"  # shipped entry kept


def test_broken_rules_file_names_the_line(tmp_path: Path) -> None:
    own = tmp_path / "en"
    own.mkdir()
    (own / "salutations.toml").write_text('[salutation]\nminister = "unclosed\n', encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_rules(["en"], tmp_path)
    assert caught.value.filename.endswith("salutations.toml") and caught.value.lineno == 2


def test_a_spanish_letter_never_gets_english_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.letters import salutations

    monkeypatch.setattr(
        salutations, "search_path", lambda chain, user: [tmp_path / loc for loc in chain]
    )
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "salutations.toml").write_text(
        '[salutation]\ngeneric = "Dear Sir,"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateProblem, match="no salutations file for es"):
        load_rules(["es", "en"])
