"""Reading cases: the open list, one case's details."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.domain.errors import CaseNotFound
from app.domain.model import CaseListPreview, CaseStatus, CaseSummary, normalize_ua_number
from app.paths import AppPaths

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a function needs it
    from app.domain.model import CaseDetail
    from app.store.database import Database


def ua_year_number(ua_number: str) -> int:
    """``"119/21"`` as one int that orders by year, then number (two-digit years pivot at 70);
    0 for a number in another form."""
    number, _sep, year = ua_number.partition("/")
    try:
        yy = int(year)
        full_year = yy if yy >= 100 else (1900 + yy if yy >= 70 else 2000 + yy)
        return full_year * 100_000 + int(number)
    except ValueError:
        return 0


def list_order(today: date) -> Callable[[CaseSummary], tuple[int, int, int]]:
    """The sort key of the case list as a volunteer opens it, the same in the window and the
    CLI: first the open cases one can still write for, soonest deadline first; then those
    whose deadline has passed, the most recent first (a letter may still help, after checking
    with the section); then open cases without a deadline; closed cases last. Ties by UA
    number (year, then number)."""
    day = today.toordinal()

    def key(case: CaseSummary) -> tuple[int, int, int]:
        ua = ua_year_number(case.ua_number)
        deadline = case.deadline
        if case.status != CaseStatus.OPEN:
            return 3, -(deadline.toordinal() if deadline else 0), ua
        if deadline is None:
            return 2, 0, ua
        ordinal = deadline.toordinal()
        return (0, ordinal, ua) if ordinal >= day else (1, -ordinal, ua)

    return key


def list_cases(
    db: Database,
    *,
    include_closed: bool = False,
    search: str = "",
    today: date | None = None,
) -> list[CaseSummary]:
    """Cases in list order (``list_order``), open ones only unless asked; with ``search``,
    those holding every word of it ("sao" finds "São Paulo")."""
    from app.domain.text_folding import fold
    from app.store.case_list import read_cases

    words = tuple(fold(search).split())
    sqlite = db.dialect == "sqlite"
    rows = db.read(
        lambda execute: read_cases(
            execute, open_only=not include_closed, words=words, sqlite=sqlite
        )
    )
    return sorted(rows, key=list_order(today or date.today()))


def peek_cases(
    paths: AppPaths,
    database_url: str | None = None,
    today: date | None = None,
) -> list[CaseSummary] | None:
    """Every case as ``list_cases(include_closed=True)`` gives it, read before the store is
    opened (start-up: no SQLAlchemy import, about 200 ms sooner); None when that is not
    possible (another database, a store that needs migrating or is damaged, no store yet)."""
    if database_url is not None:
        return None
    from app.store.case_list import read_cases, read_file

    rows = read_file(paths.database, lambda execute: read_cases(execute, sqlite=True))
    return None if rows is None else sorted(rows, key=list_order(today or date.today()))


def peek_preview(
    paths: AppPaths,
    size: int,
    database_url: str | None = None,
    today: date | None = None,
    whole_list_at_most: int = 0,
) -> CaseListPreview | None:
    """The first ``size`` (or a few more) open cases in list order and the case counts, read
    in milliseconds before the store is opened; None when ``peek_cases`` would be None. A
    store of at most ``whole_list_at_most`` cases gives the whole list as ``peek_cases`` does
    (``complete``): read at once, it costs little more than a preview."""
    if database_url is not None:
        return None
    from app.store.case_list import read_file, read_preview

    day = today or date.today()
    preview = read_file(
        paths.database, lambda execute: read_preview(execute, size, day, whole_list_at_most)
    )
    if preview is None:
        return None
    return preview._replace(cases=tuple(sorted(preview.cases, key=list_order(day))))


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
