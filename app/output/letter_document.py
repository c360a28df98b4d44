"""One letter as a paginated QTextDocument: sender, window-placed recipient, date, body."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QPaintDevice,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from app.domain.model import Letter, SenderProfile, Target
from app.output.address import postal_lines
from app.output.bidi_text import (
    body_text_and_spans,
    emphasis_names,
    is_rtl_text,
    one_direction,
)
from app.output.head_placement import HEAD_MARGINS, add_top_margins, head_shape, place_all
from app.output.letter_layout import (
    PageSpec,
    TypeSizes,
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

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor
_TITLE = QTextDocument.MetaInformation.DocumentTitle


@lru_cache(maxsize=64)
def _char_format(
    size: float, *, bold: bool = False, serif: bool = True, underline: bool = False
) -> QTextCharFormat:
    """A shared character format (never mutated: Qt copies formats when text is inserted)."""
    fmt = QTextCharFormat()
    fmt.setFont(make_font(size, bold=bold, serif=serif))
    fmt.setFontUnderline(underline)
    return fmt


class _Builder:
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
    paint_device: QPaintDevice | None = None,
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
    # Laying out on the very device that will paint (a 600 dpi PDF writer) saves a font
    # lookup per glyph run when painting; any other 600 dpi device gives the same layout.
    doc.documentLayout().setPaintDevice(paint_device or layout_device())
    doc.setUndoRedoEnabled(False)  # a printout needs no undo history (and is faster)
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(make_font(sizes.body))
    option = doc.defaultTextOption()
    option.setTextDirection(_RTL if rtl else _LTR)
    doc.setDefaultTextOption(option)
    doc.setPageSize(QSizeF(mm_to_units(spec.width), mm_to_units(spec.height)))
    root = doc.rootFrame().frameFormat()
    root.setMargin(0)
    root.setTopMargin(margin_length(mm_to_units(spec.margin_top)))
    root.setBottomMargin(margin_length(mm_to_units(spec.margin_bottom)))
    root.setLeftMargin(margin_length(mm_to_units(spec.margin_left)))
    root.setRightMargin(margin_length(mm_to_units(spec.margin_right)))
    doc.rootFrame().setFrameFormat(root)
    doc.setMetaInformation(_TITLE, letter.subject or target.label)

    parts = split_letter(letter.text, sender, target)
    body_lines = reflow_hard_wraps(parts.body_lines)
    builder = _Builder(doc, rtl)
    sender_plain = _char_format(sizes.sender)
    sender_name = _char_format(sizes.sender + 1.5, bold=True)
    head = sender_lines(sender)
    sender_fmt = QTextBlockFormat()
    sender_fmt.setAlignment(_RIGHT)
    head_rtl = one_direction(head)
    if head and head_rtl is not None:
        name_span = [(0, len(head[0]), sender_name)]
        builder.text_block(head, sender_fmt, sender_plain, name_span, rtl=head_rtl)
    else:
        for index, line in enumerate(head):
            fmt = QTextBlockFormat(sender_fmt)
            runs = [(line, sender_name if index == 0 else sender_plain)]
            builder.block(runs, fmt, rtl=is_rtl_text(line))

    # Block left/right margins are taken in device units, unlike top/bottom ones (measured).
    window_indent = mm_to_units(spec.window_left - spec.margin_left)
    window_right = mm_to_units(
        spec.text_width - (spec.window_left - spec.margin_left) - spec.window_width
    )
    return_line = return_address_line(sender)
    if spec.return_line_top is not None and return_line:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(window_indent)
        fmt.setRightMargin(max(0.0, window_right - mm_to_units(6)))  # the whole 85 mm field
        small = _char_format(sizes.return_line, serif=False, underline=True)
        block = builder.block([(return_line, small)], fmt, rtl=False)
        builder.place(block, mm_to_units(spec.return_line_top))
    recipient_plain = _char_format(sizes.recipient)
    recipient_name = _char_format(sizes.recipient, bold=True)
    address = postal_lines(target, country)
    window_fmt = QTextBlockFormat()
    window_fmt.setLeftMargin(window_indent)
    window_fmt.setRightMargin(window_right)
    address_rtl = one_direction(address)
    if address and address_rtl is not None:
        window_fmt.setAlignment(_RIGHT if address_rtl else _LEFT)
        name_span = [(0, len(address[0]), recipient_name)]
        first = builder.text_block(address, window_fmt, recipient_plain, name_span, rtl=address_rtl)
        if first is not None:
            builder.place(first, mm_to_units(spec.window_top))
    else:
        for index, line in enumerate(address):
            fmt = QTextBlockFormat(window_fmt)
            line_rtl = is_rtl_text(line)
            fmt.setAlignment(_RIGHT if line_rtl else _LEFT)
            runs = [(line, recipient_name if index == 0 else recipient_plain)]
            block = builder.block(runs, fmt, rtl=line_rtl)
            if index == 0:
                builder.place(block, mm_to_units(spec.window_top))
    builder.anchor_top = mm_to_units(spec.date_top)  # the date, or whatever comes first
    builder.head_shape = head_shape(spec, sizes, rtl, head, return_line, address, paint_device)

    plain = _char_format(sizes.body)
    bold = _char_format(sizes.body, bold=True)
    start = _LEFT if not rtl else _RIGHT
    date_fmt = QTextBlockFormat()
    date_fmt.setAlignment(_LEFT if rtl else _RIGHT)
    date_fmt.setBottomMargin(margin_length(mm_to_units(4)))
    # Latin names and towns inside right-to-left lines are isolated so bidi keeps them whole.
    latin_names = (
        sender.name,
        sender.city,
        sender.country,
        country or "",
        target.display_name,
        target.name or "",
    )
    isolate = tuple(n for n in latin_names if n.strip() and not is_rtl_text(n)) if rtl else ()
    if parts.date_line:
        date_line = body_text_and_spans((parts.date_line,), (), "", rtl, isolate)[0]
        builder.block([(date_line, plain)], date_fmt, rtl=rtl)
    subject = letter.subject.strip()
    for raw_line in parts.extra_head_lines:
        line = body_text_and_spans((raw_line,), (), "", rtl, isolate)[0]
        fmt = QTextBlockFormat()
        fmt.setAlignment(start)
        builder.block([(line, bold if subject and subject in raw_line else plain)], fmt, rtl=rtl)
    # The template may print the subject itself ("Re: ..."): then that line is the subject.
    subject_in_text = bool(subject) and any(
        subject in line for line in (*parts.extra_head_lines, *body_lines[:4])
    )
    if subject and not subject_in_text:
        fmt = QTextBlockFormat()
        fmt.setAlignment(start)
        fmt.setBottomMargin(margin_length(mm_to_units(5)))
        builder.block([(subject, bold)], fmt, rtl=rtl)
    names = emphasis_names(emphasis)
    body_fmt = QTextBlockFormat()
    body_fmt.setAlignment(start)
    body_text, spans = body_text_and_spans(
        body_lines, names, subject if subject_in_text else "", rtl, isolate_only=isolate
    )
    bold_spans = [(begin, end, bold) for begin, end in spans]
    builder.text_block(tuple(body_text.split("\n")), body_fmt, plain, bold_spans)
    builder.finish()
    return doc
