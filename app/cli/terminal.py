"""Text for the terminal: control characters from documents or file names shown, never obeyed."""

from __future__ import annotations

import re

from app.domain.text_width import display_width

# C0 and C1 controls and DEL (ESC, BEL, CR, LF... would move the cursor, recolour the terminal or
# split a one-line-per-file report), plus the bidi overrides that reorder what follows.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character written as a visible escape (``\\x1b``)."""
    return _CONTROL.sub(_escape, str(text))


def aligned_rows(rows: list[list[str]]) -> list[str]:
    """``rows`` as lines of columns two spaces apart, each as wide as its widest cell on screen
    (wide characters counted as two); the last column is left as it is, so a long text there
    moves nothing."""
    if not rows:
        return []
    columns = len(rows[0]) - 1
    widths = [max(display_width(row[i]) for row in rows) for i in range(columns)]
    lines = []
    for row in rows:
        cells = []
        for cell, width in zip(row[:-1], widths, strict=True):
            cells.append(cell + " " * (width - display_width(cell)))
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines
