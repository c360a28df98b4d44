"""Maps language names as UAs print them ("Spanish", "Español", "es") to locale ids."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from app.i18n import normalize_locale


@lru_cache(maxsize=1)
def _names_to_codes() -> dict[str, str]:
    """English names and each language's own name, lower-cased -> language code."""
    english = Locale.parse("en")
    table: dict[str, str] = {}
    for code, name in english.languages.items():
        if "_" not in code:
            table.setdefault(name.casefold(), code)
    for code in list(table.values()):
        try:
            own = Locale.parse(code).get_display_name(code)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        if own:
            table.setdefault(own.casefold(), code)
    return table


def language_code(name: str) -> str | None:
    """``"Spanish"`` -> ``"es"``; ``"es_PE"`` -> ``"es_PE"``; unknown -> None."""
    cleaned = name.strip()
    if not cleaned:
        return None
    by_name = _names_to_codes().get(cleaned.casefold())
    if by_name:
        return by_name
    if len(cleaned) <= 12:
        return normalize_locale(cleaned)
    return None


def display_name(locale_id: str, in_locale: str) -> str:
    """``display_name("es", "fr")`` -> ``"espagnol"``; falls back to the id itself."""
    try:
        name = Locale.parse(locale_id).get_display_name(Locale.parse(in_locale))
    except (ValueError, TypeError, UnknownLocaleError):
        return locale_id
    return name or locale_id
