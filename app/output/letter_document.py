"""One letter as a paginated QTextDocument: sender, window-placed recipient, date, body."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPaintDevice,
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
_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor
_TITLE = QTextDocument.MetaInformation.DocumentTitle
_BEYOND_LATIN = re.compile("[^\u0000-\u024f]")  # scripts that may need fallback fonts


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
        return cls(body=body or 11.0, sender=9.5, recipient=11.0)


def _is_rtl_text(text: str) -> bool:
    """The direction of the first strong character (Unicode bidi rules P2/P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


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
        known = _HEAD_MARGINS.get(self.head_shape) if self.head_shape else None
        if known is not None:  # no layout pass at all: the whole letter is laid out once
            _add_top_margins(self.doc, self.placements, known)
            return
        self.cursor.endEditBlock()
        added = _place_all(self.doc, self.placements)
        if self.head_shape is not None:
            if len(_HEAD_MARGINS) > 256:
                _HEAD_MARGINS.clear()
            _HEAD_MARGINS[self.head_shape] = added
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


def _one_direction(lines: list[str]) -> bool | None:
    """True/False when every line reads right-to-left/left-to-right; None when they differ."""
    directions = {_is_rtl_text(line) for line in lines}
    return directions.pop() if len(directions) == 1 else None


def _emphasis_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names to print in bold, longest first (so "Ana María" wins over "Ana")."""
    return tuple(sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True))


def _find_names(line: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of ``names`` in ``line``, left to right."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = line.find(name)
        while start >= 0:
            end = start + len(name)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = line.find(name, end)
    return sorted(spans)


def _body_text_and_spans(
    lines: tuple[str, ...],
    names: tuple[str, ...],
    subject: str,
    rtl: bool,
    isolate_only: tuple[str, ...] = (),
) -> tuple[str, list[tuple[int, int]]]:
    """The body as one string and the spans to print in bold: names, and the subject line.

    Inside right-to-left text a Latin name (a person's, or an official's in ``isolate_only``)
    is wrapped in FSI...PDI so bidi keeps it whole (PITFALLS PDF-4).
    """
    bold_names = set(names)
    if rtl:
        names = _emphasis_names((*names, *isolate_only))
    out_lines: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        subject_line = bool(subject) and subject in line
        if names:
            pieces: list[str] = []
            position = 0
            length = 0
            for begin, end in _find_names(line, names):
                pieces.append(line[position:begin])
                length += begin - position
                name = line[begin:end]
                emphasised = name in bold_names
                if rtl and not _is_rtl_text(name):
                    name = f"{FSI}{name}{PDI}"
                if emphasised and not subject_line:
                    spans.append((offset + length, offset + length + len(name)))
                pieces.append(name)
                length += len(name)
                position = end
            if pieces:
                pieces.append(line[position:])
                line = "".join(pieces)
        if subject_line:
            spans.append((offset, offset + len(line)))
        out_lines.append(line)
        offset += len(line) + 1
    return "\n".join(out_lines), spans


# Top margins added to the placed blocks, by head shape (page, type sizes, line counts):
# every letter of a batch from one sender to one kind of address shares them.
_HEAD_MARGINS: dict[tuple[object, ...], tuple[float, ...]] = {}


def _place_all(doc: QTextDocument, placements: list[tuple[QTextBlock, float]]) -> tuple[float, ...]:
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
    _add_top_margins(doc, placements, tuple(added))
    return tuple(added)


def _add_top_margins(
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
def _one_line(
    text: str, size: float, width: float, *, bold: bool = False, serif: bool = True
) -> bool:
    """True when ``text`` surely fits on one line ``width`` units wide (with a safety margin)."""
    return _metrics(size, bold, serif).horizontalAdvance(text) < 0.95 * width


def _head_shape(
    spec: PageSpec,
    sizes: TypeSizes,
    rtl: bool,
    sender_block: list[str],
    return_line: str,
    address: list[str],
    device: QPaintDevice | None,
) -> tuple[object, ...] | None:
    """What the head's height depends on, when every head line fits on one line; else None."""
    text_width = mm_to_units(spec.text_width)
    window_width = mm_to_units(spec.window_width)
    fits = all(
        _one_line(line, sizes.sender + (1.5 if i == 0 else 0), text_width, bold=i == 0)
        for i, line in enumerate(sender_block)
    ) and all(
        _one_line(line, sizes.recipient, window_width, bold=i == 0)
        for i, line in enumerate(address)
    )
    if spec.return_line_top is not None and return_line:
        fits = fits and _one_line(return_line, sizes.return_line, window_width, serif=False)
    # Other scripts may come from fallback fonts with other line heights: measure those heads.
    if not fits or _BEYOND_LATIN.search("".join((*sender_block, *address, return_line))):
        return None
    dpi = (device or layout_device()).logicalDpiY()
    has_return = bool(spec.return_line_top is not None and return_line)
    return (spec.name, sizes, rtl, dpi, len(sender_block), has_return, len(address))


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
    head_rtl = _one_direction(head)
    if head and head_rtl is not None:
        name_span = [(0, len(head[0]), sender_name)]
        builder.text_block(head, sender_fmt, sender_plain, name_span, rtl=head_rtl)
    else:
        for index, line in enumerate(head):
            fmt = QTextBlockFormat(sender_fmt)
            runs = [(line, sender_name if index == 0 else sender_plain)]
            builder.block(runs, fmt, rtl=_is_rtl_text(line))

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
    address_rtl = _one_direction(address)
    if address and address_rtl is not None:
        window_fmt.setAlignment(_RIGHT if address_rtl else _LEFT)
        name_span = [(0, len(address[0]), recipient_name)]
        first = builder.text_block(address, window_fmt, recipient_plain, name_span, rtl=address_rtl)
        if first is not None:
            builder.place(first, mm_to_units(spec.window_top))
    else:
        for index, line in enumerate(address):
            fmt = QTextBlockFormat(window_fmt)
            line_rtl = _is_rtl_text(line)
            fmt.setAlignment(_RIGHT if line_rtl else _LEFT)
            runs = [(line, recipient_name if index == 0 else recipient_plain)]
            block = builder.block(runs, fmt, rtl=line_rtl)
            if index == 0:
                builder.place(block, mm_to_units(spec.window_top))
    builder.anchor_top = mm_to_units(spec.date_top)  # the date, or whatever comes first
    builder.head_shape = _head_shape(spec, sizes, rtl, head, return_line, address, paint_device)

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
    isolate = tuple(n for n in latin_names if n.strip() and not _is_rtl_text(n)) if rtl else ()
    if parts.date_line:
        date_line = _body_text_and_spans((parts.date_line,), (), "", rtl, isolate)[0]
        builder.block([(date_line, plain)], date_fmt, rtl=rtl)
    subject = letter.subject.strip()
    for raw_line in parts.extra_head_lines:
        line = _body_text_and_spans((raw_line,), (), "", rtl, isolate)[0]
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
    names = _emphasis_names(emphasis)
    body_fmt = QTextBlockFormat()
    body_fmt.setAlignment(start)
    body_text, spans = _body_text_and_spans(
        body_lines, names, subject if subject_in_text else "", rtl, isolate_only=isolate
    )
    bold_spans = [(begin, end, bold) for begin, end in spans]
    builder.text_block(tuple(body_text.split("\n")), body_fmt, plain, bold_spans)
    builder.finish()
    return doc
