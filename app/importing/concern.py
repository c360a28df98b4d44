"""The 1990s-2000s layouts: the ``UA n/yy  <concern>`` line is the title."""

from __future__ import annotations

import re

from app.importing import library_page
from app.importing.countries import canonical_country
from app.importing.dates import find_dates, is_date_line, month_number
from app.importing.document import Document
from app.importing.normalize import fold
from app.importing.titles import Reading, clean_title

_CONCERN_LINE = re.compile(
    r"^\s*(?:(?:AFR|AMR|ASA|EUR|MDE)\s?\d+/\d+/\d+\s*[-–]\s*)?(?:(?:(?:Further information(?:\s*\(\d+\))?|Follow[- ]up)\s+on|Weitere Informationen zu(?:r)?|Action compl[ée]mentaire sur l['’]|Compl[ée]ment d['’]information sur l['’]|Informaci[óo]n complementaria sobre(?: la)?|Ulteriori informazioni sull['’]|Informa[çc][ãa]o (?:adicional|complementar) sobre(?: a)?|Mais informa[çc][õo]es sobre(?: a)?|Verdere informatie (?:over|bij)(?: de)?)\s*)?(?:UA|AU|EXTRA|MA|NSA)(?:\s+|-)(?:No\.?\s*)?\d+/\d+(?:-\d{1,2}(?!\d))?\s*(?:\([^)]*\))?\s*[-–:]?\s*(.*?)\s*$",
    re.I,
)
_OLD_HEADER = re.compile(
    r"^[^\S\n]*(?:EXTERNAL|PUBLIC|INTERNAL|EXTERNE|EXTERNO|EXTERN|OPENBAAR|P[ÚU]BLICO|DOCUMENTO PUBBLICO|DOCUMENTO? P[ÚU]BLICO?)(?:\b|(?=AI\b)).*\b(?:(?:AI )?Index|[ÍI]ndice)\b"
    r"|^[^\S\n]*P[ÚU]BLICO\s*$|^[^\S\n]*PUBLIC\s*$|^[^\S\n]*DOCUMENTO? P[ÚU]BLICO?\s*$",
    re.I | re.M,
)
_NEW = (
    r"(?:and\s+|y\s+|et\s+|und\s+)?(?:new concerns?|nuevos? motivos? de preocupaci[óo]n|"
    r"nouveaux? sujets? de pr[ée]occupation|neue Sorge|en\s+nieuwe (?:zorg|bezorgdheid|reden tot (?:zorg|bezorgdheid))|nieuwe (?:zorg|bezorgdheid))\s*:"
)
_NEW_CONCERN = re.compile(r"^\s*" + _NEW, re.I)
_NEW_CONCERN_TAIL = re.compile(r"\s*(?:/\s*)?" + _NEW, re.I)
_BRACKETS_AFTER_NUMBER = re.compile(
    r"^(?:\s*(?:(?:and|,)\s*)?(?:(?:follow[- ]ups?|further information|FI)(?:\s*\(\d+\))?\s*)?\([^)]*\))+",
    re.I,
)
# "UA 145/17 - Nachfolge 1": a follow-up's counter after the number, not a concern.
_COUNTER = re.compile(
    r"^(?:Nachfolge|Folgeaktion|Follow[- ]up|Update|FI|Mise [àa] jour|Actualizaci[óo]n)"
    r"\s*\(?\d{1,2}\)?\s*$",
    re.I,
)
# "AU 137/22 - Acción complementaria final", "AU 33/19 - Mauritanie": what a section page
# prints after the number is the follow-up's label or the country, not a concern.
_FOLLOW_UP_LABEL = re.compile(
    r"^(?:Further information|Final update|Update|Weitere Informationen|Aktualisierung|"
    r"Acci[óo]n complementaria|Informaci[óo]n complementaria|Actualizaci[óo]n|"
    r"Compl[ée]ment d['’]information|Action compl[ée]mentaire|Mise [àa] jour|"
    r"Informa[çc][ãa]o complementar|Atualiza[çc][ãa]o|Verdere informatie)(?:\s+(?:final|finale|\d{1,2}))?\s*$",
    re.I,
)


def _not_a_concern(text: str) -> bool:
    return bool(
        _COUNTER.match(text)
        or _FOLLOW_UP_LABEL.match(text)
        or canonical_country(text)
        # The earlier UA's index in brackets ("and follow-up (AMR 41/026/2008, …) - Fear …")
        # is a follow-up's reference, not this line's index.
        or _INDEX_IN_LINE.search(_BRACKETED.sub(" ", text))
    )


_BRACKETED = re.compile(r"\([^()]*\)")


# An AI Index after the number, whatever its label's language ("UA 45/22 文書番号：ASA 16/…"):
# the line names the document, it states no concern.
_INDEX_IN_LINE = re.compile(r"\b(?:AFR|AMR|ASA|EUR|MDE|POL|ACT|IOR)\s?\d{1,2}\s*/\s*\d")


_COLUMN_START = re.compile(r"^\s*(?:[A-Z][A-Z .'()/-]+?\s{2,}\S|New names?\s*:)")


def read_concern_line(doc: Document) -> Reading:
    lines = doc.body_lines
    page_headline = library_page.headline_line(doc)
    for i, line in enumerate(lines):
        if not _CONCERN_LINE.match(line):
            continue
        if i == page_headline and any(map(_CONCERN_LINE.match, lines[i + 1 :])):
            continue  # the page's summary above the document: the document's own line is below
        logical, j = line, i + 1
        while j < len(lines) and j < i + 8 and _bracket_goes_on(logical, lines[j]):
            logical += " " + lines[j].strip()  # an original-index bracket wrapped over lines
            j += 1
        match = _CONCERN_HEAD.match(logical)
        if not match:
            continue
        head = _BRACKETS_AFTER_NUMBER.sub("", match.group(1)).lstrip(" -–:")
        if head and (is_date_line(head) or _COUNTER.match(head) or _ISSUED.match(head)):
            head = ""  # "AU 121/09      19 de junio de 2009": the concern is on a next line
        if re.search(r"\b(?:Index|[ÍI]ndice)\b|^[|,;]", head, re.I) or _INDEX_IN_LINE.search(head):
            continue
        concern: str | None = head
        capital_country = None
        if not concern:  # the concern on the next line ("UA 72/05" above it, or after a bracket)
            concern, j = _next_plain_line(lines, j)
            if concern and _CONCERN_LINE.match(concern):
                continue  # the number under the index, then its line with the concern
            concern = concern.lstrip(" -–:") if concern else None
            capital_country, concern = _country_before_concern(concern or "")
        column = re.match(r"^(.*?\S)\s{3,}(\S.*)$", concern or "")
        if column and is_date_line(column.group(2)):
            concern = column.group(1)  # "EXTRA 58/97    Fear of torture     12 June 1997"
        dated = _before_trailing_date(concern or "")
        if dated and dated.rstrip().endswith((":", "：")):
            continue  # "UA 41/24   Sista datum: 2024-05-03": a labelled date, not a concern
        if dated:
            concern = dated  # "UA 387/94 Fear for Safety 27 October 1994": the line ends there
        concern, named_country = _without_country_and_deadline(concern or "")
        if concern:
            parts = [concern]
            while not dated and j < len(lines) and _continues_concern(lines[j], parts[-1]):
                parts.append(lines[j].strip())
                j += 1
            concern = _NEW_CONCERN_TAIL.split(" ".join(parts))[0]
        title = clean_title(concern)[0] if concern else None
        country = named_country or capital_country or _country_above_names(lines, j)
        return Reading(title, country, doc.header_end + j)
    return Reading(None)


# "… Syrien. Appelle bis": the deadline a section's page prints after the concern.
_DEADLINE_TAIL = re.compile(
    r"[.,;]?\s+(?:Appelle (?:bitte )?bis|Appeals? (?:before|until)|Llamamientos antes del|"
    r"Appels avant le)\b.*$",
    re.I,
)


def _without_country_and_deadline(concern: str) -> tuple[str, str | None]:
    """``Verschwindenlassen - Syrien. Appelle bis``: the concern, and the country after it."""
    concern = _DEADLINE_TAIL.sub("", concern).rstrip(" .")
    head, dash, tail = concern.rpartition(" - ")
    country = canonical_country(tail) if dash and head else None
    if country:
        return head.rstrip(), country
    # "Fear for safety/Death threats MEXICO": the country column run onto the concern's line.
    capitals = _COUNTRY_IN_CAPITALS_AT_END.search(concern)
    if capitals and canonical_country(capitals.group(1)):
        return concern[: capitals.start()].rstrip(" -–,"), canonical_country(capitals.group(1))
    return concern, None


_COUNTRY_IN_CAPITALS_AT_END = re.compile(
    r"(?<=\S)\s+([A-ZÁÉÍÓÚÑ]{2,}(?:[ -][A-ZÁÉÍÓÚÑ]{2,}){0,3})$"
)


def _country_before_concern(line: str) -> tuple[str | None, str | None]:
    """``COLOMBIA Fear for safety: Human Rights Defenders``: the country in capitals, then the
    concern in mixed case, on the line under the number."""
    match = _COUNTRY_THEN_NAMES.match(line)
    if match:
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            country = canonical_country(" ".join(words[:size]))
            rest = line.split(None, size)[-1] if len(line.split()) > size else ""
            if country and re.match(r"[A-Z][a-z]+ [a-z]", rest):
                return country, rest
    return None, line or None


def _before_trailing_date(concern: str) -> str | None:
    """The concern before the date closing its line (the columns' spaces lost on a web page)."""
    found = find_dates(concern)
    if not found:
        return None
    start, end, _ = found[-1]
    head = concern[:start].rstrip(" ,-–")
    if end < len(concern.rstrip()) or not re.search(r"[^\W\d_]{3}", head):
        return None
    if head.split()[-1].casefold() in _DATE_GOVERNING_WORDS:
        return None  # "Detention without charge since 27 October 1994": the date is the concern's
    return head


# Words that make the date after them part of the concern's own sentence.
_DATE_GOVERNING_WORDS = frozenset(
    (
        "since", "on", "from", "until", "till", "before", "after", "of", "in", "by", "de", "del",
        "desde", "hasta", "el", "la", "le", "du", "depuis", "jusqu'au", "jusqu’au", "au", "seit",
        "am", "vom", "bis", "zum", "im", "em", "até", "ate", "no", "na", "do", "da",
    )
)  # fmt: skip


# "USA Jordan Brown (m)", "BRAZIL Community of Restinga": the country in capitals, then who.
_COUNTRY_THEN_NAMES = re.compile(r"^\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})\s+\S")


def _country_above_names(lines: list[str], start: int) -> str | None:
    """The country opening the first line under the concern line, before the names."""
    for line in lines[start : start + 3]:
        if not line.strip():
            continue
        match = _COUNTRY_THEN_NAMES.match(line)
        if not match:
            return None
        words = match.group(1).split()
        for size in range(len(words), 0, -1):  # "SRI LANKA" before "SRI"
            country = canonical_country(" ".join(words[:size]))
            if country:
                return country
        return None
    return None


_CONCERN_HEAD = re.compile(
    r"^\s*(?:(?:AFR|AMR|ASA|EUR|MDE)\s?\d+/\d+/\d+\s*[-–]\s*)?(?:(?:(?:Further information(?:\s*\(\d+\))?|Follow[- ]up)\s+on|Weitere Informationen zu(?:r)?|Action compl[ée]mentaire sur l['’]|Compl[ée]ment d['’]information sur l['’]|Informaci[óo]n complementaria sobre(?: la)?|Ulteriori informazioni sull['’]|Informa[çc][ãa]o (?:adicional|complementar) sobre(?: a)?|Mais informa[çc][õo]es sobre(?: a)?|Verdere informatie (?:over|bij)(?: de)?)\s*)?(?:UA|AU|EXTRA|MA|NSA)(?:\s+|-)(?:No\.?\s*)?\d+/\d+(?:-\d{1,2}(?!\d))?\s*(.*?)\s*$",
    re.I | re.S,
)


def _bracket_goes_on(logical: str, following: str) -> bool:
    """The original-index bracket(s) go on: open bracket, a dangling "and", "and follow-ups (…)"."""
    if logical.count("(") > logical.count(")"):
        return True
    if "(" not in logical:
        return False
    return bool(
        re.search(r"(?:\band|,)\s*$", logical)
        or re.match(r"\s*(?:and\s+)?(?:follow[- ]ups?\s*)?\(", following, re.I)
        or re.match(r"\s*(?:and|,|follow[- ]ups?)(?:\s+follow[- ]ups?)?\s*$", following, re.I)
    )


def _continues_concern(line: str, previous: str) -> bool:
    """A concern line wrapped by the extraction goes on until a blank, names or "New concern"."""
    stripped = line.strip()
    if not stripped or _NEW_CONCERN.match(line) or _COLUMN_START.match(line):
        return False
    if not _NEW_CONCERN_TAIL.search(previous) and _NEW_CONCERN_TAIL.search(
        f"{previous.rstrip()} {stripped}"
    ):
        return True  # "… and new" / "concern: Release": the addition split by the line end
    if stripped.startswith("/") or previous.rstrip().endswith(("/", "-")):
        return True
    if len(previous) < 30 and stripped[:1].isupper() and not stripped.startswith("/"):
        return False  # "Fear for safety" is whole; the names line follows it
    if canonical_country(stripped) or is_date_line(stripped) or len(stripped) > 90:
        return False
    if _country_in_capitals_first(stripped):
        return False  # "SYRIA Berzani Karro (m)": the name line, set right under the concern
    own = _NEW_CONCERN_TAIL.split(stripped)[0]  # "torture / Health concern and new concern: …"
    return not own.endswith(".") and not re.search(r"\bAI Index\b|:\s", own)


def _country_in_capitals_first(line: str) -> bool:
    """``SYRIA Name (m)``: the line opens with a country in capitals (the country column)."""
    match = _COUNTRY_THEN_NAMES.match(line)
    return bool(match and canonical_country(match.group(1)))


def _concern_below(lines: list[str], number_line: str) -> bool:
    """A short mixed-case line, not a sentence, under a number line that holds only a date."""
    below, _ = _next_plain_line(lines, lines.index(number_line) + 1)
    return bool(
        below
        and len(below) <= 80
        and not below.endswith((".", ":"))
        and any(ch.islower() for ch in below)
        and below[:1].isupper()
    )


def _next_plain_line(lines: list[str], start: int) -> tuple[str | None, int]:
    """The concern below the number: past dates, the index, an issue date and the country."""
    for j in range(start, min(start + 8, len(lines))):
        line = lines[j].strip()
        if _SKIPPED_BEFORE_CONCERN.match(line) or canonical_country(line) or _issue_dates(line):
            continue
        if line and not is_date_line(line) and not _OLD_HEADER.match(line):
            return _ISSUE_DATE_CLOSED.sub("", line, count=1), j + 1
    return None, start


_ISSUE_WORDS = frozenset(("and", "issued", "re-issued", "reissued", "re-", "re"))
# "2002) - Fear for safety": the last issue date and the bracket it closes, then the concern.
_ISSUE_DATE_CLOSED = re.compile(r"^(?:\d{1,2}\s+)?(?:[^\W\d_]+\s+)?\d{4}\)\s*[-–:]?\s*(?=\S)")


def _issue_dates(line: str) -> bool:
    """``September 2001 and re-issued 2 November``: only the wrapped dates the earlier UA was
    issued and re-issued on (a list's repost breaks that bracket over several lines)."""
    words = re.findall(r"[^\W_][\w-]*", line)
    return bool(words) and all(
        word.isdigit() or fold(word) in _ISSUE_WORDS or month_number(word) is not None
        for word in words
    )


_SKIPPED_BEFORE_CONCERN = re.compile(
    r"^(?:(?:AI )?Index\s*:\s*|[ÍI]ndice AI\s*:\s*)?(?:AFR|AMR|ASA|EUR|MDE|ACT|IOR|POL)\s?\d+/\d+/\d+"
    r"(?:/[a-z])?$|"
    r"^(?:Issue Date|Date)\s*:|"
    # The rest of "... EXTRA 12/99 issued 29 January 1999 and / re- / issued 4 February 1999":
    # the line that says when it was issued, or only the "and" and "re-" wrapped before it.
    r"^(?:and\s+)?(?:re-?\s*)?issued\b.*$|"
    r"^(?:and|re-?|and\s+re-?)$",
    re.I,
)
# "Further information on EXTRA 12/99 issued 29 January 1999": when the earlier UA was issued.
_ISSUED = re.compile(r"^(?:and\s+)?(?:re-?\s*)?issued\b", re.I)


# "Follow-up on UA 52/10 (10 March 2010)", "Weitere Informationen zu UA 212/98 (AFR …)"
_FOLLOW_UP_LINE = re.compile(
    r"\s*(?:Follow[- ]up on|Weitere Informationen zu(?:r)?|Action compl[ée]mentaire sur l['’]|"
    r"Compl[ée]ment d['’]information sur l['’]|Informaci[óo]n complementaria sobre|"
    r"Ulteriori informazioni sull['’]|Informa[çc][ãa]o (?:adicional|complementar) sobre|"
    r"Mais informa[çc][õo]es sobre|Verdere informatie (?:over|bij))\b",
    re.I,
)

# (the spaces before it kept to its own line: a run of blank lines is crossed once, not from each)
_FOLLOW_UP_LINES = re.compile(
    r"^[^\S\n]*" + _FOLLOW_UP_LINE.pattern.removeprefix(r"\s*"), re.I | re.M
)


def is_old_layout(doc: Document, has_banner: bool) -> bool:
    """An EXTERNAL/PUBLIC header, or a ``UA n/yy  <concern>`` line (a bare number is not enough)."""
    old_header = bool(_OLD_HEADER.search(doc.body))
    if has_banner and not old_header and not _FOLLOW_UP_LINES.search(doc.body):
        return False
    for line in doc.body_lines:
        match = _CONCERN_LINE.match(line)
        if not match:
            continue
        concern = match.group(1)
        named = bool(re.match(r"[^\W\d_]", concern)) and not _not_a_concern(concern)
        follow_up = bool(_FOLLOW_UP_LINE.match(line)) and "(" in line
        if has_banner and not old_header:
            if follow_up and named:
                return True  # under a banner: "Información complementaria sobre AU … - <concern>"
            continue
        if old_header or named:
            return True
        if not has_banner and is_date_line(concern) and _concern_below(doc.body_lines, line):
            return True  # "UA 122/98    20 April 1998", the concern on the next line
        if follow_up:
            return True  # "Follow-up on UA 52/10 (10 March 2010)", the concern lines below
    return False
