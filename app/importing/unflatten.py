"""PDF text flattened onto one line: the line breaks the layout recognisers need come back.

Some viewers and converters give a UA's whole text layer as one line. The labels of the
layouts still stand in it, so a break is put back before each of them (and after the
banner, the capitalised headline and each salutation), which turns the line into the blocks
a reader sees: identifier line, banner, headline, story, bullets, target blocks, copies.
"""

from __future__ import annotations

import re

from app.importing.countries import canonical_country
from app.importing.dates import MONTH_WORDS
from app.importing.names import looks_like_office, looks_like_person_name, split_office_and_name
from app.importing.normalize import fold

# "Write to:" in the languages of the UA network (matched without regard to case).
WRITE_TO = (
    r"(?:Please\s+)?write\s+to\s*:|(?:Veuillez\s+)?(?:[ée]crivez|[ée]crire|adressez-vous)\s+"
    r"(?:[àa]|au|aux)\s*:|(?:Por favor,?\s+)?escrib(?:a|an|e|id|ir)\s+a\s*:|"
    r"(?:Bitte\s+)?(?:schreiben\s+Sie|schreibt|schreibe|schreib)(?:\s+bitte)?\s+an\s*:|"
    r"(?:Por favor,?\s+)?escrev(?:a|am|e|er)\s+(?:para|a|ao|à)\s*:"
)
_LABELS = (
    r"URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|Further information on UA\s*:|"
    r"(?:First|Second|Third|Fourth) UA\s*:|"
    r"Please write immediately|Escriban inmediatamente|Écrivez immédiatement|"
    r"PLEASE SEND APPEALS BEFORE|ENVÍEN LLAMAMIENTOS ANTES|VEUILLEZ ENVOYER VOS APPELS|"
    r"And copies to\s*:|Y copias a\s*:|Copies à\s*:|Please copy\s*:|ENVÍEN COPIA A\s*:|"
    r"Also send copies to|Envíen también copias|Veuillez également envoyer|"
    r"Please insert local diplomatic|Name Address 1|Please check with your section|"
    r"ADDITIONAL INFORMATION|INFORMACIÓN ADICIONAL|COMPLÉMENT D['’]INFORMATION|"
    r"Names?\s*:|Nombres?\s*:|Noms?\s*:|Gender m/f\s*:|Sexo h/m\s*:|Genre h/f\s*:|"
    r"Salutation\s*:|Tratamiento\s*:|Formule d['’]appel\s*:|"
    r"E-?mail\s*:|Correo-e\s*:|Courriel\s*:|Fax\s*:|Twitter\s*:|Facebook\s*:|Phone\s*:|Tel\s*:|"
    r"TAKE ACTION|AND ALSO WRITE TO\s*:|Y TAMBIÉN ESCRIBAN A\s*:|ÉCRIVEZ ÉGALEMENT À\s*:|"
    r"PREFERRED LANGUAGE TO ADDRESS TARGET\s*:|PLEASE TAKE ACTION AS SOON AS POSSIBLE|"
    r"NAME AND (?:PREFERRED )?PRONOUN\s*:|LINK TO PREVIOUS UA\s*:|Further information\s*:|"
    r"This is the (?:first|second|third) update|Issue Date\s*:|Yours sincerely|"
    r"UA\s*:\s*\d{1,4}/\d{2}\s+Index\s*:|AU\s*:\s*\d{1,4}/\d{2}\s+[ÍI]ndice\s*:|"
    r"MERCI D['’]AGIR|NOM ET PRONOM\s*:|LIEN VERS L['’]AU PR[ÉE]C[ÉE]DENTE\s*:|"
    r"LANGUE [ÀA] PRIVIL[ÉE]GIER|INFORMATIONS G[ÉE]N[ÉE]RALES|Copies? [àa]\s*:|"
    rf"(?i:{WRITE_TO})"
)
# A run of spaces is tried once, from its first character and whole (a label never starts with
# a space): trying it again from each of its characters, and each of its lengths, would cost
# the square of its length (a PDF column padded by thousands of spaces).
_BREAK_BEFORE = re.compile(rf"(?<!\s)\s++(?=(?:{_LABELS}))")
_BULLETS = re.compile(r"(?<!\s)\s++(?=[■▪•\uf0a7\uf0b7])")
_BANNER = re.compile(r"^(URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE)\s+(?=\S)", re.M)
# "Salutation: Your Excellency Minister of Justice ...": the value ends before the next office;
# a bilingual value ("Dear Minister / Monsieur le Ministre") has a greeting and a title after "/".
_SALUTATION_VALUE = re.compile(
    r"^((?:Salutation|Tratamiento|Formule d['’]appel)\s*:\s*"
    r"(?:Dear|Your|Excelent\w*|Señor\w*|Monsieur|Madame|Sehr)(?:\s+(?:le|la|l['’]))?\s+\S+"
    r"(?:\s+(?:[A-Z][\w.-]*|de|del|la|le))*?"
    r"(?:\s+/\s+\S+(?:\s+(?:le|la|l['’]|el))?\s+\S+)?)"
    r"\s+(?=(?:Minister|Ministro|Ministre|President|Presidente|Président|Prosecutor|Fiscal|"
    r"Procureur|Attorney|Governor|Gobernador|Gouverneur|Chief|Director|Head|King|Prime|Public|"
    r"Chairman|Chairperson|Chairwoman|Supreme|Secretary|Commissioner|Mayor|Federal)\b)",
    re.M,
)
# The page number printed just before a page foot's identifier line.
_PAGE_NUMBER = re.compile(
    r"(?<=[^\W\d_]|[.,;:)’'\"”])[ \t]+\d{1,3}[ \t]*\n(?=(?:Further information on\s*\n)?"
    r"(?:UA|AU)\s*:\s*\d)"
)
# A page foot's "Issue Date:" belongs to its identifier line ("UA: 77/13 Index: ... Issue Date: ...").
_ID_THEN_DATE = re.compile(
    r"^((?:UA|AU)\s*:\s*\d{1,4}/\d{2}\s+(?:Index|[ÍI]ndice)\s*:[^\n]*)\n(?=Issue Date\s*:)", re.M
)
_MIN_LENGTH = 800


def is_flattened(text: str) -> bool:
    """A long text with (almost) no line breaks."""
    stripped = text.strip()
    return len(stripped) >= _MIN_LENGTH and stripped.count("\n") <= 2


def flattened_line(text: str) -> int | None:
    """The one line that holds a flattened UA inside a few lines around it (a member's note
    and a mail header above a PDF's one-line text): its index, or None."""
    if text.count("\n") >= 40 or len(text) < _MIN_LENGTH:
        return None  # a text laid out in lines, or too short to be a UA
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    line = lines[longest]
    if len(line.strip()) >= _MIN_LENGTH and len(line) >= 0.6 * len(text):
        return longest
    return None


# The 1990s and 2000s header run onto one line: "EXTERNAL AI Index: AFR 44/25/97 28 November
# 1997 Further information on UA 347/97 (…) - Fear of ill-treatment NIGERIAName, role …",
# "PÚBLICO AU 31/00 Índice AI: AMR 23/05/00/s 9 de febrero del 2000 Temor por … COLOMBIATemor".
_OLD_INDEX_AND_DATE = re.compile(
    r"[ \t]*(?P<index>(?:AI Index|Índice AI|Index AI)\s*:\s*[A-Z]{3}\s?\d{1,2}/\d{1,4}/\d{2,4}"
    r"(?:/[a-z])?)[ \t]+(?P<date>\d{1,2}\s+(?:de\s+)?(?P<month>[^\W\d_]{3,12})\s+(?:del?\s+)?"
    r"(?:19|20)\d\d)[ \t]+(?=\S)"
)
# The country column run into the first name after the concern: "… Legal concern NIGERIAName".
_GLUED_COUNTRY_AFTER_CONCERN = re.compile(
    r"[ \t]+([A-ZÁÉÍÓÚÑ]{4,}(?: [A-ZÁÉÍÓÚÑ]{2,}){0,2})(?=[ \t]?[A-ZÁÉÍÓÚÑ][a-zß-öø-ÿ])"
)


_DISTRIBUTION = re.compile(r"^(EXTERNAL|PUBLIC|PÚBLICO|EXTERNO|EXTERNE|PUBLIQUE)[ \t]+(?=\S)")
# "(in English)Público Índice AI: …": the distribution label run onto what stood above it.
_DISTRIBUTION_AT_END = re.compile(
    r"[ \t]*(EXTERNAL|PUBLIC|P[ÚU]BLICO|EXTERNO|EXTERNE|PUBLIQUE)[ \t]*$", re.I
)
# A Portuguese relay's order: "Índice AI: AMR 19/012/2002 UA 216/02 Segurança em Perigo 17 de
# Julho de 2002 BRASIL Name (m), …": the number and the concern between the index and the date.
_INDEX_NUMBER_CONCERN_DATE = re.compile(
    r"[ \t]*(?P<index>(?:AI Index|Índice AI|Index AI)\s*:\s*[A-Z]{3}\s?\d{1,2}/\d{1,4}/\d{2,4}"
    r"(?:/[a-z])?)[ \t]+(?P<concern>(?:UA|AU)[ \t]+\d{1,4}/\d{2}[ \t]+[^\n]{3,120}?)[ \t]+"
    r"(?P<date>\d{1,2}\s+(?:de\s+)?(?P<month>[^\W\d_]{3,12})\s+(?:del?\s+)?(?:19|20)\d\d)"
    r"[ \t]+(?=\S)"
)
# The country column at the start of what follows the date: "BRASIL Name (m), role …".
_COUNTRY_FIRST = re.compile(r"^([A-ZÁÉÍÓÚÑÃÕÇ]{4,}(?: [A-ZÁÉÍÓÚÑÃÕÇ]{2,}){0,2})[ \t]+(?=[A-Z])")


_NAME_THEN_MARK = re.compile(r"^([^\W\d_][^\n(]{2,60}?[ \t]*\((?:m|f|h|m/f)\))", re.I)


def _split_number_concern_date(text: str) -> str | None:
    """``Índice AI: … UA 216/02 concern date COUNTRY Name``: the header on lines of its own."""
    found = _INDEX_NUMBER_CONCERN_DATE.search(text, 0, 400)
    if found is None or fold(found["month"]) not in MONTH_WORDS:
        return None
    head = _DISTRIBUTION_AT_END.sub(lambda m: "\n" + m.group(1), text[: found.start()])
    rest = text[found.end() :]
    country = _COUNTRY_FIRST.match(rest)
    if country and canonical_country(country.group(1)):
        rest = rest[country.end() :]
        # The first name ends at its sex mark; the role and the story run on after it.
        named = _NAME_THEN_MARK.match(rest)
        if named:
            rest = named.group(1) + "\n" + rest[named.end() :].lstrip(" \t,")
        rest = country.group(1) + "\n" + rest
    return f"{head}\n{found['index']}\n{found['date']}\n{found['concern']}\n{rest}"


def _split_old_header(text: str) -> str:
    """The index, its date and the country column of an old layout back on lines of their own
    (the concern line, with the UA number or the follow-up's reference, between them)."""
    found = _OLD_INDEX_AND_DATE.search(text, 0, 400)
    if found is None or fold(found["month"]) not in MONTH_WORDS:
        return _split_number_concern_date(text) or text
    # "PÚBLICO AU 31/00": the distribution label on a line of its own, as printed.
    head = _DISTRIBUTION.sub(r"\1\n", text[: found.start()])
    head += "\n" + found["index"] + "\n" + found["date"] + "\n"
    rest = text[found.end() :]
    for glued in _GLUED_COUNTRY_AFTER_CONCERN.finditer(rest, 0, 600):
        if canonical_country(glued.group(1)):
            rest = (
                rest[: glued.start()]
                + "\n"
                + glued.group(1)
                + "\n"
                + rest[glued.end() :].lstrip(" \t")
            )
            break
    return head + rest


def unflatten(text: str) -> str:
    """Break the one line before each label, after the banner, the headline and salutations."""
    text = _BREAK_BEFORE.sub("\n", _split_old_header(text.strip()))
    text = _BULLETS.sub("\n", text)
    text = _BANNER.sub(lambda m: m.group(1) + "\n", text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        banner = re.fullmatch(r"URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE", line.strip())
        if banner and i + 1 < len(lines):
            lines[i + 1] = _split_headline(lines[i + 1])
    text = "\n".join(lines)
    text = _SALUTATION_VALUE.sub(lambda m: m.group(1) + "\n", text)
    text = _PAGE_NUMBER.sub("\n", text)
    text = _ID_THEN_DATE.sub(r"\1 ", text)
    return _split_after_to(text) + "\n"


# "URGENT ACTION EGYPTIAN DEFENDER DETAINED Lawyer and …": the banner, the capitalised
# headline (three words at least) and the story's first sentence on one line of a page.
_BANNER_HEADLINE_STORY = re.compile(
    r"^(URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE)[ \t]+"
    r"((?:[^\s\w]*[A-ZÀ-ÖØ-Þ][^\sa-zß-öø-ÿ]*[ \t]+){3,}[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ].*)$",
    re.M,
)


def split_banner_headlines(text: str) -> str:
    """A line that runs the banner, the headline and the story together gets its breaks
    back: ``URGENT ACTION`` / ``EGYPTIAN DEFENDER DETAINED`` / ``Lawyer and …``."""
    if "URGENT" not in text:
        return text
    return _BANNER_HEADLINE_STORY.sub(
        lambda m: m.group(1) + "\n" + _split_headline(m.group(2)), text
    )


def _split_headline(line: str) -> str:
    """``MEDICS JAILED AFTER UNFAIR RETRIAL Two medics, ...``: the capitalised run is the
    headline; the story starts with the first word that has a lower-case letter."""
    words = line.split(" ")
    run = 0
    while run < len(words) and not any(ch.islower() for ch in words[run]):
        run += 1
    if 0 < run < len(words):
        if run > 1 and (len(words[run - 1]) == 1 or words[run - 1].isdigit()):
            run -= 1  # "... RETRIAL A court ...", "... TRIAL 18 Hoang Dieu Street": not headline
        return " ".join(words[:run]) + "\n" + " ".join(words[run:])
    return line


_AFTER_WRITE_TO = re.compile(rf"^((?i:{WRITE_TO})|Copies? [àa]\s*:)[ \t]+(?=\S)", re.M)


def _split_after_to(text: str) -> str:
    """``... BEFORE 27 NOVEMBER 2012 TO: Minister of Interior ...``: the block starts after;
    so does it after ``... OR USE THIS MODEL LETTER`` and before the letter's greeting."""
    text = re.sub(r"(\b(?:TO|À|A)\s*:)\s+(?=\S)", r"\1\n", text)
    text = _AFTER_WRITE_TO.sub(r"\1\n", text)
    text = re.sub(r"(\bMODEL LETTER)\s+(?=[A-Z])", r"\1\n", text)
    return re.sub(
        r"(?<=\S)\s+(?=(?:Dear (?:Mr|Ms|Mrs|Minister|President|Prosecutor|Sir|Madam)\b|"
        r"Your (?:Excellency|Majesty)\b)[^.]{0,60},\s+I\b|"
        r"(?:Monsieur|Madame|Señora?|Estimad[oa]s?|Sehr geehrte[r]?|Excelent[íi]ssim[oa]|Senhora?)"
        r"\b[^.,]{0,60},\s+(?:Je|Nous|Le|Les|Me|Ich|Wir|Eu|Venho)\b)",
        "\n",
        text,
    )


# The contact labels of an official's block, printed inside a line ("… Kazakhstan Email: …"):
# the place just before a label that follows a space, comma or semicolon. Matching the
# separators themselves would retry the whole run of them from each of its characters.
_INLINE_CONTACT = re.compile(
    r"(?<=[\s,;])(?=(?:E-?mail|Correo-e|Courriel|Fax|Phone|Tel|Twitter|Salutation|Tratamiento|"
    r"Formule d['’]appel|Anrede)\s*:)",
    re.I,
)


def split_run_together_officials(text: str) -> str:
    """``Minister X, Ministry of Y, 8 Z Avenue, City Email: … Salutation: Dear Minister``: an
    official's block a web page ran onto one line gets its lines back (one per comma-separated
    part before the first contact label, and one per label)."""
    if "," not in text or not _INLINE_CONTACT.search(text):
        return text
    return "\n".join(_split_official_line(line) for line in text.split("\n"))


def _split_official_line(line: str) -> str:
    pieces = [_without_trailing_separators(piece) for piece in _INLINE_CONTACT.split(line.strip())]
    if len(pieces) < 3 or len(pieces[0]) > 250:
        return line  # two contact labels at least, after a short head
    parts = [part.strip() for part in pieces[0].split(",")]
    lower = sum(word[:1].islower() for word in pieces[0].split())
    if len(parts) < 3 or lower * 4 > len(pieces[0].split()) or pieces[0].endswith("."):
        return line  # a sentence that mentions an e-mail address, not an official's block
    return "\n".join([*_name_then_office(parts[0]), *parts[1:], *(p.strip() for p in pieces[1:])])


def _without_trailing_separators(piece: str) -> str:
    """``piece`` without the spaces, commas and semicolons it ends with."""
    end = len(piece)
    while end and (piece[end - 1].isspace() or piece[end - 1] in ",;"):
        end -= 1
    return piece[:end]


def _name_then_office(head: str) -> list[str]:
    """``H.E. Majid Example Permanent Mission of X 622 Third Avenue``: the name, the office and
    the street run together without commas."""
    words = head.split()
    for k in range(2, len(words)):
        if words[k][:1].isupper() and looks_like_office(words[k]):
            name = " ".join(words[:k])
            if not looks_like_person_name(name):
                break
            office = " ".join(words[k:])
            return [name, *re.split(r"\s+(?=\d+[A-Za-z]?\s+[A-Z])", office, maxsplit=1)]
    # "Director of X Division Mr. A.B. Roe No. 149": the office first, then the name.
    split = split_office_and_name(head)
    if split:
        return [part for part in split if part]
    return [head]
