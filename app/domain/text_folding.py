"""Text folding: the case- and accent-insensitive form every search and comparison uses."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``"São Paulo"`` -> ``"sao paulo"``, ``"JOSÉ"`` -> ``"jose"``, ``"Straße"`` -> ``"strasse"``.

    Case is folded (``str.casefold``), then the text is decomposed (NFKD) and its combining
    marks dropped, so a user who types without accents finds the accented name and the
    other way round. ASCII text takes a fast path: folding it is just lower-casing.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
