"""The letter editor's text box: plain text, each paragraph of a two-language letter on its side.

A ``QPlainTextEdit`` lays every paragraph out in one direction and on one side, so in an
Arabic and German letter the German paragraphs stood on the right (and Arabic ones on the
left of a Portuguese and Arabic letter). This editor keeps plain text (``toPlainText`` is the
letter as written; pasted text loses its formatting) and lets a paragraph that the letter
isolates in its own direction (LRI or RLI ... PDI, as two-language letters do) run in that
direction from its own side, as the printed letter does.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from app.output.letter_builder import isolate_direction, set_block_direction


class LetterTextEdit(QTextEdit):
    """Plain text in, plain text out; paragraphs of the other direction on their own side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)

    def appendPlainText(self, text: str) -> None:  # noqa: N802 - as QPlainTextEdit names it
        """A new paragraph with ``text`` at the end (what ``QPlainTextEdit`` does)."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertText(text)

    def set_paragraph_sides(self, letter_rtl: bool) -> None:
        """Every paragraph in the letter's direction and on its side, except one that starts
        with an isolate: that one runs in the isolate's direction from its own side (also a
        line that starts with a Latin name inside an Arabic letter keeps the letter's side).
        A line of an Arabic letter with no right-to-left letter at all (the writer's street,
        an official's Latin name or address) reads left to right on the letter's side, as
        the printed letter shows it: laid out right to left, "12 Sample Street" read
        "Sample Street 12"."""
        block = self.document().begin()
        while block.isValid():
            rtl = isolate_direction(block.text())
            if rtl is None and letter_rtl and _left_to_right_only(block.text()):
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
                QTextCursor(block).setBlockFormat(fmt)
            else:
                set_block_direction(block, letter_rtl if rtl is None else rtl)
            block = block.next()


def _left_to_right_only(text: str) -> bool:
    """``text`` has a left-to-right letter and no right-to-left one."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    return "L" in kinds and not kinds & {"R", "AL"}
