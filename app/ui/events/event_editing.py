"""Edit and delete events from the events dialog: a context menu (right-click, Menu key), the
Delete key, and an edit dialog (name, date, place, cases and goals); each change goes on the
Edit menu's undo stack."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import EventEdits, StoreChange
from app.domain.events import EventInfo
from app.domain.model import AppealRecord
from app.i18n import _
from app.services.database import Database
from app.ui.errors import report_failure
from app.ui.events.events_dialog import EventsDialog
from app.ui.messages import Messages
from app.ui.read_only import refuse_change

log = logging.getLogger(__name__)


def cases_text(event: EventInfo) -> str:
    return "\n".join(
        f"{case.ua_number} {case.goal}" if case.goal else case.ua_number for case in event.cases
    )


def parse_cases(text: str) -> dict[str, int | None]:
    """One case a line: "61/15" or "61/15 40" (a goal of 40 letters)."""
    from app.domain.errors import InvalidInput

    cases: dict[str, int | None] = {}
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        goal = None
        if len(words) > 1:
            try:
                goal = int(words[-1])
            except ValueError:
                raise InvalidInput(
                    _("Write one case a line, with its goal after it: \u201c61/15 40\u201d.")
                ) from None
        cases[words[0]] = goal
    return cases


class EventEditDialog(QDialog):
    change_made = Signal(object)  # a StoreChange

    def __init__(self, event: EventInfo, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = event
        self.db = db
        self.setObjectName("eventEditDialog")
        self.setWindowTitle(_("Edit the event {name}").format(name=event.name))
        self.name = QLineEdit(event.name)
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.no_date = QCheckBox(_("No date"))
        self.no_date.toggled.connect(lambda on: self.held_on.setEnabled(not on))
        when = event.held_on or date.today()
        self.held_on.setDate(QDate(when.year, when.month, when.day))
        self.no_date.setChecked(event.held_on is None)
        self.place = QLineEdit(event.place)
        self.cases = QPlainTextEdit(cases_text(event))
        self.cases.setTabChangesFocus(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.held_on)
        date_row.addWidget(self.no_date)
        date_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        date_label = QLabel(_("&Date:"))
        date_label.setBuddy(self.held_on)  # the row is a layout: Alt+D needs a buddy
        form.addRow(date_label, date_row)
        form.addRow(_("&Place:"), self.place)
        form.addRow(_("&Cases and goals (one a line):"), self.cases)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def edits(self) -> EventEdits:
        event = self.info
        chosen = self.held_on.date().toPython()
        assert isinstance(chosen, date)
        held_on = None if self.no_date.isChecked() or chosen == event.held_on else chosen
        cases = parse_cases(self.cases.toPlainText())
        before = {case.ua_number: case.goal for case in event.cases}
        return EventEdits(
            new_name=self.name.text() if self.name.text() != event.name else None,
            held_on=held_on,
            clear_date=self.no_date.isChecked() and event.held_on is not None,
            place=self.place.text() if self.place.text() != event.place else None,
            cases=cases if cases != before else None,
        )

    def save(self) -> None:
        from app.services.editing import edit_event

        try:
            edits = self.edits()
            if edits == EventEdits():
                self.accept()
                return
            change = edit_event(self.db, self.info.name, edits)
        except Exception as error:
            report_failure(self, _("The event was not changed"), error)
            return
        self.change_made.emit(change)
        self.accept()


class EventEditing(QObject):
    """The events dialog's edit and delete actions."""

    def __init__(
        self,
        dialog: EventsDialog,
        database: Callable[[], Database | None],
        record_change: Callable[[StoreChange], None],
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._database = database
        self._record_change = record_change
        self._said_counted = ""  # the status line's words about the batch just counted
        self.edit_event = QAction(_("&Edit event…"), dialog)
        self.delete_event = QAction(_("&Delete event…"), dialog)
        self.delete_event.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_event.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dialog.event_list.addAction(self.delete_event)
        self.edit_event.triggered.connect(self.edit_current)
        self.delete_event.triggered.connect(self.delete_current)
        dialog.event_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        dialog.event_list.customContextMenuRequested.connect(self.show_menu)
        dialog.files.counted.connect(self._batch_counted)

    def refresh(self, _change: object = None) -> None:
        """List the events again (an undo or redo may have changed them); what the status
        line said about a counted batch no longer holds once anything changed since."""
        self.dialog.reload()
        if self._said_counted and self.dialog.status.text() == self._said_counted:
            self.dialog.status.clear()
        self._said_counted = ""

    def show_menu(self, pos: QPoint) -> None:
        if self.dialog.current_event() is None:
            return
        menu = QMenu(self.dialog.event_list)
        menu.addActions([self.edit_event, self.delete_event])
        menu.popup(self.dialog.event_list.viewport().mapToGlobal(pos))

    def _done(self, change: StoreChange, select: str | None = None) -> None:
        self._record_change(change)
        self.dialog.reload(select)
        self.dialog.store_changed.emit()

    def _batch_counted(self, record: AppealRecord) -> None:
        """A handwritten batch counted by mistake (120 typed for 12) is taken back by Undo."""
        from app.services import editing

        db = self._database()
        if db is None:
            return
        try:
            change = editing.counted_batch_change(db, record.appeal_id)
        except Exception:  # the letters stay counted; only the way back is missing
            log.warning("the counted batch cannot be undone", exc_info=True)
            return
        self._record_change(change)
        status = self.dialog.status
        said = (
            status.text() + " " + _("To take them back: Ctrl+Z (Edit > Undo in the main window).")
        )
        status.setText(said)
        self._said_counted = said

    def edit_current(self) -> None:
        event = self.dialog.current_event()
        db = self._database()
        if event is None or db is None or refuse_change(db, self.dialog):
            return
        editor = EventEditDialog(event, db, self.dialog)
        editor.change_made.connect(
            lambda change: self._done(change, " ".join(editor.name.text().split()))
        )
        editor.open()

    def delete_current(self) -> None:
        from app.services import editing
        from app.ui.removal_text import removal_text

        event = self.dialog.current_event()
        db = self._database()
        if event is None or db is None or refuse_change(db, self.dialog):
            return
        try:
            preview = editing.preview_event_deletion(db, event.name)
            keep = False
            if preview.appeals:
                keep = Messages.ask(
                    self.dialog,
                    _("Keep the letters?"),
                    _(
                        "Letters were counted at {name}. Keep them in the history, so they still "
                        "count in reports? (No deletes them with the event.)"
                    ).format(name=event.name),
                )
            text = removal_text(preview, keep_appeals=keep)
            if not Messages.ask(self.dialog, _("Delete this event?"), text):
                return
            change = editing.delete_event(db, event.name, keep_letters=keep)
        except Exception as error:
            report_failure(self.dialog, _("The event was not deleted"), error)
            return
        self._done(change)
