"""Prepares a UA's model letter for a template: drops its greeting and closing lines."""

from __future__ import annotations

import re

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
    r"veuillez agréer|je vous prie|cordialement|respectueusement|"
    r"mit freundlichen grüßen|hochachtungsvoll|"
    r"atenciosamente|respeitosamente|cordiais saudações|"
    r"وتفضلوا|مع خالص|مع فائق|وتقبلوا)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^[\[\(<].{0,40}[\]\)>]$|^\[?(your )?name\]?$", re.IGNORECASE)
MAX_TAIL_LINES = 6


def model_letter_body(model_letter: str | None) -> str | None:
    """The body of a model letter without its salutation and closing, or None when empty."""
    if not model_letter or not model_letter.strip():
        return None
    lines = [line.rstrip() for line in model_letter.strip().splitlines()]
    while lines and (_is_greeting(lines[0]) or not lines[0].strip()):
        lines.pop(0)
    tail_start = max(0, len(lines) - MAX_TAIL_LINES)
    for index in range(tail_start, len(lines)):
        if _CLOSING.match(lines[index].strip()):
            lines = lines[:index]
            break
    while lines and (not lines[-1].strip() or _PLACEHOLDER.match(lines[-1].strip())):
        lines.pop()
    body = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", body) or None


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
