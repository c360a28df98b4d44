"""How many columns a text takes when printed in a fixed-width font (a terminal, a PDF's text
layer): the importer measures lines with it, the command line aligns its tables with it."""

from __future__ import annotations

import unicodedata

# combining marks (Arabic vowel signs, accents written apart) and invisible format characters
# (joiners, direction marks) take no column of their own
_NO_COLUMN = frozenset({"Mn", "Me", "Cf"})


def display_width(text: str) -> int:
    """The columns ``text`` takes: two for a wide East Asian character (CJK, full-width forms,
    most emoji), none for a combining mark or an invisible format character, one for any
    other."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.category(char) in _NO_COLUMN:
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
