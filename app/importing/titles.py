"""What a layout recogniser reads (``Reading``) and how a headline is cleaned of prefixes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importing.countries import canonical_country
from app.importing.dates import find_dates


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
    r"Weitere Informationen|URGENT ACTION TITLE|Informations? compl[ée]mentaires?|"
    r"Nouvelles informations|Mise à jour|Actualizaci[óo]n|Informaci[óo]n adicional|"
    r"Neue Informationen|Aktualisierung|Informa[çc][ãa]o (?:complementar|adicional)|"
    r"Mais informa[çc][õo]es|Atualiza[çc][ãa]o|Bonnes? nouvelles?|Buenas noticias|"
    r"Boas? not[íi]cias?|Gute Nachrichten?|Buone notizie|Goed nieuws|Aggiornamento|Verdere informatie|"
    # a group's label for a letter action, with the country it is for: "Schrijfactie Egypte:"
    r"(?:Schrijfactie|Briefaktion|Letter-writing action)(?:\s+[^\W\d_]+){0,3})\s*[:!]\s*",
    re.I,
)
# One full stop ends a headline ("Fear for safety."); an ellipsis ("Free them now...") stays.
_ONE_FULL_STOP = re.compile(r"(?<![.\s])\.\s*$")


def without_full_stop(text: str) -> str:
    """A headline without the one full stop (and spaces) that ends it; an ellipsis stays."""
    return _ONE_FULL_STOP.sub("", text)


# Its spaces are read once, from the first of a run (a search from each space would cost the
# square of a long run's length).
_AIUSA_SUFFIX = re.compile(r"(?<!\s)\s*+\(([^():]+):\s*UA\s*[\d./]+\)\s*$", re.I)


def is_aiusa_title(line: str) -> bool:
    """``Peru: Indigenous Leader Faces Charges (Peru: UA 15.24)``: Amnesty USA's title line,
    the headline wherever a blog or a mail prints it (under its own post title and note)."""
    return bool(_AIUSA_SUFFIX.search(line)) and len(line) <= 200 and bool(clean_title(line)[0])


_NUMBER_SUFFIX = re.compile(
    r"\s*[(\[]\s*(?:UA|AU)\s*[-:]?\s*\d{1,4}\s*[/.]\s*\d{2,4}\s*[)\]]\s*$", re.I
)
# "Colombie. Title", "Mauritanie – Title", "Kasachstan - Title"
_COUNTRY_DASH = re.compile(r"^([^:.–—-]{2,45}?)\s*(?:\.|\s[–—-])\s+(\S.*)$")


# A line that only points at a UA ("Weitere Informationen zu UA-040/2011"): no headline.
_REFERENCE_ONLY = re.compile(
    r"^(?:(?:Weitere Informationen zu|Further information on|Follow[- ]up (?:on|to)|"
    r"Action compl[ée]mentaire sur|Compl[ée]ment d['’]information sur|"
    r"Informaci[óo]n complementaria sobre|Update (?:on|to)|Verdere informatie (?:over|bij))\s+(?:l['’]|la\s+|de\s+)?)?"
    r"(?:UA|AU|FI|EXTRA)[\s:-]*\d{1,4}(?:-\d+)?\s*[/.]\s*\d{2,4}(?:-\d+)?"
    r"(?:\s*\([^)]*\))?\s*$",
    re.I,
)
# What may stand beside the dates of a date line ("11. November 2014 | Appelle bis ...").
_DATE_LINE_WORDS = re.compile(
    r"^(?:[\s|·•,;:/–—-]|\b(?:Appelle|Appell|bis|zum|Datum|Date|Dates?|Frist|Deadline|Fecha|"
    r"Issue|Issued|Published|Updated|Ver[öo]ffentlicht|Aktiv|seit|am|le|el|on|until|"
    r"Publi[ée]e?|Publicado)\b)*$",
    re.I,
)


def is_headline(title: str) -> bool:
    """False for what only stands where a headline would: the story's first sentence (a
    headline never ends with a full stop after a word in lower case), a date line, or a line
    that only names the UA a follow-up is about, or a follow-up's label alone."""
    text = title.strip()
    if not text or _REFERENCE_ONLY.match(text):
        return False
    if _PREFIXES.fullmatch(text.rstrip(" :") + ":"):
        return False  # "FURTHER INFORMATION", "INFORMATION COMPLÉMENTAIRE": a label, no headline
    last = re.search(r"\s(\S+)\.$", text)
    if last and last.group(1).isalpha() and last.group(1).islower() and len(last.group(1)) > 1:
        return False  # "Yara Beispiel ist frei.": the first sentence of the story
    dates = find_dates(text)
    if dates:
        rest = text
        for start, end, _day in sorted(dates, reverse=True):
            rest = rest[:start] + " " + rest[end:]
        return not _DATE_LINE_WORDS.match(rest)
    return True


def clean_title(title: str) -> tuple[str, str | None]:
    """Strip prefixes and the AIUSA suffix; return (title, country named in them). What is
    no headline (see ``is_headline``) gives an empty title."""
    title, country = _clean_title(title)
    return (title if is_headline(title) else ""), country


def _clean_title(title: str) -> tuple[str, str | None]:
    country = None
    title = re.sub(r"\s+", " ", title).strip()
    suffix = _AIUSA_SUFFIX.search(title)
    if suffix:
        country = canonical_country(suffix.group(1))
        title = title[: suffix.start()]
    title = _NUMBER_SUFFIX.sub("", title)
    while True:
        stripped = _PREFIXES.sub("", title)
        # "Brazil: …", or a full-width colon with no space after it ("ミャンマー：…")
        prefix = re.match(r"^([^:：]{2,45})(?::\s+|：\s*)(\S.*)$", stripped) or _COUNTRY_DASH.match(
            stripped
        )
        if prefix and canonical_country(prefix.group(1)):
            country = country or canonical_country(prefix.group(1))
            # "Jordanië: leraar krijgt 5 jaar cel.": a headline under its country, no sentence
            stripped = without_full_stop(prefix.group(2))
        if stripped == title:
            return title.strip(), country
        title = stripped
