"""Writer safety: for a country the user has ties to, sign with initials and town only.

Letters to officials are read by the authorities of that country. A user who has family
there or plans to travel there lists it among the caution countries; for its cases every
output (the letter text, its PDF head, the .eml draft, envelopes, labels, event letters)
carries only the writer's initials and town: no street, no e-mail, no return address.
This module is the only place that rule is written.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.model import SenderProfile
from app.domain.output_options import OutputOptions
from app.domain.text_folding import fold


def is_caution_country(country: str | None, caution_countries: Iterable[str]) -> bool:
    """The user listed ``country`` among those they have ties to or will travel to."""
    wanted = fold((country or "").strip())
    return bool(wanted) and any(fold(c.strip()) == wanted for c in caution_countries)


def applies(country: str | None, options: OutputOptions) -> bool:
    """Writer safety holds for an output about a case in ``country``.

    The user's explicit choice (``options.writer_safety``) wins; without one, the caution
    countries decide.
    """
    if options.writer_safety is not None:
        return options.writer_safety
    return is_caution_country(country, options.caution_countries)


def initials(name: str) -> str:
    """ "Maria de la Cruz" -> "M. d. l. C." (every word's first letter)."""
    return " ".join(f"{word[0]}." for word in name.split() if word)


def protected(sender: SenderProfile) -> SenderProfile:
    """The signature for writer safety: initials and town only, no address or e-mail."""
    return SenderProfile(name=initials(sender.name), city=sender.city)


def signature(sender: SenderProfile, country: str | None, options: OutputOptions) -> SenderProfile:
    """Who signs a letter about a case in ``country``: the profile, or its protected form."""
    return protected(sender) if applies(country, options) else sender


def return_address(
    sender: SenderProfile | None, country: str | None, options: OutputOptions
) -> SenderProfile | None:
    """The return address for an envelope, or None when writer safety leaves it off."""
    if sender is None or applies(country, options):
        return None
    return sender
