"""As-you-type search and the "show closed cases" switch, as a proxy over the case model.

A ``QSortFilterProxyModel`` calls back into Python once per row for every filter change
(100,000 cases: over 0.5 s a keystroke, 90 ms even for a filter that just returns True).
This proxy filters in Python over precomputed folded texts instead: one list comprehension
per keystroke, narrowing the visible rows when the new text refines the old one, then one
layout change that keeps the selection on the same case (bench/bench_search_sort.py).

Sorting stays in the source model (PITFALLS QT-1): ``sort`` is forwarded, and the proxy keeps
the source order.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_search_index import CaseSearchIndex
from app.ui.models.case_table_model import CASE_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_FEW_ROWS = 64  # a data change this small is a refresh of changed cases
_RECENT_FILTERS = 12  # search results kept for Backspace
_RECENT_ROWS = 2  # ... holding at most this many rows per case in all (bounds their memory)
_PREPARE_CHUNK = 5_000  # folded texts made per idle tick after a reset (keeps frames short)


def _refines(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """True when every row matching ``new`` also matches ``old`` (so filter within old)."""
    return all(any(o in n for n in new) for o in old)


class CaseFilterProxy(QAbstractProxyModel):
    """Keeps the rows whose text contains every word typed, and hides closed cases unless asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._show_closed = False
        # The source's rows as a pool that a re-sort does not change, and its current order
        # (source row -> pool position); per-pool facts survive a re-sort, and the per-row
        # copies below are rebuilt from them with C-speed map() calls.
        self._pool: list[CaseSummary] = []
        self._order: list[int] = []
        self._index = CaseSearchIndex()  # folded texts (UTF-8) per pool position, made lazily
        self._pool_open = bytearray()  # 1: the case is open
        self._cases: list[CaseSummary] = []  # per source row
        self._haystacks: list[bytes | None] | None = []  # per source row (None: make again)
        self._is_open: bytearray | None = bytearray()  # per source row (None: make again)
        self._open_rows: list[int] = []  # source rows of open cases
        self._rows: list[int] = []  # proxy row -> source row (never changed in place)
        # The rows of the last few search texts (the lists are shared, never mutated).
        self._recent: dict[tuple[tuple[str, ...], bool], list[int]] = {}
        self._source: QAbstractItemModel | None = None
        self._case_data: Any = None  # the source's case_data(case, column, role), if it has one
        self._column_count = 0
        self._proxy_of: dict[int, int] | None = None  # source row -> proxy row, made lazily
        self._kept: list[tuple[QModelIndex, int, int]] = []  # index, source row, pool position
        self._prepared = True  # every source row has its folded text
        # Every open case has it: closed ones are folded once "show closed" is ticked (most
        # cases of a large store are closed; their texts would take memory for nothing).
        self._open_prepared = True
        self._prepare_from = 0
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_some)

    # ---- the public API the views use ---------------------------------------------------

    @property
    def search_text(self) -> str:
        return " ".join(self._words)

    @property
    def show_closed(self) -> bool:
        return self._show_closed

    def set_search_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        narrower = _refines(words, self._words)
        self._words = words
        self._refilter(within_current=narrower)

    def set_show_closed(self, show: bool) -> None:
        if show == self._show_closed:
            return
        self._show_closed = show
        if show and not self._prepared:
            self._prepare_from = 0
            self._prepare_timer.start()  # now the closed cases' texts too
        self._refilter(within_current=not show)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (fast); the proxy keeps the source order."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

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

    def setSourceModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt API
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._source_connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._source = model
        self._case_data = getattr(model, "case_data", None)
        if model is not None:
            for signal, slot in self._source_connections(model):
                signal.connect(slot)
        self._reload_source()
        self.endResetModel()

    def _source_connections(self, model: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._on_source_reset),
            (model.rowsAboutToBeInserted, self.beginResetModel),
            (model.rowsInserted, self._on_source_reset),
            (model.rowsAboutToBeRemoved, self.beginResetModel),
            (model.rowsRemoved, self._on_source_reset),
            (model.layoutAboutToBeChanged, self._on_source_layout_about_to_change),
            (model.layoutChanged, self._on_source_layout_changed),
            (model.dataChanged, self._on_source_data_changed),
            (model.headerDataChanged, self.headerDataChanged),
        ]

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        model = self._source
        if model is None or not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_rows().get(source_index.row(), -1)
        return QModelIndex() if row < 0 else self.createIndex(row, source_index.column())

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._rows):
            return QModelIndex()
        if not 0 <= column < self.columnCount():
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
        row = index.row()
        if not 0 <= row < len(self._rows) or self._source is None or not index.isValid():
            return None
        if self._case_data is not None:
            return self._case_data(self._cases[self._rows[row]], index.column(), role)
        return self._source.data(self._source.index(self._rows[row], index.column()), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self._source is None or not index.isValid() or index.row() >= len(self._rows):
            return Qt.ItemFlag.NoItemFlags
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

    # ---- following the source model ----------------------------------------------------

    def _on_source_reset(self, *_args: object) -> None:
        self._reload_source()
        self.endResetModel()

    def _on_source_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._remember_persistent()

    def _on_source_layout_changed(self, *_args: object) -> None:
        self._reload_source()
        self._restore_persistent(source_moved=True)
        self.layoutChanged.emit()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int] = ()
    ) -> None:  # type: ignore[assignment]
        first, last = top_left.row(), bottom_right.row()
        if first < 0 or last < first:
            return
        model = self.sourceModel()
        changed = False
        # A few rows changed (one case refreshed after an action): fold them again. The model
        # may have replaced them in the very list this proxy holds, so an identity check
        # cannot tell. Every row at once (language, midnight): texts and status are the same.
        few = last - first < _FEW_ROWS
        for source_row in range(first, min(last + 1, len(self._cases))):
            case = model.index(source_row, 0).data(CASE_ROLE)
            if isinstance(case, CaseSummary) and (few or case is not self._cases[source_row]):
                position = self._order[source_row]
                self._index.replace(position, case)
                self._cases[source_row] = case
                self._pool[position] = case
                self._pool_open[position] = case.status is not CaseStatus.CLOSED
                self._haystacks = self._is_open = None
                changed = True
        if changed:  # a row's text or status changed: it may now be hidden or shown
            self._recent.clear()
            self._open_rows = list(compress(range(len(self._cases)), self._row_open()))
            self._refilter(within_current=False)
        if not self._rows:
            return
        columns = (top_left.column(), bottom_right.column())
        if first == 0 and last >= len(self._cases) - 1:
            self.dataChanged.emit(
                self.index(0, columns[0]), self.index(len(self._rows) - 1, columns[1]), roles
            )
            return
        proxy_rows = self._proxy_rows()
        for source_row in range(first, last + 1):
            row = proxy_rows.get(source_row, -1)
            if row >= 0:
                self.dataChanged.emit(
                    self.index(row, columns[0]), self.index(row, columns[1]), roles
                )

    # ---- filtering -----------------------------------------------------------------------

    def _reload_source(self) -> None:
        """Follow the source: a new set of rows (reset), or the same rows re-sorted."""
        model = self._source
        self._column_count = model.columnCount() if model is not None else 0
        pool, order, cases = self._source_rows(model)
        visible_pool: list[int] | None = None
        if pool is self._pool and len(order) == len(self._order):  # a re-sort: same rows
            if self._words and len(self._rows) != len(order):
                visible_pool = list(map(self._order.__getitem__, self._rows))
        else:
            closed = CaseStatus.CLOSED
            self._pool = pool
            self._index.reset(pool)
            self._pool_open = bytearray(case.status is not closed for case in pool)
            self._prepared = self._open_prepared = not pool
        self._order = order
        self._cases = cases
        self._haystacks = None  # per-row copies are made when first needed
        self._is_open = None
        self._open_rows = list(compress(range(len(order)), map(self._pool_open.__getitem__, order)))
        if visible_pool is not None:  # keep exactly the rows that were visible, in the new order
            flags = bytearray(len(pool))
            for position in visible_pool:
                flags[position] = 1
            self._rows = list(compress(range(len(order)), map(flags.__getitem__, order)))
        else:
            self._rows = self._matching(None)
        self._proxy_of = None
        self._recent.clear()  # source rows moved or changed
        self._prepare_from = 0
        if not self._prepared:
            self._prepare_timer.start()  # fold texts in small idle chunks, ready before typing

    def _row_haystacks(self) -> list[bytes | None]:
        if self._haystacks is None:
            self._haystacks = list(map(self._index.texts.__getitem__, self._order))
        return self._haystacks

    def _row_open(self) -> bytearray:
        if self._is_open is None:
            self._is_open = bytearray(map(self._pool_open.__getitem__, self._order))
        return self._is_open

    def _source_rows(
        self, model: QAbstractItemModel | None
    ) -> tuple[list[CaseSummary], list[int], list[CaseSummary]]:
        """(pool, order, rows) from a CaseTableModel; any other model: its rows, in order."""
        if model is None:
            return [], [], []
        row_order = getattr(model, "row_order", None)
        if callable(row_order):
            pool, order, rows = row_order()  # the model replaces (never mutates) these lists
            return pool, order, rows
        cases = [model.index(r, 0).data(CASE_ROLE) for r in range(model.rowCount())]
        return cases, list(range(len(cases))), cases

    def _prepare_some(self) -> None:
        end = min(self._prepare_from + _PREPARE_CHUNK, len(self._pool))
        index, pool, pool_open, everything = (
            self._index,
            self._pool,
            self._pool_open,
            self._show_closed,
        )
        texts = index.texts
        for position in range(self._prepare_from, end):
            if texts[position] is None and (everything or pool_open[position]):
                index.fold(position, pool[position])
        self._prepare_from = end
        if end >= len(pool):
            self._prepare_timer.stop()
            self._haystacks = None
            self._open_prepared = True
            self._prepared = everything

    def _fill_haystacks(self, source_rows: list[int]) -> list[bytes | None]:
        haystacks, cases = self._row_haystacks(), self._cases
        index, order = self._index, self._order
        for row in source_rows:
            if haystacks[row] is None:
                haystacks[row] = index.fold(order[row], cases[row])
        return haystacks

    def _matching(self, candidates: list[int] | None) -> list[int]:
        """Source rows (ascending) that pass; ``candidates`` None: all rows, else a superset."""
        if candidates is None:
            rows = list(range(len(self._cases))) if self._show_closed else self._open_rows
        elif self._show_closed:
            rows = candidates
        else:
            is_open = self._row_open()
            rows = [r for r in candidates if is_open[r]]
        if self._words:
            ready = self._prepared or (self._open_prepared and not self._show_closed)
            haystacks = self._row_haystacks() if ready else self._fill_haystacks(rows)
            for word in self._words:
                rows = self._index.narrow(rows, word, haystacks, self._cases, self._order)
        return rows

    def _refilter(self, within_current: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        self._remember_persistent()
        key = (self._words, self._show_closed)
        rows = self._recent.get(key)  # Backspace: the rows of a text typed a moment ago
        if rows is None:
            rows = self._matching(self._rows if within_current else None)
            self._remember_recent(key, rows)
        self._rows = rows
        self._proxy_of = None
        self._restore_persistent(source_moved=False)
        self.layoutChanged.emit()

    def _remember_recent(self, key: tuple[tuple[str, ...], bool], rows: list[int]) -> None:
        recent, budget = self._recent, _RECENT_ROWS * len(self._cases) + 1_000
        recent[key] = rows
        while len(recent) > _RECENT_FILTERS or sum(map(len, recent.values())) > budget:
            recent.pop(next(iter(recent)))  # the oldest first

    def _proxy_rows(self) -> dict[int, int]:
        if self._proxy_of is None:
            self._proxy_of = {source: proxy for proxy, source in enumerate(self._rows)}
        return self._proxy_of

    def _remember_persistent(self) -> None:
        """Note the source row and pool position behind each persistent index."""
        rows, order = self._rows, self._order
        self._kept = []
        for index in self.persistentIndexList():
            row = index.row()
            source = rows[row] if 0 <= row < len(rows) else -1
            self._kept.append((index, source, order[source] if source >= 0 else -1))

    def _restore_persistent(self, source_moved: bool) -> None:
        """Point the views' persistent indexes (selection, current) at the same cases."""
        if not self._kept:
            return
        kept, self._kept = self._kept, []
        order, rows = self._order, self._rows
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
