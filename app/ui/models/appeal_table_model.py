"""The appeal history: a table model over immutable AppealRecord rows, sorted in the model."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.model import AppealKind, AppealRecord, AppealStatus
from app.i18n import _, pgettext
from app.ui.formatting import appeal_kind_label, channel_label, format_date, sample_label
from app.ui.models.case_table_model import ua_sort_key
from app.ui.plain_text import plain_tooltip

APPEAL_ROLE = Qt.ItemDataRole.UserRole + 1  # returns the AppealRecord of the row

AnyIndex = QModelIndex | QPersistentModelIndex


class AppealColumn(IntEnum):
    DATE = 0
    UA_NUMBER = 1
    OFFICIAL = 2
    KIND = 3
    CHANNEL = 4
    STATUS = 5
    REPLY = 6


def status_label(status: AppealStatus) -> str:
    return {
        AppealStatus.DRAFT: pgettext("appeal status", "Draft"),
        AppealStatus.PRINTED: pgettext("appeal status", "Printed"),
        AppealStatus.SENT: pgettext("appeal status", "Sent"),
    }[status]


def event_letter_text(kind: AppealKind, event_name: str) -> str:
    """``Appeal, written at the event “Library evening”`` (a letter counted at an event)."""
    return _("{kind}, written at the event \u201c{event}\u201d").format(
        kind=appeal_kind_label(kind), event=event_name
    )


def _sort_value(record: AppealRecord, column: AppealColumn) -> Any:
    values = {
        AppealColumn.DATE: record.sent_on
        or (record.created_at.date() if record.created_at else None),
        AppealColumn.UA_NUMBER: ua_sort_key(record.ua_number),
        AppealColumn.OFFICIAL: record.target_label.casefold(),
        AppealColumn.KIND: record.kind.value,
        AppealColumn.CHANNEL: record.channel.value if record.channel else None,
        AppealColumn.STATUS: list(AppealStatus).index(record.status),
        AppealColumn.REPLY: record.reply_on,
    }
    return values[column]


class AppealTableModel(QAbstractTableModel):
    """One row per recorded appeal; ``replace_record`` refreshes one row after a status change."""

    def __init__(self, parent: Any = None, sample_ua_numbers: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self._samples = sample_ua_numbers  # fictional sample cases say so here too
        self._rows: list[AppealRecord] = []
        self._sort = (AppealColumn.DATE, Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AppealColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(AppealColumn):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return {
            AppealColumn.DATE: pgettext("column", "Date"),
            AppealColumn.UA_NUMBER: pgettext("column", "UA"),
            AppealColumn.OFFICIAL: pgettext("column", "To"),
            AppealColumn.KIND: pgettext("column", "Kind"),
            AppealColumn.CHANNEL: pgettext("column", "Channel"),
            AppealColumn.STATUS: pgettext("column", "Status"),
            AppealColumn.REPLY: pgettext("column", "Reply"),
        }[AppealColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == APPEAL_ROLE:
            return record
        column = AppealColumn(index.column())
        if column == AppealColumn.KIND and record.event_name:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("{kind}, at an event").format(kind=appeal_kind_label(record.kind))
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return event_letter_text(record.kind, record.event_name)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(record, column)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == AppealColumn.REPLY
            and record.reply_note
        ):
            return plain_tooltip(record.reply_note)
        return None

    def _display(self, record: AppealRecord, column: AppealColumn) -> str:
        if column == AppealColumn.DATE:
            return format_date(_sort_value(record, AppealColumn.DATE))
        if column == AppealColumn.UA_NUMBER:
            if record.ua_number in self._samples:
                return _("{ua_number} ({sample})").format(
                    ua_number=record.ua_number, sample=sample_label()
                )
            return record.ua_number
        if column == AppealColumn.OFFICIAL:
            return record.target_label
        if column == AppealColumn.KIND:
            return appeal_kind_label(record.kind)
        if column == AppealColumn.CHANNEL:
            return channel_label(record.channel) if record.channel else ""
        if column == AppealColumn.STATUS:
            text = status_label(record.status)
            return (
                text
                if record.count == 1
                else _("{status} ({count} letters)").format(status=text, count=record.count)
            )
        if record.reply_on is None:
            return ""
        return _("Reply on {date}").format(date=format_date(record.reply_on))

    def set_records(self, records: Sequence[AppealRecord]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(records)
        self.endResetModel()

    def record_at(self, row: int) -> AppealRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appeal_id: str) -> int:
        return next((row for row, r in enumerate(self._rows) if r.appeal_id == appeal_id), -1)

    def replace_record(self, record: AppealRecord) -> bool:
        row = self.row_of(record.appeal_id)
        if row < 0:
            return False
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(AppealColumn) - 1))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(AppealColumn):
            return
        self._sort = (AppealColumn(column), order)
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted(old_rows)
        position = {id(record): row for row, record in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(position[id(old_rows[i.row()])], i.column()) for i in old]
        )
        self.layoutChanged.emit()

    def _sorted(self, records: Sequence[AppealRecord]) -> list[AppealRecord]:
        column, order = self._sort

        def key(record: AppealRecord) -> tuple[bool, Any]:
            value = _sort_value(record, column)
            return value is None, value if value is not None else date.min

        ordered = sorted(records, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        ordered.sort(key=lambda record: key(record)[0])  # missing values last in both orders
        return ordered
