"""The UA's recommended actions: the bullet points under "RECOMMENDED ACTION", "Please write
immediately..." or their Spanish, French, German, Portuguese and Arabic forms, as printed."""

from __future__ import annotations

import re

from app.domain.model import ParsedDocument

# The line that introduces the demands; the bullets follow it (after a wrapped heading line).
_HEADING = re.compile(
    r"^\s*(?:further\s+)?recommended\s+action"
    r"|^\s*please\s+write\b"
    r"|^\s*(?:otras\s+)?acci[oó]n(?:es)?\s+recomendada"
    r"|^\s*escriban\s+inmediatamente"
    r"|^\s*[ée]crivez\s+imm[ée]diatement"
    r"|^\s*actions?\s+recommand[ée]e"
    r"|^\s*schreiben\s+sie\s+bitte\b(?!\s+ihre)"
    r"|^\s*escrevam?\s+(?:imediatamente|j[aá])"
    r"|^\s*(?:يرجى|الرجاء|نرجو)\s+(?:الكتابة|كتابة)"
    r"|^\s*التحرك\s+الموصى\s+به",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25a0\u2023\u2013\uf0a7]|\d{1,2}[.)])\s+")
# Labels that end the list: the addresses, the deadline, copies, background...
_END = re.compile(
    r"^\s*(?:appeals?\s+to|please\s+send|copies\s+to|and\s+copies|background|additional\s+"
    r"information|llamamientos\s+a|env[ií]en|copias\s+a|informaci[oó]n\s+complementaria|"
    r"appels?\s+[àa]|envoyez|copies\s+[àa]|compl[ée]ment\s+d|appelle\s+an|kopien\s+an|"
    r"hintergrund|apelos\s+para|c[oó]pias\s+para|informa[cç][aã]o\s+adicional)",
    re.IGNORECASE,
)
_MAX_HEADING_LINES = 3
_MAX_BULLETS = 20
_MAX_BULLET_CHARS = 800


def recommended_actions(text: str) -> tuple[str, ...]:
    """The demands listed as bullets under the document's call to write, each on one line
    (continuation lines joined), without the bullet mark; () when the document lists none."""
    lines = text.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        if _HEADING.search(line):
            found = _bullets_after(lines, index + 1)
            if found:
                return found
    return ()


def _bullets_after(lines: list[str], start: int) -> tuple[str, ...]:
    bullets: list[list[str]] = []
    skipped = 0
    gap = False  # a blank line inside the list: only another bullet may follow it
    for line in lines[start:]:
        stripped = line.strip()
        if _BULLET.match(line):
            bullets.append([_BULLET.sub("", line).strip()])
            gap = False
        elif not bullets:
            if stripped and _END.match(stripped):
                return ()
            skipped += 1 if stripped else 0
            if skipped > _MAX_HEADING_LINES:
                return ()
        elif not stripped:
            gap = True
        elif gap or _END.match(stripped) or stripped.isupper():
            break
        else:
            bullets[-1].append(stripped)
        if len(bullets) > _MAX_BULLETS:
            break
    joined = (" ".join(parts).strip() for parts in bullets[:_MAX_BULLETS])
    return tuple(text[:_MAX_BULLET_CHARS] for text in joined if text)


def with_recommended_actions(document: ParsedDocument, raw: str) -> ParsedDocument:
    """``document`` with the demands read from its text (``raw`` when it kept none)."""
    from dataclasses import replace

    return replace(document, recommended_actions=recommended_actions(document.text or raw))
