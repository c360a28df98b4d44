"""Layout recognisers: one per family of UA documents, tried in order; each finds the headline.

A recogniser says whether a document is of its family and where its headline (or concern
line) is. New layouts are added by appending a ``Layout`` to ``LAYOUTS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.importing.countries import canonical_country
from app.importing.dates import is_date_line
from app.importing.document import Document, is_id_line
from app.importing.targets import TARGET_MARKER


@dataclass(frozen=True)
class Reading:
    """What a recogniser read: the headline, a country it saw, and where the story starts."""

    title: str | None
    country: str | None = None
    story_start: int = 0


@dataclass(frozen=True)
class Layout:
    name: str
    matches: Callable[[Document], bool]
    read: Callable[[Document], Reading]


_BANNER = re.compile(
    r"^\s*(?:URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|AÇÃO URGENTE|EILAKTION|URGENT ACTION GOOD NEWS|"
    r"Urgent Action)(?:\s+(?:update|follow[- ]up|good news|final update|"
    r"actualizaci[óo]n|mise [àa] jour))?\s*$",
    re.I,
)
_SECTION = re.compile(
    r"^\s*(?:ADDITIONAL INFORMATION|TAKE ACTION|NO FURTHER ACTION|INFORMACIÓN|INFORMATIONS|ACTÚEN|"
    r"AUCUNE ACTION|PLEASE|NAME AND|BACKGROUND|HINTERGRUND)",
    re.I,
)
_TEMPLATE_TITLE = re.compile(r"^\s*URGENT ACTION TITLE\s*:\s*(.+?)\s*$", re.I | re.M)
_CONCERN_LINE = re.compile(
    r"^\s*(?:Further information(?:\s*\(\d+\))?\s+on\s+)?UA\s+\d+/\d+\s*(?:\([^)]*\))?\s*[-–:]?\s*(.*?)\s*$",
    re.I,
)
_OLD_HEADER = re.compile(r"^\s*(?:EXTERNAL|PUBLIC|INTERNAL)\b.*\bAI Index\b", re.I | re.M)
_NEW_CONCERN = re.compile(r"^\s*(?:and\s+)?new concerns?\s*:", re.I)
_NEW_CONCERN_TAIL = re.compile(r"\s*(?:/\s*)?(?:and\s+)?new concerns?\s*:", re.I)
_CHROME = re.compile(
    r"^\s*(?:Skip to (?:main )?content|Donate|Log ?in|Menu|Search|Home|Amnesty International(?: \w+)?|"
    r"Share(?: this)?\b.*|©.*|Startseite\b.*|Take Action\s*>.*|Jetzt spenden|Menü\b.*|Urgent Actions?|"
    r"(?:Published|Updated|Last updated|Veröffentlicht|Publicado|Publié|Aktiv seit|Active since)\b.*|"
    r"Print|Campaigns?|News)\s*$"
    r"|^.*\s{3,}.*$|^[^.]{0,80}\s[›>»]\s[^.]{0,80}$",
    re.I,
)
_PREFIXES = re.compile(
    r"^(?:Further information|Urgent Action good news|Good news|Update|Follow[- ]up|"
    r"Información complementaria|Complément d['’]information|URGENT ACTION TITLE)\s*:\s*",
    re.I,
)
_AIUSA_SUFFIX = re.compile(r"\s*\(([^():]+):\s*UA\s*[\d.]+\)\s*$", re.I)


def clean_title(title: str) -> tuple[str, str | None]:
    """Strip prefixes and the AIUSA suffix; return (title, country named in them)."""
    country = None
    title = re.sub(r"\s+", " ", title).strip()
    suffix = _AIUSA_SUFFIX.search(title)
    if suffix:
        country = canonical_country(suffix.group(1))
        title = title[: suffix.start()]
    while True:
        stripped = _PREFIXES.sub("", title)
        prefix = re.match(r"^([^:]{2,45}):\s+(\S.*)$", stripped)
        if prefix and canonical_country(prefix.group(1)):
            country = country or canonical_country(prefix.group(1))
            stripped = prefix.group(2)
        if stripped == title:
            return title.strip(), country
        title = stripped


def _read_template(doc: Document) -> Reading:
    match = _TEMPLATE_TITLE.search(doc.text)
    title, country = clean_title(match.group(1)) if match else (None, None)
    start = next((i for i, line in enumerate(doc.lines) if "SUMMARY" in line.upper()), 0)
    return Reading(title, country, start + 1)


def _banner_index(doc: Document) -> int | None:
    for i, line in enumerate(doc.body_lines):
        if _BANNER.match(line):
            return i
    return None


def _read_banner(doc: Document) -> Reading:
    lines = doc.body_lines
    i = (_banner_index(doc) or 0) + 1
    country = None
    while i < len(lines) and _before_headline(lines[i]):
        country = country or (canonical_country(lines[i]) if lines[i].strip() else None)
        i += 1
    if i >= len(lines):
        return Reading(None, country)
    if _is_upper(lines[i]):
        parts = []
        while i < len(lines) and _is_upper(lines[i]) and not _SECTION.match(lines[i]):
            parts.append(lines[i].strip())
            i += 1
        title, hinted = clean_title(" ".join(parts))
    else:
        title, i = _mixed_case_headline(lines, i)
        title, hinted = clean_title(title)
    return Reading(title, country or hinted, doc.header_end + i)


def _mixed_case_headline(lines: list[str], i: int) -> tuple[str, int]:
    """A sentence-case headline, with its wrapped tail (a next line starting in lower case)."""
    parts = [lines[i].strip()]
    i += 1
    while (
        i < len(lines)
        and lines[i].strip()[:1].islower()
        and len(lines[i].strip()) < 70
        and len(parts[-1]) < 90
        and not parts[-1].endswith((".", "!", "?", ":"))
    ):
        parts.append(lines[i].strip())
        i += 1
    return " ".join(parts), i


def _before_headline(line: str) -> bool:
    """Lines between the banner and the headline: blanks, a country, an id line, a date."""
    stripped = line.strip()
    if not stripped:
        return True
    if canonical_country(stripped) or is_id_line(stripped) or is_date_line(stripped):
        return True
    return bool(_CHROME.match(line)) and not _BANNER.match(line)


def _is_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and not is_id_line(line)


_BRACKETS_AFTER_NUMBER = re.compile(
    r"^(?:\s*(?:(?:and|,)\s*)?(?:(?:follow[- ]ups?|further information|FI)(?:\s*\(\d+\))?\s*)?\([^)]*\))+",
    re.I,
)
_COLUMN_START = re.compile(r"^\s*(?:[A-Z][A-Z .'()/-]+?\s{2,}\S|New names?\s*:)")


def _read_concern_line(doc: Document) -> Reading:
    lines = doc.body_lines
    for i, line in enumerate(lines):
        if not _CONCERN_LINE.match(line):
            continue
        logical, j = line, i + 1
        while logical.count("(") > logical.count(")") and j < len(lines) and j < i + 4:
            logical += " " + lines[j].strip()  # an original-index bracket wrapped over lines
            j += 1
        match = _CONCERN_HEAD.match(logical)
        if not match:
            continue
        concern = _BRACKETS_AFTER_NUMBER.sub("", match.group(1)).lstrip(" -–:")
        if re.search(r"\bIndex\b|^[|,;]", concern, re.I):
            continue
        if concern:
            parts = [concern]
            while j < len(lines) and _continues_concern(lines[j], parts[-1]):
                parts.append(lines[j].strip())
                j += 1
            title = _NEW_CONCERN_TAIL.split(" ".join(parts))[0]
        else:
            title, j = _next_plain_line(lines, j)
        return Reading(clean_title(title)[0] if title else None, None, doc.header_end + j)
    return Reading(None)


_CONCERN_HEAD = re.compile(
    r"^\s*(?:Further information(?:\s*\(\d+\))?\s+on\s+)?UA\s+\d+/\d+\s*(.*?)\s*$", re.I | re.S
)


def _continues_concern(line: str, previous: str) -> bool:
    """A concern line wrapped by the extraction goes on until a blank, names or "New concern"."""
    stripped = line.strip()
    if not stripped or _NEW_CONCERN.match(line) or _COLUMN_START.match(line):
        return False
    if stripped.startswith("/") or previous.rstrip().endswith(("/", "-")):
        return True
    if canonical_country(stripped) or is_date_line(stripped) or len(stripped) > 90:
        return False
    return not stripped.endswith(".") and not re.search(r"\bAI Index\b|:\s", stripped)


def _next_plain_line(lines: list[str], start: int) -> tuple[str | None, int]:
    for j in range(start, min(start + 8, len(lines))):
        line = lines[j].strip()
        if line and not is_date_line(line) and not _OLD_HEADER.match(line):
            return line, j + 1
    return None, start


def _read_web(doc: Document) -> Reading:
    country = None
    for i, line in enumerate(doc.body_lines):
        stripped = line.strip()
        if not stripped or _CHROME.match(line) or is_date_line(stripped) or is_id_line(stripped):
            continue
        if canonical_country(stripped):  # a country line above the headline (Swiss/German pages)
            country = country or canonical_country(stripped)
            continue
        if TARGET_MARKER.match(stripped) or len(stripped) > 160:
            break
        if _is_upper(stripped):  # a pasted PDF headline without its banner
            lines = doc.body_lines
            j = i
            while j < len(lines) and _is_upper(lines[j]) and not _SECTION.match(lines[j]):
                j += 1
            title, hinted = clean_title(" ".join(line.strip() for line in lines[i:j]))
            return Reading(title, country or hinted, doc.header_end + j)
        title, hinted = clean_title(stripped)
        return Reading(title, country or hinted, doc.header_end + i + 1)
    return Reading(None)


def _is_template(doc: Document) -> bool:
    return bool(_TEMPLATE_TITLE.search(doc.text))


def _is_old_layout(doc: Document) -> bool:
    """An EXTERNAL/PUBLIC header, or a ``UA n/yy  <concern>`` line (a bare number is not enough)."""
    old_header = bool(_OLD_HEADER.search(doc.body))
    if _banner_index(doc) is not None and not old_header:
        return False
    for line in doc.body_lines:
        match = _CONCERN_LINE.match(line)
        if match and (old_header or re.match(r"[^\W\d_]", match.group(1))):
            return True
    return False


LAYOUTS: list[Layout] = [
    Layout("2017 authoring template", _is_template, _read_template),
    Layout("1990s-2000s concern line", _is_old_layout, _read_concern_line),
    Layout("banner and headline", lambda doc: _banner_index(doc) is not None, _read_banner),
    Layout("web page headline", lambda doc: True, _read_web),
]


def recognise(doc: Document) -> tuple[Layout, Reading]:
    """The first layout that matches, and what it read."""
    for layout in LAYOUTS:
        if layout.matches(doc):
            reading = layout.read(doc)
            if reading.title:
                return layout, reading
    return LAYOUTS[-1], Reading(None)
