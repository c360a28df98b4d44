"""As-you-type search and the "show closed cases" switch, as a proxy over the case model.

Sorting stays in the source model (PITFALLS QT-1): ``sort`` is forwarded, and the proxy keeps
the source order. Filter changes use beginFilterChange/endFilterChange (QT-4).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_table_model import CASE_ROLE


def search_haystack(case: CaseSummary) -> str:
    """Everything the search box matches: UA number, title, country, persons, officials."""
    parts = [
        case.ua_number,
        f"UA {case.ua_number}",
        case.title,
        case.country,
        *case.persons,
        *case.officials,
    ]
    return "\n".join(parts).casefold()


class CaseFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose text contains every word typed, and hides closed cases unless asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._show_closed = False
        self.setDynamicSortFilter(True)

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
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_closed(self, show: bool) -> None:
        if show == self._show_closed:
            return
        self.beginFilterChange()
        self._show_closed = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        case = model.index(source_row, 0, source_parent).data(CASE_ROLE)
        if not isinstance(case, CaseSummary):
            return False
        if case.status == CaseStatus.CLOSED and not self._show_closed:
            return False
        if not self._words:
            return True
        haystack = search_haystack(case)
        return all(word in haystack for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (fast); the proxy keeps the source order."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def case_at(self, proxy_row: int) -> CaseSummary | None:
        case = self.index(proxy_row, 0).data(CASE_ROLE)
        return case if isinstance(case, CaseSummary) else None

    def proxy_row_of(self, case_id: int) -> int:
        """The visible row of ``case_id``, or -1 when filtered out or absent."""
        for row in range(self.rowCount()):
            case = self.case_at(row)
            if case is not None and case.case_id == case_id:
                return row
        return -1
