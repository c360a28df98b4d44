"""As-you-type search and the "show closed cases" switch, as a proxy over the case model.

A ``QSortFilterProxyModel`` calls back into Python once per row for every filter change
(100,000 cases: over 0.5 s a keystroke, 90 ms even for a filter that just returns True).
This proxy filters in Python over precomputed folded texts instead: one list comprehension
per keystroke, narrowing the visible rows when the new text refines the old one, then one
layout change that keeps the selection on the same case (bench/bench_search_sort.py).

Sorting stays in the source model, which sorts 20,000 rows far faster than a proxy that
compares row by row through Python: ``sort`` is forwarded, and the proxy keeps the source order.

The rows that pass are chosen by ``CaseSearchFilter`` (case_search_filter.py, no Qt) and
shown by ``CaseRowsProxy`` (case_rows_proxy.py: index mapping, cells, persistent indexes). The
source model is read through ``CaseRowSource`` (case_row_source.py) when it offers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal

from app.domain.model import CaseSummary
from app.domain.text_folding import fold
from app.ui.models.case_row_source import CaseRowSource
from app.ui.models.case_rows_proxy import AnyIndex, CaseRowsProxy
from app.ui.models.case_search_filter import CaseSearchFilter
from app.ui.models.case_table_model import CASE_ROLE

__all__ = ["AnyIndex", "CaseFilterProxy"]

_FEW_ROWS = 64  # a data change this small is a refresh of changed cases


class CaseFilterProxy(CaseRowsProxy):
    """Keeps the rows whose text contains every word typed, and hides closed cases unless asked."""

    # The search texts folded in idle time are all made (see preparing).
    idle_work_done = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = CaseSearchFilter()  # words, "show closed", and the rows that pass
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_some)
        self._idle_work_held = False  # start-up: the store opens first (see hold_idle_work)
        self._prepare_wanted = False

    # ---- the public API the views use ---------------------------------------------------

    @property
    def search_text(self) -> str:
        return " ".join(self._filter.words)

    @property
    def show_closed(self) -> bool:
        return self._filter.show_closed

    def set_search_text(self, text: str) -> None:
        words = tuple(fold(text).split())  # "sao" finds "São Paulo", "JOSE" finds "José"
        if words == self._filter.words:
            return
        narrower = self._filter.set_words(words)
        self._refilter(within_current=narrower)

    def set_show_closed(self, show: bool) -> None:
        if show == self._filter.show_closed:
            return
        if self._filter.set_show_closed(show):
            self._start_preparing()  # now the closed cases' texts too
        self._refilter(within_current=not show)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (fast); the proxy keeps the source order."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    # ---- QAbstractProxyModel ------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt API
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._source_connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._source = model
        if isinstance(model, CaseRowSource):
            self._case_data, self._cell_flags = model.case_data, model.cell_flags()
        else:
            self._case_data = self._cell_flags = None
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

    # ---- following the source model ----------------------------------------------------

    def _on_source_reset(self, *_args: object) -> None:
        self._reload_source()
        self.endResetModel()

    def _on_source_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._remember_persistent(self._filter.order)  # the order before the change

    def _on_source_layout_changed(self, *_args: object) -> None:
        self._reload_source()
        self._restore_persistent(self._filter.order, source_moved=True)
        self.layoutChanged.emit()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
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
                self._filter.replace_case(source_row, case)
                changed = True
        if changed:  # a row's text or status changed: it may now be hidden or shown
            self._filter.cases_replaced()
            self._refilter(within_current=False)
        if not self._rows:
            return
        columns = (top_left.column(), bottom_right.column())
        if first == 0 and last >= len(self._cases) - 1:
            self.dataChanged.emit(
                self.index(0, columns[0]), self.index(len(self._rows) - 1, columns[1]), roles
            )
            return
        for source_row in range(first, last + 1):
            row = self._proxy_row_of_source(source_row)
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
        self._rows = self._filter.reload(pool, order, cases, self._rows)
        self._cases = self._filter.cases  # the same list: replaced cases show at once
        if self._filter.needs_preparing:
            self._start_preparing()  # fold texts in small idle chunks, ready before typing

    def _source_rows(
        self, model: QAbstractItemModel | None
    ) -> tuple[list[CaseSummary], Sequence[int], list[CaseSummary]]:
        """(pool, order, rows) from a CaseRowSource; any other model: its rows, in order."""
        if model is None:
            return [], [], []
        if isinstance(model, CaseRowSource):
            return model.row_order()  # the model replaces (never mutates) these lists
        cases = [model.index(r, 0).data(CASE_ROLE) for r in range(model.rowCount())]
        return cases, list(range(len(cases))), cases

    def preparing(self) -> bool:
        """True while search texts are still being folded in idle time."""
        return self._prepare_timer.isActive() or self._prepare_wanted

    def hold_idle_work(self, held: bool) -> None:
        """While held, texts are folded only when a search needs them, not ahead of it in
        idle time (at start-up the store is being opened: that comes first)."""
        self._idle_work_held = held
        if held:
            # folding under way: it goes on when let go
            self._prepare_wanted = self._prepare_wanted or self._prepare_timer.isActive()
            self._prepare_timer.stop()
        elif self._prepare_wanted:
            self._prepare_wanted = False
            self._prepare_timer.start()

    def _start_preparing(self) -> None:
        if self._idle_work_held:
            self._prepare_wanted = True
        else:
            self._prepare_timer.start()

    def _prepare_some(self) -> None:
        if self._filter.prepare_some():
            self._prepare_timer.stop()
            self.idle_work_done.emit()

    def _refilter(self, within_current: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        self._remember_persistent(self._filter.order)
        self._rows = self._filter.filtered(self._rows, within_current)
        self._restore_persistent(self._filter.order, source_moved=False)
        self.layoutChanged.emit()
