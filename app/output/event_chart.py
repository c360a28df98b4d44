"""The tally bar chart, painted with QtGui only: on the live board, in previews and in the PDF."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument

from app.domain.events import CaseTally, EventTally
from app.i18n import _, ngettext
from app.labels import ua_label


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


@dataclass(frozen=True, slots=True)
class FittedText:
    """A case's heading laid out in its band: the text as painted and its pixel size."""

    document: QTextDocument
    pixel_size: int
    shortened: bool  # True only when even the smallest size could not hold the whole title

    @property
    def text(self) -> str:
        return self.document.toPlainText()


def case_heading(
    case: CaseTally,
    band: QRectF,
    *,
    colours: ChartColours | None = None,
    font_family: str | None = None,
    largest: int | None = None,
) -> FittedText:
    """The heading "UA 12/26  Title" across the whole width of the row, wrapped onto a second
    line and set smaller as needed so that the room reads the whole title; cut with an ellipsis
    only when even the smallest size cannot hold it. ``largest`` caps the size (rows share one)."""
    colours = colours or ChartColours()
    smallest = max(6, int(band.height() * 0.3))
    size = max(smallest, min(largest or int(band.height()), int(band.height() * 0.5)))
    while True:
        document = _heading_document(case, case.title, band.width(), size, colours, font_family)
        if document.size().height() <= band.height() + 0.5 or size <= smallest:
            break
        size = max(smallest, int(size * 0.9))
    if document.size().height() <= band.height() + 0.5:
        return FittedText(document, size, shortened=False)
    words = case.title.split()
    while len(words) > 1:
        words.pop()
        title = " ".join(words) + "\u2026"
        document = _heading_document(case, title, band.width(), size, colours, font_family)
        if document.size().height() <= band.height() + 0.5:
            break
    return FittedText(document, size, shortened=True)


def _row_height(tally: EventTally, area: QRectF) -> float:
    return min(area.height() / (chart_rows_needed(tally) + 0.8), area.width() / 6)


def case_headings(
    tally: EventTally,
    area: QRectF,
    *,
    colours: ChartColours | None = None,
    font_family: str | None = None,
) -> list[FittedText]:
    """Each case's heading as :func:`paint_tally_chart` paints it in ``area``: every title in
    one size, the smallest any of them needs to be read whole."""
    band = QRectF(0, 0, area.width(), _row_height(tally, area) * 0.5)
    if not tally.cases:
        return []
    common = min(
        case_heading(case, band, font_family=font_family).pixel_size for case in tally.cases
    )
    return [
        case_heading(case, band, colours=colours, font_family=font_family, largest=common)
        for case in tally.cases
    ]


def _heading_document(
    case: CaseTally,
    title: str,
    width: float,
    pixel_size: int,
    colours: ChartColours,
    font_family: str | None,
) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont(font_family) if font_family else QFont()
    font.setPixelSize(pixel_size)
    document.setDefaultFont(font)
    document.setTextWidth(width)
    number = html.escape(ua_label(case.ua_number))
    document.setHtml(
        f'<span style="color:{colours.text}; font-weight:bold">{number}</span>'
        f'&nbsp;&nbsp;<span style="color:{colours.muted}">{html.escape(title)}</span>'
    )
    return document


def paint_tally_chart(
    painter: QPainter,
    area: QRectF,
    tally: EventTally,
    *,
    colours: ChartColours | None = None,
    font_family: str | None = None,
) -> None:
    """Paint one horizontal bar per case (appeals and solidarity stacked) against its goal,
    under a heading with the UA number and the whole title across the row.

    Everything is sized from ``area`` so the same code serves a 1080p projector and a page.
    Numbers are written next to every bar: the chart never relies on colour alone.
    """
    colours = colours or ChartColours()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rows = chart_rows_needed(tally)
    row_height = _row_height(tally, area)
    font = QFont(font_family) if font_family else QFont()
    font.setPixelSize(max(6, int(row_height * 0.3)))
    small = QFont(font)
    small.setPixelSize(max(5, int(row_height * 0.2)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    if not tally.cases:
        from app.labels import practice_letters_text

        painter.setPen(QColor(colours.muted))
        if tally.practice:  # a report (samples left out) of an event practised on them
            said = practice_letters_text(tally.practice)
        else:
            said = _("No cases in this event yet.")
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, said)
        painter.restore()
        return
    figures = [_figure(case) for case in tally.cases]
    count_width = max(metrics.horizontalAdvance(figure) for figure in figures) + row_height * 0.3
    bar_width = max(1.0, area.width() - count_width)
    scale_max = max([1] + [max(c.total, c.goal or 0) for c in tally.cases])
    headings = case_headings(tally, area, colours=colours, font_family=font_family)
    # Laid out from the left, then mirrored in a right-to-left language: bars grow from the
    # right under their headings, the counts on their left.
    mirror = _Mirror(area, painter.layoutDirection() == Qt.LayoutDirection.RightToLeft)
    for index, (case, heading) in enumerate(zip(tally.cases, headings, strict=True)):
        top = area.top() + index * row_height
        band = QRectF(area.left(), top, area.width(), row_height * 0.5)
        painter.save()
        # a one-line title sits just above its bar, like a two-line one
        lift = max(0.0, band.height() - heading.document.size().height())
        painter.translate(band.left(), band.top() + lift)
        heading.document.drawContents(painter, QRectF(0, 0, band.width(), band.height()))
        painter.restore()
        bar = QRectF(area.left(), top + row_height * 0.54, bar_width, row_height * 0.3)
        # track, then the stacked bar
        painter.fillRect(mirror.rect(bar), QColor(colours.track))
        appeals = case.by_kind.get("appeal", 0)
        solidarity = case.by_kind.get("solidarity", 0)
        left = bar.left()
        for letters, colour in (
            (appeals, QColor(colours.appeal)),
            (solidarity, QColor(colours.solidarity)),
        ):
            width = bar.width() * letters / scale_max
            if width > 0:
                painter.fillRect(mirror.rect(QRectF(left, bar.top(), width, bar.height())), colour)
                left += width
        if case.goal:
            x = mirror.x(bar.left() + bar.width() * case.goal / scale_max)
            pen = QPen(QColor(colours.goal))
            pen.setWidthF(max(1.0, row_height * 0.04))
            painter.setPen(pen)
            painter.drawLine(
                QPointF(x, bar.top() - row_height * 0.06),
                QPointF(x, bar.bottom() + row_height * 0.06),
            )
        painter.setFont(font)
        painter.setPen(QColor(colours.text))
        painter.drawText(
            mirror.rect(
                QRectF(
                    bar.right() + row_height * 0.15,
                    bar.top() - row_height * 0.12,
                    count_width,
                    bar.height() + row_height * 0.24,
                )
            ),
            # the start of the line: the left, or the right beside a mirrored bar
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            figures[index],
        )
    cards = any(case.by_kind.get("solidarity", 0) for case in tally.cases)
    goals = any(case.goal for case in tally.cases)
    _paint_legend(
        painter, area, rows * row_height, row_height, small, colours, mirror, cards, goals
    )
    painter.restore()


class _Mirror:
    """Left-to-right positions inside ``area``, mirrored when ``flipped``."""

    def __init__(self, area: QRectF, flipped: bool) -> None:
        self.area = area
        self.flipped = flipped

    def x(self, x: float) -> float:
        return self.area.left() + self.area.right() - x if self.flipped else x

    def rect(self, rect: QRectF) -> QRectF:
        if not self.flipped:
            return rect
        return QRectF(self.x(rect.right()), rect.top(), rect.width(), rect.height())


def _figure(case: CaseTally) -> str:
    return str(case.total) if case.goal is None else f"{case.total} / {case.goal}"


def _paint_legend(
    painter: QPainter,
    area: QRectF,
    offset: float,
    row_height: float,
    font: QFont,
    colours: ChartColours,
    mirror: _Mirror,
    cards: bool = True,
    goals: bool = True,
) -> None:
    """The colours' meanings; cards and the goal mark only when the chart shows them. Each
    text is placed by where it starts: its left end, or its right end when mirrored."""
    painter.setFont(font)
    y = area.top() + offset + row_height * 0.2
    size = row_height * 0.22
    x = area.left()
    entries = [(QColor(colours.appeal), _("letters to officials"))]
    if cards:
        entries.append((QColor(colours.solidarity), _("solidarity cards")))
    metrics = QFontMetricsF(font)

    def write(start: float, text: str) -> None:
        advance = metrics.horizontalAdvance(text)
        left = mirror.x(start + advance) if mirror.flipped else start
        painter.drawText(QPointF(left, y + size * 0.9), text)

    for colour, text in entries:
        painter.fillRect(mirror.rect(QRectF(x, y, size, size)), colour)
        painter.setPen(QColor(colours.text))
        write(x + size * 1.4, text)
        x += size * 2.5 + metrics.horizontalAdvance(text)
    if not goals:
        return
    painter.setPen(QPen(QColor(colours.goal), max(1.0, row_height * 0.04)))
    painter.drawLine(QPointF(mirror.x(x), y - size * 0.2), QPointF(mirror.x(x), y + size * 1.2))
    painter.setPen(QColor(colours.text))
    write(x + size * 0.6, _("goal"))


def total_line(tally: EventTally) -> str:
    """'123 letters' in words for the headline of the board and the report."""
    return ngettext("%(n)d letter", "%(n)d letters", tally.total) % {"n": tally.total}
