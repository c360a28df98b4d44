"""Case > Appeal history: every appeal, filtered by case, status, channel and date; replies."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import AppealRecord, AppealStatus
from app.domain.notices import AppealWarning
from app.i18n import _
from app.services.appeals import next_steps
from app.ui.accessibility import leave_with_tab, readable_by_keyboard, select_the_current_row
from app.ui.dialogs.appeal_update_dialogs import ReplyDialog, SentDetailsDialog
from app.ui.errors import report_failure
from app.ui.formatting import format_date
from app.ui.models.appeal_table_model import (
    AppealColumn,
    AppealTableModel,
    event_letter_text,
)
from app.ui.table_rows import select_row
from app.ui.views.history_filters import HistoryFilters

if TYPE_CHECKING:
    from app.services.database import Database

log = logging.getLogger(__name__)


def reply_text(record: AppealRecord) -> str:
    """The reply as the user recorded it: its date, its note and whether a scan is kept (the
    scan is named by its kind, never by its stored file name)."""
    if record.reply_on is None and not record.reply_attachment:
        return ""
    parts = [_("Reply on {date}").format(date=format_date(record.reply_on))]
    if record.reply_note:
        parts.append(record.reply_note)
    if record.reply_attachment:
        kind = Path(record.reply_attachment).suffix.lstrip(".").upper()
        parts.append(_("scan attached ({kind})").format(kind=kind) if kind else _("scan attached"))
    return " · ".join(parts)


def letter_view_text(record: AppealRecord) -> str:
    """The letter as sent; for one counted at an event, where it was written (an event keeps
    no letter text: it names the participant)."""
    if not record.event_name:
        return record.text
    written = event_letter_text(record.kind, record.event_name)
    if record.text:
        # TRANSLATORS: {written} is "Appeal, written at the event “Library evening”"
        return _("{written}.").format(written=written) + f"\n\n{record.text}"
    # TRANSLATORS: {written} is "Appeal, written at the event “Library evening”"
    return _("{written}. Letters written at an event keep no text: it names the writer.").format(
        written=written
    )


class HistoryDialog(QDialog):
    """Filters run in SQL through ``list_appeals``; the table holds the matching records."""

    appeal_changed = Signal(str)  # ua_number whose appeals changed

    def __init__(
        self,
        database: Callable[[], Database | None],
        ua_numbers: list[str],
        parent: QWidget | None = None,
        sample_ua_numbers: frozenset[str] = frozenset(),
        attachments_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.attachments_dir = attachments_dir
        self.editing: QObject | None = None  # edit and delete, added by the Edit menu
        self.model = AppealTableModel(self, sample_ua_numbers)
        self.filters = HistoryFilters(ua_numbers)
        # Short names used by the rest of the app and the tests.
        self.case_combo, self.status_combo = self.filters.case_combo, self.filters.status_combo
        self.channel_combo, self.dates_box = self.filters.channel_combo, self.filters.dates_box
        self.since_edit, self.until_edit = self.filters.since_edit, self.filters.until_edit
        self.filters.changed.connect(self.reload)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            AppealColumn.OFFICIAL, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setSortIndicator(
            AppealColumn.DATE, Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        leave_with_tab(self.table)
        for column, width in (
            (AppealColumn.DATE, 90),
            (AppealColumn.UA_NUMBER, 70),
            (AppealColumn.KIND, 150),  # room for "Appeal, at an event"
            (AppealColumn.CHANNEL, 110),
            (AppealColumn.STATUS, 110),
            (AppealColumn.REPLY, 150),
        ):
            self.table.setColumnWidth(column, width)
        self.letter_view = QPlainTextEdit()
        self.letter_view.setReadOnly(True)
        readable_by_keyboard(self.letter_view)
        self.count_label = QLabel()
        self.printed_button = QPushButton()
        self.sent_button = QPushButton()
        self.reply_button = QPushButton()
        self.copy_button = QPushButton()
        self.open_scan_button = QPushButton()
        self.scan_label = QLabel()
        self.close_button = QPushButton()
        self.open_scan_button.clicked.connect(self.open_scan)
        self.copy_button.clicked.connect(self.copy_letter)
        self.close_button.clicked.connect(self.close)
        self.printed_button.clicked.connect(self.mark_printed)
        self.sent_button.clicked.connect(self.mark_sent)
        self.reply_button.clicked.connect(self.record_reply)
        select_the_current_row(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.model.modelReset.connect(self._on_selection)
        self._layout()
        self.retranslate_ui()
        self.reload()

    def _layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.letter_view)
        splitter.setSizes([300, 220])
        buttons = QHBoxLayout()
        for button in (self.printed_button, self.sent_button, self.reply_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addWidget(self.scan_label)
        buttons.addWidget(self.open_scan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(980, 620)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Appeal history"))
        self.filters.retranslate_ui()
        for widget, name in (
            (self.table, _("Appeals")),
            (self.letter_view, _("The letter as sent")),
        ):
            widget.setAccessibleName(name)
        for button, text, name in (
            (self.printed_button, _("Mark &printed"), _("Mark the selected appeal as printed")),
            (self.sent_button, _("Mark &sent…"), _("Mark the selected appeal as sent")),
            (self.reply_button, _("&Reply received…"), _("Record a reply from the official")),
            (self.copy_button, _("C&opy letter"), _("Copy the stored letter to the clipboard")),
            (self.open_scan_button, _("Open sca&n"), _("Open the scanned reply")),
            (self.close_button, _("Close"), _("Close the appeal history")),
        ):
            button.setText(text)
            button.setAccessibleDescription(name)
        self.letter_view.setPlaceholderText(
            _("Select an appeal to read the letter exactly as it was kept.")
        )

    # ---- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self._database()
        if db is None:
            return
        from app.services.appeals import list_appeals

        try:
            records = list_appeals(db, **self.filters.values())
        except Exception as error:
            report_failure(self, _("Cannot list your appeals"), error)
            return
        self.model.set_records(records)
        total = sum(record.count for record in records)
        self.count_label.setText(_("Letters shown: {count}").format(count=total))

    def current_record(self) -> AppealRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select_appeal(self, appeal_id: str) -> None:
        row = self.model.row_of(appeal_id)
        if row >= 0:
            select_row(self.table, row)

    def _on_selection(self) -> None:
        record = self.current_record()
        self.letter_view.setPlainText(letter_view_text(record) if record else "")
        steps = next_steps(record) if record is not None else None
        self.printed_button.setEnabled(steps is not None and steps.mark_printed)
        self.sent_button.setEnabled(steps is not None and steps.mark_sent)
        self.reply_button.setEnabled(steps is not None and steps.record_reply)
        self.copy_button.setEnabled(record is not None and bool(record.text))
        scan = record.reply_attachment if record is not None else None
        self.scan_label.setText(reply_text(record) if record is not None else "")
        self.scan_label.setVisible(bool(self.scan_label.text()))
        self.open_scan_button.setVisible(bool(scan))
        self.open_scan_button.setEnabled(bool(scan) and self.attachments_dir is not None)

    def scan_file(self) -> Path | None:
        """The stored scan of the selected appeal's reply, if it has one."""
        from app.services.appeals import attachment_path

        record = self.current_record()
        if record is None or not record.reply_attachment or self.attachments_dir is None:
            return None
        return attachment_path(self.attachments_dir, record.reply_attachment)

    def open_scan(self) -> None:
        try:
            scan = self.scan_file()
        except Exception as error:
            report_failure(self, _("Cannot open the scan"), error)
            return
        if scan is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(scan)))

    def copy_letter(self) -> None:
        from PySide6.QtGui import QGuiApplication

        record = self.current_record()
        if record is not None and record.text:
            QGuiApplication.clipboard().setText(record.text)
            self.count_label.setText(_("The letter is on the clipboard."))

    # ---- changes (each one transaction in the service) ---------------------------------------

    def _apply(self, change: Callable[[Database, AppealRecord], AppealRecord]) -> None:
        db, record = self._database(), self.current_record()
        if db is None or record is None:
            return
        try:
            updated = change(db, record)
        except Exception as error:
            report_failure(self, _("The appeal was not changed"), error)
            return
        if not self.model.replace_record(updated):
            self.reload()
        self._on_selection()
        self.appeal_changed.emit(updated.ua_number)

    def mark_printed(self) -> None:
        from app.services.appeals import update_status

        self._apply(lambda db, record: update_status(db, record.appeal_id, AppealStatus.PRINTED))

    def mark_sent(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = SentDetailsDialog(record.channel, self, lambda day: self._warnings(record, day))
        self.sent_dialog = dialog
        dialog.accepted.connect(lambda: self._mark_sent(dialog))
        dialog.open()

    def _warnings(self, record: AppealRecord, sent_on: date) -> list[AppealWarning]:
        """Past deadline, closed case, this official already written to: said, never blocking."""
        from app.services.appeal_warnings import appeal_warnings

        db = self._database()
        if db is None:
            return []
        try:
            return appeal_warnings(
                db,
                record.ua_number,
                record.target_index,
                sent_on,
                ignore_appeal_id=record.appeal_id,
            )
        except Exception:  # a warning that cannot be worked out must not stop the user
            log.warning("appeal warnings failed", exc_info=True)
            return []

    def _mark_sent(self, dialog: SentDetailsDialog) -> None:
        from app.services.appeals import update_status

        self._apply(
            lambda db, record: update_status(
                db,
                record.appeal_id,
                AppealStatus.SENT,
                channel=dialog.channel(),
                sent_on=dialog.sent_on(),
            )
        )

    def record_reply(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = ReplyDialog(record.target_label, self)
        self.reply_dialog = dialog
        dialog.accepted.connect(lambda: self._record_reply(dialog))
        dialog.open()

    def _record_reply(self, dialog: ReplyDialog) -> None:
        from app.services.appeals import record_reply

        self._apply(
            lambda db, record: record_reply(
                db,
                record.appeal_id,
                dialog.reply_on(),
                dialog.note(),
                dialog.scan_path,
                self.attachments_dir,
            )
        )
