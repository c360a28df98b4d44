"""The case list: a table model over immutable CaseSummary rows, sorted in the model (fast)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication

from app import dates
from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_cell_texts import column_title, display_text, tooltip_text
from app.ui.models.case_columns import (
    Column,
    Positions,
    ascending_order,
    positions,
    ua_order,
    ua_sort_key,
)
from app.ui.models.case_sort_orders import CaseSortOrders
from app.ui.plain_text import plain_tooltip

__all__ = [
    "CASE_ROLE",
    "OVERDUE_COLOUR",
    "AnyIndex",
    "CaseTableModel",
    "Column",
    "Positions",
    "ascending_order",
    "positions",
    "ua_order",
    "ua_sort_key",
]

CASE_ROLE = Qt.ItemDataRole.UserRole + 1  # returns the CaseSummary of the row

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = "#a4262c"  # dark red: 6.4:1 on white


_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CASE = int(CASE_ROLE)
_ROLES_WITH_DATA = frozenset(
    (_CASE, _DISPLAY, _ACCESSIBLE_TEXT, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT)
)
_DAYS_LEFT = int(Column.DAYS_LEFT)
_APPEALS_SENT = int(Column.APPEALS_SENT)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Every cell of the list alike: what QAbstractTableModel gives a valid index.
CELL_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class CaseTableModel(QAbstractTableModel):
    """Rows are CaseSummary values; one row can be replaced with a precise dataChanged."""

    # The column orders made in idle time after the rows changed are all made (see preparing).
    idle_work_done = Signal()

    def __init__(self, today: Callable[[], date] = dates.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []  # in the current order
        self._pool: list[CaseSummary] = []  # the same rows as given to set_cases
        self._order: Positions = positions(())  # row -> position in _pool (the proxy reads it)
        self._today = today
        # None: the list order of app.services.cases.list_order (no column chosen; the
        # header shows no sort indicator); a column once the user sorts by one.
        self._sort_column: Column | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Ascending orders per column, as _pool positions (see _ordered); cleared on change.
        self._orders = CaseSortOrders(self, self.idle_work_done.emit)

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
        return column_title(column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        return self.case_data(self._rows[row], index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def cell_flags(self) -> Qt.ItemFlag:
        """The flags of every cell (``flags()`` of any valid index): the rows are all alike."""
        return CELL_FLAGS

    def case_data(self, case: CaseSummary, column_number: int, role: int) -> Any:
        """``data()`` for a row's case; called once per cell and role on every repaint, so
        roles nobody sets return at once (the search proxy calls this directly)."""
        if role not in _ROLES_WITH_DATA or not 0 <= column_number < _COLUMN_COUNT:
            return None
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return display_text(case, _COLUMNS[column_number], self._today)
        if role == _CASE:
            return case
        if role == _TOOLTIP:
            return plain_tooltip(tooltip_text(case, _COLUMNS[column_number], self._today))
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column_number == _APPEALS_SENT else None
        if column_number != _DAYS_LEFT or case.status != CaseStatus.OPEN:
            return None  # only an open case's days left are coloured or bold
        days = case.days_left(self._today())
        if days is None:
            return None
        if role == _FOREGROUND:
            if days < 0:
                from app.ui.contrast import overdue_colour  # readable on dark palettes too

                return overdue_colour(QGuiApplication.palette())  # beside the words, not instead
            return None
        if days <= 7:  # the font role
            font = QFont()
            font.setBold(True)
            return font
        return None

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

    def most_appeals_sent(self, first: int = 0, end: int | None = None) -> int:
        """The largest "Sent" count of rows ``first`` to ``end`` (all rows: every case, shown
        or not); 0 without rows."""
        return max(map(attrgetter("appeals_sent"), self._rows[first:end]), default=0)

    # ---- writing -------------------------------------------------------------------------

    def set_cases(self, cases: Sequence[CaseSummary], listed_on: date | None = None) -> None:
        """Replace every row (after an import or at start-up), keeping the current sort.

        ``listed_on``: the day ``cases`` were put in list order (``list_cases`` and
        ``peek_cases`` give them so): on that day the list order is theirs, and the model
        does not sort them again (10,000 cases: about 10 ms)."""
        self.beginResetModel()
        self._orders.clear()
        self._pool = list(cases)
        if self._sort_column is None and listed_on is not None and listed_on == self._today():
            self._order = positions(range(len(self._pool)))
        else:
            self._order = self._ordered()
        self._rows = list(map(self._pool.__getitem__, self._order))
        self.endResetModel()
        self._prepare_orders()

    def _prepare_orders(self) -> None:
        self._orders.prepare(self._pool)

    def preparing(self) -> bool:
        """True while sort orders are still being made in idle time."""
        return self._orders.preparing()

    def hold_idle_work(self, held: bool) -> None:
        """While held, each column's order is made when a click needs it, not ahead of it."""
        self._orders.hold(held)

    def replace_case(self, case: CaseSummary) -> bool:
        """Update the row of ``case.case_id`` in place (one dataChanged); False if absent."""
        row = self.row_of(case.case_id)
        if row < 0:
            return False
        self._rows[row] = case
        self._pool[self._order[row]] = case
        self._orders.clear_values()  # its sort values may have changed (not its UA number)
        self._prepare_orders()
        last = self.index(row, len(Column) - 1)
        self.dataChanged.emit(self.index(row, 0), last)
        return True

    def retranslate(self) -> None:
        """The language changed: headers and texts (days left, sample badge, country names)
        are re-read, and an order by country is made again in the new names."""
        self._orders.clear_values()
        if self._sort_column == Column.COUNTRY:
            self.sort(Column.COUNTRY, self._sort_order)
        self._prepare_orders()
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

    # ---- sorting (in the model: a proxy's row-by-row compare is far slower) --------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 (no sort indicator) restores the list order."""
        if not -1 <= column < len(Column):
            return
        chosen = None if column < 0 else Column(column)
        if (chosen, order) == (self._sort_column, self._sort_order) and self._orders.has_any():
            return  # already in this order (QTableView.sortByColumn asks twice per click)
        self._sort_column, self._sort_order = chosen, order
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
        if column is None:
            from app.services.cases import list_order

            key = list_order(self._today())
            pool = self._pool
            return positions(sorted(range(len(pool)), key=lambda i: key(pool[i])))
        if column == Column.DAYS_LEFT:
            column = Column.DEADLINE  # the same order
        present, missing = self._orders.ascending(self._pool, column)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return present[::-1] + missing[::-1]
        return present + missing

    def row_order(self) -> tuple[list[CaseSummary], Positions, list[CaseSummary]]:
        """(the rows as given to set_cases, their positions in the current order, the rows in
        that order): lets the search proxy follow a re-sort without work per row. Read-only."""
        return self._pool, self._order, self._rows

    @property
    def sort_column(self) -> Column | None:
        """The column sorted by, or None for the list order."""
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order
