"""What the case search proxy needs from its source model besides Qt's model API.

The proxy filters 100,000 cases per keystroke without a call per row, so it reads the source's
rows as Python lists instead of through ``index()``/``data()``. A source model offers that by
having the two methods below (``CaseTableModel`` does); any other model still works through the
Qt API, only slower.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from app.domain.model import CaseSummary


@runtime_checkable
class CaseRowSource(Protocol):
    """A model whose rows are cases, readable as lists.

    ``row_order()`` returns ``(pool, order, rows)``: the cases as they were given to the model,
    the pool position of each row in the current sort order, and the cases in that order. The
    model makes new lists when its rows change (a reset) or their order does (a sort), so the
    proxy may keep them and tell a re-sort (the same ``pool``) from new rows (a new one). One
    refreshed case is written into ``pool`` and ``rows`` in place, followed by ``dataChanged``
    for its row; the proxy writes the same case there when it follows that signal.

    ``case_data(case, column, role)`` is ``data()`` for the row that holds ``case``: the proxy
    calls it with the case it already has, without making an index.

    ``cell_flags()`` is ``flags()`` of every valid index: the rows are all alike, so the proxy
    answers the view's two questions per cell on each repaint without asking the source.
    """

    def row_order(self) -> tuple[list[CaseSummary], Sequence[int], list[CaseSummary]]: ...

    def case_data(self, case: CaseSummary, column_number: int, role: int) -> Any: ...

    def cell_flags(self) -> Any: ...
