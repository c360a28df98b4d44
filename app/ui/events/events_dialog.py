"""The organiser's Events dialog: create or choose an event, then run it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.dates import medium_date
from app.domain.events import EventInfo
from app.i18n import _
from app.services.outputs import default_output_options
from app.ui.accessibility import SpokenLabel
from app.ui.errors import report_failure
from app.ui.events.event_mode_window import EventModeWindow
from app.ui.events.new_event_form import NewEventForm
from app.ui.events.organiser_files import OrganiserFiles
from app.ui.events.pin import ChoosePinDialog, PinLock
from app.ui.events.tally_board import TallyBoard
from app.ui.read_only import refuse_change

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.paths import AppPaths
    from app.services.database import Database
    from app.ui.tasks import JobRunner


STATUS_LINES = 5  # the room for what the last action did; more lines scroll


def choose_pin(parent: QWidget) -> PinLock | None:
    """The organiser sets the PIN for leaving event mode (tests replace this function)."""
    dialog = ChoosePinDialog(parent)
    return dialog.lock() if dialog.exec() == QDialog.DialogCode.Accepted else None


class EventsDialog(QDialog):
    """Lists events; creates one; starts event mode, the tally board, exports and reports."""

    store_changed = Signal()  # letters were recorded or merged: the case list may refresh

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        options: Callable[[], OutputOptions] | None = None,
        exports: Path | None = None,
        paths: AppPaths | None = None,
        runner: JobRunner | None = None,
    ) -> None:
        """``exports`` holds the folder of event letters saved when no printer is set up.
        With ``paths``, running event mode is kept in the data folder: a crash returns to
        the event screen at the next start, behind the same PIN. With ``runner``, the tally
        boards read their counts on its threads (a slow server never freezes the window)."""
        super().__init__(parent)
        from app.services.cases import list_cases

        self.db = db
        self.paths = paths
        self.runner = runner
        self.options = options or default_output_options
        self.exports = exports
        self.event_window: EventModeWindow | None = None
        self._hidden_window: QWidget | None = None
        self.boards: dict[str, TallyBoard] = {}
        self.setWindowTitle(_("Letter-writing events"))
        self.event_list = QListWidget()
        self.event_list.setObjectName("eventList")
        # A group's event names are long ("Write for Rights 2026, town library"): each wraps
        # onto a second line within the list, read whole, never cut by a sideways scroll bar.
        self.event_list.setWordWrap(True)
        self.event_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.event_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form = NewEventForm(list_cases(db))
        self.create_button = QPushButton(_("Create event"))
        self.status = SpokenLabel()  # what the last action did, also said aloud
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        # A merge of many files says a line for each: the lines scroll in a few lines' room,
        # and the window keeps its size.
        self.status_area = QScrollArea()
        self.status_area.setObjectName("statusArea")
        self.status_area.setWidget(self.status)
        self.status_area.setWidgetResizable(True)
        self.status_area.setFrameShape(QFrame.Shape.NoFrame)
        self.status_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_area.setMaximumHeight(
            STATUS_LINES * self.status.fontMetrics().lineSpacing() + 2 * self.status.margin()
        )
        self.files = OrganiserFiles(self, db, self.current_event, self.status, self.options)
        self.start_button = QPushButton(_("Start event mode\u2026"))
        self.board_button = QPushButton(_("Tally board"))
        self.batch_button = QPushButton(_("Count handwritten letters\u2026"))
        self.export_button = QPushButton(_("Export this laptop's records\u2026"))
        self.merge_button = QPushButton(_("Merge files from other laptops\u2026"))
        self.report_button = QPushButton(_("Save the report\u2026"))
        self.print_batch_button = QPushButton(_("Print a batch of letters\u2026"))
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        self._lay_out()
        self.create_button.clicked.connect(self.create_event)
        self.start_button.clicked.connect(self.start_event_mode)
        self.board_button.clicked.connect(lambda: self.open_board())
        self.batch_button.clicked.connect(self.files.count_batch)
        self.export_button.clicked.connect(self.files.export_records)
        self.merge_button.clicked.connect(self.files.merge_records)
        self.report_button.clicked.connect(self.files.save_report)
        self.print_batch_button.clicked.connect(self.files.print_batch)
        self.files.changed.connect(self._after_change)
        self.event_list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.reload()

    def _lay_out(self) -> None:
        chosen = QGroupBox(_("Events"))
        # one column of actions under the list: the group is as wide as the longest label
        # (German and French run half as long again as English), not twice as wide
        column = QVBoxLayout(chosen)
        column.addWidget(self.event_list, 1)
        buttons = (
            self.start_button,
            self.board_button,
            self.batch_button,
            self.print_batch_button,
            self.export_button,
            self.merge_button,
            self.report_button,
        )
        for button in buttons:
            # room beyond the measured text: Arabic shaped with a fallback font, or an
            # ellipsis, can run wider than measured and would touch (or pass) the frame
            room = 2 * button.fontMetrics().averageCharWidth()
            button.setMinimumWidth(button.sizeHint().width() + room)
            column.addWidget(button)
        new = QGroupBox(_("New event"))
        new_layout = QVBoxLayout(new)
        new_layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.create_button)
        new_layout.addLayout(row)
        layout = QHBoxLayout()
        layout.addWidget(chosen, 1)
        layout.addWidget(new, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.status_area)
        outer.addWidget(self.close_buttons)

    # ---- events ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        from app.services.events import list_events

        current = self.current_event()
        keep = select or (current.name if current else None)
        self.event_list.clear()
        for event in list_events(self.db):
            when = medium_date(event.held_on) if event.held_on else _("no date")
            item = QListWidgetItem(f"{event.name}  ({when})")
            item.setData(Qt.ItemDataRole.UserRole, event)
            self.event_list.addItem(item)
            if event.name == keep:
                self.event_list.setCurrentItem(item)
        if self.event_list.currentItem() is None and self.event_list.count():
            self.event_list.setCurrentRow(0)
        self._update_buttons()

    def current_event(self) -> EventInfo | None:
        item = self.event_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        event = self.current_event()
        for button in (self.board_button, self.export_button, self.report_button):
            button.setEnabled(event is not None)
        has_cases = event is not None and bool(event.cases)
        self.start_button.setEnabled(has_cases)
        self.batch_button.setEnabled(has_cases)
        self.print_batch_button.setEnabled(has_cases)

    def create_event(self) -> EventInfo | None:
        from app.services.events import create_event

        if refuse_change(self.db, self):
            return None
        cases = self.form.cases()
        try:
            event = create_event(
                self.db,
                self.form.name(),
                held_on=self.form.held_on(),
                place=self.form.place(),
                cases=list(cases),
                goals=cases,
            )
        except Exception as exc:
            report_failure(self, _("The event could not be created"), exc)
            return None
        self.form.clear()
        self.reload(select=event.name)
        self.status.setText(_("Created \u201c%(name)s\u201d.") % {"name": event.name})
        return event

    # ---- running an event -----------------------------------------------------------------------

    def start_event_mode(
        self, event: EventInfo | None = None, lock: PinLock | None = None
    ) -> EventModeWindow | None:
        """Event mode for the chosen event behind a new PIN; or for ``event`` behind ``lock``
        (event mode that was running when Appeal Desk stopped)."""
        event = event or self.current_event()
        if event is None or not event.cases or refuse_change(self.db, self):
            return None
        if lock is None and not self._has_open_cases(event):
            return None
        if lock is None:  # a new event mode: kept before it starts, or not started at all
            lock = choose_pin(self)
            if lock is None:
                return None
            try:
                self._keep(event, lock)
            except Exception as exc:
                report_failure(self, _("Event mode was not started"), exc)
                return None
        window = EventModeWindow(
            self.db,
            event,
            lock,
            open_board=lambda: self.open_board(event),
            options=self.options(),
            exports=self.exports,
            keep_lock=lambda new: self._keep(event, new),
        )
        window.letter_recorded.connect(lambda _record: self._after_change())
        window.left.connect(self._on_event_mode_left)
        self.event_window = window
        self._hidden_window = self.parentWidget()
        if self._hidden_window is not None:  # the main window shows the organiser's own data
            self._hidden_window.hide()
        self.hide()
        window.showFullScreen()
        return window

    def _has_open_cases(self, event: EventInfo) -> bool:
        """Whether ``event`` has a case participants may write for; when it has none, or its
        cases cannot be read (one deleted since this list was read, a store out of reach),
        says why event mode does not start."""
        from app.services.events import open_event_cases
        from app.ui.messages import Messages

        try:
            if open_event_cases(self.db, event):
                return True
        except Exception as exc:
            report_failure(self, _("Event mode was not started"), exc)
            return False
        Messages.info(
            self,
            _("Event mode was not started"),
            _(
                "Every case of “{event}” is closed now: their UAs ask for no further "
                "action. Add an open case to the event before starting event mode."
            ).format(event=event.name),
        )
        return False

    def _keep(self, event: EventInfo, lock: PinLock) -> None:
        if self.paths is not None:
            from app.services.event_mode import KeptEventMode, keep_event_mode

            keep_event_mode(self.paths, KeptEventMode(event.name, lock.salt, lock.digest))

    def _on_event_mode_left(self) -> None:
        if self.paths is not None:
            from app.services.event_mode import end_event_mode

            end_event_mode(self.paths)
        waiting = self.event_window.kiosk.letters_waiting() if self.event_window else ""
        if waiting:  # letters saved for want of a printer carry the participants' names
            self.status.setText(waiting)
        self.event_window = None
        if self._hidden_window is not None:
            self._hidden_window.show()
            self._hidden_window = None
        self.show()
        self.raise_()
        self.activateWindow()  # the keyboard goes back to the organiser's dialog
        self.store_changed.emit()

    def open_board(self, event: EventInfo | None = None) -> TallyBoard | None:
        from app.services.events import event_tally

        event = event or self.current_event()
        if event is None:
            return None
        board = self.boards.get(event.name)
        if board is None:
            name = event.name
            board = TallyBoard(
                lambda: event_tally(self.db, name), runner=self.runner, on_server=self.db.on_server
            )
            board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            board.destroyed.connect(lambda *_a, key=name: self.boards.pop(key, None))
            self.boards[name] = board
        board.show()
        board.raise_()
        return board

    def _after_change(self) -> None:
        for board in list(self.boards.values()):
            board.refresh()
        self.reload()
        self.store_changed.emit()

    def done(self, result: int) -> None:
        for board in list(self.boards.values()):
            board.close()
        super().done(result)
