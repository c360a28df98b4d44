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


def split_digest(text: str) -> list[str]:
    """The UAs of a digest, each as its own text; ``[text]`` when it is no digest."""
    lines = text.split("\n")
    headings = [
        i
        for i, line in enumerate(lines)
        if _SECTION_HEADING.match(line) and _ruled(lines, i - 1) and _ruled(lines, i + 1)
    ]
    if len(headings) < 2:
        return [text]
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
