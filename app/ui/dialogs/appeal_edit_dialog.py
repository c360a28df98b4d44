"""Edit an appeal record: channel, date, status, official and the text as sent (a corrected
text is a new version; the original stays in the history); and a reply's date and note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import AppealEdits
from app.domain.model import AppealRecord, AppealStatus, Channel, Target
from app.i18n import _
from app.services.database import Database
from app.ui.dialogs.unsaved_changes import close_keeping_changes
from app.ui.errors import report_failure
from app.ui.formatting import channel_label
from app.ui.models.appeal_table_model import status_label


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class AppealEditDialog(QDialog):
    """Saves the changed fields in one transaction; the change goes on the undo stack."""

    change_made = Signal(object)  # a StoreChange

    def __init__(
        self,
        record: AppealRecord,
        targets: tuple[Target, ...],
        db: Database,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.db = db
        self.setObjectName("appealEditDialog")
        self.setWindowTitle(
            _("Edit the appeal for UA {ua_number}").format(ua_number=record.ua_number)
        )
        self.channel = QComboBox()
        self.channel.addItem("\u2014", None)
        for channel in Channel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.channel.setCurrentIndex(
            self.channel.findData(record.channel.value if record.channel else None)
        )
        self.sent_on = QDateEdit()
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.sent_on.setMaximumDate(QDate.currentDate().addDays(1))
        self.sent_on.setDate(_qdate(record.sent_on or date.today()))
        self.status = QComboBox()
        for status in AppealStatus:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(record.status.value))
        self.official = QComboBox()
        for index, target in enumerate(targets, start=1):
            self.official.addItem(f"{index}. {target.label}", index)
        if record.target_index is not None:
            self.official.setCurrentIndex(self.official.findData(record.target_index))
        self.official.setEnabled(bool(targets) and record.target_index is not None)
        self.text = QPlainTextEdit(record.text)
        form = QFormLayout()
        form.addRow(_("&Channel:"), self.channel)
        form.addRow(_("&Date sent:"), self.sent_on)
        form.addRow(_("&Status:"), self.status)
        form.addRow(_("&Official:"), self.official)
        form.addRow(_("&Text as sent:"), self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self._discard)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

    def edits(self) -> AppealEdits:
        record = self.record
        channel = self.channel.currentData()
        chosen = self.sent_on.date().toPython()
        assert isinstance(chosen, date)
        status = self.status.currentData()
        official = self.official.currentData() if self.official.isEnabled() else None
        text = self.text.toPlainText()
        return AppealEdits(
            channel=channel
            if channel != (record.channel.value if record.channel else None)
            else None,
            sent_on=chosen
            if chosen != record.sent_on and (record.sent_on or status == "sent")
            else None,
            status=status if status != record.status.value else None,
            target_index=official if official != record.target_index else None,
            text=text if text != record.text else None,
        )

    def _discard(self) -> None:
        """Cancel: the changes go, as the button says (Escape and the close box ask first)."""
        QDialog.reject(self)

    def reject(self) -> None:
        """Escape or the window's close box: asks before dropping the changes typed here."""
        close_keeping_changes(
            self,
            self.edits() != AppealEdits(),
            _("You changed this appeal record. Save your changes?"),
            self.save,
        )

    def save(self) -> None:
        from app.services.editing import edit_appeal

        edits = self.edits()
        if edits == AppealEdits():
            self.accept()
            return
        try:
            change = edit_appeal(self.db, self.record.appeal_id, edits)
        except Exception as error:
            report_failure(self, _("The appeal was not changed"), error)
            return
        self.change_made.emit(change)
        self.accept()
