"""One case with everything the detail pane and the letter writer need, read in plain SQL.

The same statements run through the store's open connection (SQLite or PostgreSQL) and
straight on the SQLite file with the standard ``sqlite3`` module, before SQLAlchemy is
loaded (``Database.read``): the window shows the selected case as soon as the list is in.
A read takes a function that runs one statement with named parameters (``:name``, which
both drivers accept) and returns its rows (``app.store.case_list.Execute``).

SQLite hands dates and times back as the text SQLAlchemy stored (``2026-12-06``,
``2026-12-06 10:15:00.000000``, naive UTC as the ORM reads it), PostgreSQL as values.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from app.domain.model import (
    AppealKind,
    AppealRecord,
    AppealStatus,
    CaseDetail,
    CaseStatus,
    Channel,
    FieldDifference,
    OutputKind,
    OutputRecord,
    Person,
    Target,
)
from app.store.case_list import Execute

_CASE = (
    "SELECT id, ua_number, ai_index, title, country, status, issued_on, deadline, summary, "
    "model_letter, recommended_actions, document_language, previous_ua_link, "
    "preferred_languages, is_sample, additional_info FROM cases "
    "WHERE ua_number = :ua AND removed_at IS NULL"
)
_PERSONS = "SELECT name, pronouns FROM persons WHERE case_id = :case ORDER BY position, id"
_TARGETS = (
    "SELECT title, name, salutation, address, email, name_as_printed, fax, phone, social, "
    "gender FROM targets WHERE case_id = :case ORDER BY position, id"
)
_OUTPUTS = (
    "SELECT id, kind, ai_index, issued_on, deadline, title, source_name, imported_at, "
    "parsed_json FROM outputs WHERE case_id = :case"
)
_APPEALS = (
    "SELECT a.uuid, a.target_label, a.target_position, a.kind, a.status, a.channel, "
    "a.sent_on, a.language, a.text, a.count, e.name, a.reply_on, a.reply_note, "
    "a.reply_attachment, a.created_at FROM appeals a "
    "LEFT OUTER JOIN events e ON a.event_id = e.id "
    "WHERE a.case_id = :case ORDER BY a.created_at, a.id"
)
_CORRECTIONS = "SELECT field, user_value FROM case_corrections WHERE case_id = :case"
_DIFFERENCES = "SELECT field, document_value FROM case_differences WHERE case_id = :case"


def read_detail(execute: Execute, ua_number: str) -> CaseDetail | None:
    """The case with this (normalised) UA number; None when there is none or it was removed."""
    found = list(execute(_CASE, {"ua": ua_number}))
    if not found:
        return None
    (
        case_id,
        ua,
        ai_index,
        title,
        country,
        status,
        issued_on,
        deadline,
        summary,
        model_letter,
        recommended_actions,
        document_language,
        previous_ua_link,
        preferred_languages,
        is_sample,
        additional_info,
    ) = found[0]
    key = {"case": case_id}
    outputs = sorted(execute(_OUTPUTS, key), key=_rank)
    corrections = {field: value for field, value in execute(_CORRECTIONS, key)}
    differences = sorted((str(field), value) for field, value in execute(_DIFFERENCES, key))
    return CaseDetail(
        case_id=case_id,
        ua_number=ua,
        ai_index=ai_index,
        title=title,
        country=country,
        status=CaseStatus(status),
        issued_on=_date(issued_on),
        deadline=_date(deadline),
        summary=summary,
        model_letter=model_letter,
        recommended_actions=tuple(a for a in (recommended_actions or "").split("\n") if a),
        document_language=document_language,
        previous_ua_link=previous_ua_link,
        persons=tuple(Person(name, pronouns) for name, pronouns in execute(_PERSONS, key)),
        targets=tuple(_target(row) for row in execute(_TARGETS, key)),
        preferred_languages=tuple(x for x in (preferred_languages or "").split("\n") if x),
        outputs=tuple(
            OutputRecord(
                output_id=row[0],
                kind=OutputKind(row[1]),
                ai_index=row[2],
                issued_on=_date(row[3]),
                deadline=_date(row[4]),
                title=row[5],
                source_name=row[6],
                imported_at=_datetime(row[7]),
            )
            for row in outputs
        ),
        appeals=tuple(_appeal(row, ua) for row in execute(_APPEALS, key)),
        is_sample=bool(is_sample),
        corrected_fields=frozenset(corrections),
        differences=tuple(
            FieldDifference(
                field=field,
                user_value=json.loads(corrections[field]) if field in corrections else None,
                document_value=json.loads(document_value),
            )
            for field, document_value in differences
        ),
        copies_to=_copies_to(outputs),
        additional_info=additional_info,
    )


def _target(row: Any) -> Target:
    title, name, salutation, address, email, name_as_printed, fax, phone, social, gender = row
    return Target(
        title=title,
        name=name,
        salutation=salutation,
        address=address,
        email=email,
        name_as_printed=name_as_printed,
        fax=fax,
        phone=phone,
        social=tuple(s for s in (social or "").split("\n") if s),
        gender=gender,
    )


def _appeal(row: Any, ua_number: str) -> AppealRecord:
    (
        uuid,
        target_label,
        target_position,
        kind,
        status,
        channel,
        sent_on,
        language,
        text,
        count,
        event_name,
        reply_on,
        reply_note,
        reply_attachment,
        created_at,
    ) = row
    return AppealRecord(
        appeal_id=uuid,
        ua_number=ua_number,
        target_label=target_label,
        target_index=target_position,
        kind=AppealKind(kind),
        status=AppealStatus(status),
        channel=Channel(channel) if channel else None,
        sent_on=_date(sent_on),
        language=language,
        text=text,
        count=count,
        event_name=event_name,
        reply_on=_date(reply_on),
        reply_note=reply_note,
        reply_attachment=reply_attachment,
        created_at=None if created_at is None else _datetime(created_at),
    )


def _rank(row: Any) -> tuple[date, int]:
    """Oldest first by issue date; an undated document counts as issued when imported."""
    issued = _date(row[3]) or _datetime(row[7]).date()
    return issued, row[0] or 0


def _copies_to(outputs: list[Any]) -> tuple[str, ...]:
    """The copies-to list of the newest document that has one (older imports kept none)."""
    for row in reversed(outputs):
        copies = json.loads(row[8] or "{}").get("copies_to") or []
        if copies:
            return tuple(str(copy) for copy in copies)
    return ()


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # a date from PostgreSQL (never a datetime: these columns are dates)
    return date.fromisoformat(str(value))


def _datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
