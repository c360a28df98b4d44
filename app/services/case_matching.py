"""Whether a document may change the case it seems to belong to, and what it would change.

A document changes an existing case only on strong evidence: its own index is one of the
case's, or its previous-UA link points at the case, or it shares the UA number and agrees on
the country or on at least one person (and does not contradict the country). Anything less is
weak or conflicting: the change waits for the user's confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.case_match import DoubtfulMatch, MatchDoubt
from app.domain.model import (
    CaseEvidence,
    FieldChange,
    OutputKind,
    ParsedDocument,
    official_words,
)
from app.domain.text_folding import fold


@dataclass(frozen=True, slots=True)
class Verdict:
    """``strong`` when the document may be applied without asking; ``doubt`` says why not."""

    strong: bool
    doubt: DoubtfulMatch | None = None


def _fold(value: str) -> str:
    """Folded (case and accents) with one space between words: names compare as typed."""
    return " ".join(fold(value).split())


def _index_key(index: str) -> str:
    return index.replace(" ", "").casefold()


def _shares_person(document: ParsedDocument, evidence: CaseEvidence) -> bool:
    stored = [_fold(name) for name in evidence.persons]
    for person in document.persons:
        name = _fold(person.name)
        if not name:
            continue
        for other in stored:
            if name == other or (
                min(len(name), len(other)) >= 8 and (name in other or other in name)
            ):
                return True
    return False


def judge(document: ParsedDocument, evidence: CaseEvidence, link_matches: bool) -> Verdict:
    """How strongly ``document`` is tied to the stored case described by ``evidence``."""
    from app.importing.countries import country_from_index

    own_index = document.ai_index and _index_key(document.ai_index) in {
        _index_key(index) for index in evidence.indexes
    }
    if own_index:
        return Verdict(True)
    if link_matches:
        return Verdict(True)
    same_number = bool(document.ua_number) and document.ua_number == evidence.ua_number
    country = document.country or (
        country_from_index(document.ai_index) if document.ai_index else None
    )
    if country and evidence.country and _fold(country) != _fold(evidence.country):
        doubt = DoubtfulMatch(
            MatchDoubt.OTHER_COUNTRY, evidence.ua_number, country, evidence.country
        )
        return Verdict(False, doubt)
    if not same_number:
        return Verdict(False, DoubtfulMatch(MatchDoubt.OTHER_NUMBER, evidence.ua_number))
    if country and evidence.country:
        return Verdict(True)
    if _shares_person(document, evidence):
        return Verdict(True)
    return Verdict(False, DoubtfulMatch(MatchDoubt.NUMBER_ONLY, evidence.ua_number))


def _dates(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def changes(document: ParsedDocument, evidence: CaseEvidence) -> tuple[FieldChange, ...]:
    """What applying ``document`` would change on the case (the fields a user recognises)."""
    found: list[FieldChange] = []
    if document.title and document.title != evidence.title:
        found.append(FieldChange("title", evidence.title, document.title))
    if document.country and _fold(document.country) != _fold(evidence.country):
        found.append(FieldChange("country", evidence.country, document.country))
    if document.kind is OutputKind.FINAL and evidence.status != "closed":
        found.append(FieldChange("status", evidence.status, "closed"))
    if document.deadline and document.deadline != evidence.deadline:
        found.append(FieldChange("deadline", _dates(evidence.deadline), _dates(document.deadline)))
    known = {_fold(name) for name in evidence.persons}
    added = [p.name for p in document.persons if _fold(p.name) not in known]
    if added:
        found.append(FieldChange("persons", ", ".join(evidence.persons), ", ".join(added)))
    officials = [official_words(t.title, t.name) for t in document.targets]
    if (
        officials
        and document.kind is not OutputKind.FINAL
        and officials != list(evidence.officials)
    ):
        found.append(FieldChange("officials", "; ".join(evidence.officials), "; ".join(officials)))
    return tuple(found)
