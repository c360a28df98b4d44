"""Letters to PDF: one letter, or a whole batch in one file, written atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app.domain.errors import N_, OutputFailed
from app.domain.model import Letter, SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.letter_batch import LetterComposer
from app.output.letter_document import letter_document
from app.output.pdf_file import set_full_page, write_pdf
from app.output.qt_runtime import (
    DOC_DPI,
    ensure_gui_application,
    layout_device,
    make_font,
    mm_to_units,
)

__all__ = [
    "PrintItem",
    "letter_document",
    "prepare_paged_device",
    "system_page_size",
    "write_letter_pdf",
    "write_letters_pdf",
]


@dataclass(frozen=True, slots=True)
class PrintItem:
    """One letter of a batch, with what its layout needs."""

    letter: Letter
    target: Target
    sender: SenderProfile
    emphasis: tuple[str, ...] = ()
    country: str | None = None  # the case's country, added to the address if it lacks one


def system_page_size() -> PageSize:
    """Letter or A4, from the territory of the system locale."""
    from PySide6.QtCore import QLocale

    return PageSize.for_locale(QLocale.system().name())


_QT_PAGE_SIZES = {
    PageSize.A4: QPageSize.PageSizeId.A4,
    PageSize.LETTER: QPageSize.PageSizeId.Letter,
}


def qpage_size(page_size: PageSize) -> QPageSize:
    """The QPageSize of a sheet."""
    return QPageSize(_QT_PAGE_SIZES[page_size])


def prepare_paged_device(device: QPagedPaintDevice, page_size: PageSize) -> None:
    """Give a QPdfWriter or QPrinter the letter's sheet, portrait, with zero margins.

    The letter document carries its own margins; printer margins would push the recipient
    out of the envelope window. (On a QPrinter, also call ``setFullPage(True)``.)
    """
    set_full_page(device, qpage_size(page_size))


def fitted_letter_document(
    letter: Letter,
    *,
    sender: SenderProfile,
    target: Target,
    page_size: PageSize,
    emphasis: tuple[str, ...] = (),
    large_print: bool = False,
    country: str | None = None,
    paint_device: QPagedPaintDevice | None = None,
) -> QTextDocument:
    """:func:`letter_document`, with the body type a little smaller if that keeps it on one page."""
    composer = LetterComposer(paint_device or layout_device(), page_size, large_print=large_print)
    return composer.document(
        letter, sender=sender, target=target, emphasis=emphasis, country=country
    )


def paint_document_pages(
    doc: QTextDocument, painter: QPainter, device: QPagedPaintDevice, *, new_page_first: bool
) -> int:
    """Paint every page of a paginated document; return the number of pages painted.

    A letter over several pages is numbered at the foot of each, and every page after the
    first is headed by the document's title (the letter's subject), as continuation sheets
    are: a loose second sheet still says what it belongs to, and a practice letter's second
    sheet still says it is a fictional sample.
    """
    page = doc.pageSize()
    title = doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    scale = device.logicalDpiX() / DOC_DPI
    layout = doc.documentLayout()
    pages = doc.pageCount()
    for index in range(pages):
        if (index > 0 or new_page_first) and not device.newPage():
            raise OutputFailed(N_("The PDF writer could not start a new page (is the disk full?)."))
        painter.save()
        painter.scale(scale, scale)
        clip = QRectF(0, index * page.height(), page.width(), page.height())
        painter.translate(0, -clip.top())
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        layout.draw(painter, context)
        painter.restore()
        if pages > 1:
            _page_number(painter, scale, page.width(), page.height(), index + 1, pages)
        if index > 0 and title:
            _continuation_heading(painter, scale, page.width(), title)
    return pages


def _continuation_heading(painter: QPainter, scale: float, width: float, title: str) -> None:
    """The letter's subject in small type, centred in the top margin of a second sheet."""
    painter.save()
    painter.scale(scale, scale)
    font = make_font(8)
    painter.setFont(font)
    box = QRectF(mm_to_units(20), mm_to_units(6), width - mm_to_units(40), mm_to_units(6))
    text = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, box.width())
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _page_number(
    painter: QPainter, scale: float, width: float, height: float, number: int, count: int
) -> None:
    """ "2 / 3" centred in the bottom margin of a letter that runs over several pages."""
    painter.save()
    painter.scale(scale, scale)
    painter.setFont(make_font(8))
    box = QRectF(0, height - mm_to_units(12), width, mm_to_units(6))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{number} / {count}")
    painter.restore()


def write_letter_pdf(
    letter: Letter,
    path: str | os.PathLike[str],
    *,
    sender: SenderProfile,
    target: Target,
    page_size: PageSize,
    emphasis: tuple[str, ...] = (),
    large_print: bool = False,
    country: str | None = None,
) -> int:
    """Write ``letter`` as a PDF at ``path`` (atomically); return its number of pages."""
    item = PrintItem(letter, target, sender, emphasis, country)
    title = letter.subject or target.label or "Letter"
    return write_letters_pdf(
        [item], path, page_size=page_size, title=title, large_print=large_print
    )


def write_letters_pdf(
    items: Iterable[PrintItem],
    path: str | os.PathLike[str],
    *,
    page_size: PageSize,
    title: str = "Appeal letters",
    large_print: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write many letters into ONE PDF, each starting on a new page; return the page count."""
    ensure_gui_application()

    def paint(painter: QPainter, writer: QPdfWriter) -> int:
        composer = LetterComposer(writer, page_size, large_print=large_print)
        pages = 0
        for done, item in enumerate(items, start=1):
            doc = composer.document(
                item.letter,
                sender=item.sender,
                target=item.target,
                emphasis=item.emphasis,
                country=item.country,
            )
            pages += paint_document_pages(doc, painter, writer, new_page_first=pages > 0)
            if progress is not None:
                progress(done)
        if pages == 0:
            raise OutputFailed(N_("There are no letters to print."))
        return pages

    return write_pdf(path, qpage_size(page_size), title, paint)
