"""The one-page end-of-event report (headline, bar chart, table) as a PDF, via QPdfWriter."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter

from app.domain.events import EventTally
from app.domain.output_options import PageSize
from app.output.event_chart import paint_tally_chart, total_line
from app.output.pdf_file import write_pdf
from app.output.qt_runtime import SANS_FAMILIES

RESOLUTION = 300  # dots per inch of the PDF's paint device


def write_event_report_pdf(
    path: str | os.PathLike[str],
    tally: EventTally,
    *,
    headline: str,
    subtitle: str,
    table_header: Sequence[str],
    table_rows: Sequence[Sequence[str]],
    footer: str,
    page_size: PageSize,
    right_to_left: bool,
) -> None:
    """Paint the report on one page and replace ``path`` atomically (never a half-written file).

    ``right_to_left`` (the text's language reads from the right) mirrors the whole page: the
    lines start at the right, the bars grow from the right and the table's first column is
    its rightmost one.
    """
    from app.output.paper import qpage_size

    def paint(painter: QPainter, writer: QPdfWriter) -> int:
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        )
        _paint_page(painter, writer, tally, headline, subtitle, table_header, table_rows, footer)
        return 1

    write_pdf(path, qpage_size(page_size), headline, paint, margins_mm=15, resolution=RESOLUTION)


def _font(points: float, dpi: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(SANS_FAMILIES)
    font.setPixelSize(max(1, round(points * dpi / 72)))
    font.setBold(bold)
    return font


def _paint_page(
    painter: QPainter,
    writer: QPdfWriter,
    tally: EventTally,
    headline: str,
    subtitle: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    footer: str,
) -> None:
    dpi = writer.resolution()
    page = QRectF(writer.pageLayout().paintRectPixels(dpi))
    page.moveTo(0, 0)
    y = 0.0
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(20, dpi, bold=True))
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(0, y, page.width(), line), Qt.AlignmentFlag.AlignLeft, headline)
    y += line * 1.1
    painter.setFont(_font(11, dpi))
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(0, y, page.width(), line), Qt.AlignmentFlag.AlignLeft, subtitle)
    y += line * 1.3
    painter.setFont(_font(16, dpi, bold=True))
    line = painter.fontMetrics().height()
    painter.drawText(
        QRectF(0, y, page.width(), line), Qt.AlignmentFlag.AlignLeft, total_line(tally)
    )
    y += line * 1.4
    chart_height = min(page.height() * 0.45, (len(tally.cases) + 1) * dpi * 0.55)
    paint_tally_chart(
        painter, QRectF(0, y, page.width(), chart_height), tally, font_family=SANS_FAMILIES[0]
    )
    y += chart_height + dpi * 0.2
    y = _paint_table(painter, QRectF(0, y, page.width(), page.height() - y), header, rows, dpi)
    painter.setFont(_font(8, dpi))
    painter.setPen(QColor("#555555"))
    foot = painter.fontMetrics().height()
    painter.drawText(
        QRectF(0, page.height() - foot, page.width(), foot), Qt.AlignmentFlag.AlignLeft, footer
    )


def _column_widths(
    painter: QPainter,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: float,
    dpi: int,
    size: float,
    first_share: float = 0.3,
) -> list[float]:
    """Each column as wide as its widest line (bold, as the header and total are) plus a gap,
    and the room left over shared by all; the case column gets at least ``first_share`` of the
    width (the event report's case titles; the section report's UA numbers need less).

    When the counts need more than the rest (many channels), they share it evenly and their
    headings are elided.
    """
    painter.setFont(_font(size, dpi, bold=True))
    metrics = painter.fontMetrics()
    gap = dpi * 0.15
    needed = [0.0] * len(header)
    for cells in [header, *rows]:
        for column, cell in enumerate(cells[: len(header)]):
            for part in cell.split("\n"):
                needed[column] = max(needed[column], metrics.horizontalAdvance(part) + gap)
    first_least = width * first_share
    counts = sum(needed[1:])
    if counts > width - first_least:
        return [first_least] + [(width - first_least) / max(1, len(header) - 1)] * (len(header) - 1)
    first = max(first_least, min(needed[0], width - counts))
    spare = (width - first - counts) / len(header)
    return [first + spare] + [n + spare for n in needed[1:]]


def _two_lines(text: str) -> str:
    """``Mensaje de solidaridad`` -> ``Mensaje de`` over ``solidaridad``: broken at the space
    nearest the middle (a single word stays whole)."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(len(text) - 2 * i))
    return text[:middle] + "\n" + text[middle + 1 :]


def _cut(
    painter: QPainter, header: Sequence[str], widths: Sequence[float], dpi: int, size: float
) -> bool:
    """Whether a heading is wider than its column (it would end in an ellipsis)."""
    painter.setFont(_font(size, dpi, bold=True))
    metrics = painter.fontMetrics()
    return any(
        metrics.horizontalAdvance(part) > width - dpi * 0.05
        for cell, width in zip(header, widths, strict=False)
        for part in cell.split("\n")
    )


def _paint_table(
    painter: QPainter,
    area: QRectF,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    dpi: int,
    first_share: float = 0.3,
) -> float:
    """A plain table; rows that do not fit on the page are summed up in the last line.

    Its columns run from the right when the painter lays out right to left; the alignments
    below (first column at its start, counts at their end) follow the painter's direction.
    """
    if not header:
        return area.top()
    size = 9.0 if len(header) <= 7 else 7.0
    painter.setFont(_font(size, dpi))
    line = painter.fontMetrics().height() * 1.25
    widths = _column_widths(painter, header, rows, area.width(), dpi, size, first_share)
    if _cut(painter, header, widths, dpi, size):  # headings over two lines before any is cut
        header = [cell if "\n" in cell else _two_lines(cell) for cell in header]
        widths = _column_widths(painter, header, rows, area.width(), dpi, size, first_share)
    painter.setFont(_font(size, dpi))
    fit = max(3, int((area.height() - line * 3) // line))
    shown = list(rows)
    if len(shown) > fit:  # keep the total line; say that some cases are only in the CSV
        shown = [*shown[: fit - 2], ["\u2026"] + [""] * (len(header) - 1), shown[-1]]
    right_to_left = painter.layoutDirection() == Qt.LayoutDirection.RightToLeft
    y = area.top()
    for index, cells in enumerate([header, *shown]):
        last = index == len(shown)
        painter.setFont(_font(size, dpi, bold=index == 0 or last))
        x = area.left()
        height = line * (2 if index == 0 else 1)  # header cells: channel over kind
        for column, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            # the cell's box: from the left, or the same distance from the right
            left = area.left() + area.right() - x - width + dpi * 0.05 if right_to_left else x
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            parts = [
                painter.fontMetrics().elidedText(
                    part, Qt.TextElideMode.ElideRight, int(width - dpi * 0.05)
                )
                for part in cell.split("\n")
            ]
            painter.drawText(
                QRectF(left, y, width - dpi * 0.05, height),
                align | Qt.AlignmentFlag.AlignBottom,
                "\n".join(parts),
            )
            x += width
        y += height
        painter.setPen(QColor("#cccccc"))
        painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.setPen(QColor("#111111"))
    return y
