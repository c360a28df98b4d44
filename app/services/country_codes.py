"""Country names -> ISO 3166 codes, for transit times and the deadline reminder.

The stored cases name their countries as the importer wrote them: CLDR's English short
name or Amnesty's own (``Peru``, ``UK``, ``Russia``). Those are looked up among the English
names alone; only another name (``Russische Föderation``) loads the importer's table of
names in every UA language. The names come from the shipped CLDR file
(``app.importing.territory_names``), not from Babel's locale data (about 1 MB a language).
"""

from __future__ import annotations

from functools import lru_cache

from app.importing.countries import amnesty_name, canonical_country
from app.importing.normalize import fold
from app.importing.territory_names import territory_names


def country_code(country: str | None) -> str | None:
    """``Peru`` -> ``PE``; ``Russische Föderation`` -> ``RU``; ``PE`` -> ``PE``; unknown -> None."""
    if not country or not country.strip():
        return None
    text = country.strip()
    english = _english_codes()
    if len(text) == 2 and text.isupper() and text in english.values():
        return text
    return english.get(fold(text)) or country_code_by_any_name(text)


def country_code_by_any_name(text: str) -> str | None:
    """The code of a name in any UA language (loads the importer's table of names)."""
    names = _codes_by_name()
    return names.get(fold(canonical_country(text) or text)) or names.get(fold(text))


@lru_cache(maxsize=1)
def _english_codes() -> dict[str, str]:
    """Folded English (CLDR) and Amnesty short names -> code."""
    table: dict[str, str] = {}
    english = _english_territories()
    for code, name in english.items():
        table[fold(name)] = code
    for code, name in english.items():
        table.setdefault(fold(amnesty_name(code, name)), code)
    return table


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, name in _english_territories().items():
        table[fold(name)] = code
        canonical = canonical_country(name)
        if canonical:
            table.setdefault(fold(canonical), code)
    return table


def _english_territories() -> dict[str, str]:
    return territory_names()["en"]
