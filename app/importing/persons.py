"""The people a UA is about: labelled name lists, old country+names columns, or the narrative."""

from __future__ import annotations

import re

from app.domain.model import Person
from app.importing.countries import canonical_country
from app.importing.document import Document, is_id_line
from app.importing.names import NAME_PARTICLES, looks_like_person_name
from app.importing.normalize import fold

_PRONOUN_WORDS = {
    "she", "her", "hers", "he", "him", "his", "they", "them", "their", "theirs", "ze", "zir", "xe",
    "él", "ella", "elle", "elles", "il", "ils", "iel", "elle/il", "ellx", "sie", "er", "ihr",
    "ele", "dela", "dele", "lui", "ellos", "ellas", "ihm", "ihn", "ela", "lei", "loro", "hij",
    "hem", "zij", "haar", "hen",
    # the grammatical gender a UA asks for ("femenino"), and the old sex marks "(f)", "(m)"
    "femenino", "masculino", "feminino", "féminin", "masculin", "f", "m", "h",
    # the Dutch mark of a woman, "(v)" (vrouw)
    "v",
    # Arabic: he, she, they
    "هو", "هي", "هم", "هن",
    # Russian: he, she, they; the Korean marks of a woman and a man, "(여)", "(남)"
    "он", "она", "они", "여", "남",
}  # fmt: skip
_FOLDED_PRONOUNS = frozenset(fold(word) for word in _PRONOUN_WORDS)
# "New name:" in the languages of the sections: a person added to those a follow-up names
# ("Nuovo nombre:" is an Italian section's own spelling).
_ADDED_WORDS = (
    r"New names?|Nuevos nombres|Nuevo nombre|Nouveaux noms|Nouveau nom|Neuer Name|Neue Namen|"
    r"Novos? nomes?|Nuovi nomi|Nuovo nome|Nuovo nombre"
)
_LIST_LABEL = re.compile(
    r"^\s*(?:NAME AND (?:PREFERRED )?PRONOUNS?|NOMBRE Y PRONOMBRE|NOM ET PRONOM|NOMBRES? Y PRONOMBRES?|"
    r"NOMBRES? Y GÉNERO GRAMATICAL(?: PREFERIDO)?|"
    r"NOMS? ET PRONOMS?|NOMES? E PRONOMES?|NOMI? E PRONOMI?|NOME E PRONOME|"
    r"NA(?:AM|MEN) EN VOORNAAMWOORD(?:EN)?|Names?|Namen|Nombres?|Noms?|Nomes?|الاسم والضمير|"
    # Russian "name (and pronoun)", Indonesian "name (and pronoun)", Japanese "name", Korean
    # "name" and "the people concerned"
    r"ИМЯ И МЕСТОИМЕНИЕ|ИМЕНА И МЕСТОИМЕНИЯ|ИМЯ|ИМЕНА|NAMA DAN KATA GANTI|NAMA|名前|氏名|이름|대상자|"
    rf"{_ADDED_WORDS})"
    r"\s*[:：]\s*(.*)$",
    re.I,
)
# The labels that only add people to those a follow-up's story already names.
_ADDED_LABEL = re.compile(rf"^\s*(?:{_ADDED_WORDS})\s*:\s*", re.I)
# The old footer's one-letter mark for the person of the UA: "Gender m/f: f", "Sexo h/m: h",
# "Genre h/f: f" ("both" for several people, which tells nothing about one of them).
_GENDER_MARK = re.compile(
    r"\b(?:Gender m/f|Sexo h/m|Genre h/f|Geslacht m/v)\s*:\s*([mfhv])\b(?![/.])", re.I
)
_ANY_LABEL = re.compile(r"^\s*[^\W\d_][^:.\n]{1,40}\s?:")
# A line that only says the person's sex under the name ("NOM : Ana Exemple" / "FEMME"): not
# the rest of a wrapped name. Words that are also surnames ("Man", "Mann") are not listed.
_SEX_WORD_LINE = re.compile(
    r"^\s*(?:hommes?|femmes?|hombres?|mujer(?:es)?|homem|homens|mulher(?:es)?|male|female|"
    r"woman|women|masculin[eo]?|f[ée]minin[eo]?|femenin[oa]|m[äa]nnlich|weiblich|uomo|donna|"
    r"vrouw)\s*[.;]?\s*$",
    re.I,
)
_TRAILING_DROP = re.compile(
    r"\s*(?:[-–—]\s*(?:released|freed|liberad[oa]s?|libéré(?:e|s|es)?|freigelassen|vrijgelaten)\b.*|"
    r",?\s+and\s+(?:\w+\s+){0,3}(?:other|others)\b.*|,?\s+y\s+(?:otr[oa]s)\b.*|"
    r",?\s+et\s+(?:\w+\s+)?autres\b.*)$",
    re.I,
)


def split_person_list(value: str) -> list[Person]:
    """``A (she/her), B (he/him)`` / ``A (f), B (m)`` / ``A (they/them) and B`` -> persons."""
    value = value.replace("（", " (").replace("）", ")")  # full-width brackets (Japanese pages)
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
    if len(parts) > 1:
        pieces[-1:] = _last_of_a_list(pieces[-1])
    persons: list[Person] = []
    for piece in pieces:
        piece = re.sub(r"^\s*(?:and|y|et|und|e)\s+(?=[A-ZÀ-Þ])", "", piece)  # "A, B, and C"
        person = _person_from_piece(piece)
        if person is None and persons and persons[-1].pronouns is None:
            pronouns = pronouns_in(piece)  # "Ana Example, journalist (she/her)"
            if pronouns:
                persons[-1] = Person(name=persons[-1].name, pronouns=pronouns)
        elif person and all(p.name != person.name for p in persons):
            persons.append(person)
    return persons


def _split_conjunction(part: str) -> list[str]:
    match = re.search(r"\)\s+(?:and|y|et|e|und)\s+", part)
    if match:
        return [part[: match.start() + 1], *_split_conjunction(part[match.end() :])]
    # (spaces read once from the first of a run: a search from each space of a long run would
    # cost the square of its length)
    match = re.search(r"(?<!\s)\s++(?:and|y|et|und)\s+", part)
    if match:
        left, right = part[: match.start()], part[match.end() :]
        if _all_capitalised(left) and _all_capitalised(right):
            return [left, right]
        if _all_capitalised(left) and len(left.split()) >= 2 and right[:1].islower():
            return [left]  # "Name and staff of the shelter", "Name and five other villagers"
    return [part]


def _last_of_a_list(part: str) -> list[str]:
    """The last item of a list joined with "e" (Portuguese, Italian: "A, B e C Example"): two
    names of two words or more each; "e" inside one name ("Maria da Silva e Souza") keeps a
    single word after it."""
    match = re.search(r"(?<!\s)\s++e\s+(?=[A-ZÀ-Þ])", part)
    if match:
        left, right = part[: match.start()], part[match.end() :]
        if all(_all_capitalised(side) and len(side.split()) >= 2 for side in (left, right)):
            return [left, right]
    return [part]


def _all_capitalised(text: str) -> bool:
    words = re.sub(r"\([^)]*\)", "", text).split()
    return bool(words) and all(w[0].isupper() or fold(w) in NAME_PARTICLES for w in words)


_CONNECTORS = {"y", "and", "et", "und", "e", "o", "or", "ou", "oder"}


def pronouns_in(piece: str) -> str | None:
    """The bracket that holds only pronouns: ``(she/her)``, ``(ellos y ellas)``."""
    pronouns = None
    for bracket in re.findall(r"\(([^)]*)\)", piece):
        words = [w for w in re.split(r"[/,\s]+", bracket.strip()) if w]
        named = [w for w in words if fold(w) not in _CONNECTORS]
        if named and all(fold(w) in _FOLDED_PRONOUNS for w in named):
            pronouns = bracket.strip()
    return pronouns


def _person_from_piece(piece: str) -> Person | None:
    # One space for each run first: the trailing-drop pattern splits a long run of spaces in
    # every way it can, and the name keeps single spaces anyway.
    piece = _TRAILING_DROP.sub("", " ".join(piece.split()))
    pronouns = pronouns_in(piece)
    name = re.sub(r"\([^)]*\)", "", piece)
    name = re.split(r",\s*|\s+-\s+", name)[0]
    name = re.sub(r"\s+", " ", name).strip(" .;:-")
    counted = bool(_COUNTED_GROUP.match(name))
    if not name or len(name) > 80 or not (name[0].isupper() or _caseless(name[0]) or counted):
        return None
    if any(map(str.isdigit, name)) and not counted:
        return None
    return Person(name=name, pronouns=pronouns)


def _caseless(letter: str) -> bool:
    """A letter of a script without capitals (Arabic): a name may open with it."""
    return letter.isalpha() and letter.lower() == letter.upper()


# "Over 200 homeless families", "About 40 villagers", "180 International human rights monitors
# in Chiapas State": a group told by its number, and where it is.
_COUNTED_GROUP = re.compile(
    r"^(?:(?:Over|More than|About|Around|Some|At least|Nearly|Almost)\s+)?\d[\d,.]*\s+"
    r"(?:[A-Za-z-]+\s+){0,4}[a-z-]+(?:\s+(?:in|of|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?$"
)


def _is_sentence(line: str) -> bool:
    """A line of prose or a footer after a name list, not the list's wrapped tail."""
    words = line.split()
    lower = sum(1 for word in words if word[:1].islower())
    return bool(re.search(r"\b(?:UA|AU)\s*\d", line)) or (
        len(words) >= 6 and lower * 2 > len(words)
    )


def with_sex_marks_read(doc: Document, persons: list[Person], language: str) -> list[Person]:
    """Each person's sex mark as the letter "f" or "m" whatever the UA's language, and the one
    person of a UA given the mark of the footer's gender line when none was printed beside the
    name ("Name: Leyla Mammadova" ... "Gender m/f: f").

    Spanish and Portuguese UAs mark a woman "(m)" (mujer, mulher) and a man "(h)" (hombre,
    homem), French ones a man "(h)" (homme): read as English, "Felipa (m)" would be a man."""
    if len(persons) == 1 and not persons[0].pronouns:
        marks = {fold(mark) for mark in _GENDER_MARK.findall(doc.text)}
        if len(marks) == 1:
            persons = [Person(name=persons[0].name, pronouns=marks.pop())]
    woman_is_m = language in ("es", "pt") or bool(_HOMBRE_MUJER_LABEL.search(doc.text))
    marks_read = {
        "h": "m",
        "f": "f",
        "v": "f",
        "m": "f" if woman_is_m else "m",
        "여": "f",  # Korean: woman
        "남": "m",  # Korean: man
    }
    return [
        Person(name=p.name, pronouns=marks_read[mark])
        if p.pronouns and (mark := p.pronouns.strip().casefold()) in marks_read
        else p
        for p in persons
    ]


_HOMBRE_MUJER_LABEL = re.compile(r"\bSexo\s+h/m\b", re.I)


def labelled_persons(doc: Document) -> list[Person]:
    """Persons from ``NAME AND PRONOUN:``, ``Names:``, ``Nombre:``, ``Noms :`` lines."""
    persons: list[Person] = []
    lines = doc.lines
    for i, line in enumerate(lines):
        match = _LIST_LABEL.match(line)
        if match and match.group(1).strip():
            value = match.group(1)
            for following in lines[i + 1 : i + 4]:
                if (
                    not following.strip()
                    or _ANY_LABEL.match(following)
                    or is_id_line(following)
                    or _is_sentence(following)
                    or _SEX_WORD_LINE.match(following)
                ):
                    break
                value += " " + following.strip()
            for person in split_person_list(value):
                if all(p.name != person.name for p in persons):
                    persons.append(person)
    return persons


def only_added_names(doc: Document) -> bool:
    """Every name label of the document adds a name ("Neuer Name: …"): the others are in
    the story."""
    labels = [line for line in doc.lines if _LIST_LABEL.match(line)]
    return bool(labels) and all(_ADDED_LABEL.match(line) for line in labels)


def name_lines_under_headline(doc: Document, start: int) -> list[Person]:
    """German section PDFs print the people as bare lines between the headline (with its
    country and number lines) and the story: each line a name the text names again."""
    lines = doc.lines
    i = start
    while i < len(lines) and i < start + 6:
        stripped = lines[i].strip()
        skipped = is_id_line(stripped) or canonical_country(stripped) or _ANY_LABEL.match(stripped)
        if stripped and not skipped:
            break  # past the number, country and label lines: the names or the story
        i += 1
    names: list[str] = []
    while i < len(lines) and lines[i].strip() and len(names) < 9:
        names.append(lines[i].strip())
        i += 1
    after = " ".join(lines[i : i + 40])
    if not names or not all(looks_like_person_name(name) for name in names):
        return []
    if not all(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", after) for name in names):
        return []
    return [Person(name=name, pronouns=None) for name in names]


# "Ana Ejemplo (f), leader of …": a name with its sex mark opening a line of a name block.
_MARKED_NAME = re.compile(
    r"^([A-ZÀ-Þ][^\W\d_'’.-]*(?:[ '’.-]{1,2}[^\W\d_][^\W\d_'’.-]*){1,5}) ?\(([mfh])\)"
)


def marked_names_under_concern(doc: Document, start: int) -> list[Person]:
    """The name block of a list's repost that dropped the country column: under the concern
    line, each paragraph opening with a name and its sex mark ("Ana Ejemplo (f), lawyer"),
    a "New name:" label among them, up to the end of the story's first sentence."""
    persons: list[Person] = []
    for line in doc.lines[start : start + 40]:
        stripped = line.strip()
        if not stripped or (_ADDED_LABEL.match(stripped) and not _ADDED_LABEL.sub("", stripped)):
            continue
        marked = _MARKED_NAME.match(_ADDED_LABEL.sub("", stripped, count=1))
        name = marked.group(1) if marked else ""
        first = name.split(" ", 1)[0]
        if first.isupper() and canonical_country(first):
            name = name[len(first) :].strip()  # "COLOMBIA Ana Ejemplo (f)": the column's country
        if marked and looks_like_person_name(name):
            if all(p.name != name for p in persons):
                persons.append(Person(name=name, pronouns=marked.group(2)))
        elif stripped.endswith(".") and _is_sentence(stripped):
            break  # the story's first sentence ends: the block is above it
    return persons


_COUNTRY_COLON_NAME = re.compile(r"^\s*([^\W\d_][^:\n]{2,40}?)\s*:\s+(\S.{3,60}?)\s*$")


def country_and_name_line(doc: Document) -> tuple[str, Person] | None:
    """``Russland: Vera Beispielowa``: a page's line naming the country and the person
    its letter is for, the name repeated below."""
    for i, line in enumerate(doc.lines):
        match = _COUNTRY_COLON_NAME.match(line)
        if not match or not looks_like_person_name(match.group(2)):
            continue
        country = canonical_country(match.group(1))
        name = match.group(2)
        if country and name in " ".join(doc.lines[i + 1 :]):
            return country, Person(name=name, pronouns=None)
    return None


# The country may carry a colon ("TOGO:   Name (m), aged 24").
_COLUMN_LINE = re.compile(r"^([A-Z][A-Z .'()-]+?|New names?:|Nuevos nombres:):?\s{2,}(\S.*)$")
_CONTINUATION = re.compile(r"^\s{6,}(\S.*)$")
_CAPITALS_THEN_NAME = re.compile(
    r"^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}) ((?:[A-Z][a-z]|\d+ [A-Za-z])\S*(?: \S+)*)$"
)


def _one_space_column(line: str) -> re.Match[str] | None:
    """``BRAZIL Community of Restinga``: the country column's spaces lost on a web page
    (one space left), read as such when the capitals name a country and a name follows (or a
    group told by its number, ``MEXICO 180 human rights monitors``)."""
    if len(line) > 100 or _is_sentence(line):
        return None
    words = line.split(" ")
    for size in range(min(4, len(words) - 1), 0, -1):
        country = " ".join(words[:size])
        if country.isupper() and canonical_country(country):
            return _CAPITALS_THEN_NAME.match(line) if size == _caps_run(words) else None
    return None


# "GUATEMALARicardo Ejemplo, director": the country column run into the first name when a
# library page lost the column's spaces (and a tab) with the old document's layout.
_GLUED_COUNTRY = re.compile(r"^([A-Z]{3,}(?: [A-Z]{2,}){0,3})(?=[A-Z][a-z])")


def _glued_column(line: str) -> re.Match[str] | None:
    glued = _GLUED_COUNTRY.match(line)
    if not glued or len(line) > 100 or not canonical_country(glued.group(1)):
        return None
    return _CAPITALS_THEN_NAME.match(f"{glued.group(1)} {line[glued.end() :]}")


# "USA: (Texas) Name", "USA (Texas)   Name": the state in brackets after the country column.
_REGION_AFTER_COUNTRY = re.compile(
    r"^([A-Z][A-Z .'-]{1,30}?):?[ \t]+\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)[ \t]+(?=[A-Z])"
)
# "CHINA – Name (m), aged 46": a blog's dash between the country and the names, taken as the
# column's gap only before a name with its details (a comma or a bracket after it), never
# before a headline ("EGYPT – Blogger Held Without Charge").
_DASH_AFTER_CAPITALS = re.compile(
    r"^([A-Z][A-Z .'-]{0,30}?[A-Z]) [–—] (?=[A-Z][a-z][^,(–—]{0,60}[,(])"
)


def _caps_run(words: list[str]) -> int:
    count = 0
    for word in words:
        if not (word.isupper() and len(word) > 1):
            break
        count += 1
    return count


def column_persons(doc: Document) -> list[Person]:
    """1990s/2000s block: ``TURKEY          Name (m), aged 24, farmer`` plus indented lines."""
    persons: list[Person] = []
    in_block = spaces_lost = bracketed = False
    for line in doc.body_lines:
        line = _REGION_AFTER_COUNTRY.sub(r"\1   ", line, count=1)
        spaced = _COLUMN_LINE.match(line)
        head = spaced or _one_space_column(_DASH_AFTER_CAPITALS.sub(r"\1 ", line, count=1))
        head = head or _glued_column(line)
        if head and (
            canonical_country(head.group(1)) or head.group(1).lower().startswith("new name")
        ):
            in_block, spaces_lost, bracketed = True, spaced is None, False
            entries = [head.group(2)]
        elif (
            line.strip().isupper() and canonical_country(line.strip()) and not line.startswith(" ")
        ):
            # The names on the lines below, indented or not ("GUATEMALA" / "Ana Ejemplo, lawyer")
            in_block, spaces_lost, bracketed = True, True, False
            continue
        elif in_block and _CONTINUATION.match(line):
            continued = _CONTINUATION.match(line).group(1)  # type: ignore[union-attr]
            entries = [_ADDED_LABEL.sub("", continued, count=1)]  # "   New name: X (m)"
        elif in_block and (grouped := _bracketed_name(line)):
            spaces_lost = bracketed = True  # "Tomás Ejemplo   ] Human rights workers with"
            entries = [grouped]
        elif in_block and spaces_lost and _name_entry(_without_concern(line)):
            entries = [line.strip()]  # the next name, its indent lost with the column's spaces
        else:
            # A blank line ends the block, and so does the story under a one-space column;
            # the wrapped role of a bracket does not.
            in_block = (
                in_block
                and bool(line.strip())
                and (not spaces_lost or (bracketed and not _is_sentence(line)))
            )
            continue
        for entry in map(_without_concern, entries):
            entry = _COLUMN_BRACKET.sub("", entry)
            if (
                _introduces_names(entry)
                or _UNNAMED_RELATIVES.match(entry)
                or _UNNAMED_OTHERS.match(entry)
            ):
                continue
            person = _person_from_piece(entry)
            if person and all(p.name != person.name for p in persons):
                persons.append(person)
    return persons


# A name the old layouts group with others by a bracket, the shared role after it.
_BRACKETED_NAME = re.compile(r"^\s*(\S.*?)\s+\]")
# The bracket set in a column after each name of a group, the shared role beside it:
# "Ana Ejemplo   )     members of the" (a round or square bracket after two spaces or more).
_COLUMN_BRACKET = re.compile(r"\s{2,}[\])](?:\s.*)?$")


def _bracketed_name(line: str) -> str | None:
    match = _BRACKETED_NAME.match(line)
    return match.group(1) if match and looks_like_person_name(match.group(1)) else None


# "Fear for safety: Human Rights Defenders", "Extrajudicial execution: Dr. Name": a concern, then
# the people it is about (UAs of the late 1990s naming several concerns).
_CONCERN_THEN_WHO = re.compile(r"^\s*[A-Z][a-z]+(?: [a-z][a-z'’/-]*){1,4}:\s+(?=[A-Z])")


def _without_concern(entry: str) -> str:
    return _CONCERN_THEN_WHO.sub("", entry, count=1)


def _name_entry(line: str) -> bool:
    """``Julio Ejemplo MORALES RUIZ, human rights lawyer``: a name (and role) on a line of its
    own, not a line of the story."""
    stripped = line.strip()
    if not stripped or len(stripped) > 100 or _is_sentence(stripped):
        return False
    person = _person_from_piece(stripped)
    return person is not None and looks_like_person_name(person.name)


# "Her family", "his relatives", "sa famille": the people around a person, not named.
_UNNAMED_RELATIVES = re.compile(
    r"^\s*(?:and\s+)?(?:her|his|their|su|sus|sa|son|ses|leur|leurs|seine|ihre)\s+"
    r"(?:family|families|relatives|children|familia|familiares|hijos|famille|proches|enfants|"
    r"Familie|Angehörigen|Kinder)\b",
    re.I,
)


# "Other members of the union", "Otros miembros de la comunidad": the people around the named
# ones, a description rather than a person's name.
_UNNAMED_OTHERS = re.compile(
    r"^\s*(?:and\s+|y\s+|et\s+|und\s+)?(?:(?:all|the)\s+)?(?:other|others|otr[oa]s|autres|"
    r"weitere|andere)\b",
    re.I,
)


def _introduces_names(entry: str) -> bool:
    """``Eleven men held at X,`` / ``including:``: a group line above the names it lists."""
    text = entry.strip()
    if text.endswith(",") and pronouns_in(text):
        return False  # "Ali Example (m),": the first of the names, the list going on
    return text.endswith((",", ":")) or bool(
        re.match(r"^(?:including|among them|darunter|dont|entre ellos|entre ellas)\b", text, re.I)
    )


# "The detainees are:", "Son:", "Los detenidos son:", "Betroffen sind:", "Ils sont :",
# "Members of the Example Union, including:": a sentence or a group's line that ends by
# announcing the list of the people below it.
_INTRODUCES_LIST = re.compile(
    r"(?:^|\s)(?:are|were|include|including|son|fueron|incluyen|incluidos|sont|notamment|sind|"
    r"darunter|waren|são|zijn)\s?:\s*$",
    re.I,
)
_LIST_BULLET = re.compile(r"^\s*(?:[-–•▪■*·]|\d{1,2}[.)])\s*")
# What follows a listed name: ", de 44 años, secretario general", ", aged 31", " (54)".
_AFTER_LISTED_NAME = re.compile(r"\s*(?:[,(;]|\s[–-]\s).*$")


def introduced_name_list(doc: Document) -> list[Person]:
    """People listed one per line (bulleted or not, with their age or role after a comma or
    in brackets) under a sentence announcing them: "Son:", "Betroffen sind:"."""
    lines = doc.body_lines
    for i, line in enumerate(lines):
        if not _INTRODUCES_LIST.search(line):
            continue
        found: list[Person] = []
        first = i + 1
        while first < min(len(lines), i + 3) and not lines[first].strip():
            first += 1  # a blank line between the sentence and its list
        for entry in lines[first : first + 15]:
            name = _AFTER_LISTED_NAME.sub("", _LIST_BULLET.sub("", entry)).strip()
            if not entry.strip() or not 2 <= len(name.split()) <= 6:
                break
            if not looks_like_person_name(name) or canonical_country(name):
                break
            if all(fold(p.name) != fold(name) for p in found):
                found.append(Person(name=name, pronouns=pronouns_in(entry)))
        if len(found) >= 2:
            return found
    return []


# "Nine members of the Khmer Labour Rights Union (KLRU) have been held", "Onze membres de
# l’Union nationale des étudiants (UNESL) ont été arrêtés": a group named by its body.
_MEMBERS_OF = re.compile(
    r"\b(?P<members>members|membres|miembros|membros|Mitglieder|leden)\s+"
    r"(?P<of>of the|of|de la|de l['’]|du|des|del|de los|de las|de|der|des|da|do|dos|das|van de|van)\s*"
    r"(?P<body>[A-ZÀ-ÖØ-Þ][^(),;.:]{2,80}?)"
    r"(?=\s*\(|\s*[,;.:]|\s+(?:have|has|had|were|are|was|is|ont|sont|furent|han|fueron|son|"
    r"están|estaban|sind|wurden|waren|werden|foram|estão|zijn|werden)\b)",
)


def members_group(summary: str) -> list[Person]:
    """The group a story's first sentence is about when it names no one: "Members of the
    Khmer Labour Rights Union" for "Nine members of the Khmer Labour Rights Union … have been
    held"."""
    first_sentence = re.split(r"(?<=[.!?])\s", summary.strip(), maxsplit=1)[0]
    match = _MEMBERS_OF.search(first_sentence)
    if match is None:
        return []
    joiner = match["of"] if match["of"].endswith(("'", "’")) else match["of"] + " "
    members = match["members"][:1].upper() + match["members"][1:]
    return [Person(name=f"{members} {joiner}{match['body'].strip()}", pronouns=None)]


# A Markdown table of the people: "| Name | Age | Role |", "|---|---|---|", one row each.
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_NAME_HEADERS = frozenset(
    fold(word)
    for word in ("name", "names", "nombre", "nombres", "nom", "noms", "nome", "nomes", "naam",
                 "namn", "navn", "imię i nazwisko", "isim", "ad soyad")
)  # fmt: skip


def table_persons(doc: Document) -> list[Person]:
    """The people of a table whose header names its column of names (a page converted to
    Markdown): that column of each row."""
    lines = doc.body_lines
    for i, line in enumerate(lines[:-1]):
        header = _TABLE_ROW.match(line) if "|" in line else None
        if header is None or not _TABLE_RULE.match(lines[i + 1]):
            continue
        cells = [fold(cell.strip()) for cell in header.group(1).split("|")]
        if not any(cell in _NAME_HEADERS for cell in cells):
            continue
        column = next(n for n, cell in enumerate(cells) if cell in _NAME_HEADERS)
        found: list[Person] = []
        for row in lines[i + 2 :]:
            matched = _TABLE_ROW.match(row)
            if matched is None:
                break
            values = matched.group(1).split("|")
            name = values[column].strip() if column < len(values) else ""
            person = _person_from_piece(name) if name else None
            if person and all(fold(p.name) != fold(person.name) for p in found):
                found.append(person)
        if found:
            return found
    return []
