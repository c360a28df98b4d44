"""The appeal history's filter bar: case, status, channel and an optional date range."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from app.domain.model import AppealStatus, Channel
from app.i18n import _
from app.ui.formatting import channel_label
from app.ui.models.appeal_table_model import status_label

if TYPE_CHECKING:
    from app.services.appeals import AppealFilters


class HistoryFilters(QWidget):
    """Emits ``changed`` whenever a filter moves; ``values()`` are the list_appeals arguments."""

    changed = Signal()

    def __init__(self, ua_numbers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_combo = QComboBox()
        self.case_combo.addItem("", None)
        for ua in ua_numbers:
            self.case_combo.addItem(_("UA {ua_number}").format(ua_number=ua), ua)
        self.status_combo = QComboBox()
        self.status_combo.addItem("", None)
        for status in AppealStatus:
            self.status_combo.addItem(status_label(status), status)
        self.channel_combo = QComboBox()
        self.channel_combo.addItem("", None)
        for channel in Channel:
            self.channel_combo.addItem(channel_label(channel), channel)
        self.dates_box = QCheckBox()
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until_edit = QDateEdit(QDate.currentDate())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            self.dates_box.toggled.connect(edit.setEnabled)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        for combo in (self.case_combo, self.status_combo, self.channel_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.dates_box.toggled.connect(lambda _on: self.changed.emit())

        self.captions = [QLabel() for _i in range(3)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for caption, field in zip(
            self.captions, (self.case_combo, self.status_combo, self.channel_combo), strict=True
        ):
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field)
        layout.addSpacing(12)
        layout.addWidget(self.dates_box)
        layout.addWidget(self.since_edit)
        layout.addWidget(self.until_edit)
        layout.addStretch(1)

    def retranslate_ui(self) -> None:
        for caption, text in zip(
            self.captions, (_("&Case:"), _("S&tatus:"), _("C&hannel:")), strict=True
        ):
            caption.setText(text)
        self.case_combo.setItemText(0, _("All cases"))
        self.status_combo.setItemText(0, _("Any status"))
        self.channel_combo.setItemText(0, _("Any channel"))
        self.dates_box.setText(_("&Between"))
        for widget, name in (
            (self.case_combo, _("Filter by case")),
            (self.status_combo, _("Filter by status")),
            (self.channel_combo, _("Filter by channel")),
            (self.since_edit, _("From date")),
            (self.until_edit, _("Until date")),
        ):
            widget.setAccessibleName(name)
        self.dates_box.setAccessibleDescription(_("Filter by date"))  # spoken as shown

    def values(self) -> AppealFilters:
        """The arguments for ``list_appeals`` (Qt hands enum data back as str)."""
        status, channel = self.status_combo.currentData(), self.channel_combo.currentData()
        since = until = None
        if self.dates_box.isChecked():
            since, until = self.since_edit.date().toPython(), self.until_edit.date().toPython()
        return {
            "ua_number": self.case_combo.currentData(),
            "status": AppealStatus(status) if status else None,
            "channel": Channel(channel) if channel else None,
            "since": since if isinstance(since, date) else None,
            "until": until if isinstance(until, date) else None,
        }
