"""Which UA a document belongs to: UA number, own AI Index, dates and the previous-UA link."""

from __future__ import annotations

import re
from datetime import date

from app.importing.anchored import Anchored
from app.importing.countries import canonical_country
from app.importing.dates import (
    date_at_start,
    find_dates,
    is_date_line,
    opens_with_weekday,
    yearless_date_at_start,
)
from app.importing.document import Document
from app.importing.vocabulary import FORWARDED_MAIL_LABELS, label_line, words

_URL = r"(?:https?://|www\.)"
# "UA 98/95", "UA: 53/14", "AU : 45/13", "ua 088/02", "UA 1 27/17" (template), "UA-158/2019"
_UA_SLASH = re.compile(
    r"(?<![\w/])(?:UA|AU)\s*(?:No\.?|Nr\.?|n[°º]\.?)?\s*[:#]?\s*[-\s]?\s*0*(\d(?: ?\d){0,3})(?:-\d{1,2})?\s*/\s*(\d{4}|\d{2})(?![\d/])",
    re.I,
)
# AIUSA "UA 19.24" / "Urgent Action 19.24"
_UA_DOT = re.compile(r"\b(?:UA|Urgent Action)\s+0*(\d{1,4})\.(\d{2})\b(?!\.\d)")
_D = r"[\dO]"  # a digit, or the letter O that OCR reads for 0
_INDEX_BODY = (
    rf"(AFR|AMR|ASA|EUR|MDE|POL|ACT|IOR|ORG|NWS)\s?({_D}{{1,2}})\s*/\s*({_D}(?: ?{_D}){{1,5}})"
    rf"\s*/\s*({_D}{{4}}|{_D}{{2}})(?![\dO])"
)
_INDEX_LABELLED = re.compile(
    # "رقم الوثيقة" (document number): the index label of the site's Arabic interface
    r"(?:AI[\s-]*Index|INDEX\s+NUMBER|[ÍI]ndice|Index|رقم الوثيقة|"
    # Indonesian and Norwegian, Russian, Japanese, Korean and Chinese "(document) index/number"
    r"Indeks|Индекс|(?:国際事務局)?文書番号|문서\s*번호|(?:AI\s*)?索引)(?:\s+AI)?\s*"
    r"(?:No\.?|Number|n[°º])?\s*[:：]?\s*" + _INDEX_BODY,
    re.I,
)
_INDEX_LABELS = Anchored(
    _INDEX_LABELLED,
    ("ai", "index", "índice", "indice", "رقم", "indeks", "индекс", "国際", "文書", "문서", "索引"),
)
# An unlabelled index opening one of the first lines, alone or before the UA number.
_INDEX_LINE_START = re.compile(
    r"^\s*(?:PUBLIC\s+)?" + _INDEX_BODY + r"\s*(?:$|[-–|,]\s*(?:UA|AU)\b|\s+(?:UA|AU)\b)"
)
# The index of a translation with its unit after it: "AMR 36/021/2005 - ÉFAI" (French),
# "- EDAI" (Spanish), alone on its line below a forwarding mail.
_TRANSLATED_INDEX_LINE = re.compile(r"^\s*" + _INDEX_BODY + r"\s*[-–]\s*(?:[ÉE]FAI|EDAI)\s*$")
_ORIGINAL_BRACKET = re.compile(r"(?:UA|AU)\s*:?\s*\d+/\d+\s*\(\s*$", re.I)  # "on UA 72/05 ("
# A follow-up's line, whose bracket after the number holds the original UA's index.
_FOLLOW_UP_LINE = re.compile(
    r"Further information|Follow[- ]up|update|Informaci[óo]n complementaria|Compl[ée]ment|"
    r"Weitere Informationen",
    re.I,
)
# The index after the number on a section page's line, whatever its label's language:
# "UA 118/21 – Indeks: AMR …", "UA 87/22 | Endeks: EUR …", "UA: 44/23   رقم الوثيقة: MDE …".
_INDEX_AFTER_NUMBER = re.compile(
    r"\b(?:UA|AU)\s*+:?\s*+\d{1,4}/\d{2}\s*+(?:[,|·•–—-]\s*+)?"
    r"(?:[^\W\d_]+(?:[ -][^\W\d_]+){0,2}\s*+:\s*+)?" + _INDEX_BODY
)
# "UA 119/21, AMR 46/4011/2021, Peru, ..." or an AIUSA page's "UA 142.19 | AFR 25/0811/2019".
_INDEX_FOOTER = re.compile(r"\b(?:UA|AU)\s+\d{1,4}[/.]\d{2}\s*(?:[,|·•]|\s[–—-])\s*" + _INDEX_BODY)
_DATE_LABEL = re.compile(
    r"(?:(?<![\w-])Date|Issue Date|Fecha|Fecha de emisi[oó]n|Date d['’][ée]mission|PUBLICATION DATE|"
    r"(?<!sista )Datum|Data|Дата)\s*:\s*",  # Swedish "Sista datum" is the deadline
    re.I,
)
_DATE_LABELS = Anchored(_DATE_LABEL, ("dat", "issue date", "fecha", "publication date", "дата"))
_WEB_DATE_LABEL = re.compile(
    r"(?:Aktiv seit|Veröffentlicht am|Published(?: on)?|Posted(?: on)?|Publicado (?:el|em)|"
    r"Publié le|Issued on|Lanc[ée]e? le|Publi[ée]e le|Pubblicato il|Gepubliceerd op|"
    # Norwegian, Finnish, Indonesian and Korean "published"; Swedish, Danish, Czech, Polish
    r"Publisert|Julkaistu|Diterbitkan|게시일|Publicerad|Publiceret|Publikováno|Opublikowano)"
    r"\s*[:：]?\s*",
    re.I,
)
_WEB_DATE_LABELS = Anchored(
    _WEB_DATE_LABEL,
    ("aktiv seit", "veröffentlicht am", "publi", "posted", "issued on", "lanc", "pubblicato il",
     "gepubliceerd op", "julkaistu", "diterbitkan", "게시일", "opublikowano"),
)  # fmt: skip
# A label inside a sentence: the words before it on its line end in a lower-case word.
_IN_A_SENTENCE = re.compile(r"\b[a-z]+[ \t]+$")
_ID_ON_LINE = re.compile(
    r"(?:\b(?:UA|AU|FI|EXTRA)[\s:-]*\d{1,4}(?:-\d+)?\s*/\s*\d{2,4}|" + _INDEX_BODY + ")", re.I
)


def _has_id(line: str) -> bool:
    """A UA number or an index on the line (both have a slash: most lines are not searched)."""
    return "/" in line and bool(_ID_ON_LINE.search(line))


_INDEX_OCR = re.compile(
    r"AI\s*Index\s*:?\s*([A-Z]['’`]?[A-Z]{2})\s?(\d{1,2})\s*/\s*(\d{2,3})[1l|](\d{4})(?!\d)", re.I
)
_LINK_LABEL = re.compile(
    (
        r"(?:LINK TO (?:THE )?PREVIOUS UA|LIEN VERS L['’]AU PR[ÉE]C[ÉE]DENTE|ENLACE A LA AU ANTERIOR|"
        r"Further information|(?:Para )?M[áa]?s informaci[óo]?n|Plus d['’]informations?|Pour en savoir plus|"
        r"Pour plus d['’]informations?|Read the (?:first |previous |second |original )?(?:update|UA|urgent action)|"
        r"Link zur vorherigen UA|(?:Vorherige|Frühere|Fruhere) UA|"
        # "Frühere Urgent Actions zu diesem Fall:"
        r"(?:Vorherige|Frühere|Fruhere|Bisherige) (?:Urgent Actions?|Eilaktion(?:en)?)[^:\n]{0,40}?(?=:)|"
        r"LINK ALL['’](?:AU|AZIONE) PRECEDENTE|(?:LINK|LIGA[ÇC][ÃA]O) PARA A AU ANTERIOR|"
        r"(?:Action|AU|UA) pr[ée]c[ée]dente|(?:Eerdere|Vorige) (?:actie|UA)|Meer informatie|"
        # "This is the first and final update of UA 63/20:" above the link
        r"(?:update of|update van|atualiza[çc][ãa]o da|actualizaci[óo]n de la|mise [àa] jour de l['’])"
        r" (?:UA|AU) \d{1,4}/\d{2}(?=\s*:)|"
        r"(?:Die )?(?:erste|ursprüngliche|vorherige) (?:UA|Urgent Action|Eilaktion)[^:\n]{0,60}?(?=:))"
    ).replace(" ", r"\s+")
    + r"\s*:?[ \t]*\n?[ \t]*",
    re.I,
)
_LINK_LABELS = Anchored(
    _LINK_LABEL,
    (
        "link", "lien", "enlace", "further", "para", "más", "mas", "ms", "plus", "pour", "read",
        "vorherige", "die", "erste", "urspr", "früh", "fruh", "liga", "action pr", "au pr", "ua pr",
        "eerdere", "vorige", "update of", "atualiza", "actualiza", "mise", "meer informatie",
        "update van", "bisherige",
    ),
)  # fmt: skip
# After a link label a host may be printed bare: "amnesty.org/fr/documents/…".
_URL_TEXT = re.compile(
    r"(?:" + _URL + r"|(?=[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}/))" + r"[^\s<>\"“”»]+", re.I
)


# The 1990s EXTRA series ("EXTRA 127/99") and Swiss follow-ups ("FI 031/22-1").
_UA_SERIES = re.compile(
    r"(?<![\w/])(?:EXTRA|FI)\s*[:#]?\s*0*(\d{1,4})\s*/\s*(\d{4}|\d{2})(?:-\d{1,2})?(?![\d/])"
)
# A section's boilerplate shows an example number: "(ej: AU 25/99)", "par exemple : AU 25/99".
_EXAMPLE = re.compile(
    r"(?:\bej(?:emplo)?\.?|\bp\.\s?ex\.?|par exemple|por ejemplo|for example|e\.\s?g\.|"
    r"z\.\s?B\.|zum Beispiel|beispielsweise|such as)\s*:?\s*[\"“«(]?\s*$",
    re.I,
)


def ua_number(doc: Document) -> str | None:
    """``N/YY`` of the UA the document belongs to (a chain shares one number)."""
    for text in (doc.body, doc.header):
        for match in _UA_SLASH.finditer(text):
            if _inside_url(text, match.start()) or _is_example(text, match.start()):
                continue
            number = match.group(1).replace(" ", "")
            return f"{int(number)}/{match.group(2)[-2:]}"
        dotted = _UA_DOT.search(text)
        if dotted:
            return f"{int(dotted.group(1))}/{dotted.group(2)}"
        for series in _UA_SERIES.finditer(text):
            if not _inside_url(text, series.start()) and not _is_example(text, series.start()):
                return f"{int(series.group(1))}/{series.group(2)[-2:]}"
    return None


def _is_example(text: str, position: int) -> bool:
    before = text[max(0, position - 30) : position]
    return bool(_EXAMPLE.search(before) or _SEE_OTHER.search(before))


# A reference to an earlier UA in the story: "(see UA 409/97, AMR 41/117/97, …)", "for example,
# see UA 159/95", "see also UA 37/96".
_SEE_OTHER = re.compile(r"(?:^|[\s(])(?:see|cf\.)(?:\s+also)?\s*$", re.I)


def _inside_url(text: str, position: int) -> bool:
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    return bool(re.match(_URL, text[start : position + 1], re.I)) or "/" in text[start:position]


# The language edition a 1990s index ends with: "AMR 46/09/99/s" (Spanish), "…/f" (French).
_EDITION = re.compile(r"/[sfae](?![\w/])")


def _format_index(match: re.Match[str], first_group: int) -> str:
    region, *numbers = match.groups()[first_group : first_group + 4]
    country, serial, year = (part.replace("O", "0").replace(" ", "") for part in numbers)
    return f"{region.upper()} {country}/{serial}/{year}"


def ai_index(doc: Document) -> str | None:
    """This document's own AI Index (never the bracketed original, never one inside a link)."""
    for pattern in (_INDEX_LABELS, _INDEX_FOOTER, _INDEX_AFTER_NUMBER):
        for match in pattern.finditer(doc.text):
            before = doc.text[max(0, match.start() - 30) : match.start()]
            if _inside_url(doc.text, match.start()) or _original_index(doc.text, match, before):
                continue
            edition = _EDITION.match(doc.text, match.end())
            return _format_index(match, 0) + (edition.group(0) if edition else "")
    # "AFR 25/021/2007" or "AMR 34/008/2009 - AU 121/09" near the top (under a forwarding
    # note and the forwarded message's header when a member passes it on)
    for line in doc.body_lines[:40]:
        starting = _INDEX_LINE_START.match(line)
        if starting:
            return _format_index(starting, 0)
    for line in doc.body_lines[:60]:
        translated = _TRANSLATED_INDEX_LINE.match(line) if "AI" in line else None
        if translated:
            return _format_index(translated, 0)
    ocr = _INDEX_OCR.search(doc.text)  # scanned 1990s copies: "M'DE 13/04612001"
    if ocr:
        region = re.sub(r"['’`]", "", ocr.group(1)).upper()
        return f"{region} {ocr.group(2)}/{ocr.group(3)}/{ocr.group(4)}"
    return None


def _original_index(text: str, match: re.Match[str], before: str) -> bool:
    """The bracket after a follow-up's number: the original UA's index. A labelled index in
    the bracket after an initial UA's number is the document's own ("UA 118/09 (AI Index AFR
    59/004/2009), issued …")."""
    if not _ORIGINAL_BRACKET.search(before):
        return False
    if not match.group(0)[:1].isalpha():
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(_FOLLOW_UP_LINE.search(text, line_start, match.start()))


def issued_on(doc: Document) -> date | None:
    """The date of this document (labelled, on the id line, a web date, a date line, or the
    French footer); never the posting date of a blog or list that wraps it."""
    for match in _DATE_LABELS.finditer(doc.body):
        if _in_mail_header(doc.body, match.start()):
            continue  # "De: … / Fecha: … / Asunto: …" of a forwarded message
        value = date_at_start(doc.body[match.end() :], max_skip=3)
        if value:
            return value
    on_id_line = _date_on_id_line(doc)
    if on_id_line:
        return on_id_line
    for match in _WEB_DATE_LABELS.finditer(doc.body):
        if _IN_A_SENTENCE.search(doc.body, max(0, match.start() - 40), match.start()):
            continue  # "… the original UA when issued on September 5, 2001": the earlier one's
        value = date_at_start(doc.body[match.end() :], max_skip=3)
        if value:
            return value
    issue = doc.header_value("Issue Date")
    if issue:
        value = date_at_start(issue, max_skip=3)
        if value:
            return value
    previous = ""
    date_lines: list[tuple[int, date, bool]] = []
    for i, line in enumerate(doc.body_lines[:60]):
        ends_sentence_part = _runs_into_next(previous, line) and not (
            " | " in previous or _has_id(previous)  # "UA 78/19 | … | Honduras"
        )
        previous = line
        if is_date_line(line) and not ends_sentence_part:  # not "... freed on" / "2 May 2022."
            weekday = opens_with_weekday(line)  # "sábado, 8 de noviembre de 2008"
            date_lines.append((i, find_dates(line)[0][2], weekday))
            continue
        # (each value ends at its last letter: a run of spaces inside a line is read once)
        web = re.match(r"^\s*([^|]*[^|\s])\s*\|", line) if "|" in line else None
        if web and is_date_line(web.group(1)):
            return find_dates(web.group(1))[0][2]
        # "Fatta Pennan | 2017-02-28": a section's column and the date it printed the page
        byline = (
            re.match(r"^\s*[^|\d]{2,40}\|\s*(\S(?:[^|]*[^|\s])?)\s*$", line)
            if "|" in line
            else None
        )
        if byline and is_date_line(byline.group(1)):
            return find_dates(byline.group(1))[0][2]
        meta = _dated_meta_line(line)
        if meta:
            return meta
        column = _COLUMN_VALUE.match(line)  # "Distr: UA/SC        5 May 1995"
        if (
            column
            and is_date_line(column.group(1))
            and not re.search(r"\d", line[: column.start(1)])
        ):
            return find_dates(column.group(1))[0][2]
        if _BANNER_LINE.match(line) and date_lines:
            date_lines = [d for d in date_lines if not d[2]] or date_lines
    if date_lines:
        plain = [d for d in date_lines if not d[2]]  # "Tuesday, July 27, 2010": a blog's post
        if plain:
            return plain[-1 if _after_banner(doc, plain) else 0][1]
    for line in reversed(doc.body_lines):
        footer = _INDEX_FOOTER.search(line)
        if footer:
            found = find_dates(line[footer.end() :])
            if found:
                return found[-1][2]
    return None


_COLUMN_VALUE = re.compile(r"^\S.*?\s{3,}(\S.*)$")
# Words a sentence broken before a date ends its line with ("arrested on", "détenu depuis le").
_BEFORE_A_DATE = words(
    "on since until till from of in by before after dated and or to at the "
    "am seit vom bis zum und im "
    "le du depuis au et en "
    "el del desde hasta de y a "
    "em até no"
)


def _runs_into_next(previous: str, line: str) -> bool:
    """``... was freed on`` / ``2 May 2022.``: a sentence that goes on in the date line, not a
    headline or a heading above a date line of its own."""
    text = previous.rstrip()
    if text.endswith(","):
        return True
    if not ("a" <= text[-1:] <= "z"):  # the text ends with a lower-case ASCII letter
        return False
    last_word = text.rsplit(None, 1)[-1].casefold()
    return last_word in _BEFORE_A_DATE or line.rstrip().endswith(".")


def _dated_meta_line(line: str) -> date | None:
    """``CAMBODIA | 24 March 2022 | Urgent Action update``: a page's line of facts about the
    UA (its country, its series) with the date among them (not a blog's "Posted by" line)."""
    parts = [part.strip() for part in line.split(" | ")]
    if not 2 <= len(parts) <= 5 or len(line) > 120:
        return None
    dated = [part for part in parts if is_date_line(part)]
    about_the_ua = any(
        canonical_country(part) or re.search(r"\bUrgent Action|\b(?:UA|AU)\s*\d", part, re.I)
        for part in parts
        if part not in dated
    )
    return find_dates(dated[0])[0][2] if dated and about_the_ua else None


_BANNER_LINE = re.compile(
    r"^\s*(?:URGENT ACTION(?: APPEAL)?|ACCI[ÓO]N URGENTE|ACTION URGENTE|EILAKTION|AZIONE URGENTE)"
    r"\s*$",
    re.I,
)


def _after_banner(doc: Document, dated: list[tuple[int, date, bool]]) -> bool:
    """Dates on both sides of the UA banner: the one after it is the UA's (a blog dates its
    post above the banner)."""
    banner = next(
        (i for i, line in enumerate(doc.body_lines[:60]) if _BANNER_LINE.match(line)), None
    )
    return banner is not None and len(dated) > 1 and dated[0][0] < banner < dated[-1][0]


_MAIL_HEADER_LABEL = label_line(FORWARDED_MAIL_LABELS, indented=True)


def _in_mail_header(text: str, position: int) -> bool:
    """The label opens a line among e-mail header lines (a message forwarded in the body): the
    header lines run on without a blank line up to it or down from it."""
    start = text.rfind("\n", 0, position) + 1
    if text[start:position].strip():
        return False
    above = text[:start].split("\n")[-5:-1]
    below = text[start:].split("\n")[1:4]
    lines: list[str] = []
    for line in reversed(above):
        if not line.strip():
            break
        lines.append(line)
    for line in below:
        if not line.strip():
            break
        lines.append(line)
    return any(_MAIL_HEADER_LABEL.match(line) for line in lines)


def _date_on_id_line(doc: Document) -> date | None:
    """``UA-061/2015   AI-Index: ...   10. März 2015``: a date on the number or index line (never
    the bracketed date of the original UA)."""
    for line in doc.body_lines[:80]:
        id_found = _ID_ON_LINE.search(line) if "/" in line else None
        if not id_found or _inside_url(line, id_found.start()):
            continue
        if re.match(r"\s*(?:Subject|Betreff|Asunto|Objet)\s*:", line, re.I):
            continue
        # A line that opens inside a bracket ("AFR 44/21/97, 5 November 1997) and …", a page
        # title cut from the follow-up's reference) has the earlier UA's index and date there.
        bare = re.sub(r"\([^)]*\)?", " ", re.sub(r"^[^()]*\)", " ", line))
        if _REFERS_TO_EARLIER.match(line):  # "Further information on EXTRA 12/99 issued 29 …"
            bare = re.split(r"\b(?:re-?\s*)?issued\b", bare, maxsplit=1, flags=re.I)[0]
        asked_by = _STRONG_DEADLINE.search(bare)
        if asked_by:  # "UA-313/2014 … - Syrien. Appelle bis 27. Januar 2015": the deadline
            bare = bare[: asked_by.start()]
        found = find_dates(bare)
        ids = list(_ID_ON_LINE.finditer(bare)) if found else []
        if ids and len(bare) > 300:
            # A text flattened onto one line: the date right after the number and index, not
            # the last of the story's dates that follow on the same line.
            for id_match in ids:
                after = [d for d in found if 0 <= d[0] - id_match.end() <= 40]
                if after:
                    return after[0][2]
        if ids:
            return found[-1][2]
    return None


# A follow-up's line naming the UA it follows: the dates "issued" there are the earlier UA's.
_REFERS_TO_EARLIER = re.compile(
    r"^\s*(?:Further information(?:\s*\(\d+\))?|Follow[- ]up)\s+(?:on|to)\b", re.I
)


_STRONG_DEADLINE = re.compile(
    r"(?:SEND APPEALS BEFORE|APPEALS? (?:TO ARRIVE )?BEFORE|APPEALS? (?:ACCEPTED )?UNTIL|AS SOON AS POSSIBLE,? UNTIL|"
    r"APPEAL DEADLINE NOTICE|DEADLINE FOR APPEALS|Urgent Action expires on|expires on|"
    r"LLAMAMIENTOS ANTES DEL|LO ANTES POSIBLE,? HASTA EL|A M[ÁA]S TARDAR EL|AU PLUS TARD LE|APPELS AVANT LE|D['’]AGIR[^.]{0,60}?(?:AVANT LE|JUSQU['’]AU)|"
    r"[ÉE]CRIVEZ[^.]{0,80}?(?:AVANT LE|JUSQU['’]AU|D['’]ICI (?:LE|AU))|(?<![\w-])DEADLINE\s*:|"
    r"(?:ENVOYER|ENVOYEZ)[^.]{0,40}?(?:APPELS|LETTRES|COURRIERS)[^.]{0,20}?(?:JUSQU['’]AU|AVANT LE|D['’]ICI (?:LE|AU))|"
    r"D[ÉE]LAI[^.]{0,40}?(?:PROLONG[ÉE]E?|REPORT[ÉE]E?) (?:JUSQU['’]AU|AU)|"
    r"DEADLINE[^.]{0,60}?(?:EXTENDED|MOVED|POSTPONED) (?:TO|UNTIL)|ESCREV(?:A|AM|E)\b[^.]{0,60}?\bAT[ÉE]|"
    r"(?:LETTERS|APPEALS|MESSAGES) SHOULD (?:BE SENT|ARRIVE|BE POSTED) (?:BEFORE|BY|NO LATER THAN)|"
    # Swedish and Danish "at the latest (the)", Polish "write … by" / "at the latest by"
    r"(?<![\w-])SEN[AE]ST(?: DEN)?|(?:WYŚLIJ|WYSLIJ|WYSYŁAJ|WYSYLAJ|NAPISZ|PISZ)\b[^.]{0,60}?\bDO(?=\s+\d)|NAJPÓŹNIEJ DO|"
    # Swedish "last day", Danish "send … before", Czech "at the latest by", Catalan "until",
    # Turkish "last day to apply", Greek "until (the)"
    r"SISTA DATUM|(?:SEND|SKRIV)\b[^.:\n]{0,40}?\bFØR(?=\s+\d)|NEJPOZDĚJI DO|"
    r"(?:ENVIEU|ESCRIVIU|ENVIA|ESCRIU|ACTUEU)\b[^.:\n]{0,60}?\bFINS (?:AL?|EL)(?=\s+\d)|"
    r"SON BA[ŞS]VURU TAR[İI]H[İI]|"
    r"(?:ΣΤΕΊΛΤΕ|ΣΤΕΙΛΤΕ|ΓΡΆΨΤΕ|ΓΡΑΨΤΕ)[^.:\n]{0,60}?(?:ΈΩΣ|ΕΩΣ|ΜΈΧΡΙ|ΜΕΧΡΙ)(?: (?:ΤΙΣ|ΤΗΝ|ΤΟ))?(?=\s+\d)|"
    r"O MAIS (?:R[ÁA]PIDO|R[ÁA]PIDAMENTE|BREVE|CEDO) POSS[ÍI]VEL,? AT[ÉE]|"
    r"(?:Fecha l[íi]mite|Date limite|Data limite|Prazo)(?: (?:para|pour|de|for)\b[^:.\n]{0,40})?\s*:|"
    r"(?:TAKE ACTION|ACT|SEND (?:YOUR )?APPEALS?|APPEALS SHOULD ARRIVE) (?:BEFORE|UNTIL|BY)|"
    r"Appelle bis|Appelle bitte bis|APPELLE (?:BITTE )?(?:VOR DEM|BIS ZUM)|D[ée]lai d['’]envoi(?: des appels)?|"
    r"SCHREIBEN SIE (?:BITTE )?BIS(?: ZUM| AM)?|(?:PLEASE )?WRITE (?:YOUR (?:LETTERS?|APPEALS?) )?(?:BEFORE|BY)|"
    r"APELOS AT[ÉE]|APPELLI ENTRO(?: IL)?|PRIMA POSSIBILE,? ENTRO(?: IL)?|SCHRIJF V[ÓO]{1,2}R|"
    r"AS SOON AS POSSIBLE,? (?:AND|BUT) (?:BEFORE|BY|UNTIL|NO LATER THAN)|UITERLIJK(?: OP| TOT)?|"
    r"(?<![\w-])(?:D[ée]lai|Frist|G[üu]ltig bis|Plazo)\s*:|bis sp[äa]testens|sp[äa]testens bis(?: zum)?|"
    r"[ée]crire jusqu['’]au|"
    # "Write in English or Khmer before 30 June", "Escribe antes del 30 de abril al ministro"
    r"(?<![\w-])(?:WRITE|ESCRIBE|ESCRIBAN)\b[^.:\n]{0,80}?\b(?:BEFORE|ANTES DEL)(?=\s+\d)|"
    r"Contact (?:these|the following|this|both)"
    r"[^.:]{0,40}?\b(?:by|before|until)|(?:Esta )?(?:acci[óo]n|AU|campa[ñn]a) (?:finaliza|termina|vence|caduca|expira)(?: el)?|"
    r"(?:Cette )?(?:action|AU) (?:prend fin|se termine|expire)(?: le)?|"
    r"(?:Diese )?(?:Aktion|UA) (?:endet am|l[äa]uft bis(?: zum)?)|"
    r"(?:This )?(?:action|UA) (?:ends|closes) on|"
    r"(?:Esta )?(?:a[çc][ãa]o|AU) (?:termina|encerra|expira)(?: (?:em|a))?|"
    # "as soon as possible and no later than" in each language
    r"NO M[ÁA]S TARDE (?:DEL?|QUE(?: EL)?)|PAS PLUS TARD QUE(?: LE)?|AU PLUS TARD|"
    r"N[ÃA]O MAIS TARDE (?:D[OE] QUE|QUE|D[OE])(?: [OA](?= ))?|O MAIS TARDAR(?: AT[ÉE])?|"
    r"NICHT SP[ÄA]TER ALS(?: AM)?|SP[ÄA]TESTENS(?: AM| BIS(?: ZUM)?)?|NO LATER THAN|"
    # Russian "as soon as possible, until", Indonesian "as soon as possible until"
    r"КАК МОЖНО СКОРЕЕ,? ДО|SESEGERA MUNGKIN,? HINGGA|"
    # Japanese and Korean "deadline" labels, with a full-width colon or a plain one
    r"(?:締め切り|締切|期限|마감일|마감|截止日期)\s*[:：]"
    r")\s*:?\s*(?:the\s+|le\s+|el\s+|del\s+)?",
    re.I,
)
_WEAK_DEADLINE = re.compile(
    r"(?:sending appeals after|appeals after|ANTES DEL|HASTA EL|AVANT LE|nach dem|bis zum|bis am|"
    # Dutch "vóór" (before), accented to tell it from "voor" (for)
    r"(?<!\w)v(?:óó|óo|oó)r|"
    r"Apr[èe]s le|despu[ée]s del|ENTRO IL|apelos depois d[eo]|appelli dopo(?: il)?|"
    # Catalan "before", Arabic "until", Norwegian "by", Finnish "at the latest",
    # Indonesian "until" and "before", Russian "until" (a date right after each)
    r"abans del?|حتى|قبل|(?<![\w-])innen|viimeistään|(?<![\w-])(?:hingga|sebelum)|(?<![\w-])до(?=\s*:?\s*\d))"
    r"\s*:?\s*(?:the\s+|le\s+|el\s+)?",
    re.I,
)

_STRONG_DEADLINES = Anchored(
    _STRONG_DEADLINE,
    (
        "send ", "appeal", "as soon as possible", "deadline for", "urgent action expires",
        "expires on", "llamamientos antes", "lo antes posible", "a más tardar", "a mas tardar",
        "au plus tard", "appels avant", "d'agir", "d\u2019agir", "take action ", "act ",
        "appelle ", "délai", "delai", "frist", "gültig bis", "gultig bis", "plazo", "bis sp",
        "spätestens", "spatestens", "écrire jusqu", "ecrire jusqu", "contact ", "no más tarde",
        "no mas tarde", "pas plus tard", "não mais tarde", "nao mais tarde", "o mais tardar",
        "nicht später", "nicht spater", "no later than", "o mais r", "o mais b", "o mais c",
        "fecha l", "date limite", "data limite", "prazo", "esta ", "acci", "au ", "campa",
        "cette ", "action ", "diese ", "aktion ", "ua ", "this ", "ação", "acao", "apelos at",
        "appelli entro", "prima possibile", "schrijf v", "uiterlijk", "schreiben sie", "please write",
        "write ", "écrivez", "ecrivez", "escrib", "deadline", "envoyer", "envoyez", "escrev",
        "letters should", "appeals should", "messages should", "senast", "senest", "wyślij",
        "wyslij", "napisz", "pisz", "najpóźniej", "как можно", "sesegera", "締め切り", "締切",
        "期限", "마감", "sista datum", "skriv", "nejpozději", "envieu", "escriviu", "envia",
        "escriu", "actueu", "son ba", "στείλτε", "στειλτε", "γράψτε", "γραψτε", "wysy", "截止日期",
    ),
)  # fmt: skip
_WEAK_DEADLINES = Anchored(
    _WEAK_DEADLINE,
    (
        "sending appeals after", "appeals after", "antes del", "hasta el", "avant le",
        "nach dem", "bis zum", "après le", "apres le", "después del", "despues del", "entro il",
        "apelos depois", "appelli dopo", "bis am", "vóór", "vóor", "voór", "abans de", "حتى",
        "innen", "viimeistään", "hingga", "sebelum", "до", "قبل",
    ),
)  # fmt: skip
# A date the deadline phrase follows: Turkish "25 Ağustos 2022 tarihine kadar", Hungarian
# "2022. április 19-ig" (until), Chinese "2019年6月25日或之前" (on or before).
_UNTIL_AFTER_DATE = re.compile(
    r"\s+(?:tarihine|tarihe) (?:kadar|dek)\b|-ig\b|\s*或(?:之|以)前", re.I
)


def deadline(doc: Document) -> date | None:
    """The last day to send appeals (phrases such as ``... AS SOON AS POSSIBLE UNTIL:``)."""
    flat = doc.flat_body
    for pattern in (_STRONG_DEADLINES, _WEAK_DEADLINES):
        for match in pattern.finditer(flat):
            value = date_at_start(flat[match.end() :], max_skip=2, after_weekday=True)
            if value:
                return value
    if "tarih" in flat or "-ig" in flat or "或" in flat:
        for match in _UNTIL_AFTER_DATE.finditer(flat):
            before = flat[max(0, match.start() - 40) : match.start()]
            found = find_dates(before)
            if found and found[-1][1] == len(before):
                return found[-1][2]
    # "as soon as possible and before 14 March": the year is the document's own
    reference = issued_on(doc)
    if reference is not None:
        for match in _STRONG_DEADLINES.finditer(flat):
            value = yearless_date_at_start(flat[match.end() :], reference)
            if value:
                return value
    return None


def _continues_link(link: str, fragment: str) -> bool:
    """``…/2015/`` + ``en/``: a URL broken by a line end or a stray space."""
    if "@" in fragment or not re.fullmatch(r"[\w./%#?=&-]+", fragment):
        return False
    if "/" in fragment:
        return True
    return link.endswith("/") and bool(re.fullmatch(r"[a-z]{2}", fragment))


def previous_ua_link(doc: Document) -> str | None:
    """URL of the earlier UA, with ``https://`` added when printed without a scheme."""
    if "previous_ua_link" not in doc.cache:
        doc.cache["previous_ua_link"] = _previous_ua_link(doc)
    return doc.cache["previous_ua_link"]


def _previous_ua_link(doc: Document) -> str | None:
    text = doc.text
    for match in _LINK_LABELS.finditer(text):
        rest = text[match.end() :]
        line_end = rest.find("\n")
        first_line = rest if line_end < 0 else rest[:line_end]
        candidate = first_line.strip()
        if doc.split_words:
            candidate = candidate.replace(" ", "")
        url = _URL_TEXT.match(candidate)
        if not url:
            continue
        link = url.group(0).rstrip(".,;)")
        # "https://www." + "amnesty.org/…" on the next line: a host cut after its dot
        cut_host = url.group(0).endswith(".") and "/" not in re.sub(r"^https?://", "", link)
        tail = first_line.strip()[url.end() :] if not doc.split_words else ""
        if line_end >= 0 and not tail.strip():  # the URL wrapped onto the next line
            tail = rest[line_end + 1 :].split("\n", 1)[0].strip()
            if not re.fullmatch(r"[\w./%#?=&-]+", tail.rstrip(".,;")):
                tail = ""
        fragment = re.match(r"\s*([\w./%#?=&-]+)", tail)
        if fragment and _continues_link(link, fragment.group(1).rstrip(".,;")):
            link += ("." if cut_host else "") + fragment.group(1).rstrip(".,;")
        if not re.match(r"https?://", link, re.I):
            link = "https://" + link
        return link
    return None
