"""Officials named only in the story of a final output: "supporters wrote to the Minister of X, Jane Doe"."""

from __future__ import annotations

import re

from app.domain.model import Target
from app.importing.names import looks_like_person_name, strip_honorifics

_WROTE_TO = re.compile(
    r"\b(?:wrote|written|writing|sent (?:letters|appeals|messages|emails|e-mails)|appealed|"
    r"sent letters and emails|took action[^.]{0,80}?and sent (?:letters|appeals))\s+to\s+|"
    r"\b(?:called|calling) (?:on|upon)\s+|"
    r"\bont (?:écrit|envoyé des (?:lettres|appels|messages))\s+(?=au\b|à\b|aux\b)|"
    r"\b(?:escribieron|enviaron (?:cartas|llamamientos))\s+(?=al\b|a\b)|"
    r"\bschrieben\s+(?:an\s+)?",
    re.I,
)
_SEGMENT_END = re.compile(
    r"\s*(?:,\s*)?\b(?:calling|urging|asking|demanding|to (?:call|urge|ask|demand)|pour|para|afin|"
    r"um\b|requesting|and called|et ont|y (?:pidieron|exigieron))\b|[.;]\s",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(?:(?:and|et|y|und)\s+)?(?:(?:later|then|also|ensuite|puis|luego|después|später)\s+)?"
    r"(?:to\s+the\s+|to\s+|the\s+|au\s+|aux\s+|à\s+la\s+|à\s+l['’]|à\s+|al\s+|a\s+la\s+|"
    r"a\s+los\s+|a\s+|an\s+den\s+|an\s+die\s+|den\s+|die\s+)?",
    re.I,
)


def narrative_targets(flat_text: str) -> list[Target]:
    """Title and name of each official the narrative says supporters wrote to."""
    targets: list[Target] = []
    for match in _WROTE_TO.finditer(flat_text):
        rest = flat_text[match.end() : match.end() + 400]
        end = _SEGMENT_END.search(rest)
        segment = rest[: end.start()] if end else rest
        targets.extend(_officials_in(segment))
    unique: list[Target] = []
    for target in targets:
        if all(t.name != target.name for t in unique):
            unique.append(target)
    return unique


def _officials_in(segment: str) -> list[Target]:
    parts = [part.strip() for part in re.split(r",\s*", segment) if part.strip()]
    found: list[Target] = []
    title_parts: list[str] = []
    for part in parts:
        candidate = re.sub(r"\s+(?:and|y|et|und)$", "", part)
        if title_parts and looks_like_person_name(candidate):
            title = _LEAD_IN.sub("", ", ".join(title_parts)).strip()
            found.append(
                Target(
                    title=title or None, name=strip_honorifics(candidate), name_as_printed=candidate
                )
            )
            title_parts = []
        else:
            title_parts.append(part)
    return found
