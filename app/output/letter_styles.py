"""The formats one kind of letter uses, shared by the letter's head and its body."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextFrameFormat

from app.output.letter_layout import PageSpec, TypeSizes


@dataclass(frozen=True)
class LetterStyles:
    """Every format one kind of letter uses (shared, never mutated), with its positions."""

    spec: PageSpec
    sizes: TypeSizes
    root: QTextFrameFormat
    sender: QTextBlockFormat
    return_line: QTextBlockFormat
    window_ltr: QTextBlockFormat
    window_rtl: QTextBlockFormat
    date: QTextBlockFormat
    start: QTextBlockFormat
    subject: QTextBlockFormat
    sender_plain: QTextCharFormat
    sender_name: QTextCharFormat
    small: QTextCharFormat
    recipient_plain: QTextCharFormat
    recipient_name: QTextCharFormat
    plain: QTextCharFormat
    bold: QTextCharFormat
