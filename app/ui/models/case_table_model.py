"""The case list: a table model over immutable CaseSummary rows, sorted in the model (QT-1)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _, pgettext
from app.ui.formatting import days_left_text, format_date, sample_label

CASE_ROLE = Qt.ItemDataRole.UserRole + 1  # returns the CaseSummary of the row

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = "#a4262c"  # dark red: 6.4:1 on white


class Column(IntEnum):
    UA_NUMBER = 0
    TITLE = 1
    COUNTRY = 2
    PERSONS = 3
    DEADLINE = 4
    DAYS_LEFT = 5
    APPEALS_SENT = 6


def ua_sort_key(ua_number: str) -> tuple[int, int]:
    """``"119/21"`` sorts as (2021, 119): by year, then number; two-digit years pivot at 70."""
    number, _sep, year = ua_number.partition("/")
    try:
        yy = int(year)
        full_year = yy if yy >= 100 else (1900 + yy if yy >= 70 else 2000 + yy)
        return full_year, int(number)
    except ValueError:
        return 0, 0


def _sort_value(case: CaseSummary, column: Column) -> Any:
    if column == Column.UA_NUMBER:
        return ua_sort_key(case.ua_number)
    if column == Column.TITLE:
        return case.title.casefold()
    if column == Column.COUNTRY:
        return case.country.casefold()
    if column == Column.PERSONS:
        return ", ".join(case.persons).casefold()
    if column == Column.APPEALS_SENT:
        return case.appeals_sent
    # Deadline and days left: open cases first by date, then closed ones, then no deadline.
    return (case.status == CaseStatus.CLOSED, case.deadline)


class CaseTableModel(QAbstractTableModel):
    """Rows are CaseSummary values; one row can be replaced with a precise dataChanged."""

    def __init__(self, today: Callable[[], date] = date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._today = today
        self._sort_column = Column.DEADLINE
        self._sort_order = Qt.SortOrder.AscendingOrder

    # ---- reading -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.column_title(Column(section))
        return None

    @staticmethod
    def column_title(column: Column) -> str:
        return {
            Column.UA_NUMBER: pgettext("column", "UA"),
            Column.TITLE: pgettext("column", "Title"),
            Column.COUNTRY: pgettext("column", "Country"),
            Column.PERSONS: pgettext("column", "Person(s) at risk"),
            Column.DEADLINE: pgettext("column", "Deadline"),
            Column.DAYS_LEFT: pgettext("column", "Days left"),
            Column.APPEALS_SENT: pgettext("column", "Sent"),
        }[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        case = self._rows[index.row()]
        column = Column(index.column())
        if role == CASE_ROLE:
            return case
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(case, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DAYS_LEFT:
            days = case.days_left(self._today())
            if case.status == CaseStatus.OPEN and days is not None and days < 0:
                from app.ui.contrast import overdue_colour  # readable on dark palettes too

                return overdue_colour(QGuiApplication.palette())  # beside the words, not instead
            return None
        if role == Qt.ItemDataRole.FontRole and column == Column.DAYS_LEFT:
            days = case.days_left(self._today())
            if case.status == CaseStatus.OPEN and days is not None and days <= 7:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.APPEALS_SENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, case: CaseSummary, column: Column) -> str:
        if column == Column.UA_NUMBER:
            return case.ua_number
        if column == Column.TITLE:
            return f"{case.title} ({sample_label()})" if case.is_sample else case.title
        if column == Column.COUNTRY:
            return case.country
        if column == Column.PERSONS:
            return ", ".join(case.persons)
        if column == Column.DEADLINE:
            return format_date(case.deadline)
        if column == Column.DAYS_LEFT:
            return days_left_text(case.deadline, case.status, self._today())
        return str(case.appeals_sent)

    def _tooltip(self, case: CaseSummary, column: Column) -> str | None:
        if column == Column.TITLE and case.is_sample:
            return _("Fictional sample - not a real case. Use it to practise.")
        if column == Column.TITLE:
            return case.title
        if column == Column.PERSONS and case.officials:
            return _("At risk: {persons}\nWrite to: {officials}").format(
                persons=", ".join(case.persons), officials="; ".join(case.officials)
            )
        if column == Column.DAYS_LEFT:
            days = case.days_left(self._today())
            if case.status == CaseStatus.OPEN and days is not None and days < 0:
                return _("The deadline was {date}. Check with your section before writing.").format(
                    date=format_date(case.deadline, long=True)
                )
        return self._display(case, column) or None

    # ---- access by domain key ------------------------------------------------------------

    def case_at(self, row: int) -> CaseSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int:
        """The row showing ``case_id``, or -1."""
        for row, case in enumerate(self._rows):
            if case.case_id == case_id:
                return row
        return -1

    def cases(self) -> tuple[CaseSummary, ...]:
        return tuple(self._rows)

    # ---- writing -------------------------------------------------------------------------

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        """Replace every row (after an import or at start-up), keeping the current sort."""
        self.beginResetModel()
        self._rows = self._sorted(cases)
        self.endResetModel()

    def replace_case(self, case: CaseSummary) -> bool:
        """Update the row of ``case.case_id`` in place (one dataChanged); False if absent."""
        row = self.row_of(case.case_id)
        if row < 0:
            return False
        self._rows[row] = case
        last = self.index(row, len(Column) - 1)
        self.dataChanged.emit(self.index(row, 0), last)
        return True

    def retranslate(self) -> None:
        """The language changed: headers and texts (days left, sample badge) are re-read."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def refresh_today(self) -> None:
        """Days left change at midnight: repaint that column without touching the rows."""
        if self._rows:
            column = int(Column.DAYS_LEFT)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # ---- sorting (in the model, not the proxy: PITFALLS QT-1) ---------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort_column, self._sort_order = Column(column), order
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted(old_rows)
        new_position = {id(case): row for row, case in enumerate(self._rows)}
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_position[id(old_rows[index.row()])], index.column())
            for index in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _sorted(self, cases: Sequence[CaseSummary]) -> list[CaseSummary]:
        column = self._sort_column
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder

        def key(case: CaseSummary) -> tuple[bool, Any, tuple[int, int]]:
            value = _sort_value(case, column)
            # None (no deadline) always sorts last; ties break on the UA number.
            if isinstance(value, tuple) and value and value[-1] is None:
                return True, value[0], ua_sort_key(case.ua_number)
            return False, value, ua_sort_key(case.ua_number)

        # Python's sort is stable, so the missing-value rows stay at the end in both orders.
        ordered = sorted(cases, key=key, reverse=reverse)
        if reverse:
            ordered.sort(key=lambda case: key(case)[0])
        return ordered

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order
