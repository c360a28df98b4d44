"""One letter as a paginated QTextDocument: sender, window-placed recipient, date, body."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QPaintDevice,
    QTextBlock,
    QTextBlockFormat,
    QTextDocument,
    QTextFrameFormat,
)

from app.domain.model import Letter, SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.address import postal_lines
from app.output.bidi_text import body_text_and_spans, emphasis_names, is_rtl_text
from app.output.letter_builder import (
    LEFT_TO_RIGHT_ISOLATE,
    RIGHT_TO_LEFT_ISOLATE,
    DocumentBuilder,
    char_format,
    isolate_direction,
    set_block_direction,
)
from app.output.letter_head import HeadPlan, add_head, plan_head
from app.output.letter_layout import TypeSizes, page_spec
from app.output.letter_parts import LetterParts, reflow_hard_wraps, split_letter
from app.output.letter_styles import LetterStyles
from app.output.qt_runtime import ensure_gui_application, layout_device, make_font, margin_length
from app.output.qt_runtime import mm_to_units as mm

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
_TITLE = QTextDocument.MetaInformation.DocumentTitle


def _block_format(
    alignment: Qt.AlignmentFlag, *, left: float = 0, right: float = 0
) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(alignment)
    if left or right:  # block left/right margins are in device units, unlike top/bottom (measured)
        fmt.setLeftMargin(left)
        fmt.setRightMargin(right)
    return fmt


@lru_cache(maxsize=32)
def _styles(page_size: PageSize, sizes: TypeSizes, rtl: bool) -> LetterStyles:
    spec = page_spec(page_size)
    root = QTextFrameFormat()
    root.setMargin(0)
    root.setTopMargin(margin_length(mm(spec.margin_top)))
    root.setBottomMargin(margin_length(mm(spec.margin_bottom)))
    root.setLeftMargin(margin_length(mm(spec.margin_left)))
    root.setRightMargin(margin_length(mm(spec.margin_right)))
    indent = mm(spec.window_left - spec.margin_left)
    right = mm(spec.text_width - (spec.window_left - spec.margin_left) - spec.window_width)
    start, end = (_RIGHT, _LEFT) if rtl else (_LEFT, _RIGHT)
    date = _block_format(end)
    date.setBottomMargin(margin_length(mm(4)))
    subject = _block_format(start)
    subject.setBottomMargin(margin_length(mm(5)))
    return LetterStyles(
        spec=spec,
        sizes=sizes,
        root=root,
        sender=_block_format(_RIGHT),
        # the return line may use the whole 85 mm address field, 6 mm more than the window
        return_line=_block_format(_LEFT, left=indent, right=max(0.0, right - mm(6))),
        window_ltr=_block_format(_LEFT, left=indent, right=right),
        window_rtl=_block_format(_RIGHT, left=indent, right=right),
        date=date,
        start=_block_format(start),
        subject=subject,
        sender_plain=char_format(sizes.sender),
        sender_name=char_format(sizes.sender + 1.5, bold=True),
        small=char_format(sizes.return_line, serif=False, underline=True),
        recipient_plain=char_format(sizes.recipient),
        recipient_name=char_format(sizes.recipient, bold=True),
        plain=char_format(sizes.body),
        bold=char_format(sizes.body, bold=True),
    )


def new_document(
    styles: LetterStyles, rtl: bool, device: QPaintDevice, title: str
) -> QTextDocument:
    """An empty letter document laid out on ``device``, set up for ``styles``."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setUndoRedoEnabled(False)  # a printout needs no undo history (and is faster)
    doc.setUseDesignMetrics(True)
    doc.setPageSize(QSizeF(mm(styles.spec.width), mm(styles.spec.height)))
    set_type_and_direction(doc, styles, rtl)
    start_letter(doc, styles, title)
    return doc


def set_type_and_direction(doc: QTextDocument, styles: LetterStyles, rtl: bool) -> None:
    """The body type and the text direction (``QTextDocument.clear()`` keeps both)."""
    doc.setDefaultFont(make_font(styles.sizes.body))
    option = doc.defaultTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    doc.setDefaultTextOption(option)


def start_letter(doc: QTextDocument, styles: LetterStyles, title: str) -> None:
    """Margins and title of an empty document (``QTextDocument.clear()`` resets both)."""
    doc.rootFrame().setFrameFormat(styles.root)
    set_title(doc, title)


def set_title(doc: QTextDocument, title: str) -> None:
    doc.setMetaInformation(_TITLE, title)


def _isolated(line: str, rtl: bool, isolate: tuple[str, ...]) -> str:
    """A head line with its Latin names isolated in right-to-left text (unchanged otherwise)."""
    if not rtl:
        return line
    return body_text_and_spans((line,), (), "", rtl, isolate)[0]


def _add_body(
    builder: DocumentBuilder,
    styles: LetterStyles,
    letter: Letter,
    parts: LetterParts,
    emphasis: tuple[str, ...],
    isolate: tuple[str, ...],
) -> None:
    """Date, any other head lines, the subject (bold) and the body with the names in bold."""
    rtl = letter.right_to_left
    if parts.date_line:
        date_line = _isolated(parts.date_line, rtl, isolate)
        builder.block([(date_line, styles.plain)], styles.date, rtl=rtl)
    subject = _printed_subject(letter.subject, (*parts.extra_head_lines, *parts.body_lines[:4]))
    for raw_line in parts.extra_head_lines:
        line = _isolated(raw_line, rtl, isolate)
        char = styles.bold if subject and subject in raw_line else styles.plain
        builder.block([(line, char)], styles.start, rtl=rtl)
    body_lines = reflow_hard_wraps(parts.body_lines)
    # The template may print the subject itself ("Re: ..."): then that line is the subject.
    subject_in_text = bool(subject) and any(
        subject in line for line in (*parts.extra_head_lines, *body_lines[:4])
    )
    if subject and not subject_in_text:
        builder.block([(subject, styles.bold)], styles.subject, rtl=rtl)
    body_text, spans = body_text_and_spans(
        body_lines, emphasis_names(emphasis), subject if subject_in_text else "", rtl, isolate
    )
    bold_spans = [(begin, end, styles.bold) for begin, end in spans]
    first = builder.text_block(body_text, styles.start, styles.plain, bold_spans)
    if LEFT_TO_RIGHT_ISOLATE in body_text or RIGHT_TO_LEFT_ISOLATE in body_text:
        _paragraph_directions(first)


# A marking in brackets before a subject ("[FICTIONAL SAMPLE - DO NOT SEND] UA 901/27: ...").
_MARKED_SUBJECT = re.compile(r"^\[[^\]\n]+\]\s*(?P<subject>.+)$", re.DOTALL)


def _printed_subject(subject: str, head: tuple[str, ...]) -> str:
    """The subject as the letter's text prints it. A practice letter's subject carries the
    fictional-sample marking (its e-mail subject line needs it), which the text prints on a
    line of its own: the subject after the marking is the one in the text, printed once."""
    subject = subject.strip()
    marked = _MARKED_SUBJECT.match(subject)
    if marked and not any(subject in line for line in head):
        core = marked.group("subject").strip()
        if any(core in line for line in head):
            return core
    return subject


# A bilingual letter isolates each line of each language in its direction (LRI or RLI ... PDI).


def _paragraph_directions(block: QTextBlock) -> None:
    """Set each block that starts with an isolate to that direction, aligned to its start, so
    the English paragraphs of an Arabic letter run left to right from the left margin."""
    while block.isValid():
        rtl = isolate_direction(block.text())
        if rtl is not None:
            set_block_direction(block, rtl)
        block = block.next()


def letter_document(
    letter: Letter,
    *,
    sender: SenderProfile,
    target: Target,
    page_size: PageSize,
    emphasis: tuple[str, ...] = (),
    large_print: bool = False,
    body_point_size: float | None = None,
    country: str | None = None,
    paint_device: QPaintDevice | None = None,
) -> QTextDocument:
    """The letter laid out on one sheet size; print it with ``doc.print_(printer)`` or the PDF writer.

    The document is paginated in units of 1/600 inch: give a printer zero margins and the same
    page size (``prepare_paged_device``) so the recipient lands in the envelope window.
    Laying out on the 600 dpi PDF writer that will paint it (``paint_device``) saves a font
    lookup per glyph run; any 600 dpi device gives the same layout.
    """
    ensure_gui_application()
    target = letter.recipient or target  # as the letter names the official
    rtl = letter.right_to_left
    styles = letter_styles(page_size, large_print, body_point_size, rtl)
    device = paint_device or layout_device()
    doc = new_document(styles, rtl, device, letter.subject or target.label)
    fill_letter(doc, styles, letter, sender, target, emphasis, country)
    return doc


def letter_styles(
    page_size: PageSize, large_print: bool, body_point_size: float | None, rtl: bool
) -> LetterStyles:
    """The shared formats of a letter of this page, type size and direction."""
    return _styles(page_size, TypeSizes.for_letter(large_print, body_point_size), rtl)


def fill_letter(
    doc: QTextDocument,
    styles: LetterStyles,
    letter: Letter,
    sender: SenderProfile,
    target: Target,
    emphasis: tuple[str, ...],
    country: str | None,
    *,
    plan: HeadPlan | None = None,
    kept_until: int | None = None,
) -> int:
    """Write the letter into an empty document set up for ``styles``.

    With ``kept_until`` the document holds the sender's part of the head up to there (see
    ``add_head``); returns where this letter's sender part ends.
    """
    rtl = letter.right_to_left
    target = letter.recipient or target
    if plan is None:
        device = doc.documentLayout().paintDevice()
        plan = plan_head(
            styles, sender, postal_lines(target, country), rtl, device, letter.recipient_style
        )
    parts = split_letter(letter.text, sender, target, letter.recipient_style)
    builder = DocumentBuilder(doc, rtl)
    sender_part_end = add_head(builder, plan, kept_until=kept_until)
    # Latin names and towns inside right-to-left lines are isolated so bidi keeps them whole.
    latin = (
        sender.name,
        sender.city,
        sender.country,
        country or "",
        target.display_name,
        target.name or "",
    )
    isolate = tuple(n for n in latin if n.strip() and not is_rtl_text(n)) if rtl else ()
    _add_body(builder, styles, letter, parts, emphasis, isolate)
    builder.finish()
    return sender_part_end
