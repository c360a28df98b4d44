"""The story's first paragraph(s), the model letter and the languages appeals should be written in."""

from __future__ import annotations

import re

from app.importing.addresses import CONTACT_LABEL
from app.importing.anchored import Anchored
from app.importing.document import Document, is_id_line
from app.importing.languages import all_languages, known_language_name, languages_in
from app.importing.targets import (
    COPIES_MARKER,
    GREETING,
    GREETING_OPENER,
    LETTER_CLOSING,
    TARGET_MARKER,
)

_NOT_STORY = re.compile(
    r"^\s*(?:What you can do|Take action|TAKE ACTION|NO FURTHER ACTION|AUCUNE ACTION|RECOMMENDED ACTION|"
    r"BACKGROUND|ADDITIONAL INFORMATION|This is the \w+ update|Please write|Escriban|Écrivez|"
    r"PLEASE SEND|HINTERGRUND|SCHREIBEN SIE)",
    re.I,
)


_CAPS_LABEL = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ '’&\"“”()+0-9-]{3,}:\s*$")
# A section heading on a line of its own ("HANDLUNGSBEDARF", "SACHLAGE", "WHAT HAPPENED").
_CAPS_HEADING = re.compile(r"^[A-ZÀ-Þ]{4,}(?: [A-ZÀ-Þ]{2,}){0,2}$")


# A line far longer than a wrapped one, ending a sentence: a whole paragraph on its line.
_WHOLE_PARAGRAPH_LINE = re.compile(r"^.{150,}[.»”\"]$")


def summary(doc: Document, start: int) -> str | None:
    """The first prose paragraph(s) of the story, from line ``start`` on."""
    paragraphs: list[str] = []
    current: list[str] = []
    lines = doc.lines[start:]
    for at, line in enumerate(lines):
        stripped = line.strip()
        if (
            _NOT_STORY.match(stripped)
            or TARGET_MARKER.match(stripped)
            or COPIES_MARKER.match(stripped)
            or (GREETING.match(stripped) and current)
        ):
            if current and _is_prose(" ".join(current), short=not paragraphs):
                paragraphs.append(" ".join(current))
                current = []
            if paragraphs or current:
                break
            continue
        if _CAPS_LABEL.match(stripped) or _CAPS_HEADING.match(stripped):
            stripped = ""  # "URGENT ACTION LETTER:", "SACHLAGE" end a paragraph like a blank line
        if not stripped or is_id_line(stripped):
            if current:
                paragraph = " ".join(current)
                if _is_prose(paragraph) or (
                    _cut_short(paragraph, paragraphs) and not "".join(lines[at:]).strip()
                ):
                    paragraphs.append(paragraph)
                current = []
                if paragraphs and sum(len(p) for p in paragraphs) > 200:
                    break
            continue
        if not current and _LAYOUT_ROW.match(line):
            continue  # a names column or a layout row, not prose
        current.append(stripped)
        if len(current) == 1 and _WHOLE_PARAGRAPH_LINE.match(stripped):
            # A page pasted without blank lines, a paragraph a line: the line is a paragraph.
            paragraphs.append(stripped)
            current = []
            if sum(len(p) for p in paragraphs) > 200:
                break
    last = " ".join(current)
    if current and (_is_prose(last, short=not paragraphs) or _cut_short(last, paragraphs)):
        paragraphs.append(last)
    return "\n\n".join(paragraphs[:2]) or None


def _cut_short(paragraph: str, before: list[str]) -> bool:
    """The story's one paragraph, cut in a sentence where the paste ends (a part of a page)."""
    return (
        not before and len(paragraph) >= 150 and paragraph.count(". ") + paragraph.count(", ") >= 1
    )


def _is_prose(paragraph: str, short: bool = False) -> bool:
    """A paragraph of sentences; ``short`` when it is the whole story (a final's one sentence,
    "María Solano has been granted protection measures." before "No further action …")."""
    least = 40 if short else 80
    # (German closes a quotation with “ or «: „…“, »…«; Chinese and Japanese end a sentence
    # with 。)
    return len(paragraph) > least and paragraph.rstrip().endswith(
        (".", "»", "”", '"', ")", "“", "«", "。")
    )


def model_letter(doc: Document) -> str | None:
    """The model letter from its greeting to its closing, when the document has one."""
    lines = doc.lines
    for i, line in enumerate(lines):
        if not GREETING.match(line) or CONTACT_LABEL.match(line):
            continue
        body_follows = any(len(nxt) > 60 for nxt in lines[i + 1 : i + 6])
        if not body_follows:
            continue
        for j in range(i + 1, min(len(lines), i + 80)):
            if LETTER_CLOSING.match(lines[j]):
                text = "\n".join(part.rstrip() for part in lines[i : j + 1])
                return re.sub(r"\n{3,}", "\n\n", text).strip()
            if TARGET_MARKER.match(lines[j]) or COPIES_MARKER.match(lines[j]):
                break
    return _offered_letter(lines)


# The heading that offers a model letter: "... OR USE THIS MODEL LETTER", "... UTILICEN ESTA
# CARTA MODELO", "... UTILISEZ CE MODÈLE DE LETTRE", "MUSTERBRIEF", "SAMPLE LETTER".
_OFFERS_LETTER = re.compile(
    r"\b(?:model letter|sample letter|carta[ -]modelo|modelo de carta|mod[eè]le de lettre|"
    r"musterbrief)\b",
    re.I,
)


# A greeting at the start of a line that goes on ("Dear Minister, I am writing ...").
_OPENS_WITH_GREETING = re.compile(r"^\s*" + GREETING_OPENER)


def _not_letter(line: str) -> bool:
    return bool(_OPENS_WITH_GREETING.match(line) or CONTACT_LABEL.match(line))


_SENTENCE_ENDS = (".", "!", "?", ":", ";", "»", "”", '"', ")")


def _from_first_sentence(paragraph: list[str]) -> list[str]:
    """The paragraph without the address lines a PDF ran into it: short lines that end no
    sentence, before the letter's first sentence ends. A short line after a long one is the
    end of a wrapped line, not an address."""
    width = max(len(line.strip()) for line in paragraph)
    start = 0
    for k, line in enumerate(paragraph[:-1]):
        stripped = line.strip()
        if stripped.endswith(_SENTENCE_ENDS):
            break
        wrapped = k > 0 and len(paragraph[k - 1].strip()) >= 0.6 * width
        if len(stripped) < 0.6 * width and not wrapped:
            start = k + 1
    return paragraph[start:]


def _offered_letter(lines: list[str]) -> str | None:
    """A model letter that opens without a greeting ("I am writing to urge you to ..."): the
    paragraphs of sentences right above the closing that follows the heading offering it.
    Lines of an address block between the heading and the letter are not sentences."""
    for i, line in enumerate(lines):
        if not _OFFERS_LETTER.search(line):
            continue
        for j in range(i + 1, min(len(lines), i + 80)):
            if _OFFERS_LETTER.search(lines[j]):
                break  # the next offer starts its own search
            if not LETTER_CLOSING.match(lines[j]):
                continue
            paragraphs: list[list[str]] = [[]]
            for part in lines[i + 1 : j]:
                if part.strip():
                    paragraphs[-1].append(part.rstrip())
                elif paragraphs[-1]:
                    paragraphs.append([])
            kept: list[list[str]] = []
            for paragraph in reversed([p for p in paragraphs if p]):
                if not _is_prose(" ".join(part.strip() for part in paragraph)):
                    break
                kept.insert(0, paragraph)
            if kept:
                kept[0] = _from_first_sentence(kept[0])
            if any(_not_letter(part) for paragraph in kept for part in paragraph):
                break  # a greeting run into its sentence, or contacts: text run together
            if kept:
                body = "\n\n".join("\n".join(paragraph) for paragraph in kept)
                return body + "\n\n" + lines[j].strip()
            break
    return None


_LAYOUT_ROW = re.compile(r"^\S.*\s{4,}\S")
_LANGUAGE_LABEL = re.compile(
    # (the English label may wrap in a narrow column: "PREFERRED LANGUAGE TO ADDRESS" / "TARGET:")
    r"(?:^|(?<=[.!?] ))[^\S\n]*(?:PREFERRED\s+LANGUAGES?\s+TO\s+ADDRESS\s+(?:THE\s+)?TARGETS?|IDIOMAS? PREFERIDOS?[^:\n]*|"
    r"LANGUES? À PRIVILÉGIER[^:\n]*|BEVORZUGTE SPRACHE[^:\n]*|LINGUA PREFERITA[^:\n]*|"
    r"L[ÍI]NGUA PREFERIDA[^:\n]*|VOORKEURSTAAL[^:\n]*|Preferred languages?|اللغة المفضلة[^:\n]*|"
    r"ПРЕДПОЧТИТЕЛЬН\w+ ЯЗЫК[^:\n]*|BAHASA YANG DISARANKAN[^:\n]*|PREFEROWANE J[ĘE]ZYKI)"
    r"\s*:\s*(.+)$",
    re.I | re.M,
)
_OWN_LANGUAGE = re.compile(
    r"(?:your own language|(?:su|tu) propio idioma|(?:votre|ta) propre langue|"
    r"(?:Ihrer|deiner) eigenen Sprache|(?:sua|tua|vossa) própria língua|(?:seu|teu) próprio idioma|"
    r"nella (?:vostra|tua|sua) (?:propria )?lingua|(?:je|uw) eigen taal|kendi dilinizde)",
    re.I,
)
_OWN_LANGUAGES = Anchored(
    _OWN_LANGUAGE,
    ("your own", "su propio", "tu propio", "votre propre", "ta propre", "ihrer eigenen",
     "deiner eigenen", "sua própria", "tua própria", "vossa própria", "seu próprio", "teu próprio", "nella ",
     "je eigen", "uw eigen", "kendi dilinizde"),
)  # fmt: skip
_GERMAN_WRITE = re.compile(r"Schreiben Sie (?:Ihre Appelle )?(?:bitte )?(?:in|auf) ([^.]+)\.", re.I)
# The verb last: "Sie können auf Russisch, Englisch oder Deutsch schreiben."
_GERMAN_CAN_WRITE = re.compile(
    r"\bSie können (?:Ihre \w+ )?(?:in|auf) ([^.]{3,120}?) (?:schreiben|verfassen)\b", re.I
)
_CONNECTOR_TAIL = re.compile(
    r"(?:[,\s]+(?:or|o|ou|oder|and|und|y|et|of|ya da|veya)\s*(?:in|en|dans|auf|em|no|na|nella|nel|in je)?"
    r"\s*)$",
    re.I,
)
_IN_WORD = re.compile(r"[\s(](?:in|en|dans|auf|em)\s", re.I)


# "English or French for the Prime Minister; English for the Premier": a language list per
# official, each part naming whom it is for.
_FOR_OFFICIAL = re.compile(
    r"\s+(?:for|to|pour|à|para|a|für|an|voor|aan|per)\s+(?:the|le|la|l['’]|les|el|los|las|"
    r"den|die|der|dem|de|het|il|lo)\b.*$",
    re.I,
)


def _languages_per_official(value: str) -> list[str]:
    """The languages of a labelled value: its first part, and the parts after a semicolon
    when each names the official it is for."""
    parts = re.split(r";\s*", value.strip())
    first = _FOR_OFFICIAL.sub("", parts[0])
    found = languages_in(first)
    if first == parts[0]:
        return found
    for part in parts[1:]:
        cut = _FOR_OFFICIAL.sub("", part)
        if cut == part:
            break
        found += [name for name in languages_in(cut) if name not in found]
    return found


def preferred_languages(doc: Document) -> list[str]:
    """English names of the languages appeals should be written in ([] when none is stated)."""
    for match in _LANGUAGE_LABEL.finditer(doc.body):
        value = match.group(1)
        following = doc.body[match.end() :].lstrip("\n").split("\n")[:3]
        while following and re.search(r"(?:,|\b(?:or|and|o|y|ou|et|oder|und|e))\s*$", value):
            value += " " + following.pop(0)  # a list wrapped over lines
        value = re.split(
            r"\.\s|\s(?:You|Vous|También|Sie|Appeals|Les|Puede|Pueden)\s", value + " "
        )[0]
        found = _languages_per_official(re.sub(r"\([^)]*\)", "", value))
        if found:
            return found
    flat = doc.flat_body
    for match in _OWN_LANGUAGES.finditer(flat):
        before = _CONNECTOR_TAIL.sub("", flat[max(0, match.start() - 160) : match.start()])
        before = re.split(r"[.:;!?]\s", before)[-1]
        positions = [m.end() for m in _IN_WORD.finditer(before)]
        for position in positions:  # the widest phrase made only of language names
            phrase = before[position:]
            if all_languages(phrase):
                return languages_in(phrase)
        if positions and languages_in(before[positions[-1] :]):
            return languages_in(before[positions[-1] :])
        if not positions:  # no "in" before the names (Turkish "Arapça, İngilizce ya da …")
            for word in re.finditer(r"(?<!\S)\S", before):
                if all_languages(before[word.start() :]):
                    return languages_in(before[word.start() :])
    german = _GERMAN_WRITE.search(flat)
    if german:
        return languages_in(german.group(1))
    german = _GERMAN_CAN_WRITE.search(flat) if "können" in flat else None
    if german and all_languages(german.group(1)):
        return languages_in(german.group(1))
    turkish = _TURKISH_WRITE.search(flat) if "olarak" in flat else None
    if turkish and all_languages(turkish.group(1)):
        return languages_in(turkish.group(1))
    return _suffixed_list(flat) or _written_in(flat)


# Languages whose names carry the "in" of "write in …" as an ending or a particle: Finnish
# "kirjoita venäjäksi, turkmeeniksi tai englanniksi", Japanese "英語またはビルマ語で",
# Korean "크메르어 또는 영어로".
_SUFFIXED_LISTS = (
    re.compile(
        r"\bkirjoit\w*\b[^.!?]{0,80}?\b(\w+ksi(?:(?:\s*,\s*|\s+(?:tai|ja)\s+)\w+ksi)*)\b",
        re.I,
    ),
    re.compile(
        r"([\u30a0-\u30ff\u4e00-\u9fff]{1,40}語(?:(?:または|又は|か|、|・|と|及び)[\u30a0-\u30ff\u4e00-\u9fff]{1,40}語)*)で"
    ),
    re.compile(r"([가-힣]{1,40}어(?:\s*(?:또는|혹은|및|,|와|과|이나|나)\s*[가-힣]{1,40}어)*)\s*로"),
    # Hungarian "írjon spanyolul vagy angolul", Chinese "請以老撾文、英文或你自己的語言寫信"
    re.compile(
        r"\b[ÍI]rj(?:on|anak|atok)?\b[^.!?]{0,80}?\b(\w+[uü]l(?:(?:\s*,\s*|\s+(?:vagy|és)\s+)\w+[uü]l)*)\b",
        re.I,
    ),
    re.compile(
        r"以((?:(?!自己)[\u4e00-\u9fff]){1,40}?[文語语](?:(?:、|或|及|和)(?:(?!自己)[\u4e00-\u9fff]){1,40}?[文語语])*)"
    ),
)
_SUFFIXED_PARTS = re.compile(
    r"\s*(?:,|、|・|\btai\b|\bja\b|\bvagy\b|\bés\b|または|又は|及び|또는|혹은|및|或|及|和)\s*"
)


# Longer than any language name the table knows, in any of its forms.
_LONGEST_NAME = 40


def _suffixed_list(flat: str) -> list[str]:
    """The languages of a writing instruction in a language that suffixes them, when every
    part of the list names one (the first part may carry the word before it: "日本語")."""
    for pattern in _SUFFIXED_LISTS:
        for match in pattern.finditer(flat):
            parts = [p for p in _SUFFIXED_PARTS.split(match.group(1)) if p]
            found: list[str] = []
            for i, part in enumerate(parts):
                # the name is the part's end: its longest forms are tried first, never from
                # further back than a name's length (a long word would cost its square)
                first = max(0, len(part) - _LONGEST_NAME)
                starts = range(first, len(part) - 1) if i == 0 else range(1)
                name = next(
                    (n for start in starts if (n := known_language_name(part[start:]))), None
                )
                if name is None:
                    break
                if name not in found:
                    found.append(name)
            else:
                if found:
                    return found
    return []


# The verb last, the languages first: "Rusça veya İngilizce olarak … başsavcıya yazın."
_TURKISH_WRITE = re.compile(
    r"(?:^|[.!?:]\s)\s*([^.!?:]{3,120}?) olarak\b[^.!?]{0,80}?\byaz(?:ın|ınız|abilirsiniz)\b"
)


# "Écrivez … en français ou en arabe", "Schreibe bis zum 8. Juni in gutem Russisch oder auf
# Deutsch", "ÉCRIVEZ IMMÉDIATEMENT en arabe, en anglais ou en français".
_WRITE_VERB = re.compile(
    r"\b(?:write|writing|écrivez|écris|écrire|rédigez|envoyez|escrib\w*|schreiben Sie|schreibe|schreib|schreibt|"
    r"redact\w*|escrev\w*|scriv\w*|schrijf|schrijft|skriv|(?:na)?pisz|escriu|escriviu|"
    # Indonesian "send", "write"; Russian "write", "send"
    r"kirim\w*|tulis\w*|(?:на)?пишите|(?:на|от)правляйте|"
    # Czech "write", Greek "write", Arabic "writing"
    r"(?:na)?pište|γράψτε|الكتابة)\b",
    re.I,
)
_WRITE_VERBS = Anchored(
    _WRITE_VERB,
    (
        "writ",
        "écri",
        "rédig",
        "envoyez",
        "escri",
        "schreib",
        "redact",
        "escrev",
        "scriv",
        "schrijf",
        "skriv",
        "pisz",
        "napisz",
        "kirim",
        "tulis",
        "пишите",
        "напишите",
        "направляйте",
        "отправляйте",
        "pište",
        "napište",
        "γράψτε",
        "الكتابة",
    ),
)
_SENTENCE_END = re.compile(r"(?<!\d)[.;:!?](?=\s|$)")
_BEFORE_LANGUAGE = re.compile(
    r"\b(?:in|en|auf|dans|em|på|po|dalam|на|v|στα|باللغة)\s+"
    r"(?:(?:gutem|guten|gutes|good|plain|einfachem)\s+)?",
    re.I,
)


# A language named as the language of a summary or a translation is not one to write in:
# "Write to the President / Summary of the letter in Swedish", "Sammanfattning av brevet på
# svenska", "Traduction de la lettre en espagnol".
_SUMMARY_BEFORE = re.compile(
    r"\b(?:summary|translation|sammanfattning|översättning|résumé|traduction|resumen|"
    r"traducci[óo]n|resumo|tradu[çc][ãa]o|Zusammenfassung|Übersetzung|samenvatting|vertaling|"
    r"riassunto|traduzione)(?:\s+(?:of|av|de|des|del|da|do|van|della|der)(?:\s+\S+){1,2})?\s+$",
    re.I,
)


def _written_in(flat: str) -> list[str]:
    """The languages a writing instruction names, without a label or "your own language"."""
    for verb in _WRITE_VERBS.finditer(flat):
        rest = flat[verb.end() : verb.end() + 300]
        end = _SENTENCE_END.search(rest)
        sentence = rest[: end.start()] if end else rest
        for start in _BEFORE_LANGUAGE.finditer(sentence):
            if _SUMMARY_BEFORE.search(sentence[max(0, start.start() - 60) : start.start()]):
                continue
            found: list[str] = []
            for part in _LIST_PARTS.split(sentence[start.start() :]):
                if not part.strip():
                    continue
                name = known_language_name(part)
                if name is None:
                    name = _language_before_clause(part)
                    if name is not None and name not in found:
                        found.append(name)
                    break
                if name not in found:
                    found.append(name)
            if found:
                return found
    return []


def _language_before_clause(part: str) -> str | None:
    """The language that ends a list and runs on into the rest of its sentence: "Khmer
    before 30 June", "en français au ministre", "Deutsch an den Generalstaatsanwalt"."""
    words = part.split()
    for count in range(min(4, len(words) - 1), 0, -1):
        name = known_language_name(" ".join(words[:count]))
        if name is not None:
            return name
    return None


_LIST_PARTS = re.compile(
    r"\s*(?:,|\bor\b|\bo\b|\bou\b|\boder\b|\bund\b|\by\b|\bet\b|\bof\b|\be\b|\beller\b|\bog\b|"
    r"\blub\b|\bveya\b|\batau\b|\bили\b|\bnebo\b|\bή\b|\bأو\b)\s*",
    re.I,
)
