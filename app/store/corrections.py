"""Case fields the user corrected: they stay when a later document arrives, and a document
that says otherwise is kept as a difference for the user to accept or keep."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.model import CaseStatus, official_words
from app.domain.text_folding import fold
from app.store.schema import CaseCorrectionRow, CaseDifferenceRow, CaseRow, PersonRow, TargetRow

# The case fields a user can correct, in the order the edit dialog shows them.
FIELDS = (
    "title",
    "country",
    "deadline",
    "status",
    "language",
    "preferred_languages",
    "persons",
    "targets",
)
TARGET_KEYS = (
    "title",
    "name",
    "name_as_printed",
    "gender",
    "salutation",
    "address",
    "email",
    "fax",
    "phone",
    "social",
)


def current_value(case: CaseRow, field: str) -> Any:
    """The field as the case row holds it now, as a JSON value."""
    if field == "title":
        return case.title
    if field == "country":
        return case.country
    if field == "deadline":
        return case.deadline.isoformat() if case.deadline else None
    if field == "status":
        return case.status
    if field == "language":
        return case.document_language
    if field == "preferred_languages":
        return [x for x in case.preferred_languages.split("\n") if x]
    if field == "persons":
        return [{"name": p.name, "pronouns": p.pronouns} for p in case.persons]
    if field == "targets":
        return [_target_value(t) for t in case.targets]
    raise KeyError(field)


def _target_value(row: TargetRow) -> dict[str, Any]:
    value: dict[str, Any] = {key: getattr(row, key) for key in TARGET_KEYS}
    value["social"] = [s for s in row.social.split("\n") if s]
    return value


def set_value(case: CaseRow, field: str, value: Any) -> None:
    """Write a JSON value into the case row (persons and officials become new rows)."""
    if field == "title":
        case.title = str(value)
    elif field == "country":
        case.country = str(value)
    elif field == "deadline":
        case.deadline = date.fromisoformat(value) if value else None
    elif field == "status":
        case.status = CaseStatus(value).value
    elif field == "language":
        case.document_language = str(value)
    elif field == "preferred_languages":
        case.preferred_languages = "\n".join(str(x) for x in value)
    elif field == "persons":
        case.persons = [
            PersonRow(position=i, name=p["name"], pronouns=p.get("pronouns") or None)
            for i, p in enumerate(value, start=1)
        ]
    elif field == "targets":
        case.targets = [target_row(i, t) for i, t in enumerate(value, start=1)]
    else:
        raise KeyError(field)


def target_row(position: int, data: dict[str, Any]) -> TargetRow:
    """An official's row from the dict a document or a user's edit gives (blank means none)."""

    def text(key: str) -> str | None:
        found = data.get(key)
        return str(found).strip() or None if found else None

    social = data.get("social") or []
    return TargetRow(
        position=position,
        title=text("title"),
        name=text("name"),
        name_as_printed=text("name_as_printed"),
        salutation=text("salutation"),
        address=text("address"),
        email=text("email"),
        fax=text("fax"),
        phone=text("phone"),
        social="\n".join(str(s) for s in social) if isinstance(social, list) else "",
        gender=text("gender"),
    )


def corrections_of(session: Session, case_id: int) -> dict[str, CaseCorrectionRow]:
    rows = session.scalars(select(CaseCorrectionRow).where(CaseCorrectionRow.case_id == case_id))
    return {row.field: row for row in rows}


def differences_of(session: Session, case_id: int) -> dict[str, CaseDifferenceRow]:
    rows = session.scalars(select(CaseDifferenceRow).where(CaseDifferenceRow.case_id == case_id))
    return {row.field: row for row in rows}


def correct(session: Session, case: CaseRow, field: str, value: Any) -> None:
    """The user sets ``field``; setting it back to what the documents say drops the correction."""
    existing = corrections_of(session, case.id).get(field)
    document_value = json.loads(existing.document_value) if existing else current_value(case, field)
    if value == document_value:
        if existing is not None:
            session.delete(existing)
        session.execute(
            delete(CaseDifferenceRow).where(
                CaseDifferenceRow.case_id == case.id, CaseDifferenceRow.field == field
            )
        )
    elif existing is None:
        session.add(
            CaseCorrectionRow(
                case_id=case.id,
                field=field,
                user_value=_dump(value),
                document_value=_dump(document_value),
                corrected_at=datetime.now(UTC),
            )
        )
    elif existing.user_value != _dump(value):  # the same value again changes nothing
        existing.user_value = _dump(value)
        existing.corrected_at = datetime.now(UTC)
    set_value(case, field, value)
    refresh_search_text(case)


def apply_corrections(session: Session, case: CaseRow, *, notice: bool) -> None:
    """After the case was derived from its documents: put the user's values back; with
    ``notice``, a document value that changed since the user decided becomes a difference."""
    if case.id is None:
        return
    corrections = corrections_of(session, case.id)
    if not corrections:
        return
    differences = differences_of(session, case.id)
    for field, correction in corrections.items():
        derived = current_value(case, field)
        user_value = json.loads(correction.user_value)
        if notice and derived not in (json.loads(correction.document_value), user_value):
            difference = differences.get(field)
            if difference is None:
                session.add(
                    CaseDifferenceRow(
                        case_id=case.id,
                        field=field,
                        document_value=_dump(derived),
                        noticed_at=datetime.now(UTC),
                    )
                )
            else:
                difference.document_value = _dump(derived)
        set_value(case, field, user_value)
    refresh_search_text(case)


def accept_difference(session: Session, case: CaseRow, field: str) -> None:
    """Take the later document's value: the correction goes, the documents decide again."""
    difference = differences_of(session, case.id).get(field)
    if difference is None:
        return
    correction = corrections_of(session, case.id).get(field)
    if correction is not None:
        session.delete(correction)
    set_value(case, field, json.loads(difference.document_value))
    session.delete(difference)
    refresh_search_text(case)


def keep_correction(session: Session, case: CaseRow, field: str) -> None:
    """Keep the user's value; the document's value counts as seen (no new difference)."""
    difference = differences_of(session, case.id).get(field)
    if difference is None:
        return
    correction = corrections_of(session, case.id).get(field)
    if correction is not None:
        correction.document_value = difference.document_value
    session.delete(difference)


def refresh_search_text(case: CaseRow) -> None:
    """The folded search text, as the importer makes it, from the fields now on the row."""
    officials = [official_words(t.title, t.name) for t in case.targets]
    names = [p.name for p in case.persons]
    case.search_text = fold(
        " ".join([case.ua_number, case.title, case.country, *names, *officials])
    )


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
