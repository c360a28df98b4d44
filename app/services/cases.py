"""Reading cases: the open list, one case's details."""

from __future__ import annotations

from app.domain.errors import CaseNotFound
from app.domain.model import CaseDetail, CaseSummary, normalize_ua_number
from app.store import case_repository
from app.store.database import Database


def list_cases(db: Database, *, include_closed: bool = False) -> list[CaseSummary]:
    """Cases sorted by deadline (undated last), open ones only unless asked."""
    with db.unit_of_work() as session:
        rows = case_repository.list_summaries(session, include_closed=include_closed)
    return sorted(rows, key=lambda c: (c.deadline is None, c.deadline, c.ua_number))


def get_case(db: Database, ua_number: str) -> CaseDetail:
    """One case by UA number in any written form (``UA 61/96``, ``58.23``...)."""
    key = normalize_ua_number(ua_number) or ua_number.strip()
    with db.unit_of_work() as session:
        row = case_repository.case_row(session, key)
        if row is None:
            raise CaseNotFound(ua_number)
        return case_repository.detail(session, row)


def get_summary(db: Database, case_id: int) -> CaseSummary | None:
    """The list row of one case (to refresh a single row after a change)."""
    with db.unit_of_work() as session:
        return case_repository.summary_for(session, case_id)
