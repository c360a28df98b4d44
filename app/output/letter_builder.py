"""Builds a letter's QTextDocument block by block, with its head placed in one layout pass."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.output.head_placement import HEAD_MARGINS, place_all
from app.output.qt_runtime import make_font

_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor

LEFT_TO_RIGHT_ISOLATE, RIGHT_TO_LEFT_ISOLATE = "\u2066", "\u2067"
_START = {
    True: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
    False: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
}


def isolate_direction(text: str) -> bool | None:
    """True (right to left) or False when ``text`` starts with a directional isolate."""
    first = text[:1]
    if first == RIGHT_TO_LEFT_ISOLATE:
        return True
    return False if first == LEFT_TO_RIGHT_ISOLATE else None


def set_block_direction(block: QTextBlock, rtl: bool) -> None:
    """Run ``block`` in that direction, aligned to the side where such a line starts."""
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setLayoutDirection(_RTL if rtl else _LTR)
    fmt.setAlignment(_START[rtl])
    QTextCursor(block).setBlockFormat(fmt)


Runs = list[tuple[str, QTextCharFormat]]
Spans = list[tuple[int, int, QTextCharFormat]]


@lru_cache(maxsize=64)
def char_format(
    size: float, *, bold: bool = False, serif: bool = True, underline: bool = False
) -> QTextCharFormat:
    """A shared character format (never mutated: Qt copies formats when text is inserted)."""
    fmt = QTextCharFormat()
    fmt.setFont(make_font(size, bold=bold, serif=serif))
    fmt.setFontUnderline(underline)
    return fmt


def runs_of(text: str, plain: QTextCharFormat, spans: Spans) -> Runs:
    """``text`` cut into runs: the ``spans`` (sorted, not overlapping) in their formats."""
    runs: Runs = []
    position = 0
    for begin, end, char_format in spans:
        begin = max(begin, position)
        if begin > position:
            runs.append((text[position:begin], plain))
        if end > begin:
            runs.append((text[begin:end], char_format))
            position = end
    if position < len(text):
        runs.append((text[position:], plain))
    return runs


class DocumentBuilder:
    """Appends blocks to a document through one cursor.

    The head's blocks are placed (moved down to the window and date lines): with the margins
    of a head of the same shape when one was measured before (``head_shape``, set before the
    head is built), else by laying out the head once it is complete.
    """

    def __init__(self, doc: QTextDocument, rtl_document: bool) -> None:
        self.doc = doc
        self.rtl_document = rtl_document
        self.cursor = QTextCursor(doc)
        self.cursor.beginEditBlock()  # layout once per edit block, not once per line
        self.started = False
        self.placements: list[tuple[QTextBlock, float]] = []
        self.anchor_top: float | None = None  # where the next block (end of the head) goes
        self.head_shape: tuple[object, ...] | None = None  # None: measure this head
        self.known_margins: tuple[float, ...] | None = None  # of a head of the same shape
        self.unmoved_format = QTextBlockFormat()  # the last block's format, before any margin

    def set_head_shape(self, shape: tuple[object, ...] | None) -> None:
        """Call before the head's first placed block: a known shape skips the measuring."""
        self.head_shape = shape
        self.known_margins = HEAD_MARGINS.get(shape) if shape is not None else None

    def resume_at(self, position: int, return_line_top: float | None) -> None:
        """Keep the document up to ``position`` (a head already placed), drop the rest."""
        self.cursor.setPosition(position)
        self.cursor.movePosition(QTextCursor.MoveOperation.End, _KEEP_ANCHOR)
        self.cursor.removeSelectedText()
        self.started = True
        if return_line_top is not None:  # the return line (the last block kept) is placed
            self.placements.append((self.cursor.block(), return_line_top))

    def _complete_head(self) -> None:
        """Place the head's blocks, measured, unless a known shape's margins are already in."""
        self.anchor_top = None
        if self.known_margins is not None and len(self.placements) == len(self.known_margins):
            return
        if self.known_margins is not None:  # not the shape it seemed: take the margins out
            self._remove_known_margins()
        self.cursor.endEditBlock()
        added = place_all(self.doc, self.placements)
        if self.head_shape is not None:
            if len(HEAD_MARGINS) > 256:
                HEAD_MARGINS.clear()
            HEAD_MARGINS[self.head_shape] = added
        self.cursor.beginEditBlock()

    def _remove_known_margins(self) -> None:
        margins = self.known_margins or ()
        for (block, _), extra in zip(self.placements, margins, strict=False):
            if extra:
                fmt = block.blockFormat()
                fmt.setTopMargin(fmt.topMargin() - extra)
                cursor = QTextCursor(block)
                cursor.setBlockFormat(fmt)
        self.known_margins = None

    def finish(self) -> None:
        if self.anchor_top is not None:
            self._complete_head()
        self.cursor.endEditBlock()

    def block(
        self,
        runs: Runs,
        fmt: QTextBlockFormat,
        *,
        rtl: bool,
        top: float | None = None,
        block_char: QTextCharFormat | None = None,
    ) -> QTextBlock:
        """A new block of ``runs``; ``top``: where its first line must start (head blocks)."""
        anchored = top is None and self.anchor_top is not None
        if anchored:  # the first block after the head goes to the anchor (the date line)
            top = self.anchor_top
        if rtl != self.rtl_document:
            fmt = QTextBlockFormat(fmt)  # shared formats are never changed
            fmt.setLayoutDirection(_RTL if rtl else _LTR)
        self.unmoved_format = fmt  # what the lines after a moved block are set in
        if top is not None:
            fmt = self._with_known_margin(fmt)
        if block_char is None:
            block_char = runs[0][1] if runs else QTextCharFormat()
        if self.started:
            self.cursor.insertBlock(fmt, block_char)
        else:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(block_char)
            self.started = True
        for text, char_format in runs:
            if text:
                self.cursor.insertText(text, char_format)
        block = self.cursor.block()
        if top is not None:
            self.placements.append((block, top))
        if anchored:  # the head is complete: place it, then build the body
            self._complete_head()
        return block

    def _with_known_margin(self, fmt: QTextBlockFormat) -> QTextBlockFormat:
        """``fmt`` with the top margin the next placed block had in a head of this shape."""
        margins = self.known_margins
        index = len(self.placements)
        if margins is None or index >= len(margins) or not margins[index]:
            return fmt
        fmt = QTextBlockFormat(fmt)
        fmt.setTopMargin(fmt.topMargin() + margins[index])
        return fmt

    def text_block(
        self,
        text: str,
        fmt: QTextBlockFormat,
        plain: QTextCharFormat,
        spans: Spans = (),  # type: ignore[assignment]
        *,
        rtl: bool | None = None,
        top: float | None = None,
    ) -> QTextBlock:
        """Insert lines (one block each, one format); return the first block.

        ``spans`` (begin, end, format; sorted, never across a line break) are offsets into
        ``text``, printed in their format; the rest is ``plain``.
        """
        first_length = text.find("\n")
        if first_length < 0:
            first_length = len(text)
        first: Runs = []
        rest: Runs = []
        position = 0
        for run, char_format in runs_of(text, plain, spans):  # the first line starts a block
            end = position + len(run)
            if end <= first_length:
                first.append((run, char_format))
            elif position >= first_length:
                rest.append((run, char_format))
            else:
                first.append((run[: first_length - position], char_format))
                rest.append((run[first_length - position :], char_format))
            position = end
        direction = self.rtl_document if rtl is None else rtl
        block = self.block(first, fmt, rtl=direction, top=top, block_char=plain)
        if rest and top is not None:  # only the first line moves: start the next block unmoved
            self.cursor.insertBlock(self.unmoved_format, rest[0][1])
            rest[0] = (rest[0][0][1:], rest[0][1])  # its text starts with that line break
        for run, char_format in rest:
            if run:
                self.cursor.insertText(run, char_format)
        return block
