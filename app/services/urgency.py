""" "Write today": open cases ordered by the last day a posted letter can still arrive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from app.domain.model import CaseDetail, CaseStatus, CaseSummary
from app.services.database import Database
from app.services.transit_times import TransitTable

# A reminder comes this many days before a deadline, for open cases not yet written to.
REMIND_WITHIN_DAYS = 7


class Advice(StrEnum):
    """What the queue recommends for a case today."""

    POST = "post"  # a posted letter still arrives before the deadline
    TOO_LATE_FOR_POST = "too_late_for_post"  # deadline ahead, but post would arrive after it
    DEADLINE_PASSED = "deadline_passed"
    NO_DEADLINE = "no_deadline"


class Alternative(StrEnum):
    """Faster ways to reach the official when post is too slow."""

    EMAIL = "email"
    FAX = "fax"
    EMBASSY = "embassy"  # a copy to the country's embassy in the writer's country


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One case in the queue, with the arithmetic that placed it there."""

    case: CaseSummary
    region: str | None  # key of the transit region, None when the country is unknown
    transit_days: int
    post_by: date | None  # the last day to post a letter that arrives by the deadline
    days_to_post: int | None  # post_by minus today; negative: post is too late
    advice: Advice
    alternatives: tuple[Alternative, ...] = ()

    @property
    def written(self) -> bool:
        return self.case.appeals_sent > 0


CaseLoader = Callable[[str], CaseDetail]


def plan_case(
    case: CaseSummary, table: TransitTable, today: date, sender_country: str | None = None
) -> QueueItem:
    """Place one case: transit days to its country, the last posting day and the advice."""
    region = table.region_of(case.country)
    transit = table.transit_days(case.country, sender_country)
    key = region.key if region else None
    if case.deadline is None:
        return QueueItem(case, key, transit, None, None, Advice.NO_DEADLINE)
    post_by = case.deadline - timedelta(days=transit)
    days_to_post = (post_by - today).days
    if case.deadline < today:
        advice = Advice.DEADLINE_PASSED
    elif days_to_post < 0:
        advice = Advice.TOO_LATE_FOR_POST
    else:
        advice = Advice.POST
    return QueueItem(case, key, transit, post_by, days_to_post, advice)


def alternatives_for(detail: CaseDetail) -> tuple[Alternative, ...]:
    """Email and fax when an official lists them; the embassy copy is always possible."""
    found: list[Alternative] = []
    if any(t.email for t in detail.targets):
        found.append(Alternative.EMAIL)
    if any(t.fax for t in detail.targets):
        found.append(Alternative.FAX)
    found.append(Alternative.EMBASSY)
    return tuple(found)


def _order(item: QueueItem) -> tuple[int, int, str]:
    """Too late for post first (soonest deadline first: email or fax today), then by the last
    posting day, then undated cases, then those whose deadline has passed (latest first)."""
    deadline = item.case.deadline.toordinal() if item.case.deadline else 0
    if item.advice is Advice.TOO_LATE_FOR_POST:
        return (0, deadline, item.case.ua_number)
    if item.advice is Advice.POST:
        assert item.days_to_post is not None
        return (1, item.days_to_post, item.case.ua_number)
    if item.advice is Advice.NO_DEADLINE:
        return (2, 0, item.case.ua_number)
    return (3, -deadline, item.case.ua_number)


def build_queue(
    cases: list[CaseSummary],
    table: TransitTable,
    today: date,
    *,
    sender_country: str | None = None,
    only_unwritten: bool = False,
    load_case: CaseLoader | None = None,
) -> list[QueueItem]:
    """Order open cases by urgency; ``load_case`` fills in alternatives where post is too late."""
    items: list[QueueItem] = []
    for case in cases:
        if case.status is not CaseStatus.OPEN or (only_unwritten and case.appeals_sent > 0):
            continue
        if case.is_sample:  # practice cases are never urgent
            continue
        item = plan_case(case, table, today, sender_country)
        if item.advice is Advice.TOO_LATE_FOR_POST:
            alternatives: tuple[Alternative, ...] = (Alternative.EMBASSY,)
            if load_case is not None:
                alternatives = alternatives_for(load_case(case.ua_number))
            item = replace(item, alternatives=alternatives)
        items.append(item)
    return sorted(items, key=_order)


def write_today(
    db: Database,
    table: TransitTable,
    today: date,
    *,
    sender_country: str | None = None,
    only_unwritten: bool = False,
) -> list[QueueItem]:
    """The "Write today" queue for the store's open cases (one read, plus details when needed)."""
    from app.services.cases import get_case, list_cases

    return build_queue(
        list_cases(db),
        table,
        today,
        sender_country=sender_country,
        only_unwritten=only_unwritten,
        load_case=lambda ua: get_case(db, ua),
    )


def due_for_reminder(
    cases: Sequence[CaseSummary],
    table: TransitTable,
    today: date,
    *,
    within_days: int = REMIND_WITHIN_DAYS,
    sender_country: str | None = None,
) -> list[QueueItem]:
    """Open cases not yet written to whose deadline is at most ``within_days`` away (not passed)."""
    near = [  # only these can be due: the rest are not planned at all (100,000 cases)
        case
        for case in cases
        if case.deadline is not None and 0 <= (case.deadline - today).days <= within_days
    ]
    queue = build_queue(near, table, today, sender_country=sender_country, only_unwritten=True)
    due = [
        item
        for item in queue
        if item.case.deadline is not None and 0 <= (item.case.deadline - today).days <= within_days
    ]
    return sorted(due, key=lambda item: (item.case.deadline, item.case.ua_number))
