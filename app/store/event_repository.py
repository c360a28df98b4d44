"""Events: create and read them, count their letters, and insert merged records idempotently."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Select, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.events import EventCase, EventInfo
from app.store.schema import AppealRow, CaseRow, EventCaseRow, EventRow

# Record fields that travel between laptops and must agree for two copies to be "the same".
COMPARED_FIELDS = (
    "ua_number",
    "event_uuid",
    "kind",
    "status",
    "channel",
    "count",
    "sent_on",
    "target_position",
    "target_label",
    "language",
)
# Statuses that count as a letter written (drafts do not).
COUNTED_STATUSES = ("printed", "sent")
INSERT_CHUNK = 500  # rows per INSERT: well under SQLite's bound-parameter limit

# Declarative classes type ``__table__`` as any FROM clause; this one is a plain Table.
_APPEALS = cast(Table, AppealRow.__table__)


def event_by_name(session: Session, name: str) -> EventRow | None:
    return session.scalars(select(EventRow).where(EventRow.name == name)).first()


def event_by_uuid(session: Session, event_uuid: str) -> EventRow | None:
    return session.scalars(select(EventRow).where(EventRow.uuid == event_uuid)).first()


def create_event(
    session: Session,
    *,
    name: str,
    held_on: date | None,
    place: str,
    event_uuid: str | None = None,
) -> EventRow:
    row = EventRow(
        uuid=event_uuid or str(uuid_module.uuid4()),
        name=name,
        held_on=held_on,
        place=place,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def link_case(
    session: Session, event_id: int, case_id: int, goal: int | None, *, replace_goal: bool = True
) -> bool:
    """Put a case in play at an event; an existing goal changes only if ``replace_goal``."""
    existing = session.scalars(
        select(EventCaseRow).where(
            EventCaseRow.event_id == event_id, EventCaseRow.case_id == case_id
        )
    ).first()
    if existing is not None:
        if goal is not None and (replace_goal or existing.goal is None):
            existing.goal = goal
        return False
    session.add(EventCaseRow(event_id=event_id, case_id=case_id, goal=goal))
    session.flush()
    return True


def event_info(session: Session, row: EventRow) -> EventInfo:
    query = (
        select(CaseRow.ua_number, CaseRow.title, EventCaseRow.goal, CaseRow.is_sample)
        .join(EventCaseRow, EventCaseRow.case_id == CaseRow.id)
        .where(EventCaseRow.event_id == row.id)
        .order_by(EventCaseRow.id)
    )
    cases = tuple(
        EventCase(ua, title, goal, bool(sample))
        for ua, title, goal, sample in session.execute(query)
    )
    return EventInfo(row.id, row.uuid, row.name, row.held_on, row.place, cases)


def all_events(session: Session) -> list[EventInfo]:
    rows = session.scalars(
        select(EventRow).order_by(EventRow.held_on.desc().nulls_last(), EventRow.name)
    )
    return [event_info(session, row) for row in rows]


def tally_cells(
    session: Session, event_id: int
) -> tuple[list[tuple[str, str, str, str, int]], frozenset[str]]:
    """(ua_number, title, channel, kind, letters) for every combination with letters, and the
    UA numbers of the fictional sample cases among them; ordered by UA number, channel, kind.

    The letters are summed per case id first and the cases joined afterwards: grouping on an
    integer and two short words sorts far less than grouping on each case's number and title
    (bench/bench_events.py)."""
    letters = (
        select(
            AppealRow.case_id,
            AppealRow.channel,
            AppealRow.kind,
            func.sum(AppealRow.count).label("letters"),
        )
        .where(AppealRow.event_id == event_id, AppealRow.status.in_(COUNTED_STATUSES))
        .group_by(AppealRow.case_id, AppealRow.channel, AppealRow.kind)
        .subquery()
    )
    query = (
        select(
            CaseRow.ua_number,
            CaseRow.title,
            CaseRow.is_sample,
            letters.c.channel,
            letters.c.kind,
            letters.c.letters,
        )
        .join(CaseRow, letters.c.case_id == CaseRow.id)
        .order_by(CaseRow.ua_number, letters.c.channel, letters.c.kind)
    )
    cells: list[tuple[str, str, str, str, int]] = []
    samples: set[str] = set()
    # The summed column and the subquery's columns are untyped: the row's shape is named here.
    rows: Iterable[tuple[str, str, bool, str | None, str, int | None]] = session.execute(query)
    for ua, title, sample, channel, kind, n in rows:
        cells.append((ua, title, channel or "other", kind, int(n or 0)))
        if sample:
            samples.add(ua)
    return cells, frozenset(samples)


def _compared_columns() -> tuple[Any, ...]:
    """A record's UUID, then the fields a merge compares (``COMPARED_FIELDS``, in order)."""
    return (
        AppealRow.uuid,
        CaseRow.ua_number,
        EventRow.uuid,
        AppealRow.kind,
        AppealRow.status,
        AppealRow.channel,
        AppealRow.count,
        AppealRow.sent_on,
        AppealRow.target_position,
        AppealRow.target_label,
        AppealRow.language,
    )


def _record_columns() -> Select[*tuple[Any, ...]]:
    return (
        select(*_compared_columns(), AppealRow.created_at)
        .join(CaseRow, AppealRow.case_id == CaseRow.id)
        .outerjoin(EventRow, AppealRow.event_id == EventRow.id)
    )


def _as_dict(row: Any) -> dict[str, object]:
    (
        uuid,
        ua,
        event_uuid,
        kind,
        status,
        channel,
        count,
        sent_on,
        position,
        label,
        language,
        created,
    ) = row
    return {
        "uuid": uuid,
        "ua_number": ua,
        "event_uuid": event_uuid,
        "kind": kind,
        "status": status,
        "channel": channel,
        "count": count,
        "sent_on": sent_on.isoformat() if sent_on else None,
        "target_position": position,
        "target_label": label,
        "language": language,
        "created_at": as_utc(created).isoformat() if created else None,
    }


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything in the store is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def exported_records(session: Session, event_id: int) -> list[dict[str, object]]:
    """The event's records as plain dicts for an export file (no letter text: it names people)."""
    query = (
        _record_columns()
        .where(AppealRow.event_id == event_id)
        .order_by(AppealRow.created_at, AppealRow.id)
    )
    return [_as_dict(row) for row in session.execute(query)]


def compared_records(session: Session, event_id: int) -> dict[str, dict[str, object]]:
    """The event's stored records, keyed by UUID, with the fields a merge compares (one query)."""
    query = (
        select(*_compared_columns())
        .join(CaseRow, AppealRow.case_id == CaseRow.id)
        .join(EventRow, AppealRow.event_id == EventRow.id)
        .where(AppealRow.event_id == event_id)
    )
    found: dict[str, dict[str, object]] = {}
    for uuid, *values in session.connection().execute(query):
        record = dict(zip(COMPARED_FIELDS, values, strict=True))
        sent_on = record["sent_on"]
        record["sent_on"] = sent_on.isoformat() if isinstance(sent_on, date) else None
        found[str(uuid)] = record
    return found


def records_by_uuid(session: Session, uuids: Sequence[str]) -> dict[str, dict[str, object]]:
    """The stored copies of the records with these UUIDs, wherever they are, keyed by UUID."""
    found: dict[str, dict[str, object]] = {}
    for start in range(0, len(uuids), INSERT_CHUNK):
        chunk = uuids[start : start + INSERT_CHUNK]
        for row in session.execute(_record_columns().where(AppealRow.uuid.in_(chunk))):
            found[row[0]] = _as_dict(row)
    return found


def insert_records_ignoring_duplicates(
    session: Session, rows: Iterable[dict[str, object]]
) -> set[str]:
    """INSERT .. ON CONFLICT (uuid) DO NOTHING (a record merged twice is stored once); returns the
    UUIDs actually inserted.

    A record another writer inserted a moment ago is skipped by the database itself, so two
    laptops merging the same file at once still count each letter once. The rows go as one
    executemany, which SQLAlchemy batches into multi-row INSERTs ("insertmanyvalues").
    """
    pending = list(rows)
    if not pending:
        return set()
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        on_pg = postgresql.insert(_APPEALS).on_conflict_do_nothing(index_elements=["uuid"])
        statement = on_pg.returning(_APPEALS.c.uuid)
    elif dialect == "sqlite":
        on_sqlite = sqlite.insert(_APPEALS).on_conflict_do_nothing(index_elements=["uuid"])
        statement = on_sqlite.returning(_APPEALS.c.uuid)
    else:
        raise KeyError(dialect)
    result = session.connection().execute(statement, pending)
    return set(result.scalars())


def case_ids_by_number(session: Session, ua_numbers: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(ua_numbers))
    if not wanted:
        return {}
    query = select(CaseRow.ua_number, CaseRow.id).where(
        CaseRow.ua_number.in_(wanted), CaseRow.removed_at.is_(None)
    )
    return {ua: case_id for ua, case_id in session.execute(query)}


def differences(mine: dict[str, object], theirs: dict[str, object]) -> tuple[str, ...]:
    """Names of the compared fields on which two copies of a record disagree."""
    return tuple(f for f in COMPARED_FIELDS if mine.get(f) != theirs.get(f))
