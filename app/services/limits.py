"""The app's bounds on numbers, dates and text, enforced with a message that says the range."""

from __future__ import annotations

from datetime import date

from app.domain import bounds
from app.domain.errors import N_, InvalidInput


def check_count(count: int) -> int:
    """Letters recorded at once: 1..MAX_COUNT."""
    if not bounds.in_range(count, 1, bounds.MAX_COUNT):
        raise InvalidInput(
            N_("The number of letters must be a whole number from 1 to {high}."),
            high=bounds.MAX_COUNT,
        )
    return count


def check_goal(goal: int | None) -> int | None:
    """A goal of letters for a case of an event: none, or 1..MAX_GOAL."""
    if goal is not None and not bounds.in_range(goal, 1, bounds.MAX_GOAL):
        raise InvalidInput(
            N_("A goal is a number of letters from 1 to {high}."), high=bounds.MAX_GOAL
        )
    return goal


def check_date(value: date | None) -> date | None:
    """None, or a date between EARLIEST_DATE and a couple of years from today."""
    if value is not None and not bounds.is_plausible_date(value):
        raise InvalidInput(
            N_("{value} is not a plausible date: give a day from {earliest} to {latest}."),
            value=value.isoformat(),
            earliest=bounds.EARLIEST_DATE.isoformat(),
            latest=bounds.latest_date().isoformat(),
        )
    return value


def check_line(text: str, limit: int = bounds.MAX_TEXT) -> str:
    """One line of text (a place, a label) of at most ``limit`` characters, trimmed."""
    text = text.strip()
    if len(text) > limit:
        raise InvalidInput(
            N_("This text is longer than {limit} characters; shorten it."), limit=limit
        )
    return text
