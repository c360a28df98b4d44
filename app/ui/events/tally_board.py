"""The live tally board: bars per case against goals, for a projector; refreshes itself."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.dates import clock_time
from app.domain.events import EventTally
from app.i18n import _
from app.output.event_chart import ChartColours, paint_tally_chart, total_line
from app.ui.accessibility import announce, readable_by_keyboard

if TYPE_CHECKING:
    from app.ui.tasks import JobRunner

log = logging.getLogger(__name__)

POLL_MS = 5_000  # other laptops on a shared PostgreSQL store show up within this time
PROJECTOR_COLOURS = ChartColours(
    text="#ffffff",
    muted="#c8c8c8",
    appeal="#4aa3ff",
    solidarity="#ffd21f",
    track="#2b2b2b",
    goal="#ff6b5b",
)


def spoken_counts(tally: EventTally) -> str:
    """The board in words: the total, then each case with its count and goal."""
    parts = [f"{tally.event.name}: {total_line(tally)}."]
    if tally.practice:
        from app.labels import practice_letters_text

        parts.append(practice_letters_text(tally.practice))
    for case in tally.cases:
        if case.goal:
            parts.append(
                _("UA {ua_number}: {count} of {goal}.").format(
                    ua_number=case.ua_number, count=case.total, goal=case.goal
                )
            )
        else:
            parts.append(
                _("UA {ua_number}: {count}.").format(ua_number=case.ua_number, count=case.total)
            )
    return " ".join(parts)


def fitted_font(font: QFont, text: str, width: float) -> QFont:
    """``font``, made smaller (down to 60 %) until ``text`` fits in ``width`` pixels."""
    fitted = QFont(font)
    smallest = max(8, int(font.pixelSize() * 0.6))
    while fitted.pixelSize() > smallest and QFontMetricsF(fitted).horizontalAdvance(text) > width:
        fitted.setPixelSize(max(smallest, int(fitted.pixelSize() * 0.92)))
    return fitted


class TallyBoard(QWidget):
    """Paints the tally of one event; ``refresh()`` after a letter is recorded, and on a timer."""

    tally_changed = Signal(int)  # the new total

    def __init__(
        self,
        load_tally: Callable[[], EventTally],
        parent: QWidget | None = None,
        poll_ms: int = POLL_MS,
        runner: JobRunner | None = None,
        on_server: bool = False,
    ) -> None:
        """``load_tally`` reads the counts; with ``runner`` every read (the first, the
        timer's, a refresh) runs on its threads, so a server that is slow to answer never
        freezes the board or its window. ``on_server``: the counts come from a group's
        database server (else from the data on this computer), for what the board says
        when it cannot read them."""
        super().__init__(parent)
        self._load_tally = load_tally
        self._runner = runner
        self._on_server = on_server
        self._reading = 0  # reads on the runner's threads under way
        self._generation = 0  # counts the reads made here: one made since a read began wins
        self._alive = [True]  # False once the board is gone: a read coming back is dropped
        self.destroyed.connect(lambda *_a, alive=self._alive: alive.__setitem__(0, False))
        self.tally: EventTally | None = None
        self.setWindowTitle(_("Tally board"))
        self.setMinimumSize(480, 270)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setToolTip(_("F11 or double-click: full screen. Esc: leave full screen."))
        # The bars are painted; the same counts as text, a real child a screen reader reads.
        self.counts = QLabel(self)
        self.counts.setObjectName("tallyCounts")
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("QLabel#tallyCounts { color: #c8c8c8; background: #111111; }")
        readable_by_keyboard(self.counts)
        # While the counts cannot be read (the group's server is down, the network gone):
        # since when the board is not live, and what to do; gone at the first good read.
        self.stale_notice = QLabel(self)
        self.stale_notice.setObjectName("tallyStale")
        self.stale_notice.setWordWrap(True)
        self.stale_notice.setStyleSheet(
            "QLabel#tallyStale { color: #111111; background: #ffd21f; padding: 6px; }"
        )
        self.stale_notice.hide()
        readable_by_keyboard(self.stale_notice)
        self.not_live_since: datetime | None = None  # the last good read, while none works
        self._last_read: datetime | None = None
        self._opened_at = datetime.now().astimezone()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.stale_notice)
        layout.addWidget(self.counts)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.refresh()

    def poll(self) -> None:
        """The timer's read: skipped while another read is under way on the runner's
        threads (it brings the counts)."""
        if self._runner is not None and self._reading:
            return
        self._read_now()

    def refresh(self) -> None:
        """Read the counts again now (a letter was recorded): a read under way began before
        it and is dropped when it comes back. Repaints only when the counts changed. When
        they cannot be read, says since when the board is not live; the next good read says
        it is live again."""
        self._generation += 1  # a read under way on the runner's thread is older
        self._read_now()

    def _read_now(self) -> None:
        """One read of the counts: on the runner's threads when there is one, else here."""
        runner = self._runner
        if runner is None:
            try:
                tally = self._load_tally()
            except Exception as error:  # a dropped network link must not kill the board
                self._not_live(error)
                return
            self._show(tally)
            return
        self._reading += 1
        alive, load, generation = self._alive, self._load_tally, self._generation
        runner.start(
            lambda _progress: load(),
            lambda tally: self._read(tally, generation) if alive[0] else None,
            lambda error: self._read_failed(error, generation) if alive[0] else None,
            name="tally",
        )

    def _read(self, tally: EventTally, generation: int) -> None:
        self._reading -= 1
        if generation == self._generation:  # else a read made since is newer
            self._show(tally)

    def _read_failed(self, error: BaseException, generation: int) -> None:
        self._reading -= 1
        if generation == self._generation:
            self._not_live(error)

    def _show(self, tally: EventTally) -> None:
        if self.not_live_since is not None:
            self.not_live_since = None
            self.stale_notice.hide()
            self.stale_notice.clear()
            log.info("tally board live again")
            announce(self, _("The counts are live again."))
        self._last_read = datetime.now().astimezone()
        if self.tally is None or tally != self.tally:
            before = self.tally
            self.tally = tally
            self.counts.setText(spoken_counts(tally))
            self.update()
            if before is not None and before.total != tally.total:
                announce(self, total_line(tally))
            self.tally_changed.emit(tally.total)

    def _not_live(self, error: BaseException) -> None:
        """The counts could not be read: the first time, say so on the board (the log keeps
        the reason)."""
        if self.not_live_since is not None:
            log.debug("tally refresh failed again", exc_info=error)
            return
        log.warning("tally refresh failed: the board is not live", exc_info=error)
        self.not_live_since = self._last_read or self._opened_at
        if self._on_server:
            text = _(
                "Not live since {time}: the counts cannot be read from the database just now. "
                "Check that this computer is connected to the network and that the group's "
                "database server is running. The board catches up by itself once it can read "
                "them again."
            )
        else:
            text = _(
                "Not live since {time}: the counts cannot be read from this computer's "
                "Appeal Desk data just now (the file is busy, or the drive or folder that "
                "holds it is out of reach). The board catches up by itself once it can read "
                "them again."
            )
        self.stale_notice.setText(text.format(time=clock_time(self.not_live_since)))
        self.stale_notice.show()
        self.update()
        announce(self, self.stale_notice.text())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """The notice that the board is not live is read from the back of the room too."""
        super().resizeEvent(event)
        font = QFont(self.stale_notice.font())
        font.setPixelSize(max(14, int(self.height() * 0.035)))
        font.setBold(True)
        self.stale_notice.setFont(font)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.timer.stop()  # a board no one sees reads nothing
        super().closeEvent(event)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.toggle_full_screen()

    def chart_area(self) -> QRectF:
        """Where the bars go: under the headline, inside the margins."""
        width, height = float(self.width()), float(self.height())
        margin = min(width, height) * 0.04
        top = margin + height * 0.13
        bottom = height - margin
        for below in (self.stale_notice, self.counts):  # the notice and the counts as text
            if below.isVisible() and below.text():
                bottom = min(bottom, below.geometry().top() - margin / 2)
        return QRectF(margin, top, width - 2 * margin, max(0.0, bottom - top))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111111"))
        if self.tally is None:
            painter.end()
            return
        width, height = float(self.width()), float(self.height())
        margin = min(width, height) * 0.04
        head = QRectF(margin, margin, width - 2 * margin, height * 0.09)
        title = QFont()
        title.setPixelSize(max(10, int(height * 0.06)))
        title.setBold(True)
        total = total_line(self.tally)
        gap = QFontMetricsF(title).horizontalAdvance(total + "    ")
        name_box = QRectF(head.left(), head.top(), max(1.0, head.width() - gap), head.height())
        if self.isRightToLeft():  # the total is painted on the left: the name takes the right
            name_box.moveRight(head.right())
        painter.setFont(fitted_font(title, self.tally.event.name, name_box.width()))
        painter.setPen(QColor("#ffffff"))
        name = painter.fontMetrics().elidedText(
            self.tally.event.name, Qt.TextElideMode.ElideRight, int(name_box.width())
        )
        painter.drawText(name_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(title)
        painter.setPen(QColor("#ffd21f"))
        painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, total)
        paint_tally_chart(painter, self.chart_area(), self.tally, colours=PROJECTOR_COLOURS)
        painter.end()
