"""Event mode: a large, simple screen where participant after participant writes a letter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.events import EventInfo
from app.domain.model import AppealKind, AppealRecord, Channel, Letter, Target
from app.i18n import _
from app.ui.accessibility import SpokenLabel, announce
from app.ui.errors import report_failure
from app.ui.events.participant_form import ParticipantForm
from app.ui.events.pin import AskPinDialog, PinLock

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.services.database import Database


def ask_pin(parent: QWidget, lock: PinLock) -> bool:
    """True when the organiser typed the PIN (tests replace this function)."""
    return AskPinDialog(lock, parent).exec() == AskPinDialog.DialogCode.Accepted


def print_letter(
    parent: QWidget, letter: Letter, target: Target, options: OutputOptions
) -> bool | None:
    """Show the print preview: True when the letter was printed, False when the participant
    closed it without printing, None when printing is not available (tests replace this)."""
    try:
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter

        from app.domain.model import SenderProfile
        from app.output.paper import (
            fitted_letter_document,
            paint_document_pages,
            prepare_paged_device,
        )
        from app.ui.print_preview import PrintPreview
    except ImportError:
        return None
    doc = fitted_letter_document(
        letter,
        sender=SenderProfile(),
        target=target,
        page_size=options.page_size,
        large_print=options.large_print,
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_paged_device(printer, options.page_size)

    def paint(device: QPrinter) -> None:
        painter = QPainter(device)
        paint_document_pages(doc, painter, device, new_page_first=False)
        painter.end()

    preview = PrintPreview(printer, paint, _("Print my letter"), parent)
    return preview.exec() == PrintPreview.DialogCode.Accepted


IDLE_RESET_MS = 120_000  # a counted letter left on screen is cleared after two minutes


class EventModeWindow(QWidget):
    """Participants cannot see each other's names, and cannot leave without the organiser's PIN."""

    letter_recorded = Signal(object)  # AppealRecord
    left = Signal()  # the organiser ended event mode

    def __init__(
        self,
        db: Database,
        event: EventInfo,
        lock: PinLock,
        *,
        open_board: Callable[[], object] | None = None,
        options: OutputOptions | None = None,
        idle_reset_ms: int = IDLE_RESET_MS,
    ) -> None:
        super().__init__()
        from app.services.cases import get_case

        self.db = db
        self.event_info = event
        self._lock = lock
        self._open_board = open_board
        if options is None:
            from app.services.outputs import default_output_options

            options = default_output_options()
        self.options = options
        self._may_close = False
        self.setWindowTitle(_("Event mode: %(event)s") % {"event": event.name})
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)  # large and simple, readable at arm's length
        self.setFont(font)
        cases = [get_case(db, c.ua_number) for c in event.cases]
        self.form = ParticipantForm(cases, options=options)
        self.heading = QLabel(event.name)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names come from files, never markup
        heading_font = self.heading.font()
        heading_font.setPointSizeF(font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.thanks = SpokenLabel()
        self.thanks.setObjectName("eventThanks")
        self.print_button = QPushButton(_("Print my letter"))
        self.record_button = QPushButton(_("I wrote it \u2013 count my letter"))
        self.next_button = QPushButton(_("Next person"))
        self.organiser_button = QPushButton(_("Organiser\u2026"))
        self.organiser_button.setFlat(True)
        self._lay_out()
        self.print_button.clicked.connect(self.print_and_record)
        self.record_button.clicked.connect(self.record)
        self.next_button.clicked.connect(self.next_person)
        self.organiser_button.clicked.connect(self.organiser)
        self.form.changed.connect(self._update_buttons)
        # A participant who walks away after counting a letter leaves their name on screen;
        # the screen clears itself unless someone starts typing again.
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_reset_ms)
        self.idle_timer.timeout.connect(self.next_person)
        self.form.changed.connect(self.idle_timer.stop)
        self.form.name_edit.textEdited.connect(lambda _t: self.idle_timer.stop())
        self._update_buttons()
        # The first participant starts where every next one does: at the case list (the
        # focus would otherwise land on "Organiser...", the first control in the window).
        self.form.case_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.organiser_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.record_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.thanks)
        layout.addLayout(buttons)

    def _update_buttons(self) -> None:
        """A letter can be counted once; changing the case, kind or text makes a new one."""
        ready = self.form.case() is not None and bool(self.form.text().strip())
        self.print_button.setEnabled(ready)
        self.record_button.setEnabled(ready)

    # ---- the participant's actions -----------------------------------------------------------

    def record(self) -> AppealRecord | None:
        """Count the current letter for the event (its text and the name are not kept)."""
        from app.services.events import record_event_letter

        case = self.form.case()
        if case is None:
            return None
        try:
            record = record_event_letter(
                self.db,
                self.event_info,
                case.ua_number,
                target_index=self.form.target_index(),
                kind=self.form.kind(),
                channel=Channel.POST,
                language=self.form.letter_locale(),
            )
        except Exception as exc:
            report_failure(self, _("The letter could not be counted"), exc)
            return None
        self.thanks.setText(
            _(
                "Thank you! Your letter for UA %(ua)s is counted. Press \u201cNext person\u201d "
                "when you are done."
            )
            % {"ua": case.ua_number}
        )
        self.print_button.setEnabled(False)
        self.record_button.setEnabled(False)
        # The focus was on a button that is now disabled; the thanks names the next step.
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_timer.start()
        self.letter_recorded.emit(record)
        return record

    def print_and_record(self) -> None:
        case = self.form.case()
        if case is None:
            return
        letter = self.form.letter
        text = self.form.text()
        base = letter or Letter(text=text, locale=self.form.letter_locale(), template_name="")
        index = self.form.target_index()
        if self.form.kind() is AppealKind.APPEAL and index is not None:
            target = case.targets[index - 1]
        else:
            target = Target(None, ", ".join(p.name for p in case.persons))
        printed = print_letter(self, replace(base, text=text), target, self.options)
        if printed is None:
            self.thanks.setText(_("Printing is not available here; copy the letter by hand."))
            return
        if printed:
            self.record()

    def next_person(self) -> None:
        """Clear everything so the next participant starts fresh."""
        self.idle_timer.stop()
        self.form.reset()
        self.thanks.clear()
        self._update_buttons()
        # The next person starts at the case list. No row is current after the reset, so the
        # focus picks no case; Down chooses the first one.
        self.form.case_list.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.form.case_list, _("Ready for the next person. Choose a case."))

    # ---- the organiser ----------------------------------------------------------------------

    def organiser(self) -> None:
        if not ask_pin(self, self._lock):
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        board = menu.addAction(_("Show the tally board"))
        board.setEnabled(self._open_board is not None)
        leave = menu.addAction(_("Leave event mode"))
        chosen = menu.exec(
            self.organiser_button.mapToGlobal(self.organiser_button.rect().bottomLeft())
        )
        if chosen is board and self._open_board is not None:
            self._open_board()
        elif chosen is leave:
            self.leave(pin_checked=True)

    def leave(self, pin_checked: bool = False) -> bool:
        """End event mode; needs the organiser PIN."""
        if not pin_checked and not ask_pin(self, self._lock):
            return False
        self._may_close = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close and not ask_pin(self, self._lock):
            event.ignore()  # a participant cannot leave the event screen
            return
        self._may_close = True
        self.form.reset()
        event.accept()
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc must not drop a participant out of the screen
            event.accept()
            return
        super().keyPressEvent(event)
