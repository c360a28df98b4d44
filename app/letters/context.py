"""Builds the template context (plain dicts and tuples only) from frozen domain values.

Documented names (``rendering.CONTEXT_NAMES``), each a dict unless noted:

- ``sender``: name, address, address_lines (tuple), city (the town without its postcode,
  for the date line and a signature), city_line (the town for the address block, postcode
  kept: empty when the last address line already names it), country, email, about
- ``official``: style (the words of honour protocol gives the office, for the head of the
  address block: "His Excellency", or ""), title, name (as printed, honorifics kept), address,
  address_lines, email,
  gender ("f", "m" or "neutral"), rank
- ``case``: ua_number, ai_index, title, country, issued_on, deadline (dates or None), summary
- ``persons`` (tuple of dicts): name, pronouns (as printed or None), gender ("f", "m", "n")
- ``person``: names (joined with Babel in the letter language), count, several (more than one
  person, or a group such as "The families of X"), plural (English grammar: several people or
  they/them), gender ("f", "m", "n"), group (the label when one entry names a group, such as
  "Refugee children and adolescents", else ""; templates quote it after a noun with its
  article), subject, object, possessive (English pronoun words, "they"/"them"/"their" when
  unknown)
- ``letter``: date (formatted), date_iso, locale, subject, salutation, closing,
  form_of_address, salutation_from_document, body (the model letter without greeting and
  closing, or None), personal_note, asks (a tuple of sentences, one per demand of the UA, in
  the letter's language; used when there is no body)
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from babel.lists import format_list

from app.domain.model import CaseDetail, Person, SenderProfile, Target
from app.letters.salutations import Courtesy
from app.letters.sender_address import place_name, town_line

_PRONOUN_WORDS = {
    "f": ("she", "her", "her"),
    "m": ("he", "him", "his"),
    "n": ("they", "them", "their"),
}
# "(f)" and "(m)" are the sex marks of older UAs; "femenino" the grammatical gender asked for.
_FEMININE = re.compile(
    r"\b(she|her|hers|ella|ela|dela|elle|f|femenino|feminino|féminin|هي)\b", re.IGNORECASE
)
_MASCULINE = re.compile(
    r"\b(he|him|his|él|il|lui|er|ihm|ihn|ele|dele|m|h|masculino|masculin|هو)\b", re.IGNORECASE
)
_PLURAL = re.compile(r"\b(they|them|their|ellos|ellas|elles|ils|eles|elas|هم)\b", re.IGNORECASE)


def person_gender(pronouns: str | None) -> str:
    """ "f", "m" or "n" (neutral, plural or unknown) from the pronouns the UA gives."""
    if not pronouns or _PLURAL.search(pronouns):
        return "n"
    if _FEMININE.search(pronouns):
        return "f"
    if _MASCULINE.search(pronouns):
        return "m"
    return "n"


_NAME_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "bint",
        "binti",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "van",
        "von",
        "y",
    ]
)


def looks_like_group(name: str) -> bool:
    """A group recorded under one label ("Refugee children and adolescents") rather than a name."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in _NAME_PARTICLES]
    return any(w[0].islower() for w in words[1:]) or (
        bool(words) and words[0].casefold() in {"the", "los", "las", "les"}
    )


def persons_context(
    persons: tuple[Person, ...], locale_id: str
) -> tuple[tuple[dict[str, Any], ...], dict[str, Any]]:
    """The ``persons`` tuple and the ``person`` summary for the template."""
    entries: tuple[dict[str, Any], ...] = tuple(
        {"name": p.name, "pronouns": p.pronouns, "gender": person_gender(p.pronouns)}
        for p in persons
    )
    genders = {entry["gender"] for entry in entries}
    gender = genders.pop() if len(genders) == 1 else "n"
    count = len(entries)
    several = count != 1 or looks_like_group(entries[0]["name"])
    plural = several or gender == "n"
    words = _PRONOUN_WORDS["n" if several else str(gender)]
    names = format_list([e["name"] for e in entries], locale=locale_id) if entries else ""
    summary = {
        "names": names,
        "count": count,
        "several": several,
        "plural": plural,
        "gender": gender
        if count == 1
        else ("n" if "n" in {e["gender"] for e in entries} else gender),
        "group": entries[0]["name"] if count == 1 and several else "",
        "subject": words[0],
        "object": words[1],
        "possessive": words[2],
    }
    return entries, summary


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def line_start(text: str) -> str:
    """A line as it starts an address block: its first letter in capitals ("ministre de la
    Justice" -> "Ministre de la Justice"); the rest as printed."""
    stripped = text.strip()
    for index, char in enumerate(stripped):
        if char.isalpha():
            return stripped[:index] + char.upper() + stripped[index + 1 :]
    return stripped


def official_context(target: Target, courtesy: Courtesy, name: str | None = None) -> dict[str, Any]:
    """``name`` is the name as the letter prints it (honorifics of other languages left out);
    ``style`` the words of honour protocol puts at the head of the address block ("His
    Excellency", "Son Excellence"), empty when the name already starts with some."""
    address = target.address or ""
    shown = target.display_name if name is None else name
    return {
        "style": style_for(shown, courtesy.style),
        "title": line_start(target.title or ""),
        "name": shown,
        "address": address,
        "address_lines": _lines(address),
        "email": target.email or "",
        "gender": target.gender if target.gender in ("f", "m") else "neutral",
        "rank": courtesy.rank.value,
    }


# Abbreviated words of honour a printed name may already start with.
_STYLED = re.compile(r"^(?:h\.\s?[ehm]\.|s\.\s?[aem]\.|i\.\s?[ehm]\.)(?:\s|$)", re.IGNORECASE)
# The same words written out, in the letters' languages ("Su Eminencia el Cardenal ...",
# "Sa Majesté le Roi ...", "جلالة الملك ...").
_STYLED_IN_WORDS = re.compile(
    r"^(?:(?:his|her|your|su|sa|son|seine|seiner|ihre|sua|a\s+sua)\s+(?:royal\s+|real\s+)?"
    r"(?:majesty|highness|holiness|eminence|excellency|majestad|alteza|santidad|eminencia|"
    r"excelencia|majest[eé]|altesse|saintet[eé]|[eé]minence|excellence|majest[aä]t|hoheit|"
    r"heiligkeit|eminenz|exzellenz|majestade|santidade|emin[eê]ncia|excel[eê]ncia)"
    r"|(?:صاحب|صاحبة)\s+\S+|جلالة|فخامة|معالي|سمو|سماحة|قداسة|نيافة|دولة)(?:\s|$)",
    re.IGNORECASE,
)


def style_for(name: str, style: str) -> str:
    """``style`` unless the printed name already starts with words of honour ("H.E. ...",
    "Sa Majesté le Roi ...")."""
    printed = name.strip()
    if (
        name.casefold().startswith(style.casefold())
        or _STYLED.match(printed)
        or _STYLED_IN_WORDS.match(printed)
    ):
        return ""
    return style


def sender_context(sender: SenderProfile) -> dict[str, Any]:
    return {
        "name": sender.name,
        "address": sender.address,
        "address_lines": _lines(sender.address),
        "city": place_name(sender.city),
        "city_line": town_line(sender),
        "country": sender.country,
        "email": sender.email,
        "about": sender.about,
    }


def case_context(case: CaseDetail, country: str | None = None) -> dict[str, Any]:
    """``country`` is the case's country in the letter's language (CLDR), when it is known."""
    return {
        "ua_number": case.ua_number,
        "ai_index": case.ai_index or "",
        "title": case.title,
        "country": country or case.country,
        "issued_on": case.issued_on,
        "deadline": case.deadline,
        "summary": case.summary or "",
    }


def letter_context(
    *,
    locale_id: str,
    today: datetime.date,
    subject: str,
    courtesy: Courtesy,
    body: str | None,
    personal_note: str,
    date_locale: str | None = None,
    asks: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``date_locale`` formats the date when it differs from the letter's ("en_GB": 6 December)."""
    return {
        "date": _long_date(today, date_locale or locale_id),
        "date_iso": today.isoformat(),
        "locale": locale_id,
        "subject": subject,
        "salutation": courtesy.salutation,
        "closing": courtesy.closing,
        "form_of_address": courtesy.form_of_address,
        "salutation_from_document": courtesy.salutation_from_document,
        "body": body,
        "personal_note": personal_note.strip(),
        "asks": asks,
    }


@lru_cache(maxsize=64)  # the same day in the same few languages, letter after letter
def _long_date(day: datetime.date, locale_id: str) -> str:
    from app.dates import long_date

    return long_date(day, locale_id)
