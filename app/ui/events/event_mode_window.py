"""Event mode: a large, simple screen where participant after participant writes a letter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from app.domain.events import EventInfo
from app.domain.model import AppealKind, AppealRecord, Channel, Letter, Target
from app.i18n import _
from app.ui.accessibility import SpokenLabel, announce
from app.ui.errors import report_failure
from app.ui.events import kiosk_printing
from app.ui.events.kiosk_printing import KioskPrinting
from app.ui.events.participant_form import ParticipantForm
from app.ui.events.pin import AskPinDialog, ChoosePinDialog, PinLock
from app.ui.read_only import refuse_change

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.services.database import Database


def ask_pin(parent: QWidget, lock: PinLock) -> bool:
    """True when the organiser typed the PIN (tests replace this function)."""
    return AskPinDialog(lock, parent).exec() == AskPinDialog.DialogCode.Accepted


def choose_new_pin(parent: QWidget) -> PinLock | None:
    """A new organiser PIN, or None when cancelled (tests replace this function)."""
    dialog = ChoosePinDialog(parent)
    return dialog.lock() if dialog.exec() == ChoosePinDialog.DialogCode.Accepted else None


def event_letters_folder(exports: Path, event: EventInfo) -> Path:
    """The fixed folder where an event's letters are saved when no printer is set up."""
    from app.output.export_names import safe_file_stem

    return exports / "event letters" / safe_file_stem(event.name, fallback="event")


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
        kiosk: KioskPrinting | None = None,
        exports: Path | None = None,
        keep_lock: Callable[[PinLock], None] | None = None,
    ) -> None:
        """``kiosk`` says where printed letters go; by default the system's printer, else a
        folder under ``exports`` (beside the store when not given). ``keep_lock`` keeps a new
        PIN for a start after a crash (raising when it cannot; the old PIN then stays)."""
        super().__init__()
        self.db = db
        self.event_info = event
        self._lock = lock
        self._keep_lock = keep_lock
        self._open_board = open_board
        if options is None:
            from app.services.outputs import default_output_options

            options = default_output_options()
        self.options = options
        if kiosk is None:
            if exports is None:
                exports = Path(db.path).parent / "exports" if db.path else Path.home()
            kiosk = KioskPrinting.with_default_printer(event_letters_folder(exports, event))
        self.kiosk = kiosk
        self._may_close = False
        # The letter counted last (its case, kind and official): a corrected copy of it is
        # printed again without counting a second letter.
        self._counted: tuple[str, AppealKind, int | None, str] | None = None
        # What the thanks line says, rebuilt in the new language when the language changes.
        self._thanks: Callable[[], str] | None = None
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)  # large and simple, readable at arm's length
        self.setFont(font)
        from app.services.events import open_event_cases

        self.form = ParticipantForm(open_event_cases(db, event), options=options)
        self.heading = QLabel(event.name)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names come from files, never markup
        heading_font = self.heading.font()
        heading_font.setPointSizeF(font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.thanks = SpokenLabel()
        self.thanks.setObjectName("eventThanks")
        self.print_button = QPushButton()
        self.record_button = QPushButton()
        self.next_button = QPushButton()
        self.organiser_button = QPushButton()
        self.organiser_button.setFlat(True)
        self._lay_out()
        self.retranslate_ui()
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

    def retranslate_ui(self) -> None:
        """The window's words in the interface language (the form's too); the participant's
        case, name and letter stay as they are."""
        self.setWindowTitle(_("Event mode: %(event)s") % {"event": self.event_info.name})
        self.print_button.setText(_("Print my letter"))
        self.record_button.setText(_("I wrote it \u2013 count my letter"))
        self.next_button.setText(_("Next person"))
        self.organiser_button.setText(_("Organiser\u2026"))
        if self._thanks is not None:
            self.thanks.setText(self._thanks())
        self.form.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        # Qt sends LanguageChange to every window when the interface language is switched
        # (its own translator is replaced): the event screen follows while it is open.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _say(self, thanks: Callable[[], str] | None) -> None:
        self._thanks = thanks
        self.thanks.setText(thanks() if thanks is not None else "")

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

    def _letter_key(self) -> tuple[str, AppealKind, int | None, str] | None:
        """What makes a letter a new one: the case, the kind, the official and who signs it
        (a name typed over the last participant's is the next person's letter)."""
        case = self.form.case()
        if case is None:
            return None
        signer = self.form.sender_profile().name.casefold()
        return case.ua_number, self.form.kind(), self.form.target_index(), signer

    def _already_counted(self) -> bool:
        return self._counted is not None and self._counted == self._letter_key()

    def _update_buttons(self) -> None:
        """A letter is counted once: a corrected text or language is the same letter, printed
        again; another case, kind, official or signer makes a new one."""
        form = self.form
        ready = form.case() is not None and not form.drafting and bool(form.text().strip())
        self.print_button.setEnabled(ready)
        self.record_button.setEnabled(ready and not self._already_counted())

    # ---- the participant's actions -----------------------------------------------------------

    def record(self) -> AppealRecord | None:
        """Count the current letter for the event (its text and the name are not kept)."""
        from app.services.events import record_event_letter

        case = self.form.case()
        if case is None or refuse_change(self.db, self):
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
        ua_number = case.ua_number
        self._counted = self._letter_key()
        self._say(
            lambda: (
                _(
                    "Thank you! Your letter for UA %(ua)s is counted. Press \u201cNext person\u201d "
                    "when you are done."
                )
                % {"ua": ua_number}
            )
        )
        self.print_button.setEnabled(False)
        self.record_button.setEnabled(False)
        # The focus was on a button that is now disabled; the thanks names the next step.
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_timer.start()
        self.letter_recorded.emit(record)
        return record

    def print_and_record(self) -> None:
        """Print the letter (to the kiosk's printer or folder) and count it; nothing is
        printed when it could not be counted."""
        case = self.form.case()
        if case is None or refuse_change(self.db, self):
            return
        letter = self.form.letter
        text = self.form.text()
        base = letter or Letter(text=text, locale=self.form.letter_locale(), template_name="")
        index = self.form.target_index()
        if self.form.kind() is AppealKind.APPEAL and index is not None:
            target = case.targets[index - 1]
        else:
            target = Target(None, ", ".join(p.name for p in case.persons))
        sender = self.form.signature(case)
        outcome = kiosk_printing.print_letter(
            self, self.kiosk, replace(base, text=text), case, target, sender, self.options
        )
        if outcome is not None and self._already_counted():
            ua_number = case.ua_number
            self._say(
                lambda: (
                    outcome
                    + " "
                    + _("Your letter for UA %(ua)s was already counted.") % {"ua": ua_number}
                )
            )
            self.print_button.setEnabled(False)
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.idle_timer.start()
            return
        if outcome is not None and self.record() is not None:
            counted = self._thanks
            self._say(lambda: outcome + " " + (counted() if counted is not None else ""))

    def next_person(self) -> None:
        """Clear everything so the next participant starts fresh."""
        self.idle_timer.stop()
        self._counted = None
        self.form.reset()
        self._say(None)
        self._update_buttons()
        # The next person starts at the case list. No row is current after the reset, so the
        # focus picks no case; Down chooses the first one.
        self.form.case_list.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.form.case_list, _("Ready for the next person. Choose a case."))

    # ---- the organiser ----------------------------------------------------------------------

    def organiser(self) -> None:
        """The organiser's menu, behind the PIN."""
        if not ask_pin(self, self._lock):
            return
        menu = self.organiser_menu()
        menu.exec(self.organiser_button.mapToGlobal(self.organiser_button.rect().bottomLeft()))
        menu.deleteLater()

    def organiser_menu(self) -> QMenu:
        """Tally board, where letters print, the printer, a new PIN, leaving event mode."""
        from PySide6.QtPrintSupport import QPrinterInfo

        menu = QMenu(self)
        board = menu.addAction(_("Show the tally board"))
        board.setEnabled(self._open_board is not None)
        if self._open_board is not None:
            board.triggered.connect(self._open_board)
        where = menu.addAction(self.kiosk.destination())
        where.setEnabled(False)
        printer = menu.addAction(_("Choose the printer\u2026"))
        printer.setEnabled(bool(QPrinterInfo.availablePrinterNames()))
        printer.triggered.connect(lambda: kiosk_printing.choose_printer(self, self.kiosk))
        menu.addAction(_("Change the PIN\u2026")).triggered.connect(self.change_pin)
        menu.addSeparator()
        menu.addAction(_("Leave event mode")).triggered.connect(
            lambda: self.leave(pin_checked=True)
        )
        return menu

    def change_pin(self) -> bool:
        """The organiser sets a new PIN (after typing the current one)."""
        lock = choose_new_pin(self)
        if lock is None:
            return False
        if self._keep_lock is not None:
            try:
                self._keep_lock(lock)
            except Exception as exc:
                report_failure(self, _("The PIN was not changed"), exc)
                return False
        self._lock = lock
        self._say(lambda: _("The new PIN is set."))
        return True

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
