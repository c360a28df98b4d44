"""The case list: a table model over immutable CaseSummary rows, sorted in the model (QT-1)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
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


_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ROLES_WITH_DATA = frozenset(
    int(role)
    for role in (
        CASE_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)


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


def _deadline_key(case: CaseSummary) -> tuple[bool, date]:
    return case.status == CaseStatus.CLOSED, case.deadline  # type: ignore[return-value]


_VALUE_KEYS: dict[Column, Callable[[CaseSummary], Any]] = {
    Column.TITLE: lambda case: case.title.casefold(),
    Column.COUNTRY: lambda case: case.country.casefold(),
    Column.PERSONS: lambda case: ", ".join(case.persons).casefold(),
    Column.APPEALS_SENT: lambda case: case.appeals_sent,
    Column.DEADLINE: _deadline_key,
    Column.DAYS_LEFT: _deadline_key,
}


Positions = array  # of "i": 4 bytes a row, no int object per row (100,000 rows: 0.4 MB)


def positions(values: Iterable[int]) -> Positions:
    """Row positions kept compactly: every sort order holds one per case (issue 8)."""
    return array("i", values)


def ua_order(cases: Sequence[CaseSummary]) -> Positions:
    """Positions in ``cases`` by UA number (year, then number), as ``ua_sort_key`` orders."""
    keys = list(map(_ua_int, cases))
    return positions(sorted(range(len(cases)), key=keys.__getitem__))


_IDLE_STEP = 10_000  # rows per idle step when preparing sort orders ahead of a click


def _keys_in_steps(
    cases: Sequence[CaseSummary], key: Callable[[CaseSummary], Any], into: list[Any]
) -> Iterator[None]:
    for start in range(0, len(cases), _IDLE_STEP):
        into.extend(map(key, cases[start : start + _IDLE_STEP]))
        yield


def _ua_int(case: CaseSummary) -> int:
    year, number = ua_sort_key(case.ua_number)
    return year * 100_000 + number  # one int sorts faster than a tuple


def ascending_order(
    cases: Sequence[CaseSummary], column: Column, by_ua: Positions | None = None
) -> tuple[Positions, Positions]:
    """Positions in ``cases`` of (rows with a value, rows without), ascending, ties by UA
    number: the order of ``_sort_value`` then ``ua_sort_key``, from stable sorts."""
    by_ua = by_ua if by_ua is not None else ua_order(cases)
    if column == Column.UA_NUMBER:
        return positions(by_ua), positions(())
    return _ordered_by(cases, column, by_ua, list(map(_VALUE_KEYS[column], cases)))


def _ordered_by(
    cases: Sequence[CaseSummary], column: Column, by_ua: Positions, keys: list[Any]
) -> tuple[Positions, Positions]:
    if column in (Column.DEADLINE, Column.DAYS_LEFT):  # no deadline: last, closed ones after
        present = [i for i in by_ua if cases[i].deadline is not None]
        missing = [i for i in by_ua if cases[i].deadline is None]
        missing.sort(key=lambda i: keys[i][0])
    else:
        present, missing = list(by_ua), []
    present.sort(key=keys.__getitem__)
    return positions(present), positions(missing)


class CaseTableModel(QAbstractTableModel):
    """Rows are CaseSummary values; one row can be replaced with a precise dataChanged."""

    def __init__(self, today: Callable[[], date] = date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []  # in the current order
        self._pool: list[CaseSummary] = []  # the same rows as given to set_cases
        self._order: Positions = positions(())  # row -> position in _pool (the proxy reads it)
        self._today = today
        self._sort_column = Column.DEADLINE
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Ascending orders per column, as _pool positions (see _ordered); cleared on change.
        self._orders: dict[Column, tuple[Positions, Positions]] = {}
        self._by_ua: Positions | None = None  # the tie-break order, shared by every column
        # Every column's order is prepared in small steps while the app is idle, so that even
        # the first click on a header with 100,000 rows is a list copy (bench_search_sort.py).
        self._preparing: Iterator[None] | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_step)

    # ---- reading -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

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
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        return self.case_data(self._rows[row], index.column(), role)

    def case_data(self, case: CaseSummary, column_number: int, role: int) -> Any:
        """``data()`` for a row's case; called once per cell and role on every repaint, so
        roles nobody sets return at once (the search proxy calls this directly)."""
        if role not in _ROLES_WITH_DATA or not 0 <= column_number < _COLUMN_COUNT:
            return None
        column = _COLUMNS[column_number]
        if role == CASE_ROLE:
            return case
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
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
            if case.is_sample:  # first, so a narrow column still shows it
                return _("{sample}: {title}").format(sample=sample_label(), title=case.title)
            return case.title
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
        self._orders.clear()
        self._by_ua = None
        self._pool = list(cases)
        self._order = self._ordered()
        self._rows = list(map(self._pool.__getitem__, self._order))
        self.endResetModel()
        self._prepare_orders()

    def _prepare_orders(self) -> None:
        self._preparing = self._order_steps(self._pool)
        self._prepare_timer.start()

    def _prepare_step(self) -> None:
        if self._preparing is None or next(self._preparing, StopIteration) is StopIteration:
            self._preparing = None
            self._prepare_timer.stop()

    def _order_steps(self, pool: list[CaseSummary]) -> Iterator[None]:
        """Build the missing column orders of ``pool``, one short step per idle tick."""
        if self._by_ua is None:
            ua_keys: list[int] = []
            yield from _keys_in_steps(pool, _ua_int, ua_keys)
            self._by_ua = positions(sorted(range(len(pool)), key=ua_keys.__getitem__))
            yield
        for column in Column:
            if column == Column.DAYS_LEFT or column in self._orders:
                continue
            keys: list[Any] = []
            if column != Column.UA_NUMBER:
                yield from _keys_in_steps(pool, _VALUE_KEYS[column], keys)
            if self._pool is not pool or self._by_ua is None:
                return  # the rows changed meanwhile
            if column == Column.UA_NUMBER:
                self._orders[column] = positions(self._by_ua), positions(())
            else:
                self._orders[column] = _ordered_by(pool, column, self._by_ua, keys)
            yield

    def replace_case(self, case: CaseSummary) -> bool:
        """Update the row of ``case.case_id`` in place (one dataChanged); False if absent."""
        row = self.row_of(case.case_id)
        if row < 0:
            return False
        self._rows[row] = case
        self._pool[self._order[row]] = case
        self._orders.clear()  # its sort values may have changed (its UA number cannot)
        self._prepare_orders()
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
        if (column, order) == (self._sort_column, self._sort_order) and self._orders:
            return  # already in this order (QTableView.sortByColumn asks twice per click)
        self._sort_column, self._sort_order = Column(column), order
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = self._ordered()
        self._rows = list(map(self._pool.__getitem__, self._order))
        old_indexes = self.persistentIndexList()
        if old_indexes:  # usually one row's cells (selection, current): find only those
            positions = {old_order[index.row()] for index in old_indexes}
            new_row = {position: self._order.index(position) for position in positions}
            new_indexes = [
                self.index(new_row[old_order[index.row()]], index.column()) for index in old_indexes
            ]
            self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _ordered(self) -> Positions:
        """Positions in _pool in the current order: missing values (no deadline) last, ties
        by UA number. The ascending order of each column is kept until the rows change, so
        sorting again by a column (either way) is a list copy (bench/bench_search_sort.py)."""
        column = self._sort_column
        if column == Column.DAYS_LEFT:
            column = Column.DEADLINE  # the same order
        if column not in self._orders:
            if self._by_ua is None:
                self._by_ua = ua_order(self._pool)
            self._orders[column] = ascending_order(self._pool, column, self._by_ua)
        present, missing = self._orders[column]
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return present[::-1] + missing[::-1]
        return present + missing

    def row_order(self) -> tuple[list[CaseSummary], Positions, list[CaseSummary]]:
        """(the rows as given to set_cases, their positions in the current order, the rows in
        that order): lets the search proxy follow a re-sort without work per row. Read-only."""
        return self._pool, self._order, self._rows

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order
