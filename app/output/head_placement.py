"""Where the head of a letter goes: blocks moved down to the window and date lines, by measure.

A head (sender, return line, recipient) of a known shape reuses the margins measured for
the first letter of that shape, so a batch lays each letter out once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QTextBlock, QTextCursor, QTextDocument

from app.domain.output_options import PageSize
from app.output.letter_layout import (
    RETURN_LINE_SEPARATOR,
    PageSpec,
    ReturnLineParts,
    TypeSizes,
    page_spec,
)
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


# The least of a shortened name worth keeping (in widths of "M"), else the line is cut.
_LEAST_NAME = 8


@lru_cache(maxsize=64)
def fit_return_line(parts: ReturnLineParts, size: float, width: float) -> str:
    """The return line on one line of the window, ``width`` units wide, where the envelope
    shows one line above the address (more would reach into the address): as it is when it
    fits; else the sender's name shortened ("…") so the postal address after it stays whole
    for a letter sent back; else the name and the street shortened, the town and the country
    (whichever the sender gave) whole; else cut at its end. The sender's block at the top of
    the letter keeps the full name and address."""
    line = parts.line
    if _one_line(line, size, width, False, False):
        return line
    metrics = _metrics(size, False, False)
    usable = 0.94 * width
    separator = RETURN_LINE_SEPARATOR
    address = separator.join((*parts.street, *parts.end))
    least = _LEAST_NAME * metrics.horizontalAdvance("M")
    if parts.name and address:
        room = usable - metrics.horizontalAdvance(separator + address)
        if room >= least:
            return metrics.elidedText(parts.name, Qt.TextElideMode.ElideRight, room) + (
                separator + address
            )
    short = ""
    if parts.name:
        short = metrics.elidedText(parts.name, Qt.TextElideMode.ElideRight, least) + separator
    end = separator.join(parts.end)
    street_room = usable - metrics.horizontalAdvance(short + separator + end)
    if not parts.street or not end or street_room < least:
        return metrics.elidedText(short + address, Qt.TextElideMode.ElideRight, usable)
    street = separator.join(parts.street)
    return (
        short
        + metrics.elidedText(street, Qt.TextElideMode.ElideRight, street_room)
        + (separator + end)
    )


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
    recipient_size: float | None = None,
) -> tuple[object, ...] | None:
    """What the head's height depends on, when every head line fits on one line; else None.

    Other scripts may come from fallback fonts with other line heights: such heads are
    measured each time (None).
    """
    if not _sender_part_fits(spec.name, sizes, tuple(sender_block), return_line):
        return None
    window_width = mm_to_units(spec.window_width)
    size = recipient_size or sizes.recipient
    for i, line in enumerate(address):
        if _BEYOND_LATIN.search(line) or not _one_line(line, size, window_width, i == 0):
            return None
    dpi = (device or layout_device()).logicalDpiY()
    has_return = bool(spec.return_line_top is not None and return_line)
    return (spec.name, sizes, size, rtl, dpi, len(sender_block), has_return, len(address))


# The smallest type an address may shrink to (DIN 5008 asks for at least 8 point).
MIN_RECIPIENT_SIZE = 8.0
_SIZE_STEP = 0.5
# Fallback fonts of other scripts set taller lines than the Latin font's metrics say.
_BEYOND_LATIN_LINE = 1.35


def _wrapped_lines(text: str, size: float, width: float, bold: bool) -> int:
    """How many lines ``text`` takes in a block ``width`` units wide (wrapped at spaces)."""
    metrics = _metrics(size, bold, True)
    usable = 0.97 * width
    lines, current = 1, 0.0
    space = metrics.horizontalAdvance(" ")
    for word in text.split():
        advance = metrics.horizontalAdvance(word)
        if current and current + space + advance > usable:
            lines += 1
            current = 0.0
        if advance > usable:  # a word wider than the window is cut: count its lines
            lines += int(advance // usable)
            advance = advance % usable
        current += (space if current else 0.0) + advance
    return lines


def address_height(address: tuple[str, ...], size: float, width: float) -> float:
    """The height of an address block in document units (first line bold), with some margin."""
    height = 0.0
    for index, line in enumerate(address):
        spacing = _metrics(size, index == 0, True).lineSpacing()
        if _BEYOND_LATIN.search(line):
            spacing *= _BEYOND_LATIN_LINE
        height += _wrapped_lines(line, size, width, index == 0) * spacing
    return height * 1.02


def _join_one(
    address: tuple[str, ...], size: float, width: float, kept: int = 2
) -> tuple[str, ...] | None:
    """The address with its shortest pair of neighbouring street lines joined by a comma,
    when the pair fits on one line; None when no pair does.

    The official's name, their title (the first ``kept`` lines) and the country (read by
    sorting offices) keep their own lines.
    """
    first, last = min(kept, len(address) - 1), len(address) - 1
    best: tuple[int, str] | None = None
    for index in range(first, last - 1):
        candidate = f"{address[index].rstrip(' ,')}, {address[index + 1]}"
        if _wrapped_lines(candidate, size, width, False) > 1:
            continue
        if best is None or len(candidate) < len(best[1]):
            best = (index, candidate)
    if best is None:
        return None
    index, candidate = best
    return (*address[:index], candidate, *address[index + 2 :])


@lru_cache(maxsize=512)
def fit_address(
    page: PageSize, size: float, address: tuple[str, ...], kept: int = 2
) -> tuple[tuple[str, ...], float]:
    """An address that fits the envelope window: its lines and their point size.

    Type shrinks by half points down to ``MIN_RECIPIENT_SIZE``; an address still too tall
    has its street lines joined two by two, as few as needed. One that never fits keeps the smallest type and
    pushes the date and the body down (never onto them).
    """
    spec = page_spec(page)
    height = mm_to_units(spec.window_bottom - spec.window_top)
    width = mm_to_units(spec.window_width)
    current = size
    while current >= MIN_RECIPIENT_SIZE - 1e-6:
        if address_height(address, current, width) <= height:
            return address, current
        current -= _SIZE_STEP
    while address_height(address, MIN_RECIPIENT_SIZE, width) > height:
        joined = _join_one(address, MIN_RECIPIENT_SIZE, width, kept)
        if joined is None:
            break
        address = joined
    return address, MIN_RECIPIENT_SIZE


@lru_cache(maxsize=512)
def fit_honoured_address(
    page: PageSize, size: float, address: tuple[str, ...], honour: str
) -> tuple[tuple[str, ...], float, int]:
    """``fit_address`` for an address opened by words of honour ("Her Excellency"): their
    own line above the official's name, or, when the window has no room for that line,
    before the name on its line. Returns the lines, their point size and how many of them
    name the official (printed in bold)."""
    if not honour or not address:
        fitted, fitted_size = fit_address(page, size, address)
        return fitted, fitted_size, 1
    own_line = (honour, *address)
    fitted, fitted_size = fit_address(page, size, own_line, kept=3)
    spec = page_spec(page)
    room = mm_to_units(spec.window_bottom - spec.window_top)
    width = mm_to_units(spec.window_width)
    if address_height(fitted, fitted_size, width) <= room:
        return fitted, fitted_size, 2
    fitted, fitted_size = fit_address(page, size, (f"{honour} {address[0]}", *address[1:]))
    return fitted, fitted_size, 1
