"""Text folding: the case- and accent-insensitive form every search and comparison uses."""

from __future__ import annotations

import unicodedata


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _FoldedCharacters(dict[int, str]):
    """Code point -> that character folded, filled as characters are met (``str.translate``
    reads it). Folding works character by character: case folding does, decomposition does,
    and the only characters NFKD reorders are combining marks, which folding drops."""

    _LIMIT = 20_000  # distinct characters kept (a few hundred in real texts)

    def __missing__(self, code: int) -> str:
        folded = _fold_slowly(chr(code))
        if len(self) < self._LIMIT:
            self[code] = folded
        return folded


def _latin1_tables() -> tuple[bytes, bytes]:
    """(each Latin-1 character's folded form where that is one Latin-1 character, the
    characters whose folded form is not: "ß" -> "ss", "µ" -> Greek "μ", "½" -> "1⁄2").
    Made at the first Latin-1 text folded, not as the module loads: the window's first
    screen folds none (two threads meeting the first such text each make the same tables)."""
    global _latin1
    table, others = bytearray(range(256)), bytearray()
    for code in range(256):
        folded = _fold_slowly(chr(code))
        if len(folded) == 1 and ord(folded) < 256:
            table[code] = ord(folded)
        else:
            others.append(code)
    _latin1 = bytes(table), bytes(others)
    return _latin1


_FOLDED = _FoldedCharacters()
_latin1: tuple[bytes, bytes] | None = None  # see _latin1_tables


def fold(text: str) -> str:
    """``"São Paulo"`` -> ``"sao paulo"``, ``"JOSÉ"`` -> ``"jose"``, ``"Straße"`` -> ``"strasse"``.

    Case is folded (``str.casefold``), then the text is decomposed (NFKD) and its combining
    marks dropped, so a user who types without accents finds the accented name and the
    other way round. That is done a character at a time, from tables (100,000 case texts
    take a third of the time of normalising each whole text): ASCII text is lower-cased;
    Latin-1 text (most Western European names) is mapped byte by byte; other text through a
    table of the characters met so far.
    """
    if text.isascii():
        return text.lower()
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.translate(_FOLDED)
    latin1_folded, latin1_others = _latin1 or _latin1_tables()
    if len(latin1.translate(None, latin1_others)) != len(latin1):
        return text.translate(_FOLDED)
    return latin1.translate(latin1_folded).decode("latin-1")
