"""Postal address blocks: the recipient's lines with the country in capitals on the last line."""

from __future__ import annotations

from functools import lru_cache

from app.domain.model import SenderProfile, Target
from app.letters.sender_address import norm_line, town_line
from app.output.letter_layout import recipient_lines

# Languages whose country names we recognise at the end of an address.
_NAME_LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "nl", "ar", "ru", "tr")
_ALIASES = ("USA", "U.S.A.", "UK", "U.K.", "Great Britain", "England", "Scotland", "Wales")


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names in several languages (from Babel's CLDR data), normalised."""
    names: set[str] = {norm_line(alias) for alias in _ALIASES}
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - Babel is a dependency
        return frozenset(names)
    for language in _NAME_LANGUAGES:
        try:
            territories = Locale.parse(language).territories
        except Exception:  # an unknown locale in an old CLDR: skip it
            continue
        names.update(norm_line(name) for code, name in territories.items() if code.isalpha())
    return frozenset(names)


def is_country_name(text: str) -> bool:
    """True when ``text`` names a country ("Peru", "PERÚ", "Royaume-Uni", "USA")."""
    return norm_line(text) in _country_names()


def with_country_last(lines: list[str], country: str | None = None) -> list[str]:
    """The lines with the destination country alone on the last line, in capitals.

    A country already ending the address ("Lima 1, Peru") is moved to its own line; if the
    address names none, ``country`` (the case's country) is added. International post is
    sorted by that line, so it must be unmistakable.
    """
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return lines
    head, _, tail = lines[-1].rpartition(",")
    candidate = tail.strip()
    if is_country_name(candidate) or (country and _same_country(candidate, country)):
        return [*lines[:-1], *([head.strip()] if head.strip() else []), candidate.upper()]
    if country and country.strip():
        return [*lines, country.strip().upper()]
    return lines


def _same_country(candidate: str, country: str) -> bool:
    """``RUSSISCHE FÖDERATION`` and ``Russia`` name the same country (the names UAs use in
    their languages), so the address keeps the one it has rather than gaining a second."""
    if norm_line(candidate) == norm_line(country):
        return True
    from app.importing.countries import canonical_country

    found = canonical_country(candidate)
    return found is not None and found == (canonical_country(country) or country.strip())


def postal_lines(target: Target, country: str | None = None) -> list[str]:
    """The official's name, title and address, ready for a window or an envelope."""
    return list(_postal_lines(target, country))


@lru_cache(maxsize=512)  # batches of letters and envelopes repeat their officials
def _postal_lines(target: Target, country: str | None) -> tuple[str, ...]:
    return tuple(with_country_last(recipient_lines(target), country))


def sender_postal_lines(sender: SenderProfile) -> list[str]:
    """The sender's return address (no email), with the sender's country in capitals."""
    lines = [sender.name, *sender.address.splitlines(), town_line(sender)]
    lines = [line.strip() for line in lines if line.strip()]
    if sender.country.strip():
        return [*lines, sender.country.strip().upper()]
    return lines
