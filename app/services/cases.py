"""Reading cases: the open list, one case's details."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.domain.errors import CaseNotFound
from app.domain.model import CaseDetail, CaseListPreview, CaseSummary, normalize_ua_number
from app.paths import AppPaths

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a function needs it
    from app.store.database import Database


def _list_order(case: CaseSummary) -> tuple[object, ...]:
    return (case.deadline is None, case.deadline, case.ua_number)


def list_cases(
    db: Database, *, include_closed: bool = False, search: str = ""
) -> list[CaseSummary]:
    """Cases sorted by deadline (undated last), open ones only unless asked; with ``search``,
    those holding every word of it ("sao" finds "São Paulo")."""
    from app.domain.text_folding import fold
    from app.store.case_list import read_cases

    words = tuple(fold(search).split())
    rows = db.read(lambda execute: read_cases(execute, open_only=not include_closed, words=words))
    return sorted(rows, key=_list_order)


def peek_cases(paths: AppPaths, database_url: str | None = None) -> list[CaseSummary] | None:
    """Every case as ``list_cases(include_closed=True)`` gives it, read before the store is
    opened (start-up: no SQLAlchemy import, about 200 ms sooner); None when that is not
    possible (another database, a store that needs migrating or is damaged, no store yet)."""
    if database_url is not None:
        return None
    from app.store.case_list import read_cases, read_file

    rows = read_file(paths.database, read_cases)
    return None if rows is None else sorted(rows, key=_list_order)


def peek_preview(
    paths: AppPaths, size: int, database_url: str | None = None
) -> CaseListPreview | None:
    """The first ``size`` (or a few more) open cases in list order and the case counts, read
    in milliseconds before the store is opened; None when ``peek_cases`` would be None."""
    if database_url is not None:
        return None
    from app.store.case_list import read_file, read_preview

    preview = read_file(paths.database, lambda execute: read_preview(execute, size))
    if preview is None:
        return None
    return replace(preview, cases=tuple(sorted(preview.cases, key=_list_order)))


def get_case(db: Database, ua_number: str) -> CaseDetail:
    """One case by UA number in any written form (``UA 61/96``, ``58.23``...)."""
    from app.store.case_detail import read_detail

    key = normalize_ua_number(ua_number) or ua_number.strip()
    case = db.read(lambda execute: read_detail(execute, key))
    if case is None:
        raise case_not_found(ua_number)
    return case


def get_summary(db: Database, case_id: int) -> CaseSummary | None:
    """The list row of one case (to refresh a single row after a change)."""
    from app.store.case_list import read_cases

    found = db.read(lambda execute: read_cases(execute, case_ids=[case_id]))
    return found[0] if found else None


def case_not_found(ua_number: str) -> CaseNotFound:
    """The error for an unknown UA number (translated where it is shown)."""
    return CaseNotFound(ua_number)
