"""Prepares a UA's model letter for a template: drops its greeting and closing lines."""

from __future__ import annotations

import re
from functools import lru_cache

_GREETING = re.compile(
    r"^(dear|your (excellency|majesty|honou?r)|to whom|estimad[oa]s?|señor|señora|sr\.|sra\.|"
    r"excelent[ií]s|excelencia|su excelencia|muy señor|monsieur|madame|excellence|"
    r"sehr geehrte|exzellenz|prezad[oa]|senhor|senhora|excelência|vossa|"
    r"السيد|السيدة|سعادة|معالي|فخامة|صاحب)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(yours (sincerely|faithfully|truly)|sincerely|respectfully|kind regards|best regards|"
    r"atentamente|cordialmente|respetuosamente|saludos|le saluda|"
    r"veuillez agréer|je vous prie d['’]agréer|je vous prie de croire|cordialement|"
    r"respectueusement|"
    r"mit freundlichen grüßen|hochachtungsvoll|"
    r"atenciosamente|respeitosamente|cordiais saudações|"
    r"وتفضلوا|مع خالص|مع فائق|وتقبلوا)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^[\[\(<].{0,40}[\]\)>]$|^\[?(your )?name\]?$", re.IGNORECASE)
MAX_TAIL_LINES = 6
_LIST_ITEM = re.compile(r"^([-*\u2022\u25aa]|\d{1,2}[.)])\s")
_SALUTATION_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (language, re.compile(pattern, re.IGNORECASE))
    for language, pattern in (
        ("en", r"\b(dear|your (excellency|majesty|honou?r)|sir|madam|to whom)\b"),
        (
            "es",
            r"\b(señor|señora|señoría|estimad[oa]s?|excelent[ií]simo|excelent[ií]sima|excelencia|majestad|sr\.|sra\.)",
        ),
        ("fr", r"\b(monsieur|madame|excellence|sire|majesté)\b"),
        ("de", r"\b(sehr geehrte[rn]?|exzellenz|majestät|herr|frau)\b"),
        (
            "pt",
            r"\b(senhor|senhora|excelent[ií]ssim[oa]|excelência|exm[oa]\.?|prezad[oa]s?|meritíssim[oa])",
        ),
        ("ar", r"[\u0600-\u06ff]"),
    )
)


def model_letter_body(model_letter: str | None) -> str | None:
    """The body of a model letter without its salutation and closing, or None when empty."""
    if not model_letter or not model_letter.strip():
        return None
    return _body(model_letter)


@lru_cache(maxsize=256)  # a case's letters are drafted again and again
def _body(model_letter: str) -> str | None:
    lines = [line.rstrip() for line in model_letter.strip().splitlines()]
    while lines and (_is_greeting(lines[0]) or not lines[0].strip()):
        lines.pop(0)
    tail_start = max(0, len(lines) - MAX_TAIL_LINES)
    for index in range(tail_start, len(lines)):
        if _is_closing(lines[index].strip()):
            lines = lines[:index]
            break
    while lines and (not lines[-1].strip() or _PLACEHOLDER.match(lines[-1].strip())):
        lines.pop()
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines).strip())
    body = "\n\n".join(_unwrap(p) for p in paragraphs if p.strip())
    return body or None


# A closing is a formula line: "Respectfully, I urge you to ..." is a request, kept. The
# French and Arabic closings are whole sentences of their own.
_FORMULAS = ("veuillez", "je vous prie", "وتفضلوا", "مع خالص", "مع فائق", "وتقبلوا")
_CLOSING_TAIL = re.compile(r"^[\s,]*(?:[\w'’-]+[\s,]*){0,2}[.;:!]?\s*$")


def _is_closing(line: str) -> bool:
    found = _CLOSING.match(line)
    if found is None:
        return False
    if found.group(0).lower().startswith(_FORMULAS):
        return True  # a whole sentence ("..., l'expression de ...", "... فائق الاحترام")
    return bool(_CLOSING_TAIL.match(line[found.end() :]))


def _unwrap(paragraph: str) -> str:
    """Join a hard-wrapped paragraph into one line; lists keep one item per line."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if any(_LIST_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    return " ".join(lines)


def salutation_languages(salutation: str) -> set[str]:
    """Languages a salutation is recognisably written in ("Dear Minister/Señor Ministro": en, es)."""
    return {language for language, pattern in _SALUTATION_MARKERS if pattern.search(salutation)}


def model_letter_greeting(model_letter: str | None) -> str | None:
    """The model letter's own greeting line ("Dear Minister,"), when it has one."""
    for line in (model_letter or "").splitlines():
        if line.strip():
            return line.strip() if _is_greeting(line) else None
    return None


def _is_greeting(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _GREETING.match(stripped) and len(stripped) <= 120:
        return True
    return len(stripped) <= 60 and stripped.endswith((",", ":", "،")) and "." not in stripped[:-1]
