"""Builds a letter's QTextDocument block by block, with its head placed in one layout pass."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.output.head_placement import HEAD_MARGINS, add_top_margins, place_all
from app.output.qt_runtime import make_font

_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


@lru_cache(maxsize=64)
def char_format(
    size: float, *, bold: bool = False, serif: bool = True, underline: bool = False
) -> QTextCharFormat:
    """A shared character format (never mutated: Qt copies formats when text is inserted)."""
    fmt = QTextCharFormat()
    fmt.setFont(make_font(size, bold=bold, serif=serif))
    fmt.setFontUnderline(underline)
    return fmt


class DocumentBuilder:
    """Appends blocks to a document through one cursor."""

    def __init__(self, doc: QTextDocument, rtl_document: bool) -> None:
        self.doc = doc
        self.rtl_document = rtl_document
        self.cursor = QTextCursor(doc)
        self.cursor.beginEditBlock()  # layout once per edit block, not once per line
        self.started = False
        self.placements: list[tuple[QTextBlock, float]] = []
        self.anchor_top: float | None = None  # where the next block (end of the head) goes
        self.head_shape: tuple[object, ...] | None = None  # None: measure this head

    def place(self, block: QTextBlock, top: float) -> None:
        self.placements.append((block, top))

    def _complete_head(self) -> None:
        """Place the head's blocks: with the margins of a head of the same shape, or measured."""
        self.anchor_top = None
        known = HEAD_MARGINS.get(self.head_shape) if self.head_shape else None
        if known is not None:  # no layout pass at all: the whole letter is laid out once
            add_top_margins(self.doc, self.placements, known)
            return
        self.cursor.endEditBlock()
        added = place_all(self.doc, self.placements)
        if self.head_shape is not None:
            if len(HEAD_MARGINS) > 256:
                HEAD_MARGINS.clear()
            HEAD_MARGINS[self.head_shape] = added
        self.cursor.beginEditBlock()

    def finish(self) -> None:
        if self.anchor_top is not None:
            self._complete_head()
        self.cursor.endEditBlock()

    def block(
        self,
        runs: list[tuple[str, QTextCharFormat]],
        fmt: QTextBlockFormat,
        *,
        rtl: bool,
    ) -> QTextBlock:
        if rtl != self.rtl_document:
            fmt = QTextBlockFormat(fmt)  # shared formats are never changed
            fmt.setLayoutDirection(_RTL if rtl else _LTR)
        first_format = runs[0][1] if runs else QTextCharFormat()
        if self.started:
            self.cursor.insertBlock(fmt, first_format)
        else:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(first_format)
            self.started = True
        for text, char_format in runs:
            if text:
                self.cursor.insertText(text, char_format)
        block = self.cursor.block()
        if self.anchor_top is not None:
            # The head is complete: place it (laying out just the head), then build the body.
            self.place(block, self.anchor_top)
            self._complete_head()
        return block

    def text_block(
        self,
        lines: tuple[str, ...] | list[str],
        fmt: QTextBlockFormat,
        plain: QTextCharFormat,
        spans: list[tuple[int, int, QTextCharFormat]] = (),  # type: ignore[assignment]
        *,
        rtl: bool | None = None,
    ) -> QTextBlock | None:
        """Insert many lines in one call (one block each, one format); return the first block.

        ``spans`` (begin, end, format) are offsets into ``"\n".join(lines)``: each line break
        becomes one block separator, so offsets map one to one onto document positions.
        """
        if not lines:
            return None
        first = self.block([(lines[0], plain)], fmt, rtl=self.rtl_document if rtl is None else rtl)
        start = first.position()
        if len(lines) > 1:
            self.cursor.insertText("\n" + "\n".join(lines[1:]), plain)
        if spans:
            span_cursor = QTextCursor(self.doc)
            for begin, end, char_format in spans:
                span_cursor.setPosition(start + begin)
                span_cursor.setPosition(start + end, _KEEP_ANCHOR)
                span_cursor.setCharFormat(char_format)
        return first
