"""The normalised document as the extractors see it: lines, flat text and the wrapper header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from app.importing.damage import is_accent_damaged, repair_accent_damage
from app.importing.normalize import flatten, normalize_text
from app.importing.rtf_text import looks_like_rtf, rtf_to_text
from app.importing.splitfix import has_split_words, repair_split_words
from app.importing.unflatten import (
    flattened_line,
    is_flattened,
    split_banner_headlines,
    split_run_together_officials,
    unflatten,
)
from app.importing.vocabulary import (
    MAIL_EXTENSION_PREFIX,
    MAIL_WRAPPER_LABELS,
    MAIL_WRAPPER_OPENING_LABELS,
    label_line,
)

# Lines of an e-mail or news posting header that wraps the document (not the UA's own fields).
_HEADER_LINE = label_line(MAIL_WRAPPER_LABELS, prefixes=(MAIL_EXTENSION_PREFIX,))
# The lines that open such a header.
_WRAPPER_LINE = label_line(MAIL_WRAPPER_OPENING_LABELS)
# The mail program's note above a forwarded message's header.
_FORWARD_NOTE = re.compile(r"^\s*-*\s*(?:Begin )?forwarded message\s*:?\s*-*\s*$", re.I)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_CONFERENCE_LINE = re.compile(r"^/\*.*\*/\s*$")
_ID_LINE = re.compile(
    r"^\s*(?:(?:First|Second|Third|Fourth|Fifth|Final|Primera|Segunda|Tercera)\s+(?:UA|AU)\b|"
    r"Further information on UA\b|Información complementaria sobre AU\b|"
    r"Complément d['’]information sur l['’]AU\b|(?:UA|AU)\s*:\s*\d|"
    r"(?:UA|AU)[\s-]*Nr\.?\s*:\s*(?:(?:UA|AU)[\s:-]*)?\d)",
    re.I,
)


@dataclass
class Document:
    """One UA document after normalisation."""

    raw: str
    source_name: str = ""
    text: str = field(init=False)
    split_words: bool = field(init=False)
    accent_damaged: bool = field(init=False, default=False)  # restored words are not printed
    cache: dict[str, Any] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        raw = self.raw
        if looks_like_rtf(raw):  # a word processor's .rtf opened as text
            raw = rtf_to_text(raw)
        if is_flattened(raw):
            # The labels that put the line breaks back must be readable first.
            self.accent_damaged = is_accent_damaged(raw)
            raw = unflatten(repair_accent_damage(raw) if self.accent_damaged else raw)
        elif (line := flattened_line(raw)) is not None:  # the one line under a mail's note
            self.accent_damaged = is_accent_damaged(raw)
            lines = (repair_accent_damage(raw) if self.accent_damaged else raw).split("\n")
            if line < len(lines):
                quote = _QUOTE.match(lines[line])
                prefix = quote.group(0) if quote else ""
                broken = unflatten(lines[line][len(prefix) :]).rstrip("\n").split("\n")
                # A quoted line stays quoted line by line, so the quote marks go as a whole.
                lines[line] = "\n".join(prefix + piece for piece in broken)
            raw = "\n".join(lines)
        text = split_banner_headlines(split_run_together_officials(normalize_text(raw)))
        self.split_words = has_split_words(text)
        if self.split_words:
            text = repair_split_words(text)
        if is_accent_damaged(text):
            text = repair_accent_damage(text)
            self.accent_damaged = True
        self.text = text

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def header_end(self) -> int:
        """Index of the first line after a wrapping e-mail/news/conference header (0 if none)."""
        i = 0
        wrapped = False  # a From/Subject/Newsgroups... line: a lone "Date:" is the UA's own
        while i < len(self.lines):
            line = self.lines[i]
            if _CONFERENCE_LINE.match(line) or _WRAPPER_LINE.match(line):
                wrapped = True
            elif i == 0 and _FORWARD_NOTE.match(line):
                pass  # "Forwarded message:" above the forwarded message's header
            elif _HEADER_LINE.match(line):
                pass
            elif line.strip() and not (i and line.startswith((" ", "\t"))):
                break
            i += 1
        return i if wrapped else 0

    @cached_property
    def header(self) -> str:
        return "\n".join(self.lines[: self.header_end])

    @cached_property
    def body_lines(self) -> list[str]:
        return self.lines[self.header_end :]

    @cached_property
    def body(self) -> str:
        return "\n".join(self.body_lines)

    @cached_property
    def flat(self) -> str:
        return flatten(self.text)

    @cached_property
    def flat_body(self) -> str:
        return flatten(self.body)

    def header_value(self, key: str) -> str | None:
        """Value of a wrapper header line such as ``Subject``."""
        for line in self.lines[: self.header_end]:
            match = re.match(rf"^{re.escape(key)}\s*:\s*(.*)$", line, re.I)
            if match:
                return match.group(1).strip()
        return None


# The letters an identifier line can open with (either case; "ſ", "ı" and "İ" match s and i
# when case is ignored): other lines are not matched.
_ID_LINE_OPENINGS = frozenset("fstpicuaFSTPICUA\u017f\u0131\u0130")


def is_id_line(line: str) -> bool:
    """The identifier line at a page head or foot: ``UA: 28/23 Index: ... Date: ...``."""
    return line.lstrip()[:1] in _ID_LINE_OPENINGS and bool(_ID_LINE.match(line))
