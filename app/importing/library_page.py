"""Amnesty's document pages: a headline, then ``, Index number: AMR 34/002/1995`` below it.

The page's headline sums the document up as ``Country: concern: Name, Name``, the index line
is printed in the language of the site's interface (``N° d'index``, ``Número de índice``,
``رقم الوثيقة``), and the document's own text, when the page holds it, follows the summary.
"""

from __future__ import annotations

import re

from app.domain.model import Person
from app.importing.countries import canonical_country
from app.importing.document import Document
from app.importing.names import looks_like_person_name
from app.importing.persons import split_person_list
from app.importing.titles import without_full_stop

_INDEX_UNDER_HEADLINE = re.compile(
    r"^\s*,\s*(?:Index number|N°\s*d['’]index|N[úu]mero de [íi]ndice|Indexnummer|"
    r"رقم الوثيقة)\s*:",
    re.I,
)


# The page title the document site gave its pages in the 2000s: "Document - Brazil: headline.",
# "Documento - Brasil: …" in the Spanish interface.
_PAGE_TITLE = re.compile(r"^\s*(?:Document|Documento|Dokument)\s+[-–]\s+(\S(?:.*\S)?)\s*$")


def page_title(line: str) -> str | None:
    """``Document - Brazil: Community at risk.``: the headline the page title holds."""
    match = _PAGE_TITLE.match(line)
    return as_headline(match.group(1)) if match else None


def as_headline(line: str) -> str:
    """The headline of a document page as it would stand above a UA: without the one full stop
    that ends it ("Honduras: Fear for safety."), which makes it no sentence."""
    return without_full_stop(line.strip())


def headline_line(doc: Document) -> int | None:
    """Where the page's headline is in ``doc.body_lines`` (the line above the index line)."""
    lines = doc.body_lines
    for i, line in enumerate(lines[:40]):
        if "," in line and _INDEX_UNDER_HEADLINE.match(line):
            above = i - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            return above if above >= 0 else None
    return None


def concern_and_names(title: str) -> tuple[str, list[Person]]:
    """``fear for safety: Ana Ejemplo, Luis Muestra``: the concern, and the people the
    headline names after it (none when what follows the colon is not a list of names)."""
    concern, colon, named = title.partition(": ")
    if not colon or not concern.strip():
        return title, []
    persons = split_person_list(named)
    if not persons or not all(looks_like_person_name(p.name) for p in persons):
        group = _GROUP_TOLD_BY_NUMBER.match(named.strip())
        if group is None:
            return title, []
        # "at least 10 prisoners on hunger strike (names withheld)": a group, told by its number.
        label = _BRACKETED.sub("", named).strip(" ,;")
        return concern.strip(), [Person(name=label, pronouns=None)]
    return concern.strip(), persons


# The number a group is told by, first in what the headline names: "at least 10 prisoners",
# "two students", "several villagers", "dozens of protesters".
_GROUP_TOLD_BY_NUMBER = re.compile(
    r"(?:at least|some|about|around|over|more than|up to|nearly|almost)?\s*"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|several|"
    r"dozens|hundreds|thousands|many|numerous)\s+\w",
    re.I,
)
_BRACKETED = re.compile(r"\s*\([^()]*\)")


# The line the document site prints under a document's summary, in each of its interfaces.
_CHOOSE_LANGUAGE = re.compile(
    r"^[ \t]*(?:Choose a language to view report|Choisir une langue pour afficher le rapport|"
    r"Dans quelle langue voulez-vous lire le rapport ?\?|"
    r"Elij?a un idioma para (?:ver|mostrar) el informe|اختيار لغة لعرض التقرير)[ \t]*$",
    re.I | re.M,
)
# What a UA's headline says is feared: "Fear for safety", "Craintes pour la sécurité",
# "Temor por la seguridad", "death threats", "Action complémentaire", "… en danger".
_UA_CONCERN = re.compile(
    r"\b(?:fears? (?:for|of)|crainte|temor|threats?|menaces?|amenazas?|ameaças?|Drohungen|"
    r"torture|tortura|Folter|disappear\w*|disparition|desaparici[óo]n|incommunicado|"
    r"prisoners? of conscience|prisonniers? d['’]opinion|presos? de conciencia|"
    r"execution|exécution|ejecuci[óo]n|Hinrichtung|further information|"
    r"action compl[ée]mentaire|compl[ée]ment d['’]information|informaci[óo]n complementaria|"
    r"(?:in|en|em|im) (?:grave |gro(?:ß|ss)er )?(?:danger|peligro|perigo|Gefahr|pericolo|gevaar)|"
    r"at risk)",
    re.I,
)


def is_ua_summary(doc: Document) -> bool:
    """A document page of the site summing up a UA: its headline names a country and what is
    feared ("Guatémala. Craintes pour la sécurité"), the site's language line below."""
    if not _CHOOSE_LANGUAGE.search(doc.text):
        return False
    for line in doc.body_lines[:12]:
        stripped = line.strip()
        if not stripped or len(stripped) > 160:
            continue
        country, sep, concern = _country_and_rest(stripped)
        if sep and canonical_country(country) and _UA_CONCERN.search(concern):
            return True
    return False


def _country_and_rest(line: str) -> tuple[str, str, str]:
    """``Guatémala. Craintes …`` -> ("Guatémala", ". ", "Craintes …")."""
    match = re.match(r"^([^:.]{2,45}?)(\s*[:.]\s+)(\S.*)$", line)
    return (match.group(1), match.group(2), match.group(3)) if match else (line, "", "")
