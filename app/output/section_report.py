"""The one-page report for the section as a PDF: headline, scope note, two tables, via QPdfWriter.

The caller hands in translated text; this module only lays it out. The tables are painted by
the event report's table painter so both reports look alike.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPdfWriter

from app.domain.output_options import PageSize
from app.output.event_report import RESOLUTION
from app.output.event_report import _font as report_font
from app.output.event_report import _paint_table as paint_table
from app.output.pdf_file import write_pdf

Table = tuple[Sequence[str], Sequence[Sequence[str]]]  # header, rows (the last row: totals)


@dataclass(frozen=True, slots=True)
class SectionReportPage:
    """Everything printed on the page, already translated."""

    headline: str
    period: str
    total_line: str
    scope_note: str
    case_table: Table
    month_table: Table
    footer: str


def write_section_report_pdf(
    path: str | os.PathLike[str],
    page: SectionReportPage,
    *,
    page_size: PageSize,
    right_to_left: bool,
) -> None:
    """Paint the report on one page and replace ``path`` atomically (never a half-written file);
    ``right_to_left`` (the text's language reads from the right) mirrors the page."""
    from app.output.paper import qpage_size

    def paint(painter: QPainter, writer: QPdfWriter) -> int:
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        )
        _paint_page(painter, writer, page)
        return 1

    write_pdf(
        path, qpage_size(page_size), page.headline, paint, margins_mm=18, resolution=RESOLUTION
    )


def _text_block(
    painter: QPainter, top: float, width: float, text: str, gap: float, flags: int
) -> float:
    """Draw wrapped ``text`` at ``top``; return the y below it plus ``gap`` lines."""
    bounds = painter.boundingRect(QRectF(0, top, width, 10_000), flags, text)
    painter.drawText(QRectF(0, top, width, bounds.height()), flags, text)
    return top + bounds.height() + painter.fontMetrics().height() * gap


def _table_height(painter: QPainter, rows: int, dpi: int) -> float:
    painter.setFont(report_font(9.0, dpi))
    return painter.fontMetrics().height() * 1.25 * (rows + 4)


def _paint_page(painter: QPainter, writer: QPdfWriter, page: SectionReportPage) -> None:
    dpi = writer.resolution()
    area = QRectF(writer.pageLayout().paintRectPixels(dpi))
    area.moveTo(0, 0)
    width = area.width()
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    painter.setPen(QColor("#111111"))
    painter.setFont(report_font(20, dpi, bold=True))
    y = _text_block(painter, 0.0, width, page.headline, 0.1, wrap)
    painter.setFont(report_font(11, dpi))
    y = _text_block(painter, y, width, page.period, 0.3, wrap)
    painter.setFont(report_font(16, dpi, bold=True))
    y = _text_block(painter, y, width, page.total_line, 0.3, wrap)
    painter.setFont(report_font(9.5, dpi))
    painter.setPen(QColor("#333333"))
    y = _text_block(painter, y, width, page.scope_note, 0.8, wrap)
    painter.setPen(QColor("#111111"))
    painter.setFont(report_font(8, dpi))
    footer_height = painter.fontMetrics().height() * 1.5
    month_header, month_rows = page.month_table
    case_header, case_rows = page.case_table
    bottom = area.height() - footer_height
    month_height = min(_table_height(painter, len(month_rows), dpi), (bottom - y) * 0.4)
    if case_rows:
        case_area = QRectF(0, y, width, bottom - y - month_height)
        # the first column holds only "UA 140/26": the channels and cards get the room
        y = paint_table(painter, case_area, case_header, case_rows, dpi, first_share=0.12)
        y += dpi * 0.25
    if month_rows:  # the narrower table at the start of the line: the left, or the right
        start = width * 0.4 if painter.layoutDirection() == Qt.LayoutDirection.RightToLeft else 0
        months_area = QRectF(start, y, width * 0.6, bottom - y)
        paint_table(painter, months_area, month_header, month_rows, dpi)
    painter.setFont(report_font(8, dpi))
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(0, area.height() - footer_height, width, footer_height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
        page.footer,
    )
