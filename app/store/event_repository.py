"""Events: create and read them, count their letters, and insert merged records idempotently."""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import (
    Date,
    DateTime,
    Select,
    String,
    Table,
    bindparam,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.events import EventCase, EventInfo
from app.store.schema import (
    TRAVELLING_FIELDS,
    AppealRow,
    CaseRow,
    EventCaseRow,
    EventDeletionRow,
    EventRow,
    next_edit_time,
)

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
_DELETIONS = cast(Table, EventDeletionRow.__table__)


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
        select(*_compared_columns(), AppealRow.created_at, AppealRow.edited_at)
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
        edited,
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
        "created_at": utc_text(created) if created else None,
        "edited_at": utc_text(edited),
    }


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything in the store is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_text(moment: datetime) -> str:
    """``as_utc(moment).isoformat()``, without making a new datetime for a naive one (an
    export writes two per record)."""
    if moment.tzinfo is None:
        return moment.isoformat() + "+00:00"
    return moment.astimezone(UTC).isoformat()


def exported_records(session: Session, event_id: int) -> list[dict[str, object]]:
    """The event's records as plain dicts for an export file (no letter text: it names people)."""
    query = (
        _record_columns()
        .where(AppealRow.event_id == event_id)
        .order_by(AppealRow.created_at, AppealRow.id)
    )
    return [_as_dict(row) for row in session.connection().execute(query)]


def compared_records(session: Session, event_id: int) -> dict[str, dict[str, object]]:
    """The event's stored records, keyed by UUID, with the fields a merge compares, their row
    id (``row_id``) and their edit time (``edited_at``, UTC), in one query."""
    uuid_column, *compared = _compared_columns()
    # The UUID comes last: each row's other values are the record's, in _STORED_FIELDS order.
    query = (
        select(*compared, AppealRow.id, AppealRow.edited_at, uuid_column)
        .join(CaseRow, AppealRow.case_id == CaseRow.id)
        .join(EventRow, AppealRow.event_id == EventRow.id)
        .where(AppealRow.event_id == event_id)
    )
    found: dict[str, dict[str, object]] = {}
    day_texts: dict[date, str] = {}  # an event's letters share a few dates
    for row in session.connection().execute(query):
        record: dict[str, object] = dict(zip(_STORED_FIELDS, row, strict=False))
        edited = cast(datetime, record["edited_at"])
        record["edited_at"] = (
            edited.replace(tzinfo=UTC) if edited.tzinfo is None else as_utc(edited)
        )
        sent_on = record["sent_on"]
        if isinstance(sent_on, date):
            text = day_texts.get(sent_on)
            if text is None:
                text = day_texts[sent_on] = sent_on.isoformat()
            record["sent_on"] = text
        else:
            record["sent_on"] = None
        found[str(row[-1])] = record
    return found


# A stored record as compared_records gives it: the compared fields, its row id, its edit time.
_STORED_FIELDS = (*COMPARED_FIELDS, "row_id", "edited_at")


def records_by_uuid(session: Session, uuids: Sequence[str]) -> dict[str, dict[str, object]]:
    """The stored copies of the records with these UUIDs, wherever they are, keyed by UUID."""
    found: dict[str, dict[str, object]] = {}
    for start in range(0, len(uuids), INSERT_CHUNK):
        chunk = uuids[start : start + INSERT_CHUNK]
        query = _record_columns().where(AppealRow.uuid.in_(chunk))
        for row in session.connection().execute(query):
            found[row[0]] = _as_dict(row)
    return found


def insert_records_ignoring_duplicates(
    session: Session, rows: Iterable[dict[str, object]]
) -> set[str]:
    """INSERT .. ON CONFLICT (uuid) DO NOTHING (a record merged twice is stored once); returns the
    UUIDs actually inserted.

    A record another writer inserted a moment ago is skipped by the database itself, so two
    laptops merging the same file at once still count each letter once. The rows go as one
    executemany, which SQLAlchemy batches into multi-row INSERTs ("insertmanyvalues"). On
    SQLite the rows' dates and times are replaced by the text stored for them.
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
        texts = _stored_texts(session, pending)
        if texts:
            on_sqlite = on_sqlite.values({name: bindparam(name, type_=String) for name in texts})
        statement = on_sqlite.returning(_APPEALS.c.uuid)
    else:
        raise KeyError(dialect)
    result = session.connection().execute(statement, pending)
    return set(result.scalars())


# The appeal columns holding a date or a date and time.
_DATE_COLUMNS = tuple(c.name for c in _APPEALS.columns if isinstance(c.type, Date | DateTime))


def _stored_texts(session: Session, rows: list[dict[str, object]]) -> list[str]:
    """Replace, in ``rows``, the dates and times the database keeps as text (SQLite) by that
    text, made by the column's own type; returns the columns replaced.

    The type makes the text field by field for every value; the same value in one row after
    another (the moment of a merge, an event's day) is made once instead.
    """
    dialect = session.get_bind().dialect
    replaced = []
    for name in _DATE_COLUMNS:
        if name not in rows[0]:
            continue
        make = _APPEALS.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if make is None:
            continue
        replaced.append(name)
        last: object = object()
        text: object = None
        for row in rows:
            value = row[name]
            if value is not last:
                last, text = value, make(value)
            row[name] = text
    return replaced


def case_ids_by_number(session: Session, ua_numbers: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(ua_numbers))
    if not wanted:
        return {}
    query = select(CaseRow.ua_number, CaseRow.id).where(
        CaseRow.ua_number.in_(wanted), CaseRow.removed_at.is_(None)
    )
    return {ua: case_id for ua, case_id in session.execute(query)}


_COMPARED = itemgetter(*COMPARED_FIELDS)


def differences(mine: dict[str, object], theirs: dict[str, object]) -> tuple[str, ...]:
    """Names of the compared fields on which two copies of a record disagree."""
    try:
        if _COMPARED(mine) == _COMPARED(theirs):  # the usual answer, in one step
            return ()
    except KeyError:
        pass
    return tuple(f for f in COMPARED_FIELDS if mine.get(f) != theirs.get(f))


def content_key(record: dict[str, object]) -> str:
    """The compared fields of a record as one string: of two copies edited at the same
    moment, the one with the greater key wins, on every laptop alike."""
    return json.dumps([record.get(f) for f in COMPARED_FIELDS], ensure_ascii=False)


def event_deletions(session: Session, event_id: int) -> dict[str, datetime]:
    """The event's deleted letters: UUID -> when (UTC)."""
    query = select(EventDeletionRow.uuid, EventDeletionRow.deleted_at).where(
        EventDeletionRow.event_id == event_id
    )
    return {uuid: as_utc(moment) for uuid, moment in session.connection().execute(query)}


def exported_deletions(session: Session, event_id: int) -> list[dict[str, object]]:
    """The event's deleted letters for an export file, oldest deletion first."""
    query = (
        select(EventDeletionRow.uuid, EventDeletionRow.deleted_at)
        .where(EventDeletionRow.event_id == event_id)
        .order_by(EventDeletionRow.deleted_at, EventDeletionRow.id)
    )
    return [
        {"uuid": uuid, "deleted_at": as_utc(moment).isoformat()}
        for uuid, moment in session.execute(query)
    ]


def stored_uuids(session: Session, uuids: Sequence[str]) -> set[str]:
    """Those of ``uuids`` that name a stored appeal, in any event or none."""
    found: set[str] = set()
    for start in range(0, len(uuids), INSERT_CHUNK):
        chunk = uuids[start : start + INSERT_CHUNK]
        found.update(session.scalars(select(AppealRow.uuid).where(AppealRow.uuid.in_(chunk))))
    return found


def update_records(session: Session, rows: Sequence[dict[str, object]]) -> None:
    """Replace stored records by newer copies: each row holds ``row_id``, the travelling
    fields and ``edited_at``. A row edited later meanwhile (another writer on a shared
    store) is left alone: the newer edit wins whichever transaction commits first."""
    if not rows:
        return
    statement = (
        update(_APPEALS)
        .where(_APPEALS.c.id == bindparam("row_id"), _APPEALS.c.edited_at <= bindparam("new_time"))
        .values(
            {name: bindparam(name) for name in (*TRAVELLING_FIELDS, "updated_at")}
            | {"edited_at": bindparam("new_time")}
        )
    )
    session.connection().execute(statement, list(rows))


def remove_records(session: Session, removals: Sequence[tuple[int, datetime]]) -> None:
    """Delete stored records (with their earlier texts) that were deleted at the given times
    on another laptop; a record edited after its deletion stays."""
    if not removals:
        return
    statement = delete(_APPEALS).where(
        _APPEALS.c.id == bindparam("row_id"), _APPEALS.c.edited_at <= bindparam("deleted_at")
    )
    session.connection().execute(
        statement, [{"row_id": row_id, "deleted_at": moment} for row_id, moment in removals]
    )


def keep_deletions(session: Session, event_id: int, deletions: dict[str, datetime]) -> None:
    """Store these deletions for the event (UUID -> time); a deletion already stored keeps
    the later of the two times."""
    if not deletions:
        return
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise KeyError(dialect)
    insert: postgresql.Insert | sqlite.Insert = (
        postgresql.insert(_DELETIONS) if dialect == "postgresql" else sqlite.insert(_DELETIONS)
    )
    later = insert.excluded.deleted_at
    statement = insert.on_conflict_do_update(
        index_elements=["uuid"],
        set_={"deleted_at": later},
        where=_DELETIONS.c.deleted_at < later,
    )
    rows = [
        {"uuid": uuid, "event_id": event_id, "deleted_at": moment}
        for uuid, moment in deletions.items()
    ]
    for start in range(0, len(rows), INSERT_CHUNK):
        session.connection().execute(statement, rows[start : start + INSERT_CHUNK])


def forget_deletions(session: Session, uuids: Iterable[str]) -> set[str]:
    """The letters with these UUIDs are stored again: they are no longer deleted. Returns
    those that were."""
    wanted = sorted(set(uuids))
    forgotten: set[str] = set()
    for start in range(0, len(wanted), INSERT_CHUNK):
        chunk = wanted[start : start + INSERT_CHUNK]
        statement = (
            delete(EventDeletionRow)
            .where(EventDeletionRow.uuid.in_(chunk))
            .returning(EventDeletionRow.uuid)
        )
        forgotten.update(session.execute(statement).scalars())
    return forgotten


def note_moved_appeals(
    session: Session,
    before: dict[str, dict[int, dict[str, Any]]],
    after: dict[str, dict[int, dict[str, Any]]],
    *,
    restored: bool = True,
) -> None:
    """Keep edit times and deletions true after an edit, an undo or a redo moved appeal rows
    from ``before`` to ``after`` (their column values by row id).

    An event letter that is gone while its case stays is recorded as deleted, so the
    deletion reaches the other laptops; one that went with its case (a case deleted with its
    appeals, an import undone, the practice cases removed) only left this laptop, and the
    letters the other laptops hold stay counted there. One that came back after such a deletion (an undone deletion) or whose
    travelling fields were set back is no longer deleted and counts as edited now, so it wins over the copies the
    other laptops received in between (a letter of no event keeps its rows exactly as they
    were). Without ``restored`` (an edit made through the ORM,
    which gives edit times itself) only the deletions are recorded."""
    old = before.get("appeals", {})
    new = after.get("appeals", {})
    gone: dict[int, dict[str, datetime]] = {}
    cases_here: dict[int, bool] = {}
    for row_id, values in old.items():
        if row_id not in new and values.get("event_id") is not None:
            case_id = int(values["case_id"])
            if case_id not in cases_here:
                cases_here[case_id] = session.get(CaseRow, case_id) is not None
            if not cases_here[case_id]:
                continue
            moment = next_edit_time(values.get("edited_at"))
            gone.setdefault(int(values["event_id"]), {})[str(values["uuid"])] = moment
    for event_id, deletions in gone.items():
        if session.get(EventRow, event_id) is not None:  # not when the event itself went
            keep_deletions(session, event_id, deletions)
    if not restored:
        return
    put_back = {str(v["uuid"]) for k, v in new.items() if k not in old}
    undeleted = forget_deletions(session, put_back)
    back = []
    for row_id, values in new.items():
        earlier = old.get(row_id)
        if earlier is None:
            if values["uuid"] not in undeleted:
                continue  # it came back with its event: no laptop was told it was deleted
        elif all(earlier.get(f) == values.get(f) for f in TRAVELLING_FIELDS):
            continue
        if values.get("event_id") is None:
            continue  # a letter of no event never travels
        latest = [
            as_utc(v["edited_at"])
            for v in (earlier, values)
            if v is not None and v.get("edited_at") is not None
        ]
        back.append({"row_id": row_id, "new_time": next_edit_time(max(latest, default=None))})
    if back:
        session.connection().execute(
            update(_APPEALS)
            .where(_APPEALS.c.id == bindparam("row_id"))
            .values(edited_at=bindparam("new_time")),
            back,
        )
