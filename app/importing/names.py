"""Is this line a person's name, an office or an address? Honorifics, ranks and gender."""

from __future__ import annotations

import re
from functools import lru_cache

from app.importing.countries import canonical_country
from app.importing.normalize import fold
from app.importing.vocabulary import FEMALE_HONORIFICS, MALE_HONORIFICS, NON_NAME_WORDS
from app.importing.vocabulary import words as word_set

# Honorifics, courtesy titles and ranks printed before a name (stripped for matching).
_HONORIFIC = re.compile(
    r"^(?:(?:his|her|your)\s+excellency|(?:his|her|your)\s+(?:royal\s+)?(?:majesty|highness)|"
    r"su\s+majestad|sa\s+majest[ée]|(?:son|sa|votre)\s+excellence|su\s+excelencia|"
    r"sua\s+excel[êe]ncia|(?:seine|ihre)\s+exzellenz|h\.\s?e\.|s\.\s?e\.|e\.\s?s\.|excmo\.?|excma\.?|"
    r"lieutenant[\s-]general|lt\.?\s*gen\.?|major[\s-]general|brigadier(?:[\s-]general)?|"
    r"(?:vice[\s-])?senior[\s-]general|field[\s-]marshal|air[\s-]marshal|marshal|lieutenant[\s-]colonel|"
    r"police[\s-]general|general[\s-]de[\s-]brigada|teniente[\s-](?:general|coronel)|"
    r"g[eé]n[eé]ral[\s-]de[\s-]brigade|(?:(?:kolonel|luitenant)[\s-])?generaal|kolonel|"
    # the service after a Latin American rank: "General de División EP", "Coronel PNP"
    r"(?-i:EP|PNP|FAP|MGP)|"
    r"generalleutnant|generalmajor|generaloberst|brigadegeneral|oberstleutnant|oberst|"
    r"capitaine|commandant|lieutenant|capit[aá]n|capit[ãa]o|"
    r"dato['’]?\s+seri|datuk\s+seri|tan\s+sri|puan\s+sri|dato['’]?|datuk|datin|"
    r"g[eé]n[eé]ral\s+de\s+divisi[oó]n|g[eé]n[eé]ral|generale|gen\.|colonel|col\.|coronel|captain|capt\.|major|"
    r"(?:vice|contra|rear)[\s-]?(?:almirante|admiral)|almirante|"
    r"commander|admiral|chief|justice|judge|the\s+honou?rable|the\s+(?:rt\.?\s+)?hon\.|hon\.|rt\.?\s+hon\.?|"
    r"mr|mrs|ms|miss|mx|dr|dra|prof|professor|lic|licda|licdo|abogad[oa]|abog|abg|ing|arq|"
    r"sr|sra|srta|señor|señora|don|doña|dña|mme|mlle|m\.|monsieur|madame|herrn?|frau|"
    # Portuguese "Excelentíssimo(a)" and "Ilustríssimo(a)"
    r"exmo|exma|ilmo|ilma|"
    r"sig(?:\.ra)?|dott(?:\.ssa)?|avv|on\.|onorevole|dhr|mevr|"
    # Dutch "de heer" (Mr), "mevrouw" (Mrs) and "Z.E." (His Excellency)
    r"de\s+heer|mevrouw|mw|z\.\s?e\.|zijne\s+excellentie|hare\s+excellentie|"
    # Amharic "Ato" (Mr) and "W/ro" (Mrs); "Ato" only before two words, as it is a given name
    # in Ghana ("Ato Mensah")
    r"ato(?=\s+\S+\s+\S)|w/ro|woizero|"
    # Indian "Shri", "Shrimati" (Mr, Mrs); Indonesian ranks "Jenderal" (General) and "Letnan
    # Jenderal" (Lieutenant General)
    r"shri|shrimati|smt\.?|(?:letnan\s+)?jenderal|"
    r"sheikh|shaikh|cheikh|cheick|samdech|mtro|mtra|ma[îi]tre|me|ayatollah|counsell?or|conseiller|consejer[oa]|consiglier[ea]|sir|dame|lord|lady|king|queen|prince|princess|presidente?|presidenta|président|senhor|senhora|dom)"
    # a retired officer's mark after the rank: "General (r)", "Justice (rtd)"
    r"\.?(?:\s*\((?:r|retd?|rtd|retired)\.?\))?(?=\s)\s+",
    re.I,
)
# Printed after a name: post-nominals ("Jane Roe MP") and the office in pinyin that Chinese
# addresses put after the name ("Li Ming Shengzhang": Governor Li Ming).
_AFTER_NAME = re.compile(
    r"(?:,?\s+(?:MP|M\.P\.|MPP|MLA|MNA|MHA|QC|KC)|"
    r"\s+(?:Zongli|Fuzongli|Zhuxi|Buzhang|Shengzhang|Shizhang|Xianzhang|Yuanzhang|"
    r"Jianchazhang|Tingzhang|Juzhang|Zhuren|Shuji))\s*$"
)
_MALE = MALE_HONORIFICS
_FEMALE = FEMALE_HONORIFICS
NAME_PARTICLES = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von",
    "der", "den", "ten", "ter", "bin", "binti", "bint", "ibn", "al", "el", "y", "e", "af", "zu",
    "mac", "st", "st.", "ould", "ben", "abu", "ap", "oghlu", "oglu", "ogly", "qizi", "kyzy", "uulu",
}  # fmt: skip
# "son of" / "daughter of" between a given name and the father's: never a name's first word.
_PATRONYMIC_PARTICLES = {"ould", "mint", "bin", "binti", "bint", "ibn", "ben", "ag", "walad"}
# Words that mark an office, an institution or an address rather than a person.
_NON_NAME_WORDS = frozenset(fold(word) for word in NON_NAME_WORDS)


# A name that opens with two initials ("M. C. Ibarra Soto"): its "M." is no "Monsieur".
_INITIALS = re.compile(r"^M\.\s?\w\.(?:\s|$)")


def strip_honorifics(name: str) -> str:
    """``H.E. General Jane Doe`` -> ``Jane Doe`` (repeatedly, keeping at least two words)."""
    result = name.strip()
    while len(result.split()) > 2 and _AFTER_NAME.search(result):
        result = _AFTER_NAME.sub("", result)
    while True:
        match = _HONORIFIC.match(result)
        if not match or len(result[match.end() :].split()) < 1:
            return result
        rest = result[match.end() :].strip()
        if rest.split()[0].lower() in _PATRONYMIC_PARTICLES:
            return result  # "Cheikh Ould Mohamed": the word is the given name, not a title
        if _initials_after(match, result):
            return result  # "M. C. Ibarra Soto": two initials, not "Monsieur"
        result = rest


def _initials_after(honorific: re.Match[str], name: str) -> bool:
    """The honorific read is the first of two initials ("M. C. Ibarra Soto"); a style made of
    two letters ("S. E. Herrn …", "Z.E. de heer …", "H.E. …") is read whole and is none."""
    initials = _INITIALS.match(name)
    return initials is not None and honorific.end() < initials.end()


def has_honorific(line: str) -> bool:
    return bool(_HONORIFIC.match(line.strip()))


def gender_from_honorific(name: str) -> str | None:
    """``Mrs``/``Frau``/``Señora`` -> "f", ``Mr``/``Herrn``/``Señor`` -> "m", else None."""
    result = name.strip()
    while True:
        match = _HONORIFIC.match(result)
        if not match or _initials_after(match, result):
            return None
        word = fold(match.group(0).strip().rstrip(".")) if match.group(0).strip() != "M." else "m."
        if word in _MALE:
            return "m"
        if word in _FEMALE:
            return "f"
        result = result[match.end() :]


def gender_from_salutation(salutation: str | None) -> str | None:
    """``Señora Ministra``, ``Sehr geehrte Frau``, ``Dear Madam`` -> "f"; male forms -> "m"."""
    if not salutation:
        return None
    words = set(re.findall(r"[^\W\d_]+", fold(salutation)))
    female = {
        "senora",
        "madame",
        "madam",
        "frau",
        "geehrte",
        "excelentissima",
        "senhora",
        "ministra",
        "presidenta",
        "mrs",
        "ms",
        "estimada",
        "chere",
    }
    male = {
        "senor",
        "monsieur",
        "herr",
        "geehrter",
        "excelentissimo",
        "senhor",
        "sir",
        "mr",
        "estimado",
        "cher",
    }
    if words & female and not words & male:
        return "f"
    if words & male and not words & female:
        return "m"
    return None


def looks_like_person_name(line: str, *, glue_fragments: bool = False) -> bool:
    """A line that is a person's name: 1-6 capitalised words, no office/address words."""
    text = line.strip().rstrip(",")
    if not text or any(map(str.isdigit, text)) or "@" in text or ":" in text:
        return False
    if has_honorific(text):
        rest = strip_honorifics(text)
        return (
            bool(rest) and _capitalised_words(rest, glue_fragments) and not _has_office_word(rest)
        )
    if text.isupper() and len(text) > 4:
        return False
    if "," in text or "(" in text:
        return False
    return (
        _capitalised_words(text, glue_fragments)
        and not _has_office_word(text)
        and len(text.split()) >= 2
        and not _is_country(text)
    )


def _is_country(text: str) -> bool:
    """``Sri Lanka``, or the German genitive ``Sri Lankas`` ("Generalstaatsanwalt Sri
    Lankas"): the country an office serves, never a person."""
    return canonical_country(text) is not None or (
        text.endswith("s") and canonical_country(text[:-1]) is not None
    )


# Arabic article or kinship prefix joined by a hyphen: ``al-Harbi``, ``el-Sawy``, ``bin-Salem``.
_PREFIXED_WORD = re.compile(
    r"^(?:al|el|ad|ed|ar|as|ash|at|az|an|ul|ud|ibn|bin|bint|abu|ben)[-‐][^\W\d_]+$", re.I
)


# An apostrophe may be typed as a grave accent on old keyboards ("Top`tiro").
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’`.-]*(?:[-'’`][^\W\d_]+)*\.?")
# Initials run together with their dots: "A.R.P.J." of "A.R.P.J. Alwis" (dots stripped at the ends).
_RUN_INITIALS = re.compile(r"[A-ZÀ-ÖØ-Þ](?:\.[A-ZÀ-ÖØ-Þ]){1,5}")


def _capitalised_words(text: str, glue_fragments: bool) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 7:
        return False
    for word in words:
        bare = word.strip("'’‘`.-")
        if not bare:
            return False
        if fold(bare) in NAME_PARTICLES or _PREFIXED_WORD.match(bare):
            continue
        if glue_fragments and bare.islower() and len(bare) <= 2:
            continue
        if _RUN_INITIALS.fullmatch(bare):
            continue
        if not bare[0].isupper() or not _NAME_WORD.fullmatch(bare):
            return False
    return True


def _has_office_word(text: str) -> bool:
    return any(_is_office_word(fold(word.strip("(),.;:'’"))) for word in text.split())


# German offices are compounds: "Chefminister", "Generalinspekteur", "Oberstaatsanwältin".
_COMPOUND_OFFICE_TAILS = (  # folded: no umlauts
    "minister", "ministerin", "prasident", "prasidentin", "staatsanwalt", "staatsanwaltin",
    "inspekteur", "direktor", "direktorin", "kommissar", "kommissarin", "richter", "richterin",
    "botschafter", "botschafterin", "ministerium", "gericht", "behorde", "polizei", "verwaltung",
)  # fmt: skip


def _is_office_word(folded: str) -> bool:
    return folded in _NON_NAME_WORDS or (
        len(folded) > 9 and folded.endswith(_COMPOUND_OFFICE_TAILS)
    )


_OFFICE_PREFIX = re.compile(
    r"^(Governor|Lieutenant Governor|President|Vice[- ]President|Prime Minister|Minister|Senator|Mayor|"
    r"Prosecutor|Attorney General|Chief Justice|Commissioner|Secretary|Governador|Gobernador|"
    r"Gouverneur|Präsident|Bürgermeister|Presidente|Président|Ministro|Ministre)\s+(?=[A-ZÀ-Þ])"
)


def split_office_prefix(line: str) -> tuple[str, str] | None:
    """``Governor Rick Perry`` -> (``Governor``, ``Rick Perry``); None when not that shape.

    Any office works (``Public Prosecutor Jane Roe``, ``Federal Attorney General Jane Roe``)
    when the line is the office, then a name that ends it; ranks and honorifics such as
    ``General Jane Roe`` stay part of the name.
    """
    match = _OFFICE_PREFIX.match(line.strip())
    if match:
        rest = line.strip()[match.end() :]
        if len(rest.split()) >= 2 and looks_like_person_name(rest):
            return match.group(1), rest
    elif has_honorific(line) and looks_like_person_name(line):
        return None  # "General Jane Roe": the rank is part of the name
    split = split_office_and_name(line)
    # The office ends with its head noun ("Public Prosecutor", not "para Relaciones Interiores")
    # or with the country it serves ("Fiscal General de Honduras").
    if split and not split[2] and _ends_with_office(split[0]):
        return split[0], split[1]
    return None


def _ends_with_office(office: str) -> bool:
    words = office.split()
    if _has_office_word(words[-1]):
        return True
    return (
        len(words) >= 3
        and fold(words[-2]) in _OFFICE_JOINERS
        and canonical_country(words[-1]) is not None
    )


# Words after which a capitalised word belongs to the office (``Minister of Justice``,
# ``Procureur près le Tribunal de N'Djamena``), never the first word of a name.
_OFFICE_JOINERS = word_set(
    "of the for de del du des la le les los las el d d' à a au aux en près der die das den dem "
    "von für zur zum bei and et y und para pour por per pela pelo sobre chargé chargée"
)


# The last line asked about is kept: a block line run together is split, then its first part
# (often the whole line) asked again for an office prefix.
@lru_cache(maxsize=1)
def split_office_and_name(line: str) -> tuple[str, str, str] | None:
    """An office, a name and what follows, run together on one line: ``President Jane Roe
    Office of the President 1 Main Street`` -> (``President``, ``Jane Roe``, ``Office of the
    President 1 Main Street``); None when no such split is found.

    What follows the name starts with a number, an office or an address word. Failing that,
    with a street or an institution whose own name comes first (``Ivan Roe Haradski Val Street
    4``, ``Kim Roe Central People's Committee``): the name is then the shortest that fits,
    since nothing tells where it ends."""
    words = line.split()
    named_first: tuple[str, str, str] | None = None
    office_seen = False  # an office word among words[:start]
    for start in range(1, len(words) - 1):
        last = words[start - 1]  # the office is words[:start]; checked one word at a time
        if any(map(str.isdigit, last)):
            break  # an address has begun: "... Street 22 220030 Minsk"
        office_seen = office_seen or _is_office_word(fold(last.strip("(),.;:'’")))
        before = fold(last.strip(",")).rstrip("'’")
        if before in _OFFICE_JOINERS or fold(last).endswith(("'", "’")):
            continue
        if not office_seen or last.endswith(","):
            continue
        first = fold(words[start])
        if first in NAME_PARTICLES or _has_office_word(words[start]):
            continue  # "Prosecutor General Jane Roe": "General" ends the office
        office = " ".join(words[:start])
        # A name has no digit, "@" or ":" (looks_like_person_name): longer candidates than
        # the run of such words cannot be one.
        clean = 0
        for at, word in enumerate(words[start : start + 6], start):
            if "@" in word or ":" in word or any(map(str.isdigit, word)):
                break
            if _number_sign_ahead(words, at):
                break  # "No. 149, Bootani Capital Building": the address has begun
            clean += 1
        shortest = None
        for size in (6, 5, 4, 3, 2):  # "King Salman bin Abdul Aziz Al Saud"
            if start + size > len(words) or size > clean:
                continue
            candidate = " ".join(words[start : start + size]).rstrip(",")
            if size > 4 and not any(fold(w) in NAME_PARTICLES for w in candidate.split()[1:]):
                continue  # five words or more only with "bin", "Al", "de"...
            if not looks_like_person_name(candidate) or re.search(r"['’]s\b", candidate):
                continue
            if _PATRONYMIC.search(candidate):
                continue  # "Yury Yakovlevich": the family name follows
            rest = " ".join(words[start + size :]).lstrip(", ")
            if not rest or _starts_address(rest) or words[start + size - 1].endswith(","):
                return office.rstrip(","), candidate, rest
            if _named_place_follows(rest):
                shortest = (office.rstrip(","), candidate, rest)
        named_first = named_first or shortest
    return named_first


_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|ovna|evna|ivna)$", re.I)
# Street words printed after the street's own name ("Haradski Val Street 4").
_STREET_AFTER_NAME = word_set("street road lane drive rd")
_STREET_AFTER_NAME_BEFORE_NUMBER = word_set("avenue ave boulevard blvd square way st st.")


# The abbreviations of "number" printed before a house number: "No. 149", "Nr. 7", "Nº 12".
_NUMBER_SIGNS = word_set("no. nr. no nr nº n° núm. num.")


def _number_sign_ahead(words: list[str], at: int) -> bool:
    """``words[at]`` is "No." (or "Nr.", "Nº") with a number after it: an address begins."""
    return fold(words[at]) in _NUMBER_SIGNS and at + 1 < len(words) and words[at + 1][:1].isdigit()


def _starts_address(text: str) -> bool:
    """An address or another office starts here (a number, ``c/o``, ``PO Box``, ``Office``)."""
    words = text.split()
    first = words[0]
    bare = fold(first.strip(",.;:"))
    if bare in _STREET_AFTER_NAME or (
        bare in _STREET_AFTER_NAME_BEFORE_NUMBER
        and (len(words) == 1 or words[1][:1].isdigit() or first.endswith(","))
    ):
        return False  # "Street 22": the word before was the street's name, not the person's
    return (
        any(map(str.isdigit, first))
        or _number_sign_ahead(words, 0)
        or fold(first).startswith(("c/o", "p.o", "b.p", "bp"))
        or bare in _NON_NAME_WORDS
    )


def _named_place_follows(text: str) -> bool:
    """One to three capitalised words, then a street or institution word: ``Haradski Val
    Street``, ``Central People's Committee``."""
    words = text.split()
    for i, word in enumerate(words[:4]):
        if fold(word.strip(",.;:'’")) in _NON_NAME_WORDS:
            return i >= 1
        if not word[:1].isupper():
            return False
    return False


def looks_like_office(line: str) -> bool:
    """A line naming an office or institution (``Minister of Justice``, ``GENERALSTAATSANWALT``)."""
    return _has_office_word(line) or (line.isupper() and len(line) > 4)


def glue_split_fragments(name: str) -> str:
    """Rejoin surname fragments split by the template converter: ``Lem os`` -> ``Lemos``."""
    out: list[str] = []
    for word in name.split():
        if out and word.islower() and len(word) <= 2 and fold(word) not in NAME_PARTICLES:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)
