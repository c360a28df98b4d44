"""Officials named only in a sentence: "supporters wrote to the Minister of X, Jane Doe",
"Schreiben Sie an den Gouverneur des Gebiets Y, Herrn John Roe", "escreveram ao Procurador-Geral
da República, …", "schreven aan de minister van Justitie, …"."""

from __future__ import annotations

import re

from app.domain.model import Target
from app.importing.names import (
    looks_like_office,
    looks_like_person_name,
    split_office_prefix,
    strip_honorifics,
)
from app.importing.normalize import fold
from app.importing.vocabulary import words

_WROTE_TO = re.compile(
    r"\b(?:(?:wrote|written|writing)(?: (?:letters|appeals|messages|e-?mails|cards))?|"
    r"sent (?:letters|appeals|messages|emails|e-mails)|appealed|"
    r"sent (?:(?:more than |over |some |about )?(?:[\d,.]+|thousands|hundreds|dozens|many)(?: of)? )?"
    r"(?:letters|appeals|messages|emails|e-mails|cards|signatures)"
    r"(?: and (?:letters|appeals|messages|emails|e-mails|cards))?|"
    r"took action[^.]{0,80}?and sent (?:letters|appeals)|"
    # a follow-up that keeps its official: "please continue to write to the Minister, X"
    r"(?:continue|keep on|keep) (?:to write|writing)(?: (?:letters|appeals|messages))?)\s+to\s+|"
    r"\b(?:called|calling) (?:on|upon)\s+|"
    r"\b(?:appeals|letters|messages|e-?mails|cards)(?: were)? sent\s+to\s+|"
    r"\b(?:ont|avaient|avait|a)\s+(?:écrit|envoyé des (?:lettres|appels|messages))\s+"
    r"(?=au\b|à\b|aux\b)|"
    r"\b(?:(?:han|habían|había|ha)\s+escrito|escribieron|enviaron (?:cartas|llamamientos)|"
    r"(?:sigan|siga|continúen|continúe)\s+escribiendo)\s+"
    r"(?=al\b|a\b)|"
    r"\bschrieben\s+(?:an\s+)?|"
    r"\b(?:schreib\w*|Appell\w*|Briefen?|Faxe|E-Mails|Luftpostbriefe|wenden Sie sich|wende dich)\b"
    r"[^.]{0,80}?\ban\s+(?=(?:den|die)\s)|"
    r"\bsich\s+an\s+(?=(?:den|die)\s)|"  # "hatten sich an den Minister …, Jane Roe, gewandt"
    r"\b(?:hatten|haben|hat)\s+an\s+(?=(?:den|die)\s)|"  # "hatten an den Minister … appelliert"
    r"\bsich\s+(?:beim|bei\s+(?:dem|der))\s+",  # "die sich beim Minister X für ihn eingesetzt"
    re.I,
)
# The same in Portuguese, Italian and Dutch, searched only in texts that hold their verbs.
_WROTE_TO_MORE = re.compile(
    _WROTE_TO.pattern + r"|\b(?:escreveram|enviaram (?:cartas|apelos))\s+(?=ao\b|à\b|aos\b|às\b)|"
    r"\b(?:hanno scritto|scrissero)\s+(?=al\b|alla\b|all['’]|ai\b)|"
    r"\bschreven\s+(?=aan\s)",
    re.I,
)
_MORE_VERBS = ("escreveram", "enviaram", "scritto", "scrissero", "schreven")
_SEGMENT_END = re.compile(
    r"\s*(?:,\s*)?\b(?:calling|urging|asking|demanding|to (?:call|urge|ask|demand)|pour|para|afin|"
    r"um\b|requesting|and called|et ont|y (?:pidieron|exigieron)|appelliert|geschrieben|gewandt|"
    r"on (?:his|her|their|its) behalf|on behalf of|in (?:his|her|their) support|"
    r"en (?:su|sus) (?:nombre|favor)|en (?:son|leur) (?:nom|faveur)|a pedir|pedindo|om|"
    r"per chiedere|chiedendo|für (?:ihn|sie|ihre|seine|die)|eingesetzt)\b|"
    r"[.;]\s",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(?:(?:and|et|y|und|e|en)\s+)?(?:(?:later|then|also|ensuite|puis|luego|después|später)\s+)?"
    r"(?:to\s+the\s+|to\s+|the\s+|au\s+|aux\s+|à\s+la\s+|à\s+l['’]|à\s+|al\s+|a\s+la\s+|"
    r"a\s+los\s+|a\s+|an\s+den\s+|an\s+die\s+|den\s+|die\s+|ao\s+|aos\s+|aan\s+de\s+|"
    r"aan\s+|alla\s+|all['’]|ai\s+)?",
    re.I,
)


def narrative_targets(flat_text: str) -> list[Target]:
    """Title and name of each official the narrative says supporters wrote to."""
    targets: list[Target] = []
    wrote = _WROTE_TO_MORE if any(verb in flat_text for verb in _MORE_VERBS) else _WROTE_TO
    for match in wrote.finditer(flat_text):
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
    """``the Minister of X, Jane Doe, and later to the Y, John Roe`` (or name first, then office)."""
    parts = [part.strip(" .;:") for part in re.split(r",\s*", segment) if part.strip(" .;:")]
    found: list[Target] = []
    title_parts: list[str] = []
    pending_name: str | None = None
    for part in parts:
        candidate = re.sub(r"\s+(?:and|y|et|und)$", "", _LEAD_IN.sub("", part)).strip()
        if looks_like_person_name(candidate):
            if pending_name:
                found.append(_target(None, pending_name))
            title = _LEAD_IN.sub("", ", ".join(title_parts)).strip()
            if title:
                found.append(_target(title, candidate))
                pending_name = None
            else:
                pending_name = candidate
            title_parts = []
        elif split_office_prefix(candidate) and not title_parts and not pending_name:
            office, name = split_office_prefix(candidate)  # type: ignore[misc]
            found.append(Target(title=office, name=strip_honorifics(name), name_as_printed=name))
        elif pending_name and re.match(r"(?:the|le|la|el|die|der)\s", part, re.I):
            found.append(_target(_LEAD_IN.sub("", part).strip(), pending_name))
            pending_name = None
        else:
            title_parts.append(part)
    if pending_name:
        found.append(_target(None, pending_name))
    return [_office_before_name(target) for target in found]


def _office_before_name(target: Target) -> Target:
    """``President Jane Example`` named without a separate office: the office is the prefix."""
    split = split_office_prefix(target.name_as_printed or "") if target.title is None else None
    if not split:
        return target
    return Target(title=split[0], name=strip_honorifics(split[1]), name_as_printed=split[1])


def _target(title: str | None, printed_name: str) -> Target:
    return Target(
        title=title or None, name=strip_honorifics(printed_name), name_as_printed=printed_name
    )


def greeted_office(letter: str) -> Target | None:
    """The official a page that holds only the model letter writes to, told by its greeting
    naming the office ("Monsieur le Procureur général," / "Dear Minister of Justice,")."""
    greeting = letter.split("\n", 1)[0].strip().rstrip(",:;!").strip()
    words = greeting.split()
    start = 0
    while start < len(words) and fold(words[start]) in _GREETING_COURTESY:
        start += 1
    office = words[start:]
    if not office or len(office) > 5 or start == 0:
        return None
    last = office[-1].strip(".")
    if not looks_like_office(" ".join(office)) or not (
        last[:1].islower() or looks_like_office(last)
    ):
        return None  # "Dear Secretary Example": the name closes the greeting
    return Target(title=" ".join(office), name=None, salutation=greeting)


# The courtesy opening a greeting before the office ("Dear", "Sehr geehrter Herr", "Monsieur le").
_GREETING_COURTESY = words(
    "dear sehr geehrte geehrter herr frau monsieur madame le la senor senora estimado estimada "
    "senhor senhora excelentisimo excelentisima"
)
