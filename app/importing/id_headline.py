"""Section pages and group blogs that print the UA's number line above its headline:

    UA-061/2015   AI-Index: EUR 55/1102/2015   10. März 2015
    Aserbaidschan
    Journalist wegen Steuerhinterziehung angeklagt

Whatever the site or blog puts above (its name, a post title, a posting date, a note to its
readers) is not the headline: the line after the number line (and a country line) is.
"""

from __future__ import annotations

import re

from app.importing.countries import canonical_country
from app.importing.dates import find_dates, is_date_line
from app.importing.document import Document
from app.importing.titles import Reading, clean_title

_NUMBER_LINE = re.compile(
    r"^\s*(?:(?:AFR|AMR|ASA|EUR|MDE)\s?\d{1,2}/\d+/\d{2,4}\s*[-–|]\s*)?"
    r"(?:(?:Weitere Informationen zu(?:r)?|Action compl[ée]mentaire sur l['’]|"
    r"Acci[óo]n complementaria sobre(?: la)?|Follow[- ]up on)\s*)?"
    r"(?:(?:UA|AU)[\s-]*Nr\.?\s*:?\s*(?:(?:UA|AU)[\s:-]*)?|(?:UA|AU|FI|EXTRA)[\s:-]*)"  # "UA-Nr.: UA-214/2004"
    r"\d{1,4}(?:-\d+)?\s*/\s*\d{2,4}(?:-\d+)?\b(?P<rest>.*)$",
    re.I,
)
_LABEL_LINE = re.compile(r"^\s*[^\W\d_][\w .'’-]{0,24}\s?:\s*\S")


def _number_line(doc: Document) -> int | None:
    for i, line in enumerate(doc.body_lines[:80]):
        match = _NUMBER_LINE.match(line)
        if not match:
            continue
        rest = match.group("rest").strip(" |–-·")
        # Only identity after the number: an index, a date, a country; not a concern or a sentence.
        leftover = re.sub(
            r"(?:AI[\s-]*)?Index\s*:?\s*[A-Z]{3}\s?\d{1,2}/\d+/\d{2,4}|[|–·-]|"
            r"\b(?:Datum|Date|Fecha)\s*:",
            " ",
            rest,
            flags=re.I,
        )
        extra = leftover.strip()
        if extra and not is_date_line(extra) and not canonical_country(extra):
            continue
        if _headline_above(doc.body_lines, i):
            return None  # "Peru / <headline> / UA 119/21": the headline comes first there
        return i
    return None


def _headline_above(lines: list[str], i: int) -> bool:
    above = [line.strip() for line in lines[max(0, i - 3) : i] if line.strip()]
    if not above:
        return False
    line = above[-1]
    return (
        8 < len(line) < 100
        and any(ch.isalpha() for ch in line)  # not a rule of dashes
        and not line.endswith((":", ".", "!", "?"))
        and not re.search(r"\s\|\s|[›>»]|\s{3,}|^\[", line)
        and not canonical_country(line)
        and not find_dates(line)
    )


def matches(doc: Document) -> bool:
    return _number_line(doc) is not None


def read(doc: Document) -> Reading:
    lines = doc.body_lines
    start = _number_line(doc)
    if start is None:
        return Reading(None)
    country = None
    i = start + 1
    while i < len(lines) and i < start + 6:
        stripped = lines[i].strip()
        if not stripped or is_date_line(stripped) or _LABEL_LINE.match(stripped):
            i += 1
            continue
        if len(stripped) < 60 and find_dates(stripped) and not canonical_country(stripped):
            i += 1  # "Beendet am 5. Juli 2016", "Lancée le 19 mai 2022 | ..."
            continue
        if canonical_country(stripped):
            country = country or canonical_country(stripped)
            i += 1
            continue
        break
    else:
        return Reading(None, country)
    if i >= len(lines):
        return Reading(None, country)
    headline = lines[i].strip()
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if len(headline) > 100 or headline.endswith((".", ":", ";")) or headline.startswith("["):
        return Reading(None, country)
    if (len(following) >= 40 and not following.startswith("[")) or following[:1].islower():
        return Reading(None, country)  # the first lines of the story, not a headline
    title, hinted = clean_title(headline)
    return Reading(title, country or hinted, doc.header_end + i + 1)
