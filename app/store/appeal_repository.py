"""Appeals: insert, query and update the record of what the user wrote and sent."""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.model import AppealKind, AppealRecord, AppealStatus, Channel
from app.store.schema import AppealRow, CaseRow, EventRow


def add_appeal(
    session: Session,
    *,
    case_id: int,
    target_position: int | None,
    target_label: str,
    kind: AppealKind,
    status: AppealStatus,
    channel: Channel | None,
    sent_on: date | None,
    language: str,
    text: str,
    count: int = 1,
    event_id: int | None = None,
    appeal_uuid: str | None = None,
) -> AppealRow:
    now = datetime.now(UTC)
    row = AppealRow(
        uuid=appeal_uuid or str(uuid_module.uuid4()),
        case_id=case_id,
        event_id=event_id,
        target_position=target_position,
        target_label=target_label,
        kind=kind.value,
        status=status.value,
        channel=channel.value if channel else None,
        sent_on=sent_on,
        language=language,
        text=text,
        count=count,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _records_query() -> Select[AppealRow, str, str | None]:
    return (
        select(AppealRow, CaseRow.ua_number, EventRow.name)
        .join(CaseRow, AppealRow.case_id == CaseRow.id)
        .outerjoin(EventRow, AppealRow.event_id == EventRow.id)
        .order_by(AppealRow.created_at, AppealRow.id)
    )


def to_record(row: AppealRow, ua_number: str, event_name: str | None) -> AppealRecord:
    return AppealRecord(
        appeal_id=row.uuid,
        ua_number=ua_number,
        target_label=row.target_label,
        target_index=row.target_position,
        kind=AppealKind(row.kind),
        status=AppealStatus(row.status),
        channel=Channel(row.channel) if row.channel else None,
        sent_on=row.sent_on,
        language=row.language,
        text=row.text,
        count=row.count,
        event_name=event_name,
        reply_on=row.reply_on,
        reply_note=row.reply_note,
        reply_attachment=row.reply_attachment,
        created_at=row.created_at,
    )


def find_appeals(
    session: Session,
    *,
    case_id: int | None = None,
    status: AppealStatus | None = None,
    channel: Channel | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[AppealRecord]:
    query = _records_query()
    if case_id is not None:
        query = query.where(AppealRow.case_id == case_id)
    if status is not None:
        query = query.where(AppealRow.status == status.value)
    if channel is not None:
        query = query.where(AppealRow.channel == channel.value)
    if since is not None:
        query = query.where(AppealRow.sent_on >= since)
    if until is not None:
        query = query.where(AppealRow.sent_on <= until)
    return [to_record(*r) for r in session.execute(query)]


def appeal_row(session: Session, appeal_id: str) -> AppealRow | None:
    return session.scalars(select(AppealRow).where(AppealRow.uuid == appeal_id)).first()


def record_for(session: Session, row: AppealRow) -> AppealRecord:
    query = _records_query().where(AppealRow.id == row.id)
    return to_record(*session.execute(query).one())
