"""The tally bar chart, painted with QtGui only: on the live board, in previews and in the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.domain.events import EventTally
from app.i18n import _, ngettext


@dataclass(frozen=True, slots=True)
class ChartColours:
    """Colours of the chart; the board may use a dark theme for projectors."""

    text: str = "#111111"
    muted: str = "#555555"
    appeal: str = "#1f4e79"
    solidarity: str = "#e0a100"
    track: str = "#e6e6e6"
    goal: str = "#c0392b"


def chart_rows_needed(tally: EventTally) -> int:
    return max(1, len(tally.cases))


def paint_tally_chart(
    painter: QPainter,
    area: QRectF,
    tally: EventTally,
    *,
    colours: ChartColours | None = None,
    font_family: str | None = None,
) -> None:
    """Paint one horizontal bar per case (appeals and solidarity stacked) against its goal.

    Everything is sized from ``area`` so the same code serves a 1080p projector and a page.
    Numbers are written next to every bar: the chart never relies on colour alone.
    """
    colours = colours or ChartColours()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rows = chart_rows_needed(tally)
    row_height = min(area.height() / (rows + 0.8), area.width() / 6)
    font = QFont(font_family) if font_family else QFont()
    font.setPixelSize(max(6, int(row_height * 0.28)))
    small = QFont(font)
    small.setPixelSize(max(5, int(row_height * 0.2)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    label_width = min(area.width() * 0.32, max(metrics.horizontalAdvance("UA 0000/00 ") * 1.6, 1))
    count_width = metrics.horizontalAdvance(" 00000 / 00000 ")
    bar_left = area.left() + label_width
    bar_width = max(1.0, area.width() - label_width - count_width)
    scale_max = max([1] + [max(c.total, c.goal or 0) for c in tally.cases])
    if not tally.cases:
        painter.setPen(QColor(colours.muted))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No cases in this event yet."))
        painter.restore()
        return
    for index, case in enumerate(tally.cases):
        top = area.top() + index * row_height
        bar = QRectF(bar_left, top + row_height * 0.18, bar_width, row_height * 0.5)
        # label: UA number, and the case title underneath in small print
        painter.setPen(QColor(colours.text))
        painter.setFont(font)
        label = QRectF(area.left(), top, label_width - row_height * 0.15, row_height * 0.55)
        painter.drawText(
            label,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"UA {case.ua_number}",
        )
        painter.setFont(small)
        painter.setPen(QColor(colours.muted))
        title_box = QRectF(label.left(), top + row_height * 0.52, label.width(), row_height * 0.4)
        elided = QFontMetricsF(small).elidedText(
            case.title, Qt.TextElideMode.ElideRight, title_box.width()
        )
        painter.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)
        # track, then the stacked bar
        painter.fillRect(bar, QColor(colours.track))
        appeals = case.by_kind.get("appeal", 0)
        solidarity = case.by_kind.get("solidarity", 0)
        left = bar.left()
        for letters, colour in (
            (appeals, QColor(colours.appeal)),
            (solidarity, QColor(colours.solidarity)),
        ):
            width = bar.width() * letters / scale_max
            if width > 0:
                painter.fillRect(QRectF(left, bar.top(), width, bar.height()), colour)
                left += width
        if case.goal:
            x = bar.left() + bar.width() * case.goal / scale_max
            pen = QPen(QColor(colours.goal))
            pen.setWidthF(max(1.0, row_height * 0.04))
            painter.setPen(pen)
            painter.drawLine(
                QPointF(x, bar.top() - row_height * 0.08),
                QPointF(x, bar.bottom() + row_height * 0.08),
            )
        painter.setFont(font)
        painter.setPen(QColor(colours.text))
        figure = str(case.total) if case.goal is None else f"{case.total} / {case.goal}"
        painter.drawText(
            QRectF(
                bar.right() + row_height * 0.1,
                bar.top() - row_height * 0.1,
                count_width,
                bar.height() + row_height * 0.2,
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            figure,
        )
    _paint_legend(painter, area, rows * row_height, row_height, small, colours)
    painter.restore()


def _paint_legend(
    painter: QPainter,
    area: QRectF,
    offset: float,
    row_height: float,
    font: QFont,
    colours: ChartColours,
) -> None:
    painter.setFont(font)
    y = area.top() + offset + row_height * 0.2
    size = row_height * 0.22
    x = area.left()
    entries = (
        (QColor(colours.appeal), _("letters to officials")),
        (QColor(colours.solidarity), _("solidarity cards")),
    )
    metrics = QFontMetricsF(font)
    for colour, text in entries:
        painter.fillRect(QRectF(x, y, size, size), colour)
        painter.setPen(QColor(colours.text))
        painter.drawText(QPointF(x + size * 1.4, y + size * 0.9), text)
        x += size * 2.5 + metrics.horizontalAdvance(text)
    painter.setPen(QPen(QColor(colours.goal), max(1.0, row_height * 0.04)))
    painter.drawLine(QPointF(x, y - size * 0.2), QPointF(x, y + size * 1.2))
    painter.setPen(QColor(colours.text))
    painter.drawText(QPointF(x + size * 0.6, y + size * 0.9), _("goal"))


def total_line(tally: EventTally) -> str:
    """'123 letters' in words for the headline of the board and the report."""
    return ngettext("%(n)d letter", "%(n)d letters", tally.total) % {"n": tally.total}
