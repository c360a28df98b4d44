"""The UA's background section ("ADDITIONAL INFORMATION", "BACKGROUND INFORMATION" and their
Spanish, French, German, Portuguese and Arabic forms), as paragraphs of its own words."""

from __future__ import annotations

import re
from dataclasses import replace

from app.domain.model import ParsedDocument
from app.importing.normalize import fold

# The heading at the start of a line: alone, followed by a colon and the first words of the
# text, or (capitals, as a PDF flattened onto one line prints it) followed by the text itself.
# A template's instruction in brackets after it ("(400 WORDS + RELEVANT LINKS)") is dropped.
_HEADING = re.compile(
    r"^\s*(?:#+\s*|\*\*)?(?P<heading>"
    r"additional\s+information|background(?:\s+information)?|"
    r"informaci[oó]n\s+(?:adicional|complementaria)|antecedentes|"
    r"compl[ée]ment\s+d['’]\s?information|"
    r"informations?\s+(?:g[ée]?n[ée]?rales|compl[ée]mentaires)|"
    r"hintergrund(?:informationen|information)?|zus[äa]tzliche\s+informationen|"
    r"informa[cç](?:[aã]o|[oõ]es)\s+(?:adicional|adicionais|complementar(?:es)?)|"
    r"معلومات\s+(?:إضافية|اضافية|أساسية)|خلفية(?:\s+الحالة)?"
    r")(?:\*\*)?\s*(?:\([^)]{0,80}\))?",
    re.IGNORECASE,
)
# Lines that end the section: the next labelled part of the UA (names, languages, deadline,
# the call to write, addresses), the document's number line, a mailing list's footer.
_END = re.compile(
    r"^\s*(?:"
    r"names?\s*:|name\s+and\s+(?:preferred\s+)?pronouns?|gender\s*m/f|"
    r"preferred\s+languages?|please\s+(?:take\s+action|send|write|check)|take\s+action|"
    r"(?:further\s+)?recommended\s+action|appeals?\s+to\b|(?:and\s+)?copies\s+to|"
    r"link\s+to\s+previous|appeal\s+deadline|further\s+information\s*:|"
    r"(?:ai[\s-]*)?index\s*:|(?:ua|au)\s*[:\-]?\s*\d{1,4}\s*[/.]|"
    r"nombres?\s*(?:y\s+pronombres?)?\s*:|g[ée]nero\s*:|env[ií]en|act[úu]en|escriban|"
    r"idioma\s+preferido|tratamiento\s*:|copias\s+a|[íi]ndice\s*:|"
    r"noms?\s+et\s+pronoms?|noms?\s*:|langue\s+[àa]\s+privil[ée]gier|[ée]crivez|agissez|"
    r"envoyez|copies\s+[àa]|"
    r"namen?\s*(?:und\s+pronomen)?\s*:|schreiben\s+sie|bitte\s+schreiben|appelle\s+(?:an|bis)|"
    r"kopien\s+an|sende\s+eine\s+kopie|"
    r"nomes?\s*(?:e\s+pronomes?)?\s*:|escrevam?|apelos\s+para|c[oó]pias\s+para|"
    r"الاسم|الأسماء|يرجى|الرجاء|اللغة\s+المفضلة|"
    r"_{3,}|-{5,}|={5,}"
    r")",
    re.IGNORECASE,
)
# The deadline rule ("check with your section office if sending appeals after ...") belongs
# to the deadline, not to the background.
_DEADLINE_RULE = re.compile(
    r"check\s+(?:first\s+)?with|if\s+(?:you\s+(?:wish|want)\s+to\s+)?send(?:ing)?\s+appeals\s+"
    r"after|consult(?:en|ez)|v[ée]rifi(?:ez|er)\s+aupr[èe]s|r[üu]cksprache|verifi(?:quem|que)",
    re.IGNORECASE,
)
# A web page's own chrome after the text.
_SITE = re.compile(
    r"©|^\s*(?:share(?:\s+this)?\s*:|terms\s+of\s+use|privacy|related\b|read\s+more|"
    r"teilen\s*:|compartir\s*:|partager\s*:|mehr\s+zum\s+thema|tags\s*:)",
    re.IGNORECASE,
)
# Page banners repeated at the top of every page of an IS PDF.
_BANNER = re.compile(
    r"^\s*(?:urgent\s+action|acci[oó]n\s+urgente|action\s+urgente|a[cç][aã]o\s+urgente|"
    r"eilaktion|urgent\s+action\s+network|تحرك\s+عاجل)\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25a0\u2023\u2013\uf0a7]|\d{1,2}[.)])\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
MAX_CHARS = 20_000
_MIN_CHARS = 20  # a heading followed by a stray word is not a background section


def additional_info(text: str, title: str = "") -> str | None:
    """The background section's paragraphs (separated by a blank line, wrapped lines joined),
    or None when the document has none. ``title`` is the headline: printed again at the top of
    a page, it is skipped, not taken for the next part."""
    lines = text.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        first = _heading_rest(line)
        if first is None:
            continue
        section = _section(lines[index + 1 :], first, title)
        if section is not None:
            return section
    return None


def _heading_rest(line: str) -> str | None:
    """None when ``line`` does not open the section, else the words after its heading."""
    found = _HEADING.match(line)
    if found is None:
        return None
    rest = line[found.end() :].strip()
    if not rest:
        return ""
    if rest.startswith(":"):
        return rest[1:].strip()
    heading = found.group("heading")
    spaced = line[found.end("heading") : found.end("heading") + 1].isspace()
    if heading.upper() == heading and rest[:1].isupper() and spaced:
        return rest  # "ADDITIONAL INFORMATION The Supreme Council ruled..." on one line
    return None


def _is_caps(line: str) -> bool:
    """A line in capitals (a heading); scripts without case, such as Arabic, have none."""
    if line.isupper():  # no lower-case nor title-case letter, at least one capital
        return sum(map(str.isupper, line)) >= 3
    if any(map(str.islower, line)):
        return False
    return sum(map(str.isupper, line)) >= 3  # title-case letters count for neither side


def _section(lines: list[str], first: str, title: str) -> str | None:
    title_words = set(fold(title).split())
    paragraphs: list[list[str]] = [[first]] if first else [[]]
    length = len(first)
    for line in lines:
        if length > MAX_CHARS:
            break  # enough to fill the field: the rest would be cut anyway
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER.match(stripped):
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if _BANNER.match(stripped):
            continue
        if _is_caps(stripped) and title_words and set(fold(stripped).split()) <= title_words:
            continue  # the headline printed again at the top of a page
        if (
            _END.match(stripped)
            or _heading_rest(stripped) is not None
            or _DEADLINE_RULE.search(stripped)
            or _SITE.search(stripped)
        ):
            break
        if _is_caps(stripped) and len(stripped) < 120:
            break  # another section's heading
        if _BULLET.match(stripped) and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(stripped)
        length += len(stripped) + 1
    joined = [_join(parts) for parts in paragraphs if parts]
    body = "\n\n".join(joined).strip()
    if len(body) < _MIN_CHARS:
        return None
    if len(body) > MAX_CHARS:
        body = body[: MAX_CHARS - 1].rstrip() + "\u2026"
    return body


def _join(parts: list[str]) -> str:
    """Wrapped lines as one paragraph (normalising already joined words split at a line end)."""
    return " ".join(parts)


def with_additional_info(document: ParsedDocument, raw: str) -> ParsedDocument:
    """``document`` with its background section read from its text (``raw`` when it kept
    none)."""
    return replace(document, additional_info=additional_info(document.text or raw, document.title))
