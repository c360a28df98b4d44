"""One letter as a paginated QTextDocument: sender, window-placed recipient, date, body."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from app.domain.model import Letter, SenderProfile, Target
from app.output.address import postal_lines
from app.output.letter_layout import (
    PageSpec,
    page_spec,
    reflow_hard_wraps,
    return_address_line,
    sender_lines,
    split_letter,
)
from app.output.qt_runtime import (
    ensure_gui_application,
    layout_device,
    make_font,
    margin_length,
    mm_to_units,
)

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: keeps a Latin name whole in RTL text
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute


@dataclass(frozen=True, slots=True)
class TypeSizes:
    """Point sizes of the parts of a letter."""

    body: float
    sender: float
    recipient: float
    return_line: float = 6.5

    @classmethod
    def for_letter(cls, large_print: bool, body: float | None = None) -> TypeSizes:
        if large_print:
            return cls(body=body or 16.0, sender=12.0, recipient=12.0)
        return cls(body=body or 11.0, sender=9.5, recipient=10.5)


def _is_rtl_text(text: str) -> bool:
    """The direction of the first strong character (Unicode bidi rules P2/P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _char_format(font: QFont) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font)
    return fmt


class _Builder:
    """Appends blocks to a document through one cursor."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.started = False

    def block(
        self,
        runs: list[tuple[str, QTextCharFormat]],
        fmt: QTextBlockFormat,
        *,
        rtl: bool,
    ) -> QTextBlock:
        fmt.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
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
        return self.cursor.block()


def _emphasis_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    names = tuple(sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True))
    if not names:
        return None
    return re.compile("|".join(re.escape(name) for name in names))


def _body_runs(
    line: str,
    pattern: re.Pattern[str] | None,
    plain: QTextCharFormat,
    bold: QTextCharFormat,
    rtl: bool,
) -> list[tuple[str, QTextCharFormat]]:
    """Split a body line into plain and bold runs; isolate Latin names inside RTL text."""
    if pattern is None:
        return [(line, plain)]
    runs: list[tuple[str, QTextCharFormat]] = []
    position = 0
    for match in pattern.finditer(line):
        runs.append((line[position : match.start()], plain))
        name = match.group(0)
        runs.append((f"{FSI}{name}{PDI}" if rtl and not _is_rtl_text(name) else name, bold))
        position = match.end()
    runs.append((line[position:], plain))
    return runs


def _place(doc: QTextDocument, block: QTextBlock, top_units: float) -> None:
    """Move ``block`` down (never up) so its first line starts at ``top_units``."""
    doc.documentLayout().blockBoundingRect(block)  # lays the document out up to the block
    shift = top_units - block.layout().position().y()
    if shift <= 0.5:
        return
    fmt = block.blockFormat()
    fmt.setTopMargin(fmt.topMargin() + margin_length(shift))
    cursor = QTextCursor(block)
    cursor.setBlockFormat(fmt)


def letter_document(
    letter: Letter,
    *,
    sender: SenderProfile,
    target: Target,
    page_size: str = "A4",
    emphasis: tuple[str, ...] = (),
    large_print: bool = False,
    body_point_size: float | None = None,
    country: str | None = None,
) -> QTextDocument:
    """The letter laid out on one sheet size; print it with ``doc.print_(printer)`` or the PDF writer.

    The document is paginated in units of 1/600 inch: give a printer zero margins and the same
    page size (``prepare_paged_device``) so the recipient lands in the envelope window.
    """
    ensure_gui_application()
    spec: PageSpec = page_spec(page_size)
    sizes = TypeSizes.for_letter(large_print, body_point_size)
    rtl = letter.right_to_left
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(layout_device())
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(make_font(sizes.body))
    option = doc.defaultTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    doc.setDefaultTextOption(option)
    doc.setPageSize(QSizeF(mm_to_units(spec.width), mm_to_units(spec.height)))
    root = doc.rootFrame().frameFormat()
    root.setMargin(0)
    root.setTopMargin(margin_length(mm_to_units(spec.margin_top)))
    root.setBottomMargin(margin_length(mm_to_units(spec.margin_bottom)))
    root.setLeftMargin(margin_length(mm_to_units(spec.margin_left)))
    root.setRightMargin(margin_length(mm_to_units(spec.margin_right)))
    doc.rootFrame().setFrameFormat(root)
    doc.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, letter.subject or target.label
    )

    parts = split_letter(letter.text, sender, target)
    body_lines = reflow_hard_wraps(parts.body_lines)
    builder = _Builder(doc)
    sender_plain = _char_format(make_font(sizes.sender))
    sender_name = _char_format(make_font(sizes.sender + 1.5, bold=True))
    for index, line in enumerate(sender_lines(sender)):
        fmt = QTextBlockFormat()
        fmt.setAlignment(_RIGHT)
        builder.block(
            [(line, sender_name if index == 0 else sender_plain)], fmt, rtl=_is_rtl_text(line)
        )

    # Block left/right margins are taken in device units, unlike top/bottom ones (measured).
    window_indent = mm_to_units(spec.window_left - spec.margin_left)
    window_right = mm_to_units(
        spec.text_width - (spec.window_left - spec.margin_left) - spec.window_width
    )
    placements: list[tuple[QTextBlock, float]] = []
    return_line = return_address_line(sender)
    if spec.return_line_top is not None and return_line:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(window_indent)
        fmt.setRightMargin(max(0.0, window_right - mm_to_units(6)))  # the whole 85 mm field
        small = _char_format(make_font(sizes.return_line, serif=False))
        small.setFontUnderline(True)
        block = builder.block([(return_line, small)], fmt, rtl=False)
        placements.append((block, mm_to_units(spec.return_line_top)))
    recipient_plain = _char_format(make_font(sizes.recipient))
    recipient_name = _char_format(make_font(sizes.recipient, bold=True))
    for index, line in enumerate(postal_lines(target, country)):
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(window_indent)
        fmt.setRightMargin(window_right)
        line_rtl = _is_rtl_text(line)
        fmt.setAlignment(_RIGHT if line_rtl else _LEFT)
        block = builder.block(
            [(line, recipient_name if index == 0 else recipient_plain)], fmt, rtl=line_rtl
        )
        if index == 0:
            placements.append((block, mm_to_units(spec.window_top)))

    plain = _char_format(make_font(sizes.body))
    bold = _char_format(make_font(sizes.body, bold=True))
    start = _LEFT if not rtl else _RIGHT
    date_fmt = QTextBlockFormat()
    date_fmt.setAlignment(_LEFT if rtl else _RIGHT)
    date_fmt.setBottomMargin(margin_length(mm_to_units(4)))
    if parts.date_line:
        placements.append(
            (
                builder.block([(parts.date_line, plain)], date_fmt, rtl=rtl),
                mm_to_units(spec.date_top),
            )
        )
    subject = letter.subject.strip()
    for line in parts.extra_head_lines:
        fmt = QTextBlockFormat()
        fmt.setAlignment(start)
        builder.block([(line, bold if subject and subject in line else plain)], fmt, rtl=rtl)
    # The template may print the subject itself ("Re: ..."): then that line is the subject.
    subject_in_text = bool(subject) and any(
        subject in line for line in (*parts.extra_head_lines, *body_lines[:4])
    )
    if subject and not subject_in_text:
        fmt = QTextBlockFormat()
        fmt.setAlignment(start)
        fmt.setBottomMargin(margin_length(mm_to_units(5)))
        block = builder.block([(subject, bold)], fmt, rtl=rtl)
        if not parts.date_line:
            placements.append((block, mm_to_units(spec.date_top)))
    pattern = _emphasis_pattern(emphasis)
    for index, line in enumerate(body_lines):
        fmt = QTextBlockFormat()
        fmt.setAlignment(start)
        runs = (
            [(line, bold)]
            if subject_in_text and subject in line
            else _body_runs(line, pattern, plain, bold, rtl)
        )
        block = builder.block(runs, fmt, rtl=rtl)
        if index == 0 and not parts.date_line and (subject_in_text or not subject):
            placements.append((block, mm_to_units(spec.date_top)))
    for block, top in placements:  # top to bottom: each move shifts only what follows it
        _place(doc, block, top)
    return doc
