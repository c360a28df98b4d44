"""The letter editor's text box: plain text, each paragraph of a two-language letter on its side.

A ``QPlainTextEdit`` lays every paragraph out in one direction and on one side, so in an
Arabic and German letter the German paragraphs stood on the right (and Arabic ones on the
left of a Portuguese and Arabic letter). This editor keeps plain text (``toPlainText`` is the
letter as written; pasted text loses its formatting) and lets a paragraph that the letter
isolates in its own direction (LRI or RLI ... PDI, as two-language letters do) run in that
direction from its own side, as the printed letter does.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
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
        line that starts with a Latin name inside an Arabic letter keeps the letter's side)."""
        block = self.document().begin()
        while block.isValid():
            rtl = isolate_direction(block.text())
            set_block_direction(block, letter_rtl if rtl is None else rtl)
            block = block.next()
