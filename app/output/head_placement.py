"""Where the head of a letter goes: blocks moved down to the window and date lines, by measure.

A head (sender, return line, recipient) of a known shape reuses the margins measured for
the first letter of that shape, so a batch lays each letter out once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QFontMetricsF, QPaintDevice, QTextBlock, QTextCursor, QTextDocument

from app.domain.output_options import PageSize
from app.output.letter_layout import PageSpec, TypeSizes, page_spec
from app.output.qt_runtime import layout_device, make_font, margin_length, mm_to_units

_BEYOND_LATIN = re.compile("[^\u0000-\u024f]")  # scripts that may need fallback fonts

# Top margins added to the placed blocks, by head shape (page, type sizes, line counts):
# every letter of a batch from one sender to one kind of address shares them.
HEAD_MARGINS: dict[tuple[object, ...], tuple[float, ...]] = {}


def place_all(doc: QTextDocument, placements: list[tuple[QTextBlock, float]]) -> tuple[float, ...]:
    """Move each block down (never up) so its first line starts at its wanted height.

    One layout pass measures every block; the shifts add up from the top down, so block k
    moves by what it lacks once the blocks above it have moved. Returns the margins added.
    """
    if not placements:
        return ()
    # Measuring the last placed block lays out the letter's head only, not the whole body.
    doc.documentLayout().blockBoundingRect(placements[-1][0])
    tops = [block.layout().position().y() for block, _ in placements]
    moved = 0.0
    added: list[float] = []
    for (_, wanted), top in zip(placements, tops, strict=True):
        shift = max(0.0, wanted - (top + moved))
        added.append(margin_length(shift) if shift > 0.5 else 0.0)
        moved += shift if shift > 0.5 else 0.0
    add_top_margins(doc, placements, tuple(added))
    return tuple(added)


def add_top_margins(
    doc: QTextDocument, placements: list[tuple[QTextBlock, float]], added: tuple[float, ...]
) -> None:
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for (block, _), extra in zip(placements, added, strict=True):
        if extra:
            fmt = block.blockFormat()
            fmt.setTopMargin(fmt.topMargin() + extra)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
    cursor.endEditBlock()


@lru_cache(maxsize=64)
def _metrics(size: float, bold: bool, serif: bool) -> QFontMetricsF:
    return QFontMetricsF(make_font(size, bold=bold, serif=serif), layout_device())


@lru_cache(maxsize=4096)
def _one_line(text: str, size: float, width: float, bold: bool, serif: bool = True) -> bool:
    """True when ``text`` surely fits on one line ``width`` units wide (with a safety margin)."""
    return _metrics(size, bold, serif).horizontalAdvance(text) < 0.95 * width


@lru_cache(maxsize=32)
def _sender_part_fits(
    page: PageSize, sizes: TypeSizes, sender_block: tuple[str, ...], return_line: str
) -> bool:
    """The sender's block and return line: each on one line, in Latin script."""
    spec = page_spec(page)
    text_width = mm_to_units(spec.text_width)
    fits = all(
        _one_line(line, sizes.sender + (1.5 if i == 0 else 0), text_width, i == 0)
        for i, line in enumerate(sender_block)
    )
    if spec.return_line_top is not None and return_line:
        window_width = mm_to_units(spec.window_width)
        fits = fits and _one_line(return_line, sizes.return_line, window_width, False, False)
    return fits and not _BEYOND_LATIN.search("".join((*sender_block, return_line)))


def head_shape(
    spec: PageSpec,
    sizes: TypeSizes,
    rtl: bool,
    sender_block: list[str],
    return_line: str,
    address: list[str],
    device: QPaintDevice | None,
) -> tuple[object, ...] | None:
    """What the head's height depends on, when every head line fits on one line; else None.

    Other scripts may come from fallback fonts with other line heights: such heads are
    measured each time (None).
    """
    if not _sender_part_fits(spec.name, sizes, tuple(sender_block), return_line):
        return None
    window_width = mm_to_units(spec.window_width)
    for i, line in enumerate(address):
        if _BEYOND_LATIN.search(line) or not _one_line(line, sizes.recipient, window_width, i == 0):
            return None
    dpi = (device or layout_device()).logicalDpiY()
    has_return = bool(spec.return_line_top is not None and return_line)
    return (spec.name, sizes, rtl, dpi, len(sender_block), has_return, len(address))
