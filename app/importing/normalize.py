"""Repair text-extraction artefacts so the layout recognisers see clean, predictable lines."""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from functools import lru_cache

from app.domain.text_folding import fold as fold_text

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# No-break, narrow no-break, thin, figure and other fixed-width spaces become plain spaces.
_SPACES = dict.fromkeys(
    ["\u00a0", "\u202f", "\u2007", "\u2009", "\u200a", "\u2002", "\u2003", "\u2004", "\u2005",
     "\u2006", "\u2008", "\u205f", "\u3000"],
    " ",
)  # fmt: skip
# Zero-width characters, soft hyphens and bidi controls are dropped (Trojan-Source safety).
_INVISIBLE = dict.fromkeys(
    ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c",
     "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"],
    "",
)  # fmt: skip
_TRANSLATION = str.maketrans({**_LIGATURES, **_SPACES, **_INVISIBLE})
# Any character the table changes (translating a text that has none took longer than this search).
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(code)) for code in _TRANSLATION) + "]")

BULLET_CHARS = "\u25a0\u25aa\u2022\u25cf\u25e6\u2023\u2043\u25ab\u25a1\u2219\u00b7\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e8"
_BULLET_LINE = re.compile(rf"^\s*[{BULLET_CHARS}]\s*")
_LABELLED = re.compile(r"^[^\W\d_][\w'’ -]{0,24}:\s*\S")
_PROTECTED_EMAIL = re.compile(r"\[\s*email\s+protected\s*\]", re.I)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_MD_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+)+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]{0,400})\]\s?\(\s*((?:https?://|www\.|mailto:)[^)]{1,600}?)\s*\)")
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:page|página|seite)\s+\d+(?:\s+(?:of|de|von)\s+\d+)?\s*$",
    re.I,
)
_TRAILING_PAGE_NUMBER = re.compile(r"(\S)\s{6,}\d{1,3}\s*$")
_LETTER_SPACED = re.compile(r"^\s*(?:\S )+\S(?:\s{2,}(?:\S )+\S)*\s*$")
_GLUED_BANNERS = {
    "URGENTACTION": "URGENT ACTION",
    "ACCIÓNURGENTE": "ACCIÓN URGENTE",
    "ACTIONURGENTE": "ACTION URGENTE",
    "AÇÃOURGENTE": "AÇÃO URGENTE",
    "ADDITIONALINFORMATION": "ADDITIONAL INFORMATION",
}
_OCR_FIXES = [
    (re.compile(r"\blnternational\b"), "International"),
    (re.compile(r"\bIntemational\b"), "International"),
    (re.compile(r"\bArnnesty\b"), "Amnesty"),
    (re.compile(r"\bAmnestv\b"), "Amnesty"),
    (re.compile(r"\bAmnesty lnternational\b"), "Amnesty International"),
    (re.compile(r"\bUrgent Actlon\b"), "Urgent Action"),
    (re.compile(r"\b(APPEALS|COPIES) T0\b"), r"\1 TO"),
    (re.compile(r"\bSa[l1]utat[il1]on\b"), "Salutation"),
    (re.compile(r"\bRECOMMENDED ACT[I1l]ON\b"), "RECOMMENDED ACTION"),
    (re.compile(r"\bA[I1l] [I1l]ndex\b"), "AI Index"),
    # No word starts with "ln" or "ls": OCR read a capital I (lnterior, lncommunicado, lslamic).
    (re.compile(r"\bl(?=[ns][a-z]{2})"), "I"),
]
# Digits that OCR read as letters inside a number (``l4 July``, ``l995``, ``2O05``).
_OCR_NUMBER = re.compile(r"\b(?=[\dlIO]*\d)(?=[\dlIO]*[lIO])[\dlIO]{2,4}\b")
_OCR_DIGITS = str.maketrans("lIO", "110")
# Cheap test first: every OCR fix above needs one of these letter shapes ("ln"/"ls" opening a
# word, l/I/O beside a digit, "rnn", "Intem", "T0", "1ut", "t1on", "l Ind", "lndex"...). Each
# pattern opens with a letter, so the search jumps from one such letter to the next.
_OCR_SYMPTOMS = tuple(
    re.compile(pattern)
    for pattern in (
        r"[lIO](?:(?<=[\dlIO].)\d|(?<=\d.)|(?<=\b.)\d|(?<=\bl)[ns])",
        r"[1l](?: [I1l]nd|ndex)",
        r"rnn", r"Intem", r"nestv", r"T0\b", r"ACT[1l]ON", r"1ut", r"t[1l]on",
    )
)  # fmt: skip


# A web page's banner run into the capitalised headline it sits above, the line break lost
# in the copy: "Acción UrgentePERIODISTA DETENIDA".
_GLUED_BANNER = re.compile(
    r"^([ \t]*(?:Urgent Action|Acci[óo]n [Uu]rgente|Action [Uu]rgente|A[çc][ãa]o [Uu]rgente|"
    r"Azione [Uu]rgente))(?=[A-ZÁÉÍÓÚÑÇ]{3})",
    re.M,
)


def normalize_text(text: str) -> str:
    """Return ``text`` with extraction artefacts repaired, one logical line per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    if "&" in text:
        text = _unescape_entities(text)
    if not text.isascii() and _TRANSLATED.search(text):
        text = text.translate(_TRANSLATION)
    text = unicodedata.normalize("NFC", text)
    text = _MD_LINK.sub(_markdown_link, text)
    text = _PROTECTED_EMAIL.sub("", text)  # a web page's hidden address: nothing to keep
    text = _unquote(text)
    if "rgent" in text:
        text = _GLUED_BANNER.sub(r"\1\n", text)
    text = "\n".join(_expand_tabs(line) for line in text.split("\n"))
    if "      " in text:
        text = _sidebars_after_their_text(text)
    # Joining a hyphenated word, or dedenting a whole indented text (quoted, pasted in a box),
    # can expose another artefact (an indented "# heading"): repeat until stable. Each distinct
    # line is cleaned once (blank lines, and the lines a second pass finds already clean).
    cleaned: dict[str, str | None] = {}
    for _ in range(4):
        repaired = _dedent(_undouble(_repair_lines(text, cleaned)))
        if repaired == text:
            break
        text = repaired
    return text.strip("\n") + "\n" if text.strip() else ""


def _dedent(text: str) -> str:
    """``textwrap.dedent``, which leaves a text without an indented line as it is."""
    if text.startswith((" ", "\t")) or "\n " in text or "\n\t" in text:
        return textwrap.dedent(text)
    return text


_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")


# The line a mail program writes above the message it quotes: "On 18/11/2019 9:14 am, X
# wrote:", "Le 3 mai 2021, X a écrit :", "El mar, 10 mar 2020, X escribió:".
_ATTRIBUTION = re.compile(
    r"^\s*(?:On|Le|El|Am|Em|Op|Il)\b.{3,200}?\b(?:wrote|a [ée]crit|escribi[óo]|schrieb|"
    r"escreveu|schreef|ha scritto)\s*:\s*$",
    re.I,
)


def _unquote(text: str) -> str:
    """A UA forwarded or replied to inside an e-mail (``> `` before every line): the quote
    marks go, so its lines read like the original's, and the mail program's line above the
    quote ("On …, X wrote:") goes with them."""
    lines = text.split("\n")
    quoted = sum(1 for line in lines if _QUOTE_PREFIX.match(line))
    if quoted < 5:
        return text
    kept = [
        line
        for i, line in enumerate(lines)
        if not (
            i + 1 < len(lines)
            and _QUOTE_PREFIX.match(lines[i + 1])
            and not _QUOTE_PREFIX.match(line)
            and _ATTRIBUTION.match(line)
        )
    ]
    return "\n".join(_QUOTE_PREFIX.sub("", line) for line in kept)


def _undouble(text: str) -> str:
    """A double-spaced copy (a blank line after every line, as some web pages paste): single
    blank lines go, longer gaps become one blank line, so blocks and paragraphs hold together."""
    runs = [run.count("\n") for run in re.findall(r"\n(?:[ \t]*\n)+", text)]
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 5 or not runs:
        return text
    single = sum(1 for run in runs if run == 2)
    if len(runs) < 0.85 * len(lines) or single < 0.25 * len(runs):
        return text
    return re.sub(
        r"\n(?:[ \t]*\n)+", lambda m: "\n" if m.group(0).count("\n") == 2 else "\n\n", text
    )


_MONTH_START = re.compile(
    r"^\s*(?:jan|feb|f[ée]v|m[aä]r|apr|avr|abr|may|mai|mayo|jun|juin|jul|juil|aug|ao[uû]t|ago|sep|set|"
    r"oct|okt|nov|dec|d[ée]c|dez|dic|enero|febrero|marzo|junio|julio|agosto|janvier|mars)",
    re.I,
)


_DAY_NUMBER = re.compile(r"\s*\d{1,2}\.?\s*")


def _keep_date_halves(lines: list[str]) -> list[str]:
    """A day number alone on a line before its month (``after 29`` / ``April 1997``) is no page
    number: it rejoins the month."""
    out: list[str] = []
    for line in lines:
        if out and _DAY_NUMBER.fullmatch(out[-1]) and _MONTH_START.match(line):
            out[-1] = out[-1].strip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _repair_lines(text: str, cleaned: dict[str, str | None]) -> str:
    """The text with each line cleaned (``cleaned``: lines already cleaned, and how)."""
    lines: list[str | None] = []
    for line in _keep_date_halves(text.split("\n")):
        if line not in cleaned:
            cleaned[line] = _clean_line(line)
        lines.append(cleaned[line])
    text = "\n".join(line for line in lines if line is not None)
    if any(symptom.search(text) for symptom in _OCR_SYMPTOMS):
        for pattern, replacement in _OCR_FIXES:
            text = pattern.sub(replacement, text)
        text = _OCR_NUMBER.sub(lambda m: m.group(0).translate(_OCR_DIGITS), text)
    return join_hyphenated_lines(text)


# A line with a narrow column printed at its right: "… the lack of protective      TARGET:".
_SIDEBAR_LINE = re.compile(r"^(?P<left>\S.*?\S)?\s{3,}(?P<right>\S.*)$")
_SIDEBAR_MIN_COLUMN = 45  # further right than a name block's or a header's second column
_SIDEBAR_MIN_ROWS = 3


def _sidebars_after_their_text(text: str) -> str:
    """A page whose story runs beside a narrow column at its right (a PDF's second page,
    extracted with its layout: "PREFERRED LANGUAGE TO ADDRESS" / "TARGET:" / "English" beside
    the background's lines): the story first, then the column, each in its reading order.
    Only prose at the left counts, so an address block beside a letter keeps its lines."""
    lines = text.split("\n")
    # Each line is matched once: (where its right column starts, its left part), or None.
    columns = [_sidebar_columns(line) for line in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        end, column = _sidebar_run(lines, columns, i)
        if end <= i:
            out.append(lines[i])
            i += 1
            continue
        left: list[str] = []
        right: list[str] = []
        for line in lines[i:end]:
            if len(line) > column - 2 and line[column - 2 :].strip():
                left.append(line[: column - 2].rstrip())
                right.append(line[column - 2 :].strip())
            else:
                left.append(line.rstrip())
        out.extend([*left, "", *right])
        i = end
    return "\n".join(out)


def _sidebar_columns(line: str) -> tuple[int, str] | None:
    if "   " not in line:
        return None
    match = _SIDEBAR_LINE.match(line)
    return (match.start("right"), match.group("left") or "") if match else None


def _sidebar_run(
    lines: list[str], columns: list[tuple[int, str] | None], start: int
) -> tuple[int, int]:
    """(end, column) of a run of lines from ``start`` whose right column starts at one place,
    the left part being prose; (start, 0) when none starts there."""
    first = columns[start]
    if first is None or first[0] < _SIDEBAR_MIN_COLUMN or not first[1]:
        return start, 0
    column = first[0]
    end = start
    prose: list[str] = []
    for i in range(start, min(len(lines), start + 80)):
        found = columns[i]
        if found and abs(found[0] - column) <= 2:
            if found[1]:
                prose.append(found[1])
            end = i + 1
        elif lines[i].strip() and len(lines[i].rstrip()) >= column - 2:
            break  # a full-width line: the columns are over
    if len(prose) < _SIDEBAR_MIN_ROWS or sum(map(len, prose)) < 35 * len(prose):
        return start, 0
    if not all(re.search(r"[a-z]{3,}\s+[a-z]{2,}", part) for part in prose):
        return start, 0  # lines of an address or a list, not sentences
    return end, column


def _expand_tabs(line: str) -> str:
    """Tabs between words (PDF extraction) -> one space; column tabs keep a column gap."""
    if "\t" not in line:
        return line
    body = line.lstrip("\t")
    indent = " " * 8 * (len(line) - len(body))
    if body.count("\t") >= 3:
        return indent + body.replace("\t", " ")
    return indent + re.sub(r"[ ]*\t+[ ]*", "    ", body)


def _unescape_entities(text: str) -> str:
    if re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});", text, re.I):
        return html.unescape(text).translate(_TRANSLATION)
    return text


def _markdown_link(match: re.Match[str]) -> str:
    label = re.sub(r"\s+", " ", match.group(1)).strip()
    url = re.sub(r"\s+", "", match.group(2))
    if url.casefold().startswith("mailto:"):
        return url[len("mailto:") :] if "@" not in label else label
    if re.fullmatch(r"(?:https?://|www\.)\S+", label.replace(" ", "")):
        label = label.replace(" ", "")
    if not label or label == url or label.rstrip("/") == url.rstrip("/"):
        return url
    return f"{label} ({url})"


def _clean_line(line: str) -> str | None:
    """Clean one line until nothing changes; None drops it (page numbers)."""
    for _ in range(4):
        cleaned = _clean_once(line)
        if cleaned is None or cleaned == line:
            return cleaned
        line = cleaned
    return line


def _clean_once(line: str) -> str | None:
    # Each pattern is tried only on lines holding what it needs (most lines hold none of it).
    if "**" in line or "__" in line:
        line = _MD_EMPHASIS.sub(r"\2", line).replace("**", "")
    if "#" in line:
        line = _MD_HEADING.sub("", line)
    if not line.isascii():  # every bullet and private-use character is beyond ASCII
        bullet = _BULLET_LINE.match(line)
        if bullet:  # an icon before "Email:" is no list item; other bullets become "- "
            rest = line[bullet.end() :]
            line = rest if _LABELLED.match(rest) else "- " + rest
        line = _PRIVATE_USE.sub("", line)
    line = line.rstrip()
    if line[-1:].isdecimal():  # "Title ...      3": a page number after a wide gap
        line = _TRAILING_PAGE_NUMBER.sub(r"\1", line).rstrip()
        if _PAGE_NUMBER_LINE.match(line):
            return None
    elif _PAGE_NUMBER_LINE.match(line):
        return None
    if line.lstrip()[1:2] == " " and _LETTER_SPACED.match(line) and len(line.split()) >= 4:
        line = " ".join(group.replace(" ", "") for group in re.split(r"\s{2,}", line.strip()))
        line = _GLUED_BANNERS.get(line, line)  # word gaps lost too: "U R G E N T A C T I O N"
    return line


def join_hyphenated_lines(text: str) -> str:
    """Join a word broken by a line-end hyphen: ``inves-`` / ``tigation of`` -> ``investigation`` / ``of``."""
    if "-\n" not in text:  # no line but the last ends with a hyphen: nothing to join
        return text
    lines: list[str | None] = list(text.split("\n"))
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if line is None or nxt is None or len(line) < 3 or not line.endswith("-"):
            continue
        if not line[-2].isalpha() or not nxt or not nxt[0].islower():
            continue
        fragment, _, rest = nxt.partition(" ")
        lines[i] = line[:-1] + fragment
        lines[i + 1] = rest.lstrip() or None
    return "\n".join(line for line in lines if line is not None)


def flatten(text: str) -> str:
    """All whitespace runs collapsed to one space (for phrases that wrap across lines)."""
    words = text.split()  # str.split's whitespace is the \s of the patterns
    if not words:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    return lead + " ".join(words) + (" " if text[-1].isspace() else "")


@lru_cache(maxsize=4096)  # the recognisers fold the same labels and keywords again and again
def fold(text: str) -> str:
    """Case- and accent-insensitive key, as every search folds: ``Fédération`` -> ``federation``."""
    return fold_text(text)
