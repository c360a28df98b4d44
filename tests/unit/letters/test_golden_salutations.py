"""Golden forms of address: every official of the table, in every letter language and gender,
gets the salutation and closing that the published protocol guides give (see the table's header
for the guide of each language)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.letters.salutations import courtesy, load_rules

TABLE = tomllib.loads((Path(__file__).parent / "golden_officials.toml").read_text(encoding="utf-8"))
LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")


def _expected(language: str, key: str, gender: str) -> tuple[str, str]:
    entry = TABLE["forms"][language][key]
    if isinstance(entry, dict):
        entry = entry[gender]
    return entry[0], entry[1]


def test_the_table_is_large_enough() -> None:
    keys = {official["key"].split(":")[0] for official in TABLE["official"]}
    assert len(TABLE["official"]) >= 15 and len(keys) >= 15
    assert set(TABLE["forms"]) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "official",
    TABLE["official"],
    ids=[o["title"] + "/" + o.get("name", "") for o in TABLE["official"]],
)
def test_golden_salutation_and_closing(language: str, official: dict) -> None:
    rules = load_rules([language] if language == "en" else [language, "en"])
    for stated, gender in official["cases"]:
        got = courtesy(rules, official["title"], stated or None, name=official.get("name"))
        assert (got.salutation, got.closing) == _expected(language, official["key"], gender), (
            f"stated gender {stated or 'none'}"
        )
