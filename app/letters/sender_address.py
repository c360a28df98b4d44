"""The sender's town as every output prints it: once, even when typed in the address too.

Settings asks for the street address and the town apart, yet many writers type the postal
town ("28013 Madrid") as the last address line as well. The letter's text (the editor, the
.eml) and the printed page follow this one rule, so none of them names the town twice.
The place a letter is written from (its date line, a card's signature) names the town
without its postcode: "Madrid, 7 de diciembre de 2026".
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from app.domain.model import SenderProfile


@lru_cache(maxsize=4096)
def norm_line(text: str) -> str:
    """A line as compared with a letter's head lines: NFKC, casefolded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split()).strip(" ,.;")


def town_line(sender: SenderProfile) -> str:
    """The town to print after the address lines; empty when the address's last line already
    names it ("28013 Madrid" typed in the address and "Madrid" as the town: printed once)."""
    town = sender.city.strip()
    written = [line for line in sender.address.splitlines() if line.strip()]
    if town and written:
        last = norm_line(written[-1])
        wanted = norm_line(town)
        if last == wanted or last.endswith(" " + wanted) or last.startswith(wanted + " "):
            return ""
    return town


def place_name(town: str) -> str:
    """The town without the postcode Settings asks for beside it ("28013 Madrid", "D-10115
    Berlin", "London SW1A 1AA": "Madrid", "Berlin", "London"): the words that hold a digit
    at either end are left out. The town as typed when every word holds one."""
    words = town.split()
    while words and any(c.isdigit() for c in words[0]):
        words.pop(0)
    while words and any(c.isdigit() for c in words[-1]):
        words.pop()
    return " ".join(words).strip(" ,") or town.strip()
