"""The head of a letter: the sender's block, and the return line and recipient in the window."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat

from app.domain.model import SenderProfile
from app.output.bidi_text import is_rtl_text, one_direction
from app.output.head_placement import head_shape
from app.output.letter_builder import DocumentBuilder
from app.output.letter_layout import return_address_line, sender_lines
from app.output.qt_runtime import mm_to_units as mm

if TYPE_CHECKING:
    from app.output.letter_document import LetterStyles


@lru_cache(maxsize=16)
def _sender_head(sender: SenderProfile) -> tuple[list[str], str]:
    """The sender's block and return line (shared: never changed by the callers)."""
    return sender_lines(sender), return_address_line(sender)


def add_lines(
    builder: DocumentBuilder,
    lines: list[str],
    fmt: QTextBlockFormat | tuple[QTextBlockFormat, QTextBlockFormat],
    plain: QTextCharFormat,
    first: QTextCharFormat,
    top: float | None = None,
) -> None:
    """Lines with the first one in ``first`` format; ``fmt`` may be an (ltr, rtl) pair."""
    if not lines:
        return
    direction = one_direction(lines)
    if direction is not None:
        chosen = fmt[direction] if isinstance(fmt, tuple) else fmt
        spans = [(0, len(lines[0]), first)]
        builder.text_block(lines, chosen, plain, spans, rtl=direction, top=top)
        return
    for index, line in enumerate(lines):  # mixed directions: one block per line
        rtl = is_rtl_text(line)
        chosen = fmt[rtl] if isinstance(fmt, tuple) else fmt
        if index == 0:
            builder.block([(line, first)], chosen, rtl=rtl, top=top)
        else:
            builder.block([(line, plain)], chosen, rtl=rtl)


def add_head(
    builder: DocumentBuilder,
    styles: LetterStyles,
    sender: SenderProfile,
    address: list[str],
    rtl: bool,
) -> None:
    """Sender block at the top, return line and recipient placed for the envelope window."""
    spec = styles.spec
    head, return_line = _sender_head(sender)
    device = builder.doc.documentLayout().paintDevice()
    builder.set_head_shape(head_shape(spec, styles.sizes, rtl, head, return_line, address, device))
    add_lines(builder, head, styles.sender, styles.sender_plain, styles.sender_name)
    if spec.return_line_top is not None and return_line:
        builder.block(
            [(return_line, styles.small)],
            styles.return_line,
            rtl=False,
            top=mm(spec.return_line_top),
        )
    window = (styles.window_ltr, styles.window_rtl)
    add_lines(
        builder, address, window, styles.recipient_plain, styles.recipient_name, mm(spec.window_top)
    )
    builder.anchor_top = mm(spec.date_top)  # the date, or whatever comes first
