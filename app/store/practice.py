"""The fictional sample cases: which they are, so reports and bulk outputs leave them out."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.schema import CaseRow


def sample_numbers(session: Session) -> frozenset[str]:
    """UA numbers of every sample case (removed ones included: their letters never count)."""
    query = select(CaseRow.ua_number).where(CaseRow.is_sample.is_(True))
    return frozenset(session.scalars(query))
