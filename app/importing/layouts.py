"""Layout recognisers: one per family of UA documents, tried in order; each finds the headline.

A recogniser says whether a document is of its family and where its headline (or concern
line) is. New layouts are added by appending a ``Layout`` to ``LAYOUTS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.text_width import display_width
from app.importing import id_headline, library_page
from app.importing.concern import is_old_layout, read_concern_line
from app.importing.countries import canonical_country
from app.importing.dates import find_dates, is_date_line, month_number
from app.importing.document import Document, is_id_line
from app.importing.targets import TARGET_MARKER
from app.importing.titles import Reading, clean_title, is_aiusa_title, is_headline
from app.importing.vocabulary import FORWARD_RULE, FORWARDED_HEADER


@dataclass(frozen=True)
class Layout:
    name: str
    matches: Callable[[Document], bool]
    read: Callable[[Document], Reading]


_BANNER = re.compile(
    r"^\s*(?:URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|AÇÃO URGENTE|EILAKTION|URGENT ACTION GOOD NEWS|"
    r"AZIONE URGENTE|DRINGENDE ACTIE|"
    # Indonesian, Russian, Japanese and Korean sections' "urgent action"
    r"AKSI MENDESAK|СРОЧНАЯ АКЦИЯ|緊急行動|긴급\s?행동|"
    r"Urgent Action)(?:\s+(?:update|follow[- ]up|good news|final update|"
    r"actualizaci[óo]n|mise [àa] jour|Nachfolge|Folgeaktion|Aktualisierung)|"
    r"\s*(?:[–—:-]\s*|\s)(?:further information|compl[ée]ment d['’]information|"
    r"action compl[ée]mentaire|informaci[óo]n complementaria|acci[óo]n complementaria|"
    r"weitere informationen|informa[çc][ãa]o complementar)|"
    # "– 2E MISE À JOUR", "– 2nd update", "– SEGUNDA ACTUALIZACIÓN", "– 2. Aktualisierung"
    r"\s*[–—:-]\s*(?:\d{1,2}\s*(?:st|nd|rd|th|e|[èe]me|er|re|ª|º|a|o|\.)?|first|second|third|"
    r"premi[èe]re|deuxi[èe]me|troisi[èe]me|primera|segunda|tercera|erste|zweite|dritte)\s+"
    r"(?:update|mise [àa] jour|actualizaci[óo]n|Aktualisierung|atualiza[çc][ãa]o)|"
    # "– ATUALIZAÇÃO FINAL", "– final update", "– Abschluss": the closing one
    r"\s*[–—:-]\s*(?:final update|actualizaci[óo]n final|atualiza[çc][ãa]o final|"
    r"mise [àa] jour finale|derni[èe]re mise [àa] jour|[úu]ltima actualizaci[óo]n|"
    r"[úu]ltima atualiza[çc][ãa]o|Abschluss))?\s*$",
    re.I,
)
_SECTION = re.compile(
    r"^\s*(?:ADDITIONAL INFORMATION|TAKE ACTION|NO FURTHER ACTION|INFORMACIÓN|INFORMATIONS|ACTÚEN|"
    r"AUCUNE ACTION|PLEASE|NAME AND|BACKGROUND|HINTERGRUND)",
    re.I,
)
_TEMPLATE_TITLE = re.compile(r"^[^\S\n]*URGENT ACTION TITLE\s*:\s*(.+?)\s*$", re.I | re.M)
_CHROME = re.compile(
    r"^\s*(?:Skip to (?:main )?content|Donate|Log ?in|Menu|Search|Home|"
    r"(?:Amnesty International|Amnist[íi]a Internacional|Anistia Internacional)(?: [\w-]+){0,3}|"
    r"Share(?: this)?\b.*|©.*|Startseite\b.*|Take Action\s*>.*|Jetzt spenden|Menü\b.*|Urgent Actions?|"
    r"(?:Published|Updated|Last updated|Veröffentlicht|Publicado|Publié|Aktiv seit|Active since|"
    r"Beendet am|Lanc[ée]e? le|Encore valable|Noch \d+ Tage|Nur zur Information)\b.*|"
    r"Print|Campaigns?|News)\s*$"
    # A breadcrumb ("Accueil > Agir > …"); a French quotation's closing « … » is prose.
    r"|^.*\s{3,}.*$|^[^.«]{0,80}\s[›>»＞]\s[^.]{0,80}$",
    re.I,
)


def _read_template(doc: Document) -> Reading:
    match = _TEMPLATE_TITLE.search(doc.text)
    title, country = None, None
    if match:
        printed = match.group(1)
        for line in doc.text[match.end() :].lstrip(" \t").split("\n")[1:4]:
            if not line.strip() or re.match(r"^\s*[A-Z][A-Z ’'&“”\"()]+:", line):
                break
            printed += " " + line.strip()  # the title wrapped onto the next line
        title, country = clean_title(printed)
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
    while i < len(lines) and (_before_headline(lines[i]) or _date_tail(lines[i - 1], lines[i])):
        country = country or (canonical_country(lines[i]) if lines[i].strip() else None)
        i += 1
    if i >= len(lines):
        return Reading(None, country)
    if _is_upper(lines[i]):
        parts: list[str] = []
        while i < len(lines) and _is_upper(lines[i]) and not _SECTION.match(lines[i]):
            if parts and canonical_country(lines[i].strip()):
                country = country or canonical_country(lines[i].strip())
                i += 1  # the country printed under the headline
                break
            parts.append(lines[i].strip())
            i += 1
        title, hinted = clean_title(" ".join(parts))
    else:
        i = _past_intro_sentence(lines, i)
        if len(lines[i].strip()) > 100 or _opens_paragraph(lines, i) or _intro_sentence(lines[i]):
            return Reading(None, country)  # the story right after the banner: no headline here
        title, i = _mixed_case_headline(lines, i)
        title, hinted = clean_title(title)
    return Reading(title, country or hinted, doc.header_end + i)


def _past_intro_sentence(lines: list[str], i: int) -> int:
    """A page's note under its banner ("Please see below for the actions we write this month.")
    is a sentence, never the headline: the short line after it is."""
    line = lines[i].strip()
    if not (line.endswith(".") and len(line.split()) >= 8 and len(line) <= 140):
        return i  # a story's paragraph is longer
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if (
        j < len(lines)
        and len(lines[j].strip()) <= 100
        and not lines[j].strip().endswith((".", ":"))
    ):
        return j
    return i


def _mixed_case_headline(lines: list[str], i: int) -> tuple[str, int]:
    """A sentence-case headline, with its wrapped tail (a next line starting in lower case)."""
    parts = [lines[i].strip()]
    i += 1
    while i < len(lines) and (
        (
            lines[i].strip()[:1].islower()
            and len(lines[i].strip()) < 70
            and len(parts[-1]) < 90
            and not parts[-1].endswith((".", "!", "?", ":"))
        )
        or (" ".join(parts).count("(") > " ".join(parts).count(")") and len(lines[i]) < 40)
    ):
        parts.append(lines[i].strip())
        i += 1
    return " ".join(parts), i


def _date_tail(previous: str, line: str) -> bool:
    """The rest of a date the extraction wrapped ("... Date: 5" / "December 2026")."""
    head, tail = previous.strip(), line.strip()
    if not head or not tail or len(tail) > 30:
        return False
    joined = f"{head} {tail}"
    return any(start < len(head) and end >= len(joined) - 1 for start, end, _ in find_dates(joined))


# A final's status printed as a second banner above the country and headline.
_STATUS_BANNER = re.compile(
    r"^(?:KEINE WEITEREN (?:APPELLE|AKTIONEN)(?: (?:NÖTIG|ERFORDERLICH))?|"
    r"NO FURTHER (?:APPEALS|ACTION)(?: (?:NEEDED|REQUESTED|REQUIRED))?|"
    r"AUCUNE ACTION COMPL[ÉE]MENTAIRE(?: N['’]EST REQUISE)?|"
    r"NO SE REQUIEREN MÁS (?:LLAMAMIENTOS|ACCIONES))\s*!?$"
)


def _before_headline(line: str) -> bool:
    """Lines between the banner and the headline: blanks, a country, an id line, a date."""
    stripped = line.strip()
    if not stripped:
        return True
    if canonical_country(stripped) or is_id_line(stripped) or is_date_line(stripped):
        return True
    if _LABELLED_ID.match(stripped) or _BANNER.match(line):
        return True  # the banner printed twice (a section's page heading, then the UA's)
    if _STATUS_BANNER.match(stripped):
        return True
    return bool(_CHROME.match(line))


# "AI-Index: ...", "Datum: 17. Mai 2011", "Weitere Informationen zu UA-040/2011": not headlines.
_LABELLED_ID = re.compile(
    r"^(?:(?:AI[\s-]*)?Index|[ÍI]ndice|INDEX NUMBER|Datum|Date|Fecha|Issue Date)\s*:|"
    r"^(?:Weitere Informationen zu|Action compl[ée]mentaire sur|Follow[- ]up (?:on|to)|"
    r"Further information on|Informaci[óo]n complementaria sobre)\s+(?:l['’])?(?:UA|AU)\b|"
    r"^(?:UA|AU|FI|EXTRA)[\s:-]*\d{1,4}(?:-\d+)?\s*[/.]\s*\d{2,4}(?:-\d+)?\s*$",
    re.I,
)


def _is_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return (
        bool(letters)
        and all(ch.isupper() for ch in letters)
        and not is_id_line(line)
        and not _LABELLED_ID.match(line.strip())
    )


# Lines of a web page that are never its headline: link lists, labels, numbers, cookie banners.
_WEB_NOISE = re.compile(
    r"^(?:\[.*\]\(.*\)|[*-]\s.*|.*\b(?:Index|[ÍI]ndice)\b.*:.*|(?:UA|AU)[\s:-]*\d+\s*[/.-]\s*\d+.*|"
    r"(?:UA|AU)[\s-]*Nr\b.*|.*[,:]|"  # "UA-Nr.: ...", a greeting ("Liebe …,"), a lead-in ("…:")
    r"(?:Home|Startseite|Accueil|Inicio|Início)\s*[/|]\s.*|"  # a breadcrumb
    r"(?:Datum|Date|Fecha)\s*:.*|\[[^\]]*\].*|"
    r".*\bcookies?\b.*|.*\s\|\s.*|What you can do|Take action.*|Download\b.*|"
    # a note to the list or the group above what it passes on: "Hi all, here is …", "Liebe
    # Freundinnen und Freunde, …": the greeting's word, at most three words, then a comma
    # ("Liebe ist kein Verbrechen: …" is a headline)
    r"(?:Hi|Hello|Hey|Dear|Hola|Bonjour|Salut|Hallo|Liebe|Lieber|Ol[áa]|Chers|Chères|Queridos|"
    r"Queridas|Estimados|Estimadas)\b(?:\s+[^\s,]+){0,3}\s*,.*)$",
    re.I,
)


def _is_story_line(line: str, following: str) -> bool:
    """Prose: a long line, a sentence, or a line wrapped into the next one."""
    width = display_width(line)  # a Chinese, Japanese or Korean character takes two
    if width > 90:
        return True
    if clean_title(line)[1]:
        return False  # "Hungary: Asylum seekers ...": a headline with its country prefix
    if width > 50 and line.endswith((".", "!", "?", "。", "！", "？")):
        return True
    if len(line) >= 60 and following.strip()[:1].islower():
        return True  # a prose line wrapped early by the extraction
    return (
        len(line) >= 50
        and len(following.strip()) >= 40
        and not line.endswith(":")
        and not _WEB_NOISE.match(following.strip())  # "CAMBODIA | 24 March 2022 | …" below
    )


def _opens_paragraph(lines: list[str], i: int) -> bool:
    """Three or more lines of mixed-case text without a blank: a paragraph of the story."""
    block: list[str] = []
    for line in lines[i : i + 4]:
        if not line.strip():
            break
        block.append(line.strip())
    if len(block) < 3 or sum(map(len, block)) < 120 or _is_upper(block[0]):
        return False
    if len(block[0]) < 55 or clean_title(block[0])[1]:
        return False  # a headline directly above the story (text without blank lines)
    return not any(_CHROME.match(line) or _WEB_NOISE.match(line) for line in block)


def _read_web(doc: Document) -> Reading:
    """The headline of a pasted web page: the line nearest the story, after the site chrome;
    a ``Country: headline`` line wins when there is one. In a forwarded mail whose sender's
    note stands above the page, the page after the forwarding rule."""
    lines = doc.body_lines
    for i, line in enumerate(lines[:120]):
        if is_aiusa_title(line):
            title, hinted = clean_title(line.strip())
            return Reading(title, hinted, doc.header_end + i + 1)
    rules = [i for i, line in enumerate(lines[:200]) if FORWARD_RULE.match(line)]
    if rules and not _UA_SIGN.search("\n".join(lines[: rules[0]])):
        # Only the sender's note above the first rule: the UA is below, and no line of the
        # note ("Pilar", "Hi all, here it is") is its headline.
        readings = [_read_forwarded(doc, i) for i in rules]
        return next((r for r in readings if r.title), readings[0])
    reading = _read_web_from(doc, 0)
    if reading.title:
        return reading
    for i in rules:
        forwarded = _read_forwarded(doc, i)
        if forwarded.title:
            return forwarded
    return reading


# What a sender's note above a forwarded UA does not hold: the UA's number, index or banner.
_UA_SIGN = re.compile(
    r"\b(?:UA|AU|EXTRA)[\s:-]*\d|URGENT ACTION|ACCI[ÓO]N URGENTE|ACTION URGENTE|"
    r"A[ÇC][ÃA]O URGENTE|EILAKTION|\bIndex\s*:|[ÍI]ndice\s*:",
    re.I,
)


def _read_forwarded(doc: Document, rule: int) -> Reading:
    """The page below a forwarding rule and the forwarded message's header lines."""
    lines = doc.body_lines
    start = rule + 1
    while start < len(lines) and (not lines[start].strip() or FORWARDED_HEADER.match(lines[start])):
        start += 1
    return _read_web_from(doc, start)


def _read_web_from(doc: Document, start: int) -> Reading:
    lines = doc.body_lines
    country = None
    candidates: list[int] = []
    page_reading: Reading | None = None
    for i, line in enumerate(lines[start:], start=start):
        stripped = line.strip()
        if not stripped or _CHROME.match(line) or is_date_line(stripped) or is_id_line(stripped):
            continue
        if _BANNER.match(line):
            continue  # "Action urgente" between the headline and the number is no headline
        if canonical_country(stripped):  # a country line above the headline (Swiss/German pages)
            country = country or canonical_country(stripped)
            continue
        if re.search(r"\bcookies?\b", stripped, re.I) and len(stripped) < 300:
            continue  # a cookie banner, however long
        if FORWARDED_HEADER.match(stripped) or FORWARD_RULE.match(stripped):
            continue  # "Subject: FW: Urgent Action" of a message forwarded in the body
        if (page := library_page.page_title(stripped)) and (read := clean_title(page))[0]:
            # The site's page title: the headline only where the document prints none below.
            page_reading = page_reading or Reading(read[0], read[1], doc.header_end + i + 1)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            TARGET_MARKER.match(stripped)
            or _is_story_line(stripped, following)
            or _opens_paragraph(lines, i)
        ):
            if not any(clean_title(lines[c])[1] for c in candidates):
                below = _case_headline_below_note(lines, i)
                if below is not None:
                    title, hinted = clean_title(_ENUMERATION.sub("", lines[below].strip()))
                    return Reading(title, country or hinted, doc.header_end + below + 1)
            break
        if not _WEB_NOISE.match(stripped) and not _labelled_date(stripped):
            candidates.append(i)
    if not candidates:
        if page_reading:
            return Reading(
                page_reading.title, country or page_reading.country, page_reading.story_start
            )
        return Reading(None, country)
    prefixed = [i for i in candidates if clean_title(lines[i])[1]]
    i = prefixed[0] if prefixed else candidates[-1]
    if _is_upper(lines[i]):  # a pasted PDF headline without its banner, maybe over two lines
        if _month_and_year(lines[i]) and i - 1 in candidates and _is_upper(lines[i - 1]):
            i -= 1  # "SEPTIEMBRE DE 1995" under a newsletter's title: its issue, not its title
        while (
            i - 1 in candidates
            and _is_upper(lines[i - 1])
            and not _SECTION.match(lines[i - 1])
            and is_headline(lines[i - 1])  # not a label alone ("COMPLÉMENT D'INFORMATION")
        ):
            i -= 1
        j = i
        while j < len(lines) and _is_upper(lines[j]) and not _SECTION.match(lines[j]):
            if j > i and _month_and_year(lines[j]):
                break  # "SEPTIEMBRE DE 1995" under a newsletter's title: its issue
            j += 1
        title, hinted = clean_title(" ".join(line.strip() for line in lines[i:j]))
        issue = j < len(lines) and _month_and_year(lines[j])
        return Reading(title, country or hinted, doc.header_end + j + issue)
    title, j = _mixed_case_headline(lines, i)
    title, hinted = clean_title(title)
    return Reading(title, country or hinted, doc.header_end + j)


# "1. EGYPTE: …": the number a group's page gives each case it lists.
_ENUMERATION = re.compile(r"^\d{1,2}[.)]\s+")


def _case_headline_below_note(lines: list[str], start: int) -> int | None:
    """A group's page that opens with a note on what it offers ("Le Azioni Urgenti …",
    "Voorbeeld brieven …") and then sets the case's ``COUNTRY: headline`` on a line of its own
    under a blank line or a heading: where that line is, among the next lines."""
    for j in range(start + 1, min(start + 40, len(lines))):
        line = _ENUMERATION.sub("", lines[j].strip())
        above = lines[j - 1].strip()
        if not line or (above and not _is_upper(above)) or len(line) > 120:
            continue  # under a blank line or a heading ("SCRIVI UNA LETTERA"), not in a paragraph
        title, country = clean_title(line)
        if title and country and not TARGET_MARKER.match(line):
            return j
    return None


def _intro_sentence(line: str) -> bool:
    """``Please see below for Urgent Actions that you can take …``: a page's note, a whole
    sentence, never its headline."""
    line = line.strip()
    return line.endswith(".") and len(line.split()) >= 10 and line[:1].isupper()


def _month_and_year(line: str) -> bool:
    """``SEPTIEMBRE DE 1995``, ``March 2009``: a month and a year, nothing else."""
    match = re.fullmatch(r"\s*([^\W\d_]+\.?)\s+(?:de\s+|of\s+)?\d{4}\s*", line, re.I)
    return match is not None and month_number(match.group(1)) is not None


def _labelled_date(line: str) -> bool:
    """``Gültig bis: 20. November 2017``, ``Délai : 25 avril 2018``: a label and a date."""
    label, colon, value = line.partition(":")
    return bool(colon) and len(label) <= 30 and is_date_line(value.strip())


def _is_template(doc: Document) -> bool:
    return bool(_TEMPLATE_TITLE.search(doc.text))


LAYOUTS: list[Layout] = [
    Layout("2017 authoring template", _is_template, _read_template),
    Layout(
        "1990s-2000s concern line",
        lambda doc: is_old_layout(doc, _banner_index(doc) is not None),
        read_concern_line,
    ),
    Layout("banner and headline", lambda doc: _banner_index(doc) is not None, _read_banner),
    Layout("number line and headline", id_headline.matches, id_headline.read),
    Layout("web page headline", lambda doc: True, _read_web),
]


def recognise(doc: Document) -> tuple[Layout, Reading]:
    """The first layout that matches, and what it read."""
    for layout in LAYOUTS:
        if layout.matches(doc):
            reading = layout.read(doc)
            if reading.title:
                return layout, reading
    # No headline: the story is read from the first line under a wrapping mail header.
    return LAYOUTS[-1], Reading(None, None, doc.header_end)
