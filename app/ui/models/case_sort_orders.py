"""Each case column's ascending order, kept until the rows change and prepared while idle."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.domain.model import CaseSummary
from app.ui.models.case_columns import (
    SORT_KEYS,
    Column,
    Positions,
    SortKeys,
    ascending_order,
    ordered_by,
    positions,
    ua_ints,
    ua_order,
)

# Rows per idle step when preparing sort orders ahead of a click: a few milliseconds, like the
# search texts' steps (10,000 rows held a key pressed just after start-up 10-20 ms).
_IDLE_STEP = 2_000


def _keys_in_steps(cases: Sequence[CaseSummary], keys: SortKeys, into: list[Any]) -> Iterator[None]:
    for start in range(0, len(cases), _IDLE_STEP):
        into.extend(keys(cases[start : start + _IDLE_STEP]))
        yield


class CaseSortOrders:
    """Ascending orders per column of one pool of cases, as pool positions (rows with a
    value, rows without), ties by UA number; the model clears them when its rows change."""

    def __init__(self, parent: QObject, done: Callable[[], None] = lambda: None) -> None:
        """``done`` is called each time the orders being prepared in idle time are all made."""
        self._done = done
        self._orders: dict[Column, tuple[Positions, Positions]] = {}
        self._by_ua: Positions | None = None  # the tie-break order, shared by every column
        self._pool: list[CaseSummary] = []  # the pool being prepared
        # Every column's order is prepared in small steps while the app is idle, so that even
        # the first click on a header with 100,000 rows is a list copy (bench_search_sort.py).
        self._preparing: Iterator[None] | None = None
        self._prepare_timer = QTimer(parent)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_step)
        self._held = False  # see hold

    def preparing(self) -> bool:
        """True while some column's order is still to be made in idle time."""
        return self._preparing is not None

    def has_any(self) -> bool:
        """True when at least one column's order is kept."""
        return bool(self._orders)

    def clear(self) -> None:
        """New rows: forget every order, the UA tie-break order too."""
        self._orders.clear()
        self._by_ua = None

    def clear_values(self) -> None:
        """A row was replaced: its sort values may have changed (its UA number cannot)."""
        self._orders.clear()

    def ascending(self, pool: list[CaseSummary], column: Column) -> tuple[Positions, Positions]:
        """The kept ascending order of ``column`` in ``pool``, made now if not prepared yet."""
        if column not in self._orders:
            if self._by_ua is None:
                self._by_ua = ua_order(pool)
            self._orders[column] = ascending_order(pool, column, self._by_ua)
        return self._orders[column]

    def prepare(self, pool: list[CaseSummary]) -> None:
        """Build the missing orders of ``pool`` in idle steps (restarting any under way)."""
        self._pool = pool
        self._preparing = self._order_steps(pool)
        if not self._held:
            self._prepare_timer.start()

    def hold(self, held: bool) -> None:
        """While held, orders are made only when a click needs them, not in idle time."""
        self._held = held
        if held:
            self._prepare_timer.stop()
        elif self._preparing is not None:
            self._prepare_timer.start()

    def _prepare_step(self) -> None:
        if self._preparing is None:
            self._prepare_timer.stop()
        elif next(self._preparing, StopIteration) is StopIteration:
            self._preparing = None
            self._prepare_timer.stop()
            self._done()

    def _order_steps(self, pool: list[CaseSummary]) -> Iterator[None]:
        """Build the missing column orders of ``pool``, one short step per idle tick. An order
        a click made meanwhile (``ascending``) is kept, not made a second time: its sort would
        land inside a later click or keystroke."""
        # The UA order as int objects, shared by every column's order made here (each would
        # otherwise make 100,000 of its own); dropped when all are made.
        if self._by_ua is None:
            ua_keys: list[int] = []
            for _ in _keys_in_steps(pool, ua_ints, ua_keys):
                yield
                if self._by_ua is not None:
                    break  # made by a click meanwhile
            if self._by_ua is None:
                by_ua = sorted(range(len(pool)), key=ua_keys.__getitem__)
                del ua_keys
                self._by_ua = positions(by_ua)
                yield
            else:
                del ua_keys
                by_ua = list(self._by_ua)
        else:
            by_ua = list(self._by_ua)
        for column in Column:
            if column == Column.DAYS_LEFT or column in self._orders:
                continue
            keys: list[Any] = []
            if column != Column.UA_NUMBER:
                for _ in _keys_in_steps(pool, SORT_KEYS[column], keys):
                    yield
                    if column in self._orders:
                        break  # made by a click meanwhile
            if self._pool is not pool or self._by_ua is None:
                return  # the rows changed meanwhile
            if column not in self._orders:
                if column == Column.UA_NUMBER:
                    self._orders[column] = positions(self._by_ua), positions(())
                else:
                    self._orders[column] = ordered_by(pool, column, by_ua, keys)
            del keys
            yield
