"""The plausible range of every number and date a user or a file can give the app.

One set of bounds for every entry (command line, window, event merge) and for what an event
export may contain, so a file exported on one laptop is always accepted by a merge on another,
and no value can overflow the store's integers or fill a report with the year 9999.
"""

from __future__ import annotations

from datetime import date

EARLIEST_DATE = date(1990, 1, 1)  # before the first letter anyone will record here
YEARS_AHEAD = 2  # events are planned ahead; nothing is sent years from now
MAX_COUNT = 10_000  # letters recorded in one go (a whole event's handwritten pile)
MAX_GOAL = 1_000_000  # letters hoped for, per case of an event
MAX_TARGET = 100  # officials a UA may name
MAX_TEXT = 500  # a place, a label: one line of text
MAX_EVENT_NAME = 200


def latest_date(today: date | None = None) -> date:
    """The last plausible date: ``YEARS_AHEAD`` years after today (28 Feb for a 29 Feb)."""
    today = today or date.today()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def is_plausible_date(value: date, today: date | None = None) -> bool:
    """True when ``value`` lies between ``EARLIEST_DATE`` and :func:`latest_date`."""
    return EARLIEST_DATE <= value <= latest_date(today)


def in_range(value: int, low: int, high: int) -> bool:
    """True for a real int (never a bool) within ``low..high``."""
    return type(value) is int and low <= value <= high
