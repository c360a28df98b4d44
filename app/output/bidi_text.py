"""Bidi and emphasis in letter text: direction of a line, bold name spans, FSI/PDI isolation."""

from __future__ import annotations

import re
import unicodedata

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: keeps a Latin name whole in RTL text
LRI, RLI = "\u2066", "\u2067"  # left-to-right and right-to-left isolates
LRM, RLM = "\u200e", "\u200f"  # left-to-right and right-to-left marks
_ISOLATES = re.compile("[\u2066-\u2069]")


def is_rtl_text(text: str) -> bool:
    """The direction of the first strong character (Unicode bidi rules P2/P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def plain_text(text: str) -> str:
    """``text`` for plain-text outputs (a .txt file, an e-mail, the clipboard): without the
    directional isolates a two-language letter sets each line's direction with on screen and
    in its PDF, which many mail programs and editors show as boxes or codes.

    A plain-text reader gives each line the direction of its first letter. A line isolated in
    the other direction (an Arabic sentence that starts with a Latin name) begins with the
    mark of its direction instead (LRM or RLM, which every reader of Unicode text knows)."""
    if not _ISOLATES.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        plain = _ISOLATES.sub("", line)
        if line[:1] in (LRI, RLI) and plain.strip():
            rtl = line[0] == RLI
            if is_rtl_text(plain) != rtl:
                plain = (RLM if rtl else LRM) + plain
        lines.append(plain)
    return "\n".join(lines)


def one_direction(lines: list[str]) -> bool | None:
    """True/False when every line reads right-to-left/left-to-right; None when they differ."""
    directions = {is_rtl_text(line) for line in lines}
    return directions.pop() if len(directions) == 1 else None


def emphasis_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names to print in bold, longest first (so "Ana María" wins over "Ana")."""
    return tuple(sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True))


def find_names(line: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of ``names`` in ``line``, left to right."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = line.find(name)
        while start >= 0:
            end = start + len(name)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = line.find(name, end)
    return sorted(spans)


def body_text_and_spans(
    lines: tuple[str, ...],
    names: tuple[str, ...],
    subject: str,
    rtl: bool,
    isolate_only: tuple[str, ...] = (),
) -> tuple[str, list[tuple[int, int]]]:
    """The body as one string and the spans to print in bold: names, and the subject line.

    Inside right-to-left text a Latin name (a person's, or an official's in ``isolate_only``)
    is wrapped in FSI...PDI so bidi keeps it whole instead of reordering its parts.
    """
    if not rtl and not any("\n" in name for name in names):
        return _left_to_right_spans(lines, names, subject)
    bold_names = set(names)
    if rtl:
        names = emphasis_names((*names, *isolate_only))
    out_lines: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        subject_line = bool(subject) and subject in line
        if names:
            pieces: list[str] = []
            position = 0
            length = 0
            for begin, end in find_names(line, names):
                pieces.append(line[position:begin])
                length += begin - position
                name = line[begin:end]
                emphasised = name in bold_names
                if rtl and not is_rtl_text(name):
                    name = f"{FSI}{name}{PDI}"
                if emphasised and not subject_line:
                    spans.append((offset + length, offset + length + len(name)))
                pieces.append(name)
                length += len(name)
                position = end
            if pieces:
                pieces.append(line[position:])
                line = "".join(pieces)
        if subject_line:
            spans.append((offset, offset + len(line)))
        out_lines.append(line)
        offset += len(line) + 1
    return "\n".join(out_lines), spans


def _left_to_right_spans(
    lines: tuple[str, ...], names: tuple[str, ...], subject: str
) -> tuple[str, list[tuple[int, int]]]:
    """:func:`body_text_and_spans` without isolates: names found in the text as a whole."""
    text = "\n".join(lines)
    spans = find_names(text, names) if names else []
    if not subject or subject not in text:
        return text, spans
    subject_lines: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        if subject in line:
            subject_lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    # a line holding the subject is bold as a whole: the names in it are not marked again
    names_outside = [span for span in spans if not any(a <= span[0] < b for a, b in subject_lines)]
    return text, sorted(names_outside + subject_lines)
