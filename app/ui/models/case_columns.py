"""The case list's columns, their sort keys, and the orders of rows by each column."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from operator import attrgetter
from typing import Any

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import current_language
from app.services.cases import ua_year_number
from app.services.country_names import country_label


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


def shown_country(case: CaseSummary) -> str:
    """The sort key of the country column: the name as shown, in the interface language."""
    return country_label(case.country, current_language()).casefold()


SortKeys = Callable[[Sequence[CaseSummary]], list[Any]]
"""The sort keys of some cases by one column, in their order: made for a slice of the rows
at a time (in idle steps); small, and quick to compare (ints, UTF-8 bytes)."""

_CLOSED = 10_000_000  # above every date's ordinal: closed cases after open ones


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _titles(cases: Sequence[CaseSummary]) -> list[bytes]:
    """Case-folded titles as UTF-8, which orders as the text does (by code point) and takes
    less memory than a str: a name beyond Latin-1 makes a str take 2 bytes a character."""
    return list(map(_utf8, map(str.casefold, map(attrgetter("title"), cases))))


def _countries(cases: Sequence[CaseSummary]) -> list[str]:
    """The country names as shown: each distinct country named once, not once per case."""
    stored = list(map(attrgetter("country"), cases))
    language = current_language()
    shown = {country: country_label(country, language).casefold() for country in set(stored)}
    return list(map(shown.__getitem__, stored))


def _persons(cases: Sequence[CaseSummary]) -> list[bytes]:
    """Case-folded names as UTF-8 (see _titles)."""
    names = map(", ".join, map(attrgetter("persons"), cases))
    return list(map(_utf8, map(str.casefold, names)))


def _appeals_sent(cases: Sequence[CaseSummary]) -> list[int]:
    return list(map(attrgetter("appeals_sent"), cases))


def _deadlines(cases: Sequence[CaseSummary]) -> list[int]:
    """Open cases by deadline, then closed ones by deadline: the deadline's ordinal, plus
    ``_CLOSED`` for a closed case (no deadline: 0 or ``_CLOSED``, the order among those)."""
    closed = CaseStatus.CLOSED
    return [
        (_CLOSED if case.status == closed else 0)
        + (0 if case.deadline is None else case.deadline.toordinal())
        for case in cases
    ]


SORT_KEYS: dict[Column, SortKeys] = {
    Column.TITLE: _titles,
    Column.COUNTRY: _countries,
    Column.PERSONS: _persons,
    Column.APPEALS_SENT: _appeals_sent,
    Column.DEADLINE: _deadlines,  # deadline and days left: open cases first, by date,
    Column.DAYS_LEFT: _deadlines,  # then closed ones, then those without a deadline
}


Positions = array  # of "i": 4 bytes a row, no int object per row (100,000 rows: 0.4 MB)


def positions(values: Iterable[int]) -> Positions:
    """Row positions kept compactly: every sort order holds one per case (4 bytes, no int object)."""
    return array("i", values)


def ua_order(cases: Sequence[CaseSummary]) -> Positions:
    """Positions in ``cases`` by UA number (year, then number), as ``ua_sort_key`` orders."""
    keys = ua_ints(cases)
    return positions(sorted(range(len(cases)), key=keys.__getitem__))


def ua_ints(cases: Sequence[CaseSummary]) -> list[int]:
    """The UA sort keys of ``cases``, each as one int (one int sorts faster than a tuple)."""
    return list(map(ua_year_number, map(attrgetter("ua_number"), cases)))


def ascending_order(
    cases: Sequence[CaseSummary], column: Column, by_ua: Positions | None = None
) -> tuple[Positions, Positions]:
    """Positions in ``cases`` of (rows with a value, rows without), ascending, ties by UA
    number: the order of ``SORT_KEYS`` then ``ua_sort_key``, from stable sorts."""
    by_ua = by_ua if by_ua is not None else ua_order(cases)
    if column == Column.UA_NUMBER:
        return positions(by_ua), positions(())
    return ordered_by(cases, column, by_ua, SORT_KEYS[column](cases))


def ordered_by(
    cases: Sequence[CaseSummary], column: Column, by_ua: Sequence[int], keys: list[Any]
) -> tuple[Positions, Positions]:
    """(rows with a value, rows without) of ``column``, from its ``keys`` and the UA order
    (a list of int objects is copied without making new ones: pass one when ordering many
    columns)."""
    if column in (Column.DEADLINE, Column.DAYS_LEFT):  # no deadline: last, closed ones after
        present = [i for i in by_ua if cases[i].deadline is not None]
        missing = [i for i in by_ua if cases[i].deadline is None]
        missing.sort(key=keys.__getitem__)  # open ones first
    else:
        present, missing = list(by_ua), []
    present.sort(key=keys.__getitem__)
    return positions(present), positions(missing)
