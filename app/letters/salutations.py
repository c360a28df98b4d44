"""Salutation and closing engine: rank of the office x the official's gender x the letter language.

The wording lives in ``app/templates/<locale>/salutations.toml`` (translators edit it, no code);
a user file with the same name in ``<data dir>/templates/<locale>/`` overrides entries. This
module only decides the rank from the official's title and picks the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.domain.errors import TemplateProblem
from app.letters.rendering import ensure_inside, search_path

SALUTATIONS_FILE = "salutations.toml"


class Rank(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    KING = "king"
    MINISTER = "minister"
    JUDGE = "judge"
    PROSECUTOR = "prosecutor"
    GOVERNOR = "governor"
    PRISON_DIRECTOR = "prison_director"
    AMBASSADOR = "ambassador"
    POLICE_CHIEF = "police_chief"
    GENERIC = "generic"


# Checked in order: the first pattern found in the official's title (any language) wins.
_RANK_PATTERNS: tuple[tuple[Rank, re.Pattern[str]], ...] = tuple(
    (rank, re.compile(pattern, re.IGNORECASE))
    for rank, pattern in (
        (
            Rank.KING,
            r"\b(king|queen|emir|sultan|majesty|rey|reina|roi|reine|k[öo]nig|k[öo]nigin|rei|rainha)\b|ملك|أمير",
        ),
        (
            Rank.PROSECUTOR,
            r"prosecut|attorney.general|\bfiscal\b(?! affairs| policy)|procureur|staatsanwalt|procurador|minist[ée]rio p[úu]blico|ministerio p[úu]blico|النائب العام|نائب عام",
        ),
        (
            Rank.HEAD_OF_STATE,
            r"prime minister|premier|chancellor|kanzler|head of (state|government)|primer ministro|primeiro.ministro|رئيس الوزراء",
        ),
        (Rank.MINISTER, r"minist|secretary of state|secretari[oa] de estado|وزير"),
        (
            Rank.PRISON_DIRECTOR,
            r"prison|penitenciar|penitentiar|gef[äa]ngnis|justizvollzug|pris[ãa]o|\bjail\b|detention cent|سجن",
        ),
        (Rank.POLICE_CHIEF, r"police|polic[ií]a|polizei|gendarmer|شرطة"),
        (
            Rank.JUDGE,
            r"\b(judge|justice|court|magistrat\w*|juez|jueza|juge|richter\w*|juiz|juíza|tribunal)\b|قاض|محكمة",
        ),
        (Rank.AMBASSADOR, r"ambassad|embajador|botschafter|embaixador|سفير"),
        (Rank.HEAD_OF_STATE, r"president|pr[ée]sident|präsident|رئيس"),
        (
            Rank.GOVERNOR,
            r"governor|gobernador|gouverneur|governador|\bmayor\b|alcalde|maire|bürgermeister|prefect|préfet|محافظ|والي",
        ),
    )
)


def rank_of(title: str | None) -> Rank:
    """The rank an official's title calls for (``Rank.GENERIC`` when nothing matches)."""
    if title:
        for rank, pattern in _RANK_PATTERNS:
            if pattern.search(title):
                return rank
    return Rank.GENERIC


def gender_key(gender: str | None) -> str:
    """``f`` / ``m`` when the document says so; otherwise ``neutral`` (never guessed from names)."""
    return gender if gender in ("f", "m") else "neutral"


@dataclass(frozen=True, slots=True)
class Courtesy:
    """What the template needs for one official in one language."""

    rank: Rank
    salutation: str
    closing: str
    form_of_address: str
    salutation_from_document: bool


def load_rules(locale_chain: list[str], user_templates: Path | None = None) -> dict[str, dict]:
    """Merge the salutation files of the chain (earlier files win entry by entry).

    English is consulted only for English letters, so a Spanish letter never gets an English
    closing: a language without a file raises ``TemplateProblem``.
    """
    language = locale_chain[0].split("_")[0]
    own_chain = [loc for loc in locale_chain if loc.split("_")[0] == language]
    merged: dict[str, dict] = {}
    found = False
    for directory in search_path(own_chain, user_templates):
        path = directory / SALUTATIONS_FILE
        if not path.is_file():
            continue
        ensure_inside(path, user_templates)
        found = True
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TemplateProblem(str(path), _toml_line(exc), str(exc)) from exc
        for table in ("salutation", "closing", "address", "letter"):
            target = merged.setdefault(table, {})
            for key, value in data.get(table, {}).items():
                target.setdefault(key, value)
    if not found:
        raise TemplateProblem(SALUTATIONS_FILE, None, f"no salutations file for {locale_chain[0]}")
    return merged


def courtesy(
    rules: dict[str, dict],
    title: str | None,
    gender: str | None,
    printed_salutation: str | None = None,
) -> Courtesy:
    """Salutation, form of address and closing for one official; the UA's salutation wins."""
    rank = rank_of(title)
    key = gender_key(gender)
    address = _pick(rules.get("address", {}), rank, key)
    salutation = _pick(rules.get("salutation", {}), rank, key)
    closing = _pick(rules.get("closing", {}), rank, key).replace("{address}", address)
    from_document = bool(printed_salutation and printed_salutation.strip())
    if from_document:
        salutation = printed_salutation.strip()  # type: ignore[union-attr]
    return Courtesy(rank, salutation, closing, address, from_document)


def _pick(table: dict[str, object], rank: Rank, gender: str) -> str:
    """``table[rank][gender]``, then the rank's neutral form, then the generic entry."""
    for rank_key in (rank.value, Rank.GENERIC.value):
        entry = table.get(rank_key)
        if isinstance(entry, str):
            return entry
        if isinstance(entry, dict):
            for gender_choice in (gender, "neutral"):
                value = entry.get(gender_choice)
                if isinstance(value, str):
                    return value
    return ""


def _toml_line(exc: Exception) -> int | None:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None
