"""The Qt side of the case search proxy: some of the source's rows, in source order.

A subclass chooses the rows (``_rows``: proxy row -> source row, ascending); this maps them
to and from the source, reads cells straight from the source's cases, and keeps the views'
persistent indexes (selection, current) on the same cases when the rows change.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.model import CaseSummary

AnyIndex = QModelIndex | QPersistentModelIndex


class CaseRowsProxy(QAbstractProxyModel):
    """Shows the source rows listed in ``_rows``; ``_cases`` holds the case per source row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []  # per source row
        self._rows: Sequence[int] = []  # proxy row -> source row (never changed in place)
        self._source: QAbstractItemModel | None = None
        self._case_data: Any = None  # the source's case_data(case, column, role), if it has one
        self._cell_flags: Any = None  # the source's flags of every cell, if it has them
        self._column_count = 0
        self._kept: list[tuple[QModelIndex, int, int]] = []  # index, source row, pool position

    def case_at(self, proxy_row: int) -> CaseSummary | None:
        if 0 <= proxy_row < len(self._rows):
            return self._cases[self._rows[proxy_row]]
        return None

    def proxy_row_of(self, case_id: int) -> int:
        """The visible row of ``case_id``, or -1 when filtered out or absent."""
        for proxy_row, source_row in enumerate(self._rows):
            if self._cases[source_row].case_id == case_id:
                return proxy_row
        return -1

    # ---- QAbstractProxyModel ------------------------------------------------------------

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        model = self._source
        if model is None or not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row_of_source(source_index.row())
        return QModelIndex() if row < 0 else self.createIndex(row, source_index.column())

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Called for every cell on each repaint: the column count is read, not asked for.
        if parent.isValid() or not 0 <= row < len(self._rows):
            return QModelIndex()
        if not 0 <= column < self._column_count:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._column_count

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return not parent.isValid() and bool(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every cell and role on each repaint: go straight to the source's case
        # (no QModelIndex.data() round trip through QVariant, no sourceModel() lookup).
        # An invalid index has row -1; its column, if ever -1, is one case_data answers None.
        row, rows = index.row(), self._rows
        if not 0 <= row < len(rows) or self._source is None:
            return None
        if self._case_data is not None:
            return self._case_data(self._cases[rows[row]], index.column(), role)
        if not index.isValid():
            return None
        return self._source.data(self._source.index(rows[row], index.column()), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Asked twice per cell on each repaint: a source whose cells are all alike says once.
        if self._source is None or not index.isValid() or index.row() >= len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._cell_flags is not None:
            return self._cell_flags
        return self._source.flags(self.mapToSource(index))

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self._source
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rows):
                return None
            section = self._rows[section]
        return model.headerData(section, orientation, role)

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    # ---- row bookkeeping -----------------------------------------------------------------

    def _proxy_row_of_source(self, source_row: int) -> int:
        """The proxy row showing ``source_row``, or -1: a binary search of ``_rows``, which
        ascend (no table of every visible row: 100,000 shown would take 5 MB)."""
        rows = self._rows
        proxy_row = bisect_left(rows, source_row)
        return proxy_row if proxy_row < len(rows) and rows[proxy_row] == source_row else -1

    def _remember_persistent(self, order: Sequence[int]) -> None:
        """Note the source row and pool position (``order``: by source row) behind each
        persistent index."""
        rows = self._rows
        self._kept = []
        for index in self.persistentIndexList():
            row = index.row()
            source = rows[row] if 0 <= row < len(rows) else -1
            self._kept.append((index, source, order[source] if source >= 0 else -1))

    def _restore_persistent(self, order: Sequence[int], source_moved: bool) -> None:
        """Point the views' persistent indexes (selection, current) at the same cases;
        ``order`` is the new pool position by source row."""
        if not self._kept:
            return
        kept, self._kept = self._kept, []
        rows = self._rows
        moved: dict[int, int] = {}
        if source_moved:  # a re-sort: find each case's new source row (C-speed int search)
            for position in {position for _index, _source, position in kept if position >= 0}:
                moved[position] = order.index(position) if position < len(order) else -1
        old, new = [], []
        for index, source, position in kept:
            if source_moved:
                source = moved.get(position, -1)
            proxy_row = bisect_left(rows, source) if source >= 0 else -1
            found = 0 <= proxy_row < len(rows) and rows[proxy_row] == source
            old.append(index)
            new.append(self.createIndex(proxy_row, index.column()) if found else QModelIndex())
        self.changePersistentIndexList(old, new)
