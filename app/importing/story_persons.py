"""Persons named only in the story (layouts without a name block): repeated capitalised runs."""

from __future__ import annotations

import re
from collections import Counter

from app.domain.model import Person
from app.importing.countries import canonical_country
from app.importing.document import Document
from app.importing.names import NAME_PARTICLES, _has_office_word
from app.importing.normalize import fold
from app.importing.persons import pronouns_in
from app.importing.vocabulary import ROLE_NOUNS, words

_CAPITALISED_RUN = re.compile(
    r"(?:(?:\b(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)-)?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"(?:[ \t]+|(?=[^\w\s])|$)|\b(?:"
    + "|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True))
    + r")\s+(?=[A-ZÀ-ÖØ-Þ]))+"
)
_GROUP_BEFORE = re.compile(
    r"\b(?:group|grupo|groupe|gruppe|gruppierung|militia|milicia|milice|miliz|cartel|cártel|"
    r"gang|pandilla|bande|movement|movimiento|mouvement|bewegung|organi[sz]ation|organización|"
    # a newspaper, a radio or television station, a news site: a name, but a medium's
    r"newspaper|radio|station|channel|magazine|outlets?|periódico|diario|emisora|revista|"
    r"canal|journal|hebdomadaire|chaîne|Zeitung|Sender|Radiosender|jornal)"
    r"\s+(?:armad[oa]s?|armée?s?|criminal|criminel(?:le)?|paramilitar|paramilitaire|"
    r"paramilitary|armed)?\s*(?:called|named|known as|llamad[oa]|denominad[oa]|"
    r"autodenominad[oa]|appelée?|nommée?|namens)?\s*[\"“«]?\s*$",
    re.I,
)
# "in Recreio dos Bandeirantes, ": a place of one word or more (with "dos", "de la"), a comma
_TOWN_COMMA = re.compile(
    r"\b(?:in|at|near|en|à|aus|im|em|no|na|de)\s+([A-ZÀ-ÖØ-Þ][^\W\d_]+"
    r"(?:\s+(?:(?:de|da|do|das|dos|del|de la|la|el)\s+)?[A-ZÀ-ÖØ-Þ][^\W\d_]+){0,3}),\s+$"
)


def _in_a_town_before(before: str) -> bool:
    """``… in Recreio dos Bandeirantes, `` before a run: the run is the town's region. After a
    country ("the Commissioner in Honduras, Dr Name") a name may follow."""
    town = _TOWN_COMMA.search(before[-60:] + " ")
    return town is not None and not canonical_country(town.group(1))


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|en|à|aus|im|in der|nach|em|no|na)\s+|"
    # an administrative area's noun before its name: "in der Provinz Ha Tinh", "province of X"
    r"\b(?:province|provincia|provinz|prov[íi]ncia|district|distrito|bezirk|region|región|"
    r"r[ée]gion|gebiet|governorate|gouvernorat|county|comarca|departamento|d[ée]partement|"
    r"municipio|munic[íi]pio|municipality|landkreis|prefecture|pr[ée]fecture)"
    r"(?:\s+(?:of|de|du|de la|del|do|da))?\s+)$",
    re.I,
)
# The same noun after the name: "in Ha Tinh province", "Kailali district".
_AREA_AFTER = re.compile(
    r"\s+(?:province|district|region|governorate|county|prefecture|provinz|bezirk)\b", re.I
)


def narrative_persons(
    doc: Document, summary: str, exclude: set[str], headline: str = ""
) -> list[Person]:
    """Persons named in the summary and repeated in the text (layouts without a name block);
    the headline does not count as a repetition."""
    flat = doc.flat_body.replace(headline, " ", 1) if headline else doc.flat_body
    candidates: Counter[str] = Counter()
    for match in _CAPITALISED_RUN.finditer(summary):
        all_words = match.group(0).split()
        all_words[-1] = _POSSESSIVE.sub("", all_words[-1])  # "Jordan Brown's appeal"
        if _has_office_word(all_words[-1]) or _is_organisation(all_words):
            continue  # "Official Secrets Act", "Los Centinelas del Cauca": not a person
        if _ACRONYM_AFTER.match(summary, match.end()):
            continue  # "Delincuencia Organizada (SEIDO)": a body named with its acronym
        noun_position = summary[: match.start()].rstrip()[-1:].islower()
        for part in _coordinated(all_words):
            part = _drop_leading_roles(part, noun_position, keep=5)
            for size in range(2, min(5, len(part)) + 1):
                for start in range(len(part) - size + 1):
                    run = part[start : start + size]
                    if fold(run[0]) in NAME_PARTICLES or fold(run[-1]) in NAME_PARTICLES:
                        continue
                    if fold(run[0]) in _NOUN_ARTICLES:
                        continue  # "Die Bloggerin": a noun, never a name
                    if fold(run[0]) in _PREPOSITIONS:
                        continue  # "On January 29th": a sentence's opening, never a name
                    candidates[" ".join(run)] = 0
    rulers: list[str] = []
    for span in list(candidates):
        if _has_office_word(span) or _of_a_country(span) or _excluded(span, exclude):
            del candidates[span]
            continue
        spans = _mentions(span, flat)
        occurrences = [start for start, _end in spans]
        located = sum(
            1
            for start, end in spans
            if _LOCATIVE.search(flat[max(0, start - 24) : start])
            or _AREA_AFTER.match(flat, end, end + 16)
        )
        # A street (a house number follows) or a group ("the armed group …") is no person.
        located += sum(1 for _start, end in spans if _NUMBER_AHEAD.match(flat[end : end + 16]))
        if spans and all(
            _HEAD_OF_STATE_BEFORE.search(flat, max(0, start - 30), start) for start, _ in spans
        ):
            rulers.append(span)  # "a critic of President Rodrigo Roe": the head of state
            del candidates[span]
            continue
        grouped = any(_GROUP_BEFORE.search(flat[max(0, start - 60) : start]) for start, _ in spans)
        # "en Cobán, Alta Verapaz, …": the region after a town, named where a place is named
        grouped = grouped or any(
            _TOWN_COMMA.search(flat[max(0, start - 40) : start]) for start, _ in spans
        )
        if grouped or located * 2 > len(occurrences) or (located and len(occurrences) == 1):
            del candidates[span]
            continue
        candidates[span] = len(occurrences)
    for span in list(candidates):
        if any(span in ruler for ruler in rulers):
            del candidates[span]  # "Rodrigo Roe" of "President Rodrigo Roe"'s name
    chosen: list[str] = []
    top = max(candidates.values(), default=0)
    for span, count in sorted(candidates.items(), key=lambda item: (-item[1], -len(item[0]))):
        if count < 2 or count * 2 < top:
            break
        if any(span in other or other in span for other in chosen):
            continue
        if chosen and _always_overlaps(span, chosen, flat):
            continue  # "Sicherheit von Teodoro Hernández" around "Teodoro Hernández Solís"
        chosen.append(span)
    if not chosen:
        chosen = _first_named(summary, exclude)
    chosen = [_completed(_whole_name(name, candidates), candidates, flat) for name in chosen]
    lists = _name_lists(flat) if chosen else []
    for name in list(chosen):
        for partner in _partners(name, flat, lists):
            if fold(partner) not in exclude and all(
                partner not in other and other not in partner for other in chosen
            ):
                chosen.append(partner)
    chosen = [_completed(_whole_name(name, candidates), candidates, flat) for name in chosen]
    chosen.sort(key=lambda name: _first_position(name, flat))
    return [Person(name=name, pronouns=_pronouns_after(name, flat)) for name in chosen]


def _excluded(span: str, exclude: set[str]) -> bool:
    """The span is a name to leave out, or part of one ("Fahad al-Qahtani" of "Maha Fahad
    al-Qahtani")."""
    folded = fold(span)
    return any(re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", name) for name in exclude)


# "Three Rohingya village elders", "Deux journalistes": a number opens a group, not a name.
_NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve dos tres cuatro cinco seis "
    "siete ocho nueve diez deux trois quatre cinq sept huit neuf dix zwei drei vier fünf "
    "sechs sieben acht neun zehn duas dois quatro"
)


def _pronouns_after(name: str, text: str) -> str | None:
    """The pronouns printed in brackets after the name ("Rosa Quispe (ella)"), if any."""
    found = re.search(rf"(?<!\w){re.escape(name)}\s*(\([^()]{{1,30}}\))", text)
    return pronouns_in(found.group(1)) if found else None


_NOUN_ARTICLES = words("der die das dem den des ein eine einer the a an")
# Prepositions a sentence opens with before a capitalised month or place ("On January 29th").
_PREPOSITIONS = words(
    "on in at by from since until after before during am im seit vom bis desde hasta dans depuis"
)


# A house number after a street's name; not an age ("Yander Pérez Lugo 23 éves", "Ana Roe,
# 34 years old", "Jan Kowalski, lat 41").
_NUMBER_AHEAD = re.compile(
    r"\s*\d(?!\d?\s*(?:éves|years?\b|-year|ans\b|años\b|anos\b|Jahre|jährig|yaşında|let\b|lat\b))"
)


def _is_word_character(text: str, at: int) -> bool:
    """``\\w`` of a pattern: a letter, a digit or an underscore (False outside the text)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _mentions(name: str, flat: str) -> list[tuple[int, int]]:
    """Where ``name`` is printed as whole words: the spans of the pattern
    ``(?<!\\w)name(?!\\w)``'s matches, found with ``str.find`` (no pattern made per name)."""
    found: list[tuple[int, int]] = []
    at = flat.find(name)
    while at >= 0 and name:
        end = at + len(name)
        if _is_word_character(flat, at - 1) or _is_word_character(flat, end):
            at = flat.find(name, at + 1)
            continue
        found.append((at, end))
        at = flat.find(name, end)
    return found


def _always_overlaps(span: str, chosen: list[str], flat: str) -> bool:
    """Every mention of ``span`` runs into a mention of a name already chosen: a run that
    straddles a name, not another person."""
    taken = [mention for name in chosen for mention in _mentions(name, flat)]
    own = _mentions(span, flat)
    return bool(own) and all(
        any(start < end2 and start2 < end for start2, end2 in taken) for start, end in own
    )


def _whole_name(name: str, candidates: Counter[str]) -> str:
    """The name as first printed in full: ``Elvin Rasim oghlu Qasımlı`` for ``Elvin Qasımlı``
    (the same first and last word, more in between)."""
    first, last = name.split()[0], name.split()[-1]
    longer = [
        span
        for span in candidates
        if len(span) > len(name) and span.split()[0] == first and span.split()[-1] == last
    ]
    return max(longer, key=len) if longer else name


# The endings that make a country's name its people's adjective: "Sri Lankan", "Egyptian",
# "Sudanese", "Omani", "Kurdish" (the country's name before the ending).
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


def _of_a_country(span: str) -> bool:
    """A country's name or its adjective ("Sri Lankan student leaders"): never a person."""
    if canonical_country(span):
        return True
    return any(
        span.endswith(ending) and canonical_country(span[: -len(ending)])
        for ending in _DEMONYM_ENDINGS
    )


# A capitalised word right after a mention: the name printed goes on.
_NAME_GOES_ON = re.compile(r"\s[A-ZÀ-ÖØ-Þ]")


def _completed(name: str, candidates: Counter[str], flat: str) -> str:
    """A name never printed alone is the start of a longer one: "Alaa Abdel" of "Alaa Abdel
    Fattah" (spelled "Fatah" further on), each spelling printed once. The longer name as first
    printed is the person's."""
    longer = [span for span in candidates if span.startswith(name + " ")]
    mentions = _mentions(name, flat)
    if not longer or not mentions:
        return name
    first = min(longer, key=lambda span: (_first_position(span, flat), -len(span)))
    if (
        _first_position(first, flat) == _first_position(name, flat)
        and len(_mentions(first, flat)) >= 2
    ):
        return first  # "Rosario Huayanca Zapata" first and again, "Rosario Huayanca" once later
    if any(not _NAME_GOES_ON.match(flat, end) for _start, end in mentions):
        return name
    return min(longer, key=lambda span: (_first_position(span, flat), -len(span)))


# A head of state's title right before every mention of a name: the country's ruler, never the
# person at risk (unless "former"). Written in the languages of the UAs.
_HEAD_OF_STATE_BEFORE = re.compile(
    r"(?<![Ff]ormer )(?<!ex-)(?<!Ex-)\b(?:President|Prime Minister|King|Queen|Emir|Sultan|Crown Prince|"
    r"Presidente|Président|Präsident|Premier ministre|Primer Ministro|Rey|Roi|König)\s+$"
)
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZÀ-ÖØ-Þ]{2,8}\)")
_CONJUNCTIONS = words("and und et y e")
# A run that opens with an article names a group, a place or a body ("Los Centinelas del
# Cauca", "La Familia del Bajío", "The Sahel Front"), never a person.
_GROUP_ARTICLES = words("the los las les la")


def _is_organisation(run: list[str]) -> bool:
    return len(run) >= 2 and fold(run[0]) in _GROUP_ARTICLES


def _coordinated(run: list[str]) -> list[list[str]]:
    """``Gerardo Ruiz y Lucía Olvera`` -> both names; ``Ortega y Gasset`` stays whole."""
    for i, word in enumerate(run):
        if fold(word) in _CONJUNCTIONS and i >= 2 and len(run) - i - 1 >= 2:
            return [run[:i], *_coordinated(run[i + 1 :])]
    return [run]


_NAME_RUN = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\s+(?:(?:{particles})\s+)?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*){{1,4}}".format(
    particles="|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True))
)


_LIST_WORD = r"(?:(?:al|el|ad|as|ash|at|az|ar|an)-)?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*"
_LIST_NAME = r"{word}(?:\s+(?:(?:{particles})\s+)?{word}){{1,4}}".format(
    word=_LIST_WORD,
    particles="|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True)),
)
# "A, B, C and D": a list of three or more names.
_NAME_LIST = re.compile(
    rf"{_LIST_NAME}(?:\s*,\s*{_LIST_NAME})+\s*,?\s+(?:and|und|et|y|e)\s+{_LIST_NAME}"
)


def _name_lists(flat: str) -> list[tuple[int, list[str]]]:
    """Each list of three or more names in the text (``A, B, C and D``): where it starts, and
    its names. Found once for all the chosen persons."""
    return [
        (
            match.start(),
            [
                item.strip()
                for item in re.split(
                    r"\s*,\s*(?:(?:and|und|et|y|e)\s+)?|\s+(?:and|und|et|y|e)\s+",
                    match.group(0),
                )
                if item.strip()
            ],
        )
        for match in _NAME_LIST.finditer(flat)
    ]


def _listed_with(name: str, flat: str, lists: list[tuple[int, list[str]]]) -> list[str]:
    """The other names of a list that holds the chosen person's: ``A, B, C and D``."""
    found: list[str] = []
    for start, items in lists:
        if name not in items and not any(item.endswith(" " + name) for item in items):
            continue
        if _LOCATIVE.search(flat[max(0, start - 12) : start]):
            items = items[1:]  # "elders from Sample Creek, A, B and C": a place opens the list
        for item in items:
            words = _drop_leading_roles(item.split(), True)
            partner = " ".join(words)
            if (
                len(words) >= 2
                and partner != name
                and not item.endswith(" " + name)
                # a family name may be an office's word ("Nur Kamal Sultan") in a list of names
                and not _has_office_word(" ".join(words[:-1] if len(words) >= 3 else words))
                and not canonical_country(partner)
                and partner not in found
            ):
                found.append(partner)
    return found


# Words that tell a Dutch text ("het", "een", "van de"), where "en" is "and".
_DUTCH_WORDS = (" het ", " een ", " van de ", " zijn ", " werd ")


def _partners(name: str, flat: str, lists: list[tuple[int, list[str]]]) -> list[str]:
    """Names joined to a chosen person by "and"/"und"/"et"/"y": ``Sanjar X und Bekzod X``,
    and the other names of a list that holds it."""
    # Dutch joins two names with "en" (a preposition in French and Spanish: not there).
    dutch = any(word in flat for word in _DUTCH_WORDS)
    joined = r"\s*,?\s+(?:and|und|et|y|e|en)\s+" if dutch else r"\s*,?\s+(?:and|und|et|y|e)\s+"
    found: list[str] = _listed_with(name, flat, lists)
    after = re.compile(rf"(?<!\w){re.escape(name)}{joined}({_NAME_RUN})")
    # "Name, and the Deputy Commissioner, Other Name, have received …": the second person's
    # office set before the name, between commas.
    after_office = re.compile(
        rf"(?<!\w){re.escape(name)}{joined}(?:the|his|her|their|la|el|le|die|der|o|a)\s+"
        rf"(?:[^\W\d_][\w-]*\s+){{0,4}}?[^\W\d_][\w-]*\s*,\s+({_NAME_RUN})"
    )
    # "Name y el padre Other Name": a word of what the second person is, in lower case.
    after_role = re.compile(
        rf"(?<!\w){re.escape(name)}{joined}(?:the|his|her|la|el|le|o|a)\s+"
        rf"((?:[a-zà-öø-ÿ][\w-]*\s+){{1,2}})({_NAME_RUN})"
    )
    patterns = [after, after_office]
    for match in after_role.finditer(flat):
        if not _has_office_word(match.group(1)):
            patterns.append(re.compile(rf"(?<!\w)({re.escape(match.group(2))})"))
    # A name before "and <name>" is looked for only where "and <name>" is printed (the
    # pattern that opens with any name tries every capital letter of the text).
    if re.search(rf"(?:and|und|et|y|e|en)\s+{re.escape(name)}(?!\w)", flat):
        patterns.append(re.compile(rf"({_NAME_RUN}){joined}{re.escape(name)}(?!\w)"))
    for pattern in patterns:
        for match in pattern.finditer(flat):
            words = _drop_leading_roles(match.group(1).split(), True)
            words = [w for w in words if fold(w) not in _CONJUNCTIONS] if len(words) > 2 else words
            partner = " ".join(words)
            if (
                len(words) >= 2
                and not _has_office_word(partner)
                and not canonical_country(partner)
                and not _is_organisation(match.group(1).split())
                and partner != name
                and partner not in found
            ):
                found.append(partner)
    return found


def _first_position(name: str, flat: str) -> int:
    position = flat.find(name)
    return position if position >= 0 else len(flat)


_ROLES = frozenset(fold(word) for word in ROLE_NOUNS)
_ARTICLES = words("the a an der die das dem den des ein eine einer el la los las le les un une")
# A capitalised role noun before a name (German nouns, or an English one opening the sentence).
_ROLE_NOUN = re.compile(
    r"^(?=[^\W\d_]{7,}$)[^\W\d_]+(?:in|innen|er|ist|ent|ant|eur|euse|ling|or|ora|ero|era|ista|"
    r"ende|enden)$",  # "Gewerkschaftsvorsitzende"
    re.I,
)


def _drop_leading_roles(words: list[str], noun_position: bool, keep: int = 5) -> list[str]:
    """``Der Student Luis Beispiel`` -> ``Luis Beispiel``; a name keeps at least two words.

    A role noun is dropped only where a noun stands: after an article or a lower-case word.
    """
    after_article = dropped_role = False
    while len(words) > 2:
        if fold(words[0]) in _ARTICLES:
            noun_position = after_article = True
        elif fold(words[0]) not in _ROLES and not (noun_position and _ROLE_NOUN.match(words[0])):
            break
        else:
            dropped_role = True
        words = words[1:]
    # "Der Zeuge Jehovas Dmitri Sergejewitsch Beispielow": nouns, then a name of 2-3 words;
    # "Die Bloggerin Trần Thị Ngọc Hạnh": the role noun gone, the name is whole.
    return words[-min(keep, 3) :] if after_article and not dropped_role else words[-keep:]


# "the Mother Mekong group", "el Colectivo Tierra movimiento": the run names a body.
_GROUP_AFTER = re.compile(
    r"\s*(?:group|movement|network|collective|party|union|grupo|movimiento|colectivo|partido|"
    r"groupe|mouvement|collectif|parti|Gruppe|Bewegung|beweging|groep|gruppo|movimento)\b",
    re.I,
)


def _first_named(summary: str, exclude: set[str]) -> list[str]:
    """A name mentioned once: the first capitalised run of the first sentence (``Der Student
    Luis Beispiel ist ...`` -> ``Luis Beispiel``)."""
    first_sentence = re.split(r"(?<=[.!?])\s", summary, maxsplit=1)[0]
    for match in _CAPITALISED_RUN.finditer(first_sentence):
        before = first_sentence[: match.start()].rstrip()
        if _is_organisation(match.group(0).split()):
            continue
        first = _coordinated(match.group(0).split())[0]  # its partner is found afterwards
        words = _drop_leading_roles(first, before[-1:].islower())
        while words and before[-1:].islower() and words[0] in NAME_PARTICLES:
            words = words[1:]  # "la condamnation à mort de Luc Ambara": "de" is no name's
        span = " ".join(words)
        if (
            len(words) < 2
            or _has_office_word(span)
            or canonical_country(span)
            or _excluded(span, exclude)
            or fold(words[0]) in _NUMBER_WORDS
            or fold(words[0]) in _PREPOSITIONS  # "On January 29th, …"
            or _LOCATIVE.search(before[-12:] + " ")
            or _in_a_town_before(before)  # "in a town, Rio de Janeiro": its region
            or _GROUP_AFTER.match(first_sentence, match.end())
        ):
            continue
        if fold(words[0]) in NAME_PARTICLES or match.start() == 0 and len(words) < 2:
            continue
        return [span]
    return []
