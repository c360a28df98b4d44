"""Letters laid out one after another in ONE reused document: the fast path of batch printing."""

from __future__ import annotations

from PySide6.QtGui import QPaintDevice, QTextDocument

from app.domain.model import Letter, SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.address import postal_lines
from app.output.letter_document import (
    LetterStyles,
    fill_letter,
    letter_styles,
    new_document,
    set_title,
    set_type_and_direction,
    start_letter,
)
from app.output.letter_head import plan_head
from app.output.qt_runtime import ensure_gui_application

FIT_SIZES = (11.0, 10.5, 10.0)  # body sizes tried, largest first, to keep a letter on one page


class LetterComposer:
    """Lays out letter after letter on one paint device, reusing one QTextDocument.

    Clearing a document keeps its layout, paint device, page size, type and direction, so
    each letter costs only its own text; and when the next letter has the same sender's
    block, that part stays in, already laid out. The document returned is the composer's
    own and is rewritten by the next call, so paint it first.
    """

    def __init__(
        self, device: QPaintDevice, page_size: PageSize, *, large_print: bool = False
    ) -> None:
        ensure_gui_application()
        self.device = device
        self.page_size = page_size
        self.large_print = large_print
        self._doc: QTextDocument | None = None
        self._set_up_for: tuple[float, bool] | None = None  # body size and direction of _doc
        self._styles: dict[tuple[float | None, bool], LetterStyles] = {}
        self._kept: tuple[tuple[object, ...], int] | None = None  # sender part, where it ends

    def document(
        self,
        letter: Letter,
        *,
        sender: SenderProfile,
        target: Target,
        emphasis: tuple[str, ...] = (),
        country: str | None = None,
    ) -> QTextDocument:
        """The letter laid out, its body type a little smaller if that keeps it on one page."""
        sizes = (None,) if self.large_print else FIT_SIZES
        doc = None
        for size in sizes:
            doc = self.compose(letter, sender, target, emphasis, country, size)
            if doc.pageCount() <= 1:
                break
        assert doc is not None
        return doc

    def compose(
        self,
        letter: Letter,
        sender: SenderProfile,
        target: Target,
        emphasis: tuple[str, ...],
        country: str | None,
        body_point_size: float | None = None,
    ) -> QTextDocument:
        """The letter laid out with this body size (the default size when None)."""
        target = letter.recipient or target  # as the letter names the official
        rtl = letter.right_to_left
        styles = self._styles_for(body_point_size, rtl)
        title = letter.subject or target.label
        plan = plan_head(
            styles, sender, postal_lines(target, country), rtl, self.device, letter.recipient_style
        )
        kept_until = None
        doc = self._doc
        if doc is None:
            doc = self._doc = new_document(styles, rtl, self.device, title)
        elif self._kept is not None and self._kept[0] == plan.sender_part and plan.shape_is_known:
            kept_until = self._kept[1]  # the same sender's block: keep it, laid out
            set_title(doc, title)
        else:
            doc.clear()
            if (styles.sizes.body, rtl) != self._set_up_for:
                set_type_and_direction(doc, styles, rtl)
            start_letter(doc, styles, title)
        self._set_up_for = (styles.sizes.body, rtl)
        end = fill_letter(
            doc, styles, letter, sender, target, emphasis, country, plan=plan, kept_until=kept_until
        )
        self._kept = (plan.sender_part, end) if end > 0 else None
        return doc

    def _styles_for(self, body_point_size: float | None, rtl: bool) -> LetterStyles:
        key = (body_point_size, rtl)
        styles = self._styles.get(key)
        if styles is None:
            styles = letter_styles(self.page_size, self.large_print, body_point_size, rtl)
            self._styles[key] = styles
        return styles
