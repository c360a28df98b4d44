"""What a layout recogniser reads (``Reading``) and how a headline is cleaned of prefixes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importing.countries import canonical_country


@dataclass(frozen=True)
class Reading:
    """What a recogniser read: the headline, a country it saw, and where the story starts."""

    title: str | None
    country: str | None = None
    story_start: int = 0


_PREFIXES = re.compile(
    r"^(?:Further information|Urgent Action good news|Good news|Update|Follow[- ]up|"
    r"Urgent Action(?: update| follow[- ]up| appeal)?|UA update|Eilaktion|Urgent Action Update|"
    r"Información complementaria|Complément d['’]information|Action complémentaire|"
    r"Weitere Informationen|URGENT ACTION TITLE)\s*:\s*",
    re.I,
)
_AIUSA_SUFFIX = re.compile(r"\s*\(([^():]+):\s*UA\s*[\d./]+\)\s*$", re.I)
_NUMBER_SUFFIX = re.compile(
    r"\s*[(\[]\s*(?:UA|AU)\s*[-:]?\s*\d{1,4}\s*[/.]\s*\d{2,4}\s*[)\]]\s*$", re.I
)
# "Colombie. Title", "Mauritanie – Title", "Kasachstan - Title"
_COUNTRY_DASH = re.compile(r"^([^:.–—-]{2,45}?)\s*(?:\.|\s[–—-])\s+(\S.*)$")


def clean_title(title: str) -> tuple[str, str | None]:
    """Strip prefixes and the AIUSA suffix; return (title, country named in them)."""
    country = None
    title = re.sub(r"\s+", " ", title).strip()
    suffix = _AIUSA_SUFFIX.search(title)
    if suffix:
        country = canonical_country(suffix.group(1))
        title = title[: suffix.start()]
    title = _NUMBER_SUFFIX.sub("", title)
    while True:
        stripped = _PREFIXES.sub("", title)
        prefix = re.match(r"^([^:]{2,45}):\s+(\S.*)$", stripped) or _COUNTRY_DASH.match(stripped)
        if prefix and canonical_country(prefix.group(1)):
            country = country or canonical_country(prefix.group(1))
            stripped = prefix.group(2)
        if stripped == title:
            return title.strip(), country
        title = stripped
