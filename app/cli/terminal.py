"""Text for the terminal: control characters from documents or file names shown, never obeyed."""

from __future__ import annotations

import re

# C0 and C1 controls and DEL (ESC, BEL, CR, LF... would move the cursor, recolour the terminal or
# split a one-line-per-file report), plus the bidi overrides that reorder what follows.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character written as a visible escape (``\\x1b``)."""
    return _CONTROL.sub(_escape, str(text))
