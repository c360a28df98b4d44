"""Maps language names as UAs print them ("Spanish", "Español", "es") to locale ids."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from app.i18n import normalize_locale


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """English language names, lower-cased -> language code (only the "en" locale data)."""
    table: dict[str, str] = {}
    for code, name in Locale.parse("en").languages.items():
        if "_" not in code:
            table.setdefault(name.casefold(), code)
    return table


@lru_cache(maxsize=1)
def _own_names() -> dict[str, str]:
    """Each language's own name ("español"), lower-cased -> code. This loads the data of every
    locale Babel knows (about 150 MB and a second), so it is asked only when a name is not an
    English one (bench/bench_memory.py: drafting the first letter grew the app by 150 MB)."""
    table: dict[str, str] = {}
    for code in list(_english_names().values()):
        try:
            own = Locale.parse(code).get_display_name(code)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        if own:
            table.setdefault(own.casefold(), code)
    return table


def english_language_code(name: str) -> str | None:
    """``"Spanish"`` -> ``"es"``: an English language name only (cheap: no other locale's
    data is loaded); anything else -> None."""
    return _english_names().get(name.strip().casefold())


def language_code(name: str) -> str | None:
    """``"Spanish"`` -> ``"es"``; ``"es_PE"`` -> ``"es_PE"``; unknown -> None."""
    cleaned = name.strip()
    if not cleaned:
        return None
    key = cleaned.casefold()
    by_name = english_language_code(cleaned) or _own_names().get(key)
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
