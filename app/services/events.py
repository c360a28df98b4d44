"""Letter-writing events: create them, record letters for them, and tally the letters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import bounds
from app.domain.errors import N_, InvalidInput
from app.domain.events import CaseTally, EventInfo, EventTally
from app.domain.model import (
    AppealKind,
    AppealRecord,
    AppealStatus,
    CaseDetail,
    CaseStatus,
    Channel,
    normalize_ua_number,
)
from app.services.appeals import record_appeal
from app.services.cases import case_not_found
from app.services.limits import check_count, check_date, check_goal, check_line
from app.store import event_repository
from app.store.database import Database

MAX_EVENT_NAME = bounds.MAX_EVENT_NAME
MAX_BATCH = bounds.MAX_COUNT  # handwritten letters recorded in one go


def clean_event_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(N_("Give the event a name, e.g. 'Write for Rights 2026'."))
    if len(cleaned) > MAX_EVENT_NAME:
        raise InvalidInput(N_("An event name can have at most %(n)d characters."), n=MAX_EVENT_NAME)
    return cleaned


def ua_key(ua_number: str) -> str:
    return normalize_ua_number(ua_number) or ua_number.strip()


def create_event(
    db: Database,
    name: str,
    *,
    held_on: date | None = None,
    place: str = "",
    cases: Iterable[str] = (),
    goals: Mapping[str, int | None] | None = None,
    goal: int | None = None,
) -> EventInfo:
    """Create an event with its cases; ``goals`` per UA number, ``goal`` for the others."""
    name = clean_event_name(name)
    numbers = list(dict.fromkeys(ua_key(n) for n in cases if n.strip()))
    wanted_goals = {ua_key(k): v for k, v in (goals or {}).items()}
    for value in [goal, *wanted_goals.values()]:
        check_goal(value)
    check_date(held_on)
    place = check_line(place)
    taken = InvalidInput(
        N_("There is already an event called '%(name)s'. Choose another name."), name=name
    )
    try:
        return _create_event(db, name, held_on, place, numbers, wanted_goals, goal, taken)
    except IntegrityError:  # another laptop on the shared store created it a moment ago
        raise taken from None


def _create_event(
    db: Database,
    name: str,
    held_on: date | None,
    place: str,
    numbers: list[str],
    wanted_goals: dict[str, int | None],
    goal: int | None,
    taken: InvalidInput,
) -> EventInfo:
    with db.unit_of_work() as session:
        if event_repository.event_by_name(session, name) is not None:
            raise taken
        ids = event_repository.case_ids_by_number(session, numbers)
        missing = [n for n in numbers if n not in ids]
        if missing:
            raise case_not_found(", ".join(missing))
        row = event_repository.create_event(
            session, name=name, held_on=held_on, place=place.strip()
        )
        for number in numbers:
            event_repository.link_case(session, row.id, ids[number], wanted_goals.get(number, goal))
        return event_repository.event_info(session, row)


def list_events(db: Database) -> list[EventInfo]:
    """Every event, newest date first."""
    with db.unit_of_work() as session:
        return event_repository.all_events(session)


def get_event(db: Database, name: str) -> EventInfo:
    """One event by its name; InvalidInput (naming the known events) when there is none."""
    with db.unit_of_work() as session:
        return _event_named(session, name)


def _event_named(session: Session, name: str) -> EventInfo:
    wanted = " ".join(name.split())
    row = event_repository.event_by_name(session, wanted)
    if row is None:
        known = [e.name for e in event_repository.all_events(session)]
        if known:
            raise InvalidInput(
                N_("There is no event called '%(name)s'. Known events: %(names)s."),
                name=wanted,
                names=", ".join(known),
            )
        raise InvalidInput(
            N_(
                "There is no event called '%(name)s'. "
                "Create one with 'appeal-desk event create NAME'."
            ),
            name=wanted,
        )
    return event_repository.event_info(session, row)


class ClosedEventCase(InvalidInput):
    """Letters asked for a case of the event that is closed since it was set up: its final
    UA asks for no further action."""

    def __init__(self, ua_number: str, event_name: str) -> None:
        super().__init__(
            N_(
                "UA {ua_number} of '{event}' is closed: its final UA asks for no further "
                "action, so no letters were printed for it."
            ),
            ua_number=ua_number,
            event=event_name,
        )
        self.ua_number = ua_number


def event_with_open_cases(db: Database, event: EventInfo) -> EventInfo:
    """``event`` with only the cases letters may still be written for (``open_event_cases``):
    what the organiser's batch of letters offers."""
    still_open = {case.ua_number for case in open_event_cases(db, event)}
    return replace(event, cases=tuple(c for c in event.cases if c.ua_number in still_open))


def open_event_cases(db: Database, event: EventInfo) -> list[CaseDetail]:
    """The event's cases participants may write for: a case closed since the event was set up
    (its final UA asks for no further action) is left out."""
    from app.services.cases import get_case

    cases = (get_case(db, case.ua_number) for case in event.cases)
    return [case for case in cases if case.status is not CaseStatus.CLOSED]


def event_id_by_name(db: Database, name: str) -> int:
    """The store id of an event (for ``appeal-desk sent --event NAME``)."""
    return get_event(db, name).event_id


def add_case_to_event(
    db: Database, name: str, ua_number: str, goal: int | None = None
) -> EventInfo:
    """Put one more case in play (or change its goal)."""
    check_goal(goal)
    event = get_event(db, name)
    key = ua_key(ua_number)
    with db.unit_of_work() as session:
        ids = event_repository.case_ids_by_number(session, [key])
        if key not in ids:
            raise case_not_found(ua_number)
        event_repository.link_case(session, event.event_id, ids[key], goal)
        row = event_repository.event_by_uuid(session, event.uuid)
        assert row is not None
        return event_repository.event_info(session, row)


def record_event_letter(
    db: Database,
    event: EventInfo,
    ua_number: str,
    *,
    target_index: int | None,
    kind: AppealKind = AppealKind.APPEAL,
    channel: Channel = Channel.POST,
    language: str = "en",
    count: int = 1,
    note: str = "",
) -> AppealRecord:
    """Count a letter (or a batch of handwritten ones) for an event.

    The letter text is not kept: at an event it carries the participant's name and address,
    and the shared laptop must not show it to the next person.
    """
    check_count(count)
    return record_appeal(
        db,
        ua_number,
        target_index=target_index,
        channel=channel,
        text=note.strip()[:200],
        language=language,
        kind=kind,
        status=AppealStatus.SENT,
        count=count,
        event_id=event.event_id,
    )


def event_tally(db: Database, name: str) -> EventTally:
    """Letters per case x channel x kind, with totals and goals (one read of the store)."""
    with db.unit_of_work() as session:
        event = _event_named(session, name)
        cells, sample_cells = event_repository.tally_cells(session, event.event_id)
    samples = sample_cells | {case.ua_number for case in event.cases if case.is_sample}
    return build_tally(event, cells, samples)


def build_tally(
    event: EventInfo,
    cells: list[tuple[str, str, str, str, int]],
    samples: frozenset[str] = frozenset(),
) -> EventTally:
    """Counts per case; a fictional sample case is shown marked and left out of the total."""
    titles = {c.ua_number: c.title for c in event.cases}
    goals = {c.ua_number: c.goal for c in event.cases}
    order = [c.ua_number for c in event.cases]
    grouped: dict[str, dict[tuple[str, str], int]] = {n: {} for n in order}
    for ua, title, channel, kind, letters in cells:
        if ua not in grouped:
            grouped[ua] = {}
            order.append(ua)
            titles[ua] = title
        grouped[ua][(channel, kind)] = grouped[ua].get((channel, kind), 0) + letters
    cases = []
    for ua in order:
        by_channel: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        for (channel, kind), letters in grouped[ua].items():
            by_channel[channel] = by_channel.get(channel, 0) + letters
            by_kind[kind] = by_kind.get(kind, 0) + letters
        title = titles.get(ua, "")
        if ua in samples:
            from app.services.samples import sample_marking

            title = f"{sample_marking()}: {title}"
        cases.append(
            CaseTally(
                ua_number=ua,
                title=title,
                goal=goals.get(ua),
                total=sum(grouped[ua].values()),
                by_channel=by_channel,
                by_kind=by_kind,
                cells=dict(grouped[ua]),
                is_sample=ua in samples,
            )
        )
    total = sum(c.total for c in cases if not c.is_sample)
    practice = sum(c.total for c in cases if c.is_sample)
    return EventTally(event=event, total=total, cases=tuple(cases), practice=practice)
