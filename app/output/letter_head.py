"""The head of a letter: the sender's block, and the return line and recipient in the window."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QPaintDevice, QTextBlockFormat, QTextCharFormat

from app.domain.model import SenderProfile
from app.output.bidi_text import is_rtl_text, one_direction
from app.output.head_placement import (
    HEAD_MARGINS,
    fit_honoured_address,
    fit_return_line,
    head_shape,
)
from app.output.letter_builder import DocumentBuilder, char_format
from app.output.letter_layout import return_address_line, return_line_parts, sender_lines
from app.output.qt_runtime import mm_to_units as mm

if TYPE_CHECKING:
    from app.output.letter_styles import LetterStyles


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
    side_rtl: bool | None = None,
    bold_lines: int = 1,
) -> None:
    """Lines with the first ``bold_lines`` in ``first`` format; ``fmt`` may be an (ltr, rtl) pair.

    Lines of one direction take its side. Lines of both (a Latin address under an Arabic
    title) each keep their own direction, on one side for the whole block: that of
    ``side_rtl`` (the letter's direction) when given, else each line's own."""
    if not lines:
        return
    direction = one_direction(lines)
    if direction is not None:
        chosen = fmt[direction] if isinstance(fmt, tuple) else fmt
        spans = [(0, len("\n".join(lines[:bold_lines])), first)]
        builder.text_block("\n".join(lines), chosen, plain, spans, rtl=direction, top=top)
        return
    for index, line in enumerate(lines):  # mixed directions: one block per line
        rtl = is_rtl_text(line)
        side = rtl if side_rtl is None else side_rtl
        chosen = fmt[side] if isinstance(fmt, tuple) else fmt
        if index < bold_lines:
            builder.block([(line, first)], chosen, rtl=rtl, top=top if index == 0 else None)
        else:
            builder.block([(line, plain)], chosen, rtl=rtl)


@dataclass(frozen=True, slots=True)
class HeadPlan:
    """A letter's head before it is built: its lines and its shape (see ``head_shape``)."""

    styles: LetterStyles
    lines: list[str]  # the sender's block
    return_line: str
    address: list[str]  # fitted to the envelope window
    shape: tuple[object, ...] | None
    recipient_size: float  # the address's point size, smaller for a tall address
    # the address's lines in bold: the official's name, and the words of honour above it
    bold_lines: int = 1

    @property
    def sender_part(self) -> tuple[object, ...]:
        """What the sender's part of the head (block and return line) looks like."""
        return (self.styles, tuple(self.lines), self.return_line)

    @property
    def shape_is_known(self) -> bool:
        """True when a head of this shape was measured: no layout pass is needed to place it."""
        return self.shape is not None and self.shape in HEAD_MARGINS


def plan_head(
    styles: LetterStyles,
    sender: SenderProfile,
    address: list[str],
    rtl: bool,
    device: QPaintDevice | None,
    honour: str = "",
) -> HeadPlan:
    """``honour``: the words of honour the address block opens with ("Her Excellency"), on
    their own line above the official's name; "" for none."""
    lines, return_line = _sender_head(sender)
    if styles.spec.return_line_top is not None and return_line:
        width = mm(styles.spec.window_width)
        return_line = fit_return_line(return_line_parts(sender), styles.sizes.return_line, width)
    fitted, size, bold_lines = fit_honoured_address(
        styles.spec.name, styles.sizes.recipient, tuple(address), honour.strip()
    )
    address = list(fitted)
    shape = head_shape(styles.spec, styles.sizes, rtl, lines, return_line, address, device, size)
    return HeadPlan(styles, lines, return_line, address, shape, size, bold_lines)


def add_head(builder: DocumentBuilder, plan: HeadPlan, *, kept_until: int | None = None) -> int:
    """Sender block at the top, return line and recipient placed for the envelope window.

    With ``kept_until``, the document still holds the sender's part of the last letter's
    head, identical to this one's (same ``sender_part``, and the shape known), up to that
    position: it is kept, laid out, and only the rest is replaced. Returns where the
    sender's part ends, to keep it for the next letter.
    """
    styles = plan.styles
    spec = styles.spec
    builder.set_head_shape(plan.shape)
    return_top = mm(spec.return_line_top) if spec.return_line_top is not None else None
    has_return_line = return_top is not None and bool(plan.return_line)
    if kept_until is not None:
        builder.resume_at(kept_until, return_top if has_return_line else None)
    elif plan.lines:
        add_lines(builder, plan.lines, styles.sender, styles.sender_plain, styles.sender_name)
    else:  # Qt ignores the top margin of a page's first block: the recipient never is one
        builder.block([], styles.sender, rtl=False, block_char=styles.sender_plain)
    if kept_until is None and has_return_line:
        builder.block(
            [(plan.return_line, styles.small)], styles.return_line, rtl=False, top=return_top
        )
    sender_part_end = builder.cursor.position()
    window = (styles.window_ltr, styles.window_rtl)
    plain, first = styles.recipient_plain, styles.recipient_name
    if plan.recipient_size != styles.sizes.recipient:
        plain = char_format(plan.recipient_size)
        first = char_format(plan.recipient_size, bold=True)
    add_lines(
        builder,
        plan.address,
        window,
        plain,
        first,
        mm(spec.window_top),
        builder.rtl_document,
        bold_lines=plan.bold_lines,
    )
    builder.anchor_top = mm(spec.date_top)  # the date, or whatever comes first
    return sender_part_end
