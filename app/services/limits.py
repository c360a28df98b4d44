"""The app's bounds on numbers, dates and text, enforced with a message that says the range."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, overload

from app.domain import bounds
from app.domain.errors import N_, InvalidInput
from app.domain.model import ParsedDocument, Target

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.domain.model import CaseDetail
    from app.store.schema import CaseRow


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


def check_sent_date(value: date | None, today: date | None = None) -> date | None:
    """None, or the day an appeal went out: a plausible date no later than tomorrow (a
    writer ahead of the machine's time zone may already be there, never further)."""
    check_date(value)
    latest = (today or date.today()) + timedelta(days=1)
    if value is not None and value > latest:
        raise InvalidInput(
            N_(
                "{value} is in the future: an appeal is marked sent on the day it went out, "
                "at the latest tomorrow ({latest}). Nothing was changed."
            ),
            value=value.isoformat(),
            latest=latest.isoformat(),
        )
    return value


def first_issued(*issue_dates: date | None) -> date | None:
    """The day a case began: the earliest issue date of its documents (and of the user's
    correction), so an appeal sent before a later update was issued is never questioned."""
    return min((day for day in issue_dates if day is not None), default=None)


def check_sent_after_issue(
    value: date | None, ua_number: str, issued_on: date | None, today: date | None = None
) -> None:
    """An appeal for a UA goes out on or after the day the UA was issued. An issue date still
    to come (a fictional practice case, a misread year) cannot say which days are too early."""
    if value is None or issued_on is None or issued_on > (today or date.today()):
        return
    if value < issued_on:
        raise InvalidInput(
            N_(
                "{value} is before UA {ua_number} was issued ({issued}): an appeal is sent on "
                "or after that day. Check the date; nothing was changed."
            ),
            value=value.isoformat(),
            ua_number=ua_number,
            issued=issued_on.isoformat(),
        )


def check_sent_for_stored_case(session: Session, case: CaseRow, value: date | None) -> None:
    """``check_sent_after_issue`` for a case in the store: ``value`` is refused when it is
    before the case's UA was first issued."""
    from app.store import case_repository

    issued = first_issued(*case_repository.issue_dates(session, case))
    check_sent_after_issue(value, case.ua_number, issued)


def check_sent_for_case_detail(case: CaseDetail, value: date | None) -> None:
    """``check_sent_for_stored_case`` for a case as the window shows it (its details), so a
    dialog can refuse the day before anything is stored."""
    issued = first_issued(case.issued_on, *(output.issued_on for output in case.outputs))
    check_sent_after_issue(value, case.ua_number, issued)


def check_line(text: str, limit: int = bounds.MAX_TEXT) -> str:
    """One line of text (a place, a label) of at most ``limit`` characters, trimmed."""
    text = text.strip()
    if len(text) > limit:
        raise InvalidInput(
            N_("This text is longer than {limit} characters; shorten it."), limit=limit
        )
    return text


# Field lengths kept in the store for an imported document: far above any real UA, far below
# what makes the window slow (a 1 MB title took seconds to paint). The whole document stays in
# the kept original; only the copy in the case is cut, with an ellipsis.
FIELD_LIMITS = {
    "title": 300,
    "country": 120,
    "summary": 20_000,
    "additional_info": 20_000,
    "model_letter": 50_000,
    "previous_ua_link": 2_000,
}
TARGET_FIELD_LIMIT = 300
TARGET_ADDRESS_LIMIT = 2_000
PERSON_NAME_LIMIT = 200
MAX_PEOPLE = 100  # persons, officials, copies-to lines, languages, per document


@overload
def _cut(text: str, limit: int) -> str: ...
@overload
def _cut(text: str | None, limit: int) -> str | None: ...
def _cut(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "\u2026"


def _cut_all(texts: tuple[str, ...], limit: int) -> tuple[str, ...]:
    return tuple(_cut(text, limit) for text in texts[:MAX_PEOPLE])


def bounded_document(document: ParsedDocument) -> ParsedDocument:
    """``document`` with every field the store keeps cut to a sane length."""
    return replace(
        document,
        title=_cut(document.title, FIELD_LIMITS["title"]),
        country=_cut(document.country, FIELD_LIMITS["country"]),
        summary=_cut(document.summary, FIELD_LIMITS["summary"]),
        additional_info=_cut(document.additional_info, FIELD_LIMITS["additional_info"]),
        model_letter=_cut(document.model_letter, FIELD_LIMITS["model_letter"]),
        previous_ua_link=_cut(document.previous_ua_link, FIELD_LIMITS["previous_ua_link"]),
        persons=tuple(
            replace(p, name=_cut(p.name, PERSON_NAME_LIMIT), pronouns=_cut(p.pronouns, 40))
            for p in document.persons[:MAX_PEOPLE]
        ),
        targets=tuple(_bounded_target(t) for t in document.targets[:MAX_PEOPLE]),
        copies_to=_cut_all(document.copies_to, TARGET_ADDRESS_LIMIT),
        preferred_languages=_cut_all(document.preferred_languages, 40),
    )


def _bounded_target(target: Target) -> Target:
    line = TARGET_FIELD_LIMIT
    return replace(
        target,
        title=_cut(target.title, line),
        name=_cut(target.name, line),
        salutation=_cut(target.salutation, line),
        address=_cut(target.address, TARGET_ADDRESS_LIMIT),
        email=_cut(target.email, line),
        name_as_printed=_cut(target.name_as_printed, line),
        fax=_cut(target.fax, line),
        phone=_cut(target.phone, line),
        social=_cut_all(target.social, line),
        gender=_cut(target.gender, line),
    )
