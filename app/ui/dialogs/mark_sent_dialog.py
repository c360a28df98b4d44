"""Ask which official, how and when an appeal was sent (today by default)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain import bounds
from app.domain.model import AppealStatus, CaseDetail, Channel
from app.i18n import _
from app.services.appeal_warnings import case_warnings
from app.ui.accessibility import SpokenLabel
from app.ui.errors import appeal_warning_text
from app.ui.formatting import channel_label
from app.ui.style import Role, apply_role


@dataclass(frozen=True, slots=True)
class MarkSentChoice:
    target_index: int  # 1-based
    channel: Channel
    sent_on: date
    status: AppealStatus = AppealStatus.SENT


class MarkSentDialog(QDialog):
    """Target, channel and date; ``choice()`` after it is accepted."""

    def __init__(
        self,
        case: CaseDetail,
        target_index: int = 1,
        channel: Channel = Channel.POST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.target_combo = QComboBox()
        for position, target in enumerate(case.targets, start=1):
            self.target_combo.addItem(target.label or str(position), position)
        self.target_combo.setCurrentIndex(max(0, min(target_index, len(case.targets)) - 1))
        self.channel_combo = QComboBox()
        for value in Channel:
            self.channel_combo.addItem(channel_label(value), value)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel))
        self.status_combo = QComboBox()
        for status in (AppealStatus.SENT, AppealStatus.PRINTED, AppealStatus.DRAFT):
            self.status_combo.addItem("", status)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.date_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.date_edit.setMinimumDate(QDate(*bounds.EARLIEST_DATE.timetuple()[:3]))
        self.notice_label = SpokenLabel()  # a past deadline or a closed case: said on opening
        apply_role(self.notice_label, Role.WARNING)
        self.notice_label.setWordWrap(True)
        self.target_combo.currentIndexChanged.connect(lambda _i: self._update_notices())
        self.date_edit.dateChanged.connect(lambda _d: self._update_notices())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_dated_after_issue)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.target_label = QLabel()
        self.channel_label = QLabel()
        self.date_label = QLabel()
        self.status_caption = QLabel()
        self.status_caption.setBuddy(self.status_combo)
        self.form.addRow(self.status_caption, self.status_combo)
        self.form.addRow(self.target_label, self.target_combo)
        self.form.addRow(self.channel_label, self.channel_combo)
        self.form.addRow(self.date_label, self.date_edit)
        for label, field in (
            (self.target_label, self.target_combo),
            (self.channel_label, self.channel_combo),
            (self.date_label, self.date_edit),
        ):
            label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Mark as sent"))
        self.intro.setText(
            _(
                "Record an appeal you sent for UA {ua_number}. It counts in the case list and in your history."
            ).format(ua_number=self.case.ua_number)
        )
        self.status_caption.setText(_("&Record as:"))
        self.status_combo.setItemText(0, _("Sent"))
        self.status_combo.setItemText(1, _("Printed, to be posted"))
        self.status_combo.setItemText(2, _("Draft, not sent yet"))
        self.status_combo.setAccessibleName(_("Status of the appeal"))
        self.target_label.setText(_("&Official:"))
        self.channel_label.setText(_("Sent &by:"))
        self.date_label.setText(_("&Date:"))
        self.target_combo.setAccessibleName(_("Official written to"))
        self.channel_combo.setAccessibleName(_("How the appeal was sent"))
        self.date_edit.setAccessibleName(_("Date sent"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Mark as sent"))
        ok.setAccessibleName(_("Mark as sent"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(_("Cancel"))
        self._update_notices()

    def notices(self) -> list[str]:
        """Warnings that never block: closed case, past deadline, this official already written to."""
        choice = self.choice()
        found = case_warnings(self.case, choice.target_index, choice.sent_on)
        return [appeal_warning_text(warning) for warning in found]

    def _update_notices(self) -> None:
        found = self.notices()
        self.notice_label.setText("\n".join(found))
        self.notice_label.setVisible(bool(found))

    def _accept_if_dated_after_issue(self) -> None:
        """Close with the choice, unless the day sent is before the UA was issued: then say so
        and stay open on the date, so the writer corrects it without choosing the rest again."""
        from app.domain.errors import InvalidInput
        from app.services.limits import check_sent_for_case_detail
        from app.ui.errors import report_failure

        choice = self.choice()
        if choice.status is AppealStatus.SENT:
            try:
                check_sent_for_case_detail(self.case, choice.sent_on)
            except InvalidInput as error:
                report_failure(self, _("The appeal was not recorded"), error)
                self.date_edit.setFocus()
                return
        self.accept()

    def choice(self) -> MarkSentChoice:
        qdate = self.date_edit.date()
        return MarkSentChoice(
            target_index=int(self.target_combo.currentData() or 1),
            channel=Channel(self.channel_combo.currentData()),
            sent_on=date(qdate.year(), qdate.month(), qdate.day()),
            status=AppealStatus(self.status_combo.currentData()),
        )
