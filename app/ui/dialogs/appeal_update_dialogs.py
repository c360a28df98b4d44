"""Small dialogs of the history view: how and when a printed letter was sent; a reply received."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import bounds
from app.domain.model import Channel
from app.domain.notices import AppealWarning
from app.i18n import _
from app.ui.errors import appeal_warning_text
from app.ui.formatting import channel_label
from app.ui.style import Role, apply_role


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
    edit.setMaximumDate(QDate.currentDate().addDays(1))
    edit.setMinimumDate(QDate(*bounds.EARLIEST_DATE.timetuple()[:3]))
    return edit


def _python_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _FormDialog(QDialog):
    def __init__(self, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.intro)
        self.column.addLayout(self.form)
        self.column.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def add_row(self, caption: str, field: QWidget, name: str) -> None:
        label = QLabel(caption)
        label.setBuddy(field)
        field.setAccessibleName(name)
        self.form.addRow(label, field)


class SentDetailsDialog(_FormDialog):
    """Channel and date for a draft or printed appeal that has now gone out."""

    def __init__(
        self,
        channel: Channel | None,
        parent: QWidget | None = None,
        warnings: Callable[[date], list[AppealWarning]] | None = None,
    ) -> None:
        super().__init__(_("How and when did this appeal leave your hands?"), parent)
        self.setWindowTitle(_("Mark as sent"))
        self.channel_combo = QComboBox()
        for value in Channel:
            self.channel_combo.addItem(channel_label(value), value)
        self.channel_combo.setCurrentIndex(
            max(0, self.channel_combo.findData(channel or Channel.POST))
        )
        self.date_edit = _date_edit()
        self.add_row(_("Sent &by:"), self.channel_combo, _("How the appeal was sent"))
        self.add_row(_("&Date:"), self.date_edit, _("Date sent"))
        self.notice_label = QLabel()  # warnings for that date, never a block (app.services)
        apply_role(self.notice_label, Role.WARNING)
        self.notice_label.setWordWrap(True)
        self.column.insertWidget(2, self.notice_label)
        self._warnings = warnings
        self.date_edit.dateChanged.connect(lambda _d: self.update_notices())
        self.update_notices()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Mark as sent"))
        ok.setAccessibleName(_("Mark as sent"))

    def update_notices(self) -> None:
        found = self._warnings(self.sent_on()) if self._warnings else []
        self.notice_label.setText("\n".join(appeal_warning_text(w) for w in found))
        self.notice_label.setVisible(bool(found))

    def channel(self) -> Channel:
        return Channel(self.channel_combo.currentData())

    def sent_on(self) -> date:
        return _python_date(self.date_edit)


class ReplyDialog(_FormDialog):
    """A reply from the official: when it came and what it said (replies matter to the section)."""

    def __init__(self, target_label: str, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Record the reply from {official}.").format(official=target_label), parent
        )
        self.setWindowTitle(_("Reply received"))
        self.date_edit = _date_edit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(_("What did the reply say? (a short summary)"))
        self.add_row(_("&Received on:"), self.date_edit, _("Date the reply arrived"))
        self.add_row(_("&Note:"), self.note_edit, _("Summary of the reply"))
        self.scan_path: Path | None = None
        self.attach_button = QPushButton(_("&Attach a scan…"))
        self.attach_button.setAccessibleDescription(_("Attach a scanned copy of the reply"))
        self.attach_button.clicked.connect(self.choose_scan)
        self.scan_label = QLabel(_("No scan attached."))
        self.scan_label.setAccessibleName(_("Attached scan"))
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.attach_button)
        scan_row.addWidget(self.scan_label, 1)
        self.form.addRow(_("Scan:"), scan_row)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Save reply"))
        ok.setAccessibleName(_("Save reply"))

    def choose_scan(self) -> None:
        from app.ui.file_dialogs import remember_folder, start_folder

        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Attach a scan of the reply"),
            str(start_folder("scan")),
            _("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if name:
            remember_folder("scan", Path(name))
            self.scan_path = Path(name)
            self.scan_label.setText(_("Attached: {name}").format(name=self.scan_path.name))

    def reply_on(self) -> date:
        return _python_date(self.date_edit)

    def note(self) -> str:
        return self.note_edit.toPlainText()
