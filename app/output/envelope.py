"""Envelopes (DL, C5, US #10) and address-label sheets (3x8 on A4, 3x10 on Letter) as PDF."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageSize, QPainter, QPdfWriter, QPen

from app.domain.errors import N_, InvalidInput, OutputFailed
from app.domain.model import SenderProfile, Target
from app.domain.output_options import EnvelopeFormat, PageSize
from app.output.address import postal_lines, sender_postal_lines
from app.output.pdf_file import write_pdf
from app.output.qt_runtime import make_font, mm_to_units

AIRMAIL_MARK = "AIR MAIL / PAR AVION"  # the UPU marking: English and French, never translated


@dataclass(frozen=True, slots=True)
class EnvelopeGeometry:
    """An envelope laid flat, address side up; lengths in millimetres (width > height)."""

    name: EnvelopeFormat
    width: float
    height: float
    address_left: float  # where the recipient's block starts
    address_top: float


ENVELOPES = {
    EnvelopeFormat.DL: EnvelopeGeometry(
        EnvelopeFormat.DL, 220.0, 110.0, address_left=100.0, address_top=52.0
    ),
    EnvelopeFormat.C5: EnvelopeGeometry(
        EnvelopeFormat.C5, 229.0, 162.0, address_left=105.0, address_top=80.0
    ),
    EnvelopeFormat.NO_10: EnvelopeGeometry(
        EnvelopeFormat.NO_10, 241.3, 104.775, address_left=105.0, address_top=50.0
    ),
}


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """A sheet of address labels; lengths in millimetres."""

    page_size: QPageSize.PageSizeId
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float
    top: float
    column_pitch: float
    row_pitch: float


LABEL_SHEETS = {
    PageSize.A4: LabelSheet(QPageSize.PageSizeId.A4, 3, 8, 70.0, 36.0, 0.0, 4.5, 70.0, 36.0),
    PageSize.LETTER: LabelSheet(
        QPageSize.PageSizeId.Letter, 3, 10, 66.675, 25.4, 4.7625, 12.7, 69.85, 25.4
    ),
}


def _draw_lines(
    painter: QPainter, lines: Sequence[str], origin: QPointF, font: QFont, *, bold_first: bool
) -> float:
    """Draw ``lines`` downwards from ``origin`` (top-left); return the y below the last line."""
    metrics = QFontMetricsF(font, painter.device())
    y = origin.y()
    for index, line in enumerate(lines):
        line_font = QFont(font)
        line_font.setBold(bold_first and index == 0)
        painter.setFont(line_font)
        painter.drawText(QPointF(origin.x(), y + metrics.ascent()), line)
        y += metrics.lineSpacing()
    return y


def _paint_envelope(
    painter: QPainter, fmt: EnvelopeGeometry, address: Sequence[str], sender: SenderProfile | None
) -> None:
    margin = mm_to_units(10)
    y = margin
    if sender is not None and sender.is_complete:
        y = _draw_lines(
            painter,
            sender_postal_lines(sender),
            QPointF(margin, margin),
            make_font(8, serif=False),
            bold_first=False,
        )
    mark_font = make_font(10, bold=True, serif=False)
    metrics = QFontMetricsF(mark_font, painter.device())
    box = QRectF(QPointF(margin, y + mm_to_units(5)), QSizeF(0, 0))
    box.setSize(
        QSizeF(
            metrics.horizontalAdvance(AIRMAIL_MARK) + mm_to_units(4),
            metrics.height() + mm_to_units(2.5),
        )
    )
    painter.setPen(QPen(QColor("#1f3f8f"), mm_to_units(0.4)))
    painter.drawRect(box)
    painter.setFont(mark_font)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, AIRMAIL_MARK)
    painter.setPen(QPen(QColor("black")))
    font = make_font(12, serif=False)
    width = mm_to_units(fmt.width - fmt.address_left - 10)
    font = _fit_font(painter, font, address, width, mm_to_units(fmt.height - fmt.address_top - 8))
    _draw_lines(
        painter,
        address,
        QPointF(mm_to_units(fmt.address_left), mm_to_units(fmt.address_top)),
        font,
        bold_first=True,
    )


def _paint_marking(painter: QPainter, fmt: EnvelopeGeometry, marking: str) -> None:
    """A practice envelope says so in red along its bottom edge, where no address goes."""
    font = make_font(11, bold=True, serif=False)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#b00020")))
    margin = mm_to_units(10)
    band = QRectF(
        margin,
        mm_to_units(fmt.height) - margin - mm_to_units(7),
        mm_to_units(fmt.address_left) - margin - mm_to_units(3),
        mm_to_units(7),
    )
    painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, marking)
    painter.setPen(QPen(QColor("black")))


def _fit_font(
    painter: QPainter, font: QFont, lines: Sequence[str], width: float, height: float
) -> QFont:
    """Shrink ``font`` (down to 6 pt) until ``lines`` fit in width x height."""
    fitted = QFont(font)
    while fitted.pointSizeF() > 6:
        metrics = QFontMetricsF(fitted, painter.device())
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0.0)
        if widest <= width and metrics.lineSpacing() * len(lines) <= height:
            break
        fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
    return fitted


@dataclass(frozen=True, slots=True)
class EnvelopeItem:
    """One envelope of a batch: the official, the case's country, and an optional sender."""

    target: Target
    country: str | None = None
    sender: SenderProfile | None = None
    marking: str | None = None  # "FICTIONAL SAMPLE - DO NOT SEND" on a practice case's envelope


def _envelope_page(fmt: EnvelopeGeometry) -> QPageSize:
    size = QSizeF(fmt.width, fmt.height)
    return QPageSize(
        size,
        QPageSize.Unit.Millimeter,
        f"Envelope {fmt.name}",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def write_envelopes_pdf(
    items: Iterable[EnvelopeItem],
    path: str | os.PathLike[str],
    *,
    envelope: EnvelopeFormat = EnvelopeFormat.DL,
) -> int:
    """Write one envelope page per item into one PDF; return the page count."""
    fmt = ENVELOPES[envelope]

    def paint(painter: QPainter, writer: QPdfWriter) -> int:
        pages = 0
        for item in items:
            if pages and not writer.newPage():
                raise OutputFailed(
                    N_("The PDF writer could not start a new page (is the disk full?).")
                )
            address = postal_lines(item.target, item.country)
            if not address:
                raise InvalidInput(
                    N_("This official has no name or address to put on an envelope.")
                )
            _paint_envelope(painter, fmt, address, item.sender)
            if item.marking:
                _paint_marking(painter, fmt, item.marking)
            pages += 1
        if not pages:
            raise OutputFailed(N_("There are no envelopes to print."))
        return pages

    return write_pdf(path, _envelope_page(fmt), f"Envelope {fmt.name}", paint)


def write_envelope_pdf(
    target: Target,
    path: str | os.PathLike[str],
    *,
    country: str | None = None,
    sender: SenderProfile | None = None,
    envelope: EnvelopeFormat = EnvelopeFormat.DL,
    marking: str | None = None,
) -> None:
    """One envelope: the official's address (country in capitals), AIR MAIL / PAR AVION and,
    when ``sender`` is given, the return address (leave it out for writer safety)."""
    item = EnvelopeItem(target, country, sender, marking)
    write_envelopes_pdf([item], path, envelope=envelope)


def write_label_sheet_pdf(
    addresses: Iterable[Sequence[str]],
    path: str | os.PathLike[str],
    *,
    page_size: PageSize,
) -> int:
    """Address labels, 3x8 per A4 sheet or 3x10 per Letter sheet; return the number of sheets."""
    sheet = LABEL_SHEETS[page_size]
    per_page = sheet.columns * sheet.rows
    padding = mm_to_units(3)

    def paint(painter: QPainter, writer: QPdfWriter) -> int:
        count = 0
        for address in addresses:
            lines = [line for line in address if line.strip()]
            if not lines:
                continue
            if count and count % per_page == 0 and not writer.newPage():
                raise OutputFailed(
                    N_("The PDF writer could not start a new page (is the disk full?).")
                )
            slot = count % per_page
            row, column = divmod(slot, sheet.columns)
            x = mm_to_units(sheet.left + column * sheet.column_pitch) + padding
            y = mm_to_units(sheet.top + row * sheet.row_pitch) + padding
            width = mm_to_units(sheet.label_width) - 2 * padding
            height = mm_to_units(sheet.label_height) - 2 * padding
            font = _fit_font(painter, make_font(10, serif=False), lines, width, height)
            _draw_lines(painter, lines, QPointF(x, y), font, bold_first=True)
            count += 1
        if not count:
            raise OutputFailed(N_("There are no addresses to print on labels."))
        return (count + per_page - 1) // per_page

    return write_pdf(path, QPageSize(sheet.page_size), "Address labels", paint)
