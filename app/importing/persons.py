"""The people a UA is about: labelled name lists, old country+names columns, or the narrative."""

from __future__ import annotations

import re
from collections import Counter

from app.domain.model import Person
from app.importing.countries import canonical_country
from app.importing.document import Document, is_id_line
from app.importing.names import NAME_PARTICLES, _has_office_word
from app.importing.normalize import fold

_PRONOUN_WORDS = {
    "she", "her", "hers", "he", "him", "his", "they", "them", "their", "theirs", "ze", "zir", "xe",
    "él", "ella", "elle", "elles", "il", "ils", "iel", "elle/il", "ellx", "sie", "er", "ihr",
    "ele", "dela", "dele", "lui", "ellos", "ellas",
}  # fmt: skip
_FOLDED_PRONOUNS = frozenset(fold(word) for word in _PRONOUN_WORDS)
_LIST_LABEL = re.compile(
    r"^\s*(?:NAME AND (?:PREFERRED )?PRONOUNS?|NOMBRE Y PRONOMBRE|NOM ET PRONOM|NOMBRES? Y PRONOMBRES?|"
    r"NOMS? ET PRONOMS?|Names?|Nombres?|Noms?|New names?|Nuevos nombres|Nouveaux noms)\s*:\s*(.*)$",
    re.I,
)
_ANY_LABEL = re.compile(r"^\s*[^\W\d_][^:.\n]{1,40}\s?:")
_TRAILING_DROP = re.compile(
    r"\s*(?:[-–—]\s*(?:released|freed|liberad[oa]s?|libéré(?:e|s|es)?|freigelassen)\b.*|"
    r",?\s+and\s+(?:\w+\s+){0,3}(?:other|others)\b.*|,?\s+y\s+(?:otr[oa]s)\b.*|"
    r",?\s+et\s+(?:\w+\s+)?autres\b.*)$",
    re.I,
)


def split_person_list(value: str) -> list[Person]:
    """``A (she/her), B (he/him)`` / ``A (f), B (m)`` / ``A (they/them) and B`` -> persons."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in ",;":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    pieces: list[str] = []
    for part in parts:
        pieces.extend(_split_conjunction(part))
    persons: list[Person] = []
    for piece in pieces:
        person = _person_from_piece(piece)
        if person and all(p.name != person.name for p in persons):
            persons.append(person)
    return persons


def _split_conjunction(part: str) -> list[str]:
    match = re.search(r"\)\s+(?:and|y|et|e|und)\s+", part)
    if match:
        return [part[: match.start() + 1], *_split_conjunction(part[match.end() :])]
    match = re.search(r"\s+(?:and|y|et|und)\s+", part)
    if match:
        left, right = part[: match.start()], part[match.end() :]
        if _all_capitalised(left) and _all_capitalised(right):
            return [left, right]
        if _all_capitalised(left) and len(left.split()) >= 2 and right[:1].islower():
            return [left]  # "Name and staff of the shelter", "Name and five other villagers"
    return [part]


def _all_capitalised(text: str) -> bool:
    words = re.sub(r"\([^)]*\)", "", text).split()
    return bool(words) and all(w[0].isupper() or fold(w) in NAME_PARTICLES for w in words)


def _person_from_piece(piece: str) -> Person | None:
    piece = _TRAILING_DROP.sub("", piece.strip())
    pronouns = None
    for bracket in re.findall(r"\(([^)]*)\)", piece):
        words = [w for w in re.split(r"[/,\s]+", bracket.strip()) if w]
        connectors = {"y", "and", "et", "und", "e", "o", "or", "ou", "oder"}
        named = [w for w in words if fold(w) not in connectors]
        if named and all(fold(w) in _FOLDED_PRONOUNS for w in named):
            pronouns = bracket.strip()
    name = re.sub(r"\([^)]*\)", "", piece)
    name = re.split(r",\s*|\s+-\s+", name)[0]
    name = re.sub(r"\s+", " ", name).strip(" .;:-")
    if not name or len(name) > 80 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return None
    return Person(name=name, pronouns=pronouns)


def labelled_persons(doc: Document) -> list[Person]:
    """Persons from ``NAME AND PRONOUN:``, ``Names:``, ``Nombre:``, ``Noms :`` lines."""
    persons: list[Person] = []
    lines = doc.lines
    for i, line in enumerate(lines):
        match = _LIST_LABEL.match(line)
        if match and match.group(1).strip():
            value = match.group(1)
            for following in lines[i + 1 : i + 4]:
                if not following.strip() or _ANY_LABEL.match(following) or is_id_line(following):
                    break
                value += " " + following.strip()
            for person in split_person_list(value):
                if all(p.name != person.name for p in persons):
                    persons.append(person)
    return persons


_COLUMN_LINE = re.compile(r"^([A-Z][A-Z .'()-]+?|New names?:|Nuevos nombres:)\s{2,}(\S.*)$")
_CONTINUATION = re.compile(r"^\s{6,}(\S.*)$")


def column_persons(doc: Document) -> list[Person]:
    """1990s/2000s block: ``TURKEY          Name (m), aged 24, farmer`` plus indented lines."""
    persons: list[Person] = []
    in_block = False
    for line in doc.body_lines:
        head = _COLUMN_LINE.match(line)
        if head and (
            canonical_country(head.group(1)) or head.group(1).lower().startswith("new name")
        ):
            in_block = True
            entries = [head.group(2)]
        elif (
            line.strip().isupper() and canonical_country(line.strip()) and not line.startswith(" ")
        ):
            in_block = True  # the country alone, names on the indented lines below
            continue
        elif in_block and _CONTINUATION.match(line):
            entries = [_CONTINUATION.match(line).group(1)]  # type: ignore[union-attr]
        else:
            if in_block and not line.strip():
                in_block = False
            continue
        for entry in entries:
            person = _person_from_piece(entry)
            if person and all(p.name != person.name for p in persons):
                persons.append(person)
    return persons


_CAPITALISED_RUN = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*(?:[ \t]+|(?=[^\w\s])|$)|\b(?:"
    + "|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True))
    + r")\s+(?=[A-ZÀ-ÖØ-Þ]))+"
)
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|en|à|aus|im|in der|nach|em|no|na)\s+)$", re.I)


def narrative_persons(doc: Document, summary: str, exclude: set[str]) -> list[Person]:
    """Persons named in the summary and repeated in the text (layouts without a name block)."""
    flat = doc.flat_body
    candidates: Counter[str] = Counter()
    for match in _CAPITALISED_RUN.finditer(summary):
        words = match.group(0).split()
        if _has_office_word(words[-1]):
            continue  # "Official Secrets Act", "State Security Court": an institution, not a name
        noun_position = summary[: match.start()].rstrip()[-1:].islower()
        words = _drop_leading_roles(words, noun_position, keep=5)
        for size in range(2, min(5, len(words)) + 1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if fold(span[0]) in NAME_PARTICLES or fold(span[-1]) in NAME_PARTICLES:
                    continue
                candidates[" ".join(span)] = 0
    for span in list(candidates):
        if _has_office_word(span) or canonical_country(span) or fold(span) in exclude:
            del candidates[span]
            continue
        occurrences = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(span)}(?!\w)", flat)]
        located = sum(1 for pos in occurrences if _LOCATIVE.search(flat[max(0, pos - 12) : pos]))
        if located * 2 > len(occurrences) or (located and len(occurrences) == 1):
            del candidates[span]
            continue
        candidates[span] = len(occurrences)
    chosen: list[str] = []
    top = max(candidates.values(), default=0)
    for span, count in sorted(candidates.items(), key=lambda item: (-item[1], -len(item[0]))):
        if count < 2 or count * 2 < top:
            break
        if any(span in other or other in span for other in chosen):
            continue
        chosen.append(span)
    if not chosen:
        chosen = _first_named(summary, exclude)
    return [Person(name=name) for name in chosen]


_ARTICLES = {
    "the",
    "a",
    "an",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "el",
    "la",
    "los",
    "las",
    "le",
    "les",
    "un",
    "une",
}
# A capitalised role noun before a name (German nouns, or an English one opening the sentence).
_ROLE_NOUN = re.compile(
    r"^(?=[^\W\d_]{7,}$)[^\W\d_]+(?:in|innen|er|ist|ent|ant|eur|euse|ling|or|ora|ero|era|ista)$",
    re.I,
)


def _drop_leading_roles(words: list[str], noun_position: bool, keep: int = 5) -> list[str]:
    """``Der Student Luis Beispiel`` -> ``Luis Beispiel``; a name keeps at least two words.

    A role noun is dropped only where a noun stands: after an article or a lower-case word.
    """
    while len(words) > 2:
        if fold(words[0]) in _ARTICLES:
            noun_position = True
        elif not (noun_position and _ROLE_NOUN.match(words[0])):
            break
        words = words[1:]
    return words[-keep:]


def _first_named(summary: str, exclude: set[str]) -> list[str]:
    """A name mentioned once: the first capitalised run of the first sentence (``Der Student
    Luis Beispiel ist ...`` -> ``Luis Beispiel``)."""
    first_sentence = re.split(r"(?<=[.!?])\s", summary, maxsplit=1)[0]
    for match in _CAPITALISED_RUN.finditer(first_sentence):
        before = first_sentence[: match.start()].rstrip()
        words = _drop_leading_roles(match.group(0).split(), before[-1:].islower())
        span = " ".join(words)
        if (
            len(words) < 2
            or _has_office_word(span)
            or canonical_country(span)
            or fold(span) in exclude
        ):
            continue
        if fold(words[0]) in NAME_PARTICLES or match.start() == 0 and len(words) < 2:
            continue
        return [span]
    return []
