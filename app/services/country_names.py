"""A case's country as the interface shows it: the CLDR short name in the interface language.

Cases store the country as the importer wrote it (CLDR's English short name or Amnesty's,
``Peru``, ``UK``). The window shows, sorts and searches it in the interface language
(``Perú``, ``Deutschland``, ``ألمانيا``): from the shipped CLDR table for the languages it
holds, else from Babel's data for that one language. A name no table knows stays as stored.
"""

from __future__ import annotations

from functools import lru_cache


def shown_country_name(country: str) -> str:
    """``country`` (as stored) named in the interface language."""
    from app.i18n import current_language

    return country_label(country, current_language())


def country_label(country: str, locale: str) -> str:
    """``country`` (as stored) named in ``locale``; unchanged in English or when unknown."""
    if not country or locale.split("_")[0] == "en":
        return country
    return _label(country, locale)


def country_name_in(country: str | None, locale: str) -> str | None:
    """``country`` (as stored) named in ``locale``, English included ("UK" -> "United
    Kingdom"); None when no table knows it."""
    return _known_name(country, locale) if country else None


@lru_cache(maxsize=4096)  # one entry per stored country and language: a few hundred at most
def _known_name(country: str, locale: str) -> str | None:
    # Imported on use: an English window (the case list's first screen) needs no table.
    from app.services.country_codes import country_code

    code = country_code(country)
    if code is None:
        return None
    return _names(locale).get(code) or None


def _label(country: str, locale: str) -> str:
    return _known_name(country, locale) or country


@lru_cache(maxsize=4)
def _names(locale: str) -> dict[str, str]:
    """Two-letter code -> short name in ``locale`` (its base language's, when shipped)."""
    from app.importing.territory_names import territory_names

    shipped = territory_names()
    language = locale.split("_")[0]
    if language in shipped and "_" not in locale:
        return shipped[language]
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(locale).territories
    except (ValueError, UnknownLocaleError):
        return shipped.get(language, {})
    return {code: name for code, name in territories.items() if len(code) == 2}
