"""A letter's text split for layout: the head lines the paper places itself, date, and body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.domain.model import SenderProfile, Target
from app.letters.sender_address import norm_line
from app.output.letter_layout import recipient_lines, sender_lines


@dataclass(frozen=True, slots=True)
class LetterParts:
    """A letter's text split for layout: the date line, extra head lines, and the body lines."""

    date_line: str | None
    extra_head_lines: tuple[str, ...]
    body_lines: tuple[str, ...]


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")
_MAX_HEAD_SCAN = 40
_MAX_UNKNOWN_RUN = 2
_MAX_HEAD_LINE = 160  # longer lines are prose: never part of the head
_HEAD_SEPARATORS = re.compile(r"[,·|\u060c]")


@lru_cache(maxsize=16)
def _sender_head_lines(sender: SenderProfile) -> frozenset[str]:
    # the town too: the text's head names it even where the printed block need not repeat it
    lines = [*sender_lines(sender), sender.city]
    known = {norm_line(line) for line in lines}
    # a field with its own comma ("Springfield, IL 62701") is known in its parts too, so the
    # head line "Springfield, IL 62701, United States" is recognised part by part
    for line in lines:
        known.update(norm_line(part) for part in _HEAD_SEPARATORS.split(line))
    known.discard("")
    return frozenset(known)


@lru_cache(maxsize=512)  # one sender writes to a few hundred officials in a batch
def _known_head_lines(sender: SenderProfile, target: Target, style: str) -> frozenset[str]:
    """The normalised lines a letter's head may show: the sender's and the target's fields,
    and the words of honour (``style``) the recipient's block opens with."""
    known = set(_sender_head_lines(sender))
    known.add(norm_line(style))
    known.update(map(norm_line, recipient_lines(target)))
    known.update(map(norm_line, (target.name or "", target.title or "", target.label)))
    for raw in (target.address or "").splitlines():  # the address as the template printed it
        known.add(norm_line(raw))
        if "," in raw:
            known.update(map(norm_line, raw.split(",")))
    known.discard("")
    return frozenset(known)


def _is_head_line(line: str, known: frozenset[str]) -> bool:
    if norm_line(line) in known:  # a field as stored (a one-line address may be long)
        return True
    if len(line) > _MAX_HEAD_LINE:  # prose, not an address or a name
        return False
    parts = [norm_line(part) for part in _HEAD_SEPARATORS.split(line)]
    return len(parts) > 1 and all(part in known for part in parts if part)


def _is_date_line(line: str) -> bool:
    return len(line) <= 60 and bool(_YEAR.search(line)) and len(line.split()) <= 8


def split_letter(text: str, sender: SenderProfile, target: Target, style: str = "") -> LetterParts:
    """Take the sender block, date and recipient block off the top of ``text``.

    The letter engine renders them in the text; the paper layout places them itself (the
    recipient in the envelope window), so the head lines that match the sender's or the
    target's fields, or look like a date, are removed. Unknown lines between them (a
    reference line) are kept and printed under the date. Nothing is lost: if no head is
    found, every line stays in the body.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    known = _known_head_lines(sender, target, style)
    head_end = 0  # lines[:head_end] is the head
    date_line: str | None = None
    date_index = -1
    unknown: list[tuple[int, str]] = []  # lines neither of the head nor the date, in order
    unknown_run = 0
    scan = _MAX_HEAD_SCAN + len(known)  # a long address makes a long head
    for index, raw in enumerate(lines[:scan]):
        line = raw.strip()
        if not line:
            continue
        if _is_head_line(line, known):
            head_end, unknown_run = index + 1, 0
        elif date_line is None and _is_date_line(line):
            date_line, date_index = line, index
            head_end, unknown_run = index + 1, 0
        else:
            unknown.append((index, line))
            unknown_run += 1
            if unknown_run > _MAX_UNKNOWN_RUN:
                break
    if date_line is not None and date_index >= head_end:
        date_line = None
    extra = tuple(line for index, line in unknown if index < head_end)
    body_start, body_end = head_end, len(lines)
    while body_start < body_end and not lines[body_start].strip():
        body_start += 1
    while body_end > body_start and not lines[body_end - 1].strip():
        body_end -= 1
    if body_start == body_end:  # never print an empty letter
        return LetterParts(None, (), tuple(lines))
    return LetterParts(date_line, extra, tuple(lines[body_start:body_end]))


_LIST_ITEM = re.compile(r"^\s*(?:[-*•‣–]|\d{1,2}[.)])\s")
REFLOW_MIN_CHARS = 55


def reflow_hard_wraps(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Join prose that a document hard-wrapped (a long line followed by more of the paragraph).

    Short lines (salutation, closing, signature) and list items keep their own lines, so the
    letter reads as typed; only the line breaks of the source document's column go.
    """
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry and line.strip() and not _LIST_ITEM.match(line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
        carry = len(line.strip()) >= REFLOW_MIN_CHARS
    return tuple(joined)
