"""Digests: one e-mail or text carrying several UAs, each under a numbered heading.

    UA-NETZ DIGEST 41/2001
    Diese Sammelmail enthaelt 2 Urgent Actions:
      1. UA-233/2001  KOLUMBIEN  ...
    ***************************
    1. UA-233/2001
    ***************************
    ...the first UA...
    ***************************
    2. UA-198/2001-1
    ***************************
    ...the second UA...

A mailing-list digest (Mailman's form) numbers its messages instead, each with its own header:

    Today's Topics:
       1. UA 61/04 ...
    ----------------------------------------------------------------------
    Message: 1
    Date: ...
    Subject: UA 61/04 ...
    ...the first UA...
    ------------------------------
    Message: 2
    ...

The table of contents above the first heading is no UA; each section is one document (its
own number, index, targets and deadline), so a digest becomes as many cases as it holds.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*[*=#_~-]{10,}\s*$")
_SECTION_HEADING = re.compile(
    r"^\s*\d{1,2}[.)]\s+(?:UA|AU|EXTRA)[\s:-]*(?:Nr\.?\s*:?\s*)?\d{1,4}(?:-\d+)?\s*/\s*\d{2,4}"
    r"(?:-\d+)?\s*$",
    re.I,
)
_MESSAGE_HEADING = re.compile(r"^Message:\s*\d{1,3}\s*$")
_DIGEST_END = re.compile(r"^\s*End of .{0,80}\bDigest\b", re.I)


def split_digest(text: str) -> list[str]:
    """The UAs of a digest, each as its own text; ``[text]`` when it is no digest."""
    lines = text.split("\n")
    headings = [
        i
        for i, line in enumerate(lines)
        if _SECTION_HEADING.match(line) and _ruled(lines, i - 1) and _ruled(lines, i + 1)
    ]
    if len(headings) < 2:
        return _list_messages(lines) or [text]
    sections: list[str] = []
    for n, start in enumerate(headings):
        end = headings[n + 1] - 1 if n + 1 < len(headings) else len(lines)
        body = [line for line in lines[start + 2 : end] if not _RULE.match(line)]
        section = "\n".join(body).strip()
        if section:
            sections.append(section + "\n")
    return sections or [text]


def _ruled(lines: list[str], i: int) -> bool:
    return 0 <= i < len(lines) and bool(_RULE.match(lines[i]))


def _list_messages(lines: list[str]) -> list[str]:
    """The messages of a mailing-list digest, each with its own header lines (the digest's
    header and table of contents above the first are no UA); ``[]`` when it is no digest."""
    headings = [
        i
        for i, line in enumerate(lines)
        if _MESSAGE_HEADING.match(line) and _ruled(lines, _previous_filled(lines, i))
    ]
    if len(headings) < 2:
        return []
    sections: list[str] = []
    for n, start in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(lines)
        body: list[str] = []
        for line in lines[start + 1 : end]:
            if _DIGEST_END.match(line):
                break
            body.append(line)
        while body and (not body[-1].strip() or _RULE.match(body[-1])):
            body.pop()
        section = "\n".join(body).strip()
        if section:
            sections.append(section + "\n")
    return sections


def _previous_filled(lines: list[str], i: int) -> int:
    """The index of the last non-blank line above line ``i`` (-1 when there is none)."""
    i -= 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i
