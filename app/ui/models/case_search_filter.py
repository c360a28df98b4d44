"""Which source rows the case search keeps: typed words, "show closed", and a Backspace cache.

No Qt here: the proxy (``case_filter_proxy.py``) maps the rows this returns to Qt indexes.
The source's rows are held as a pool that a re-sort does not change, and its current order
(source row -> pool position); per-pool facts survive a re-sort, and the per-row copies are
rebuilt from them with C-speed map() calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from time import perf_counter

from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_columns import Positions, positions
from app.ui.models.case_search_index import CaseSearchIndex

_RECENT_FILTERS = 12  # search results kept for Backspace
_RECENT_ROWS = 2  # ... holding at most this many rows per case in all (bounds their memory)
# Folding per idle tick after a reset: at most this many seconds, so that a keystroke, a
# click or a paint waits that long at most (10,000 cases: about 3,000 open ones to fold,
# 40 ms in one go). The clock is read once per batch of texts.
_PREPARE_SLICE = 0.008
_PREPARE_BATCH = 128


def _refines(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """True when every row matching ``new`` also matches ``old`` (so filter within old)."""
    return all(any(o in n for n in new) for o in old)


class CaseSearchFilter:
    """The rows whose text contains every word typed, without closed cases unless asked."""

    def __init__(self) -> None:
        self.words: tuple[str, ...] = ()
        self.show_closed = False
        self.pool: list[CaseSummary] = []
        self.order: Sequence[int] = []  # source row -> pool position
        self.cases: list[CaseSummary] = []  # per source row
        self._index = CaseSearchIndex()  # folded texts (UTF-8) per pool position, made lazily
        self._pool_open = bytearray()  # 1: the case is open
        self._haystacks: list[bytes | None] | None = []  # per source row (None: make again)
        self._is_open: bytearray | None = bytearray()  # per source row (None: make again)
        self._open_rows: Positions = positions(())  # source rows of open cases
        # The rows of the last few search texts (the lists are shared, never mutated).
        self._recent: dict[tuple[tuple[str, ...], bool], Sequence[int]] = {}
        self._prepared = True  # every source row has its folded text
        # Every open case has it: closed ones are folded once "show closed" is ticked (most
        # cases of a large store are closed; their texts would take memory for nothing).
        self._open_prepared = True
        self._prepare_from = 0

    @property
    def needs_preparing(self) -> bool:
        """True while some rows still lack their folded text (``prepare_some`` makes them)."""
        return not self._prepared

    def set_words(self, words: tuple[str, ...]) -> bool:
        """Search for ``words``; True when they refine the old ones (filter within them)."""
        narrower = _refines(words, self.words)
        self.words = words
        return narrower

    def set_show_closed(self, show: bool) -> bool:
        """Show or hide closed cases; True when their texts must now be prepared."""
        self.show_closed = show
        if show and not self._prepared:
            self._prepare_from = 0
            return True  # now the closed cases' texts too
        return False

    def reload(
        self,
        pool: list[CaseSummary],
        order: Sequence[int],
        cases: list[CaseSummary],
        visible: Sequence[int],
    ) -> Sequence[int]:
        """Follow the source: a new set of rows (reset), or the same rows re-sorted. Returns
        the source rows to show; ``visible`` are the ones shown until now."""
        visible_pool: list[int] | None = None
        if pool is self.pool and len(order) == len(self.order):  # a re-sort: same rows
            if self.words and len(visible) != len(order):
                visible_pool = list(map(self.order.__getitem__, visible))
        else:
            closed = CaseStatus.CLOSED
            self.pool = pool
            self._index.reset(pool)
            self._pool_open = bytearray(case.status is not closed for case in pool)
            self._prepared = self._open_prepared = not pool
        self.order = order
        self.cases = cases
        self._haystacks = None  # per-row copies are made when first needed
        self._is_open = None
        self._open_rows = positions(
            compress(range(len(order)), map(self._pool_open.__getitem__, order))
        )
        if visible_pool is not None:  # keep exactly the rows that were visible, in the new order
            flags = bytearray(len(pool))
            for position in visible_pool:
                flags[position] = 1
            rows: Sequence[int] = positions(
                compress(range(len(order)), map(flags.__getitem__, order))
            )
        else:
            rows = self._matching(None)
        self._recent.clear()  # source rows moved or changed
        self._prepare_from = 0
        return rows

    def replace_case(self, source_row: int, case: CaseSummary) -> None:
        """The case at ``source_row`` changed (text or status): fold it again."""
        position = self.order[source_row]
        self._index.replace(position, case)
        self.cases[source_row] = case
        self.pool[position] = case
        self._pool_open[position] = case.status is not CaseStatus.CLOSED
        self._haystacks = self._is_open = None

    def cases_replaced(self) -> None:
        """After ``replace_case``: rows may now be hidden or shown, old results are stale."""
        self._recent.clear()
        self._open_rows = positions(compress(range(len(self.cases)), self._row_open()))

    def filtered(self, current: Sequence[int], within_current: bool) -> Sequence[int]:
        """The source rows (ascending) to show now; ``current`` are those shown until now."""
        key = (self.words, self.show_closed)
        rows = self._recent.get(key)  # Backspace: the rows of a text typed a moment ago
        if rows is None:
            rows = self._matching(current if within_current else None)
            self._remember_recent(key, rows)
        return rows

    def prepare_some(self) -> bool:
        """Fold texts for a slice of time; True when every text needed is made."""
        index, pool, pool_open, everything = (
            self._index,
            self.pool,
            self._pool_open,
            self.show_closed,
        )
        texts = index.texts
        deadline = perf_counter() + _PREPARE_SLICE
        end = self._prepare_from
        while end < len(pool) and perf_counter() < deadline:
            start, end = end, min(end + _PREPARE_BATCH, len(pool))
            for position in range(start, end):
                if texts[position] is None and (everything or pool_open[position]):
                    index.fold(position, pool[position])
        self._prepare_from = end
        if end >= len(pool):
            self._haystacks = None
            self._open_prepared = True
            self._prepared = everything
            return True
        return False

    def _row_haystacks(self) -> list[bytes | None]:
        if self._haystacks is None:
            self._haystacks = list(map(self._index.texts.__getitem__, self.order))
        return self._haystacks

    def _row_open(self) -> bytearray:
        if self._is_open is None:
            self._is_open = bytearray(map(self._pool_open.__getitem__, self.order))
        return self._is_open

    def _fill_haystacks(self, source_rows: Sequence[int]) -> list[bytes | None]:
        haystacks, cases = self._row_haystacks(), self.cases
        index, order = self._index, self.order
        for row in source_rows:
            if haystacks[row] is None:
                haystacks[row] = index.fold(order[row], cases[row])
        return haystacks

    def _matching(self, candidates: Sequence[int] | None) -> Sequence[int]:
        """Source rows (ascending) that pass; ``candidates`` None: all rows, else a superset."""
        if candidates is None:
            # every row: a range, not 100,000 int objects (3.6 MB with closed cases shown)
            rows: Sequence[int] = range(len(self.cases)) if self.show_closed else self._open_rows
        elif self.show_closed:
            rows = candidates
        else:
            is_open = self._row_open()
            rows = [r for r in candidates if is_open[r]]
        if self.words:
            ready = self._prepared or (self._open_prepared and not self.show_closed)
            haystacks = self._row_haystacks() if ready else self._fill_haystacks(rows)
            for word in self.words:
                rows = self._index.narrow(rows, word, haystacks, self.cases, self.order)
        return rows

    def _remember_recent(self, key: tuple[tuple[str, ...], bool], rows: Sequence[int]) -> None:
        recent, budget = self._recent, _RECENT_ROWS * len(self.cases) + 1_000
        recent[key] = rows
        while len(recent) > _RECENT_FILTERS or sum(map(len, recent.values())) > budget:
            recent.pop(next(iter(recent)))  # the oldest first
