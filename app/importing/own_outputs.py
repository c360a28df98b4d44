"""Files Appeal Desk itself wrote (letters, reports, labels, envelopes, event files) are never
imported as Urgent Actions: they are recognised by the marks our outputs carry (the PDF
creator, the draft e-mail's message id, the event file's format name) and by their content."""

from __future__ import annotations

import re

from app.domain.errors import N_, ImportRejected
from app.importing.vocabulary import FORWARDED_HEADER

# Every PDF we write names its creator "Appeal Desk <version>" (Qt writes it as UTF-16).
_PDF_CREATOR = (
    b"(Appeal Desk",
    b"(\xfe\xff\x00A\x00p\x00p\x00e\x00a\x00l\x00 \x00D\x00e\x00s\x00k",
)
_MADE_WITH = re.compile(r"\bAppeal\s+Desk\s+\d+\.\d+(?:\.\d+)?\b")
_DRAFT_ID = re.compile(r"^Message-ID:\s*<[^>]*@appeal-desk\.invalid>", re.I | re.M)
_EVENT_FILE = re.compile(r'"format"\s*:\s*"appeal-desk-[\w-]+"')
# A gettext translation catalog (.po, .pot): its header entry, an empty msgid whose msgstr
# holds the catalog's fields.
_CATALOG = re.compile(
    r'^msgid\s+""\s*\nmsgstr\s+""\s*\n"(?:Project-Id-Version|Report-Msgid-Bugs-To|'
    r"POT-Creation-Date|PO-Revision-Date|Language|Content-Type|MIME-Version):",
    re.M,
)
# Every SQLite database starts so: Appeal Desk's data file and each of its backups.
_SQLITE_DATABASE = b"SQLite format 3\x00"
_REPORT_CSV = re.compile(
    r"\A\ufeff?(?:month,ua_number,channel,kind,letters,replies|"
    r"event,held_on,ua_number,case_title,goal,total)\b"
)
# The subject line of our letters: "Re: UA 72/05: names" in each template language.
_LETTER_SUBJECT = re.compile(
    r"^(?:Re|Betreff|Asunto|Objet|Assunto|Oggetto|Onderwerp|الموضوع)\s?:[ \t]*(?:UA|AU)[ \t]+"
    r"[\w./ -]{3,20}:\s",
    re.M,
)
# What a UA has and a letter never has: its banner, index label, appeal section, id line.
_UA_BODY = re.compile(
    r"^[^\S\n]*(?:URGENT\s+ACTION|ACCI[ÓO]N\s+URGENTE|ACTION\s+URGENTE|EILAKTION)\s*$|"
    r"AI[\s-]*Index|[ÍI]ndice\s*:|\bIndex\s*:|APPEALS?\s+TO\b|APPELLE\s+AN|"
    r"PLEASE\s+SEND\s+APPEALS|Further\s+information\s+on\s+UA|"
    # the headings and labels of section pages, which a letter never prints
    r"^[^\S\n]*(?:TAKE\s+ACTION|PREFERRED\s+LANGUAGE|NAME\s+AND\s+(?:PREFERRED\s+)?PRONOUN|"
    r"NOMBRE\s+Y\s+PRONOMBRE|NOM\s+ET\s+PRONOM|NOME\s+E\s+PRONOME|ACT[ÚU]EN|ACT[ÚU]A|"
    r"What\s+you\s+can\s+do|(?:And\s+also\s+)?Write\s+to\s*:|Salutation\s*:|"
    r"Tratamiento\s*:|Formule\s+d['’]appel|Anrede\s*:|Tratamento\s*:|(?:UA|AU)\s*:\s*\d|"
    r"LINK\s+TO\s+PREVIOUS\s+UA)|NO\s+FURTHER\s+ACTION\s+IS\s+(?:REQUESTED|REQUIRED)|"
    r"\b(?:first|second|third|final)\s+update\s+(?:of|on|to)\s+(?:UA|AU)\b",
    re.I | re.M,
)


def _refuse(source: str, kind: str) -> ImportRejected:
    reasons = {
        "pdf": N_(
            "This PDF was made by Appeal Desk (a letter, report, label sheet or envelope), not "
            "an Urgent Action; it was not imported. Import the UA itself."
        ),
        "letter": N_(
            "This is an appeal letter written by Appeal Desk, not an Urgent Action; it was not "
            "imported. Import the UA itself."
        ),
        "report": N_(
            "This is a report made by Appeal Desk, not an Urgent Action; it was not imported. "
            "Import the UA itself."
        ),
        "catalog": N_(
            "This is a translation catalog (a gettext .po file), not an Urgent Action; it was "
            "not imported. How to translate Appeal Desk is explained in locales/README.md."
        ),
        "database": N_(
            "This is a database file, such as an Appeal Desk backup, not an Urgent Action; it "
            "was not imported. To bring back a backup, use File > Backups… and Restore "
            "selected backup."
        ),
        "event": N_(
            "This is an event file made by Appeal Desk, not an Urgent Action; it was not "
            "imported. Merge it in the events window instead."
        ),
    }
    return ImportRejected(source, reasons[kind])


def check_pdf(data: bytes, source: str) -> None:
    """Refuse a PDF whose creator is Appeal Desk (letters, reports, labels, envelopes)."""
    if any(mark in data for mark in _PDF_CREATOR) and b"/Creator" in data:
        raise _refuse(source, "pdf")


def check_bytes(data: bytes, source: str) -> None:
    """Refuse a database file (Appeal Desk's backups and data file), whatever its name."""
    if data.startswith(_SQLITE_DATABASE):
        raise _refuse(source, "database")


def check_text(text: str, source: str) -> None:
    """Refuse text that one of our outputs produced (any file type, after extraction), and a
    translation catalog, whose header names Appeal Desk as a report's footer does."""
    head = text[:4000]
    if _CATALOG.search(head):
        raise _refuse(source, "catalog")
    if _DRAFT_ID.search(head):
        raise _refuse(source, "letter")
    if _EVENT_FILE.search(head):
        raise _refuse(source, "event")
    if _REPORT_CSV.match(head):
        raise _refuse(source, "report")
    if any("Appeal" in part and _MADE_WITH.search(part) for part in (text[-3000:], head)):
        raise _refuse(source, "report")
    if is_our_letter(text):
        raise _refuse(source, "letter")


def is_our_letter(text: str) -> bool:
    """An appeal letter as our templates write it: a short text with our subject line near
    the top and none of a UA's own structure."""
    if len(text) > 12_000:
        return False
    head = text[:3000]
    subject = next(
        (found for found in _LETTER_SUBJECT.finditer(head) if not _in_mail_header(head, found)),
        None,
    )
    return subject is not None and not _UA_BODY.search(text)


def _in_mail_header(text: str, subject: re.Match[str]) -> bool:
    """The subject line of a forwarded message ("De: … / Asunto: AU 104/19 Cuba: … / Para:
    …"), not a letter's: a mail header line stands right above or below it."""
    before = text[: subject.start()].rstrip("\n").rsplit("\n", 1)[-1]
    line_end = text.find("\n", subject.start())
    after = text[line_end + 1 :].split("\n", 1)[0] if line_end >= 0 else ""
    return bool(FORWARDED_HEADER.match(before) or FORWARDED_HEADER.match(after))
