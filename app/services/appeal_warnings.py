"""Warnings before an appeal goes out (never blocks): closed case, past deadline, second letter.

One place for these checks, so the mark-sent dialog, the history view and the CLI say the
same thing in the same words. A warning is a typed value (its kind and the day it names);
the window and the command line word it when they show it, in the interface language.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.domain.model import AppealStatus, CaseDetail, CaseStatus
from app.domain.notices import AppealWarning, AppealWarningKind

if TYPE_CHECKING:  # the mark-sent dialog imports this module: keep SQLAlchemy out of start-up
    from app.store.database import Database


def case_warnings(
    case: CaseDetail,
    target_index: int | None,
    sent_on: date,
    *,
    ignore_appeal_id: str | None = None,
) -> list[AppealWarning]:
    """What the writer should know before sending to ``target_index`` (1-based) on ``sent_on``.

    ``ignore_appeal_id`` leaves out the appeal being changed (marking a printed letter sent
    must not warn that the same letter was already sent).
    """
    found: list[AppealWarning] = []
    if case.status == CaseStatus.CLOSED:
        found.append(AppealWarning(AppealWarningKind.CASE_CLOSED))
    elif case.deadline is not None and sent_on > case.deadline:
        found.append(AppealWarning(AppealWarningKind.DEADLINE_PASSED, case.deadline))
    if target_index is None or _is_event_tally(case, ignore_appeal_id):
        return found
    # A count recorded for an event is the participants' letters, not the writer's own
    earlier = [
        appeal
        for appeal in case.appeals
        if appeal.target_index == target_index
        and appeal.status == AppealStatus.SENT
        and appeal.event_name is None
        and appeal.appeal_id != ignore_appeal_id
    ]
    if earlier:
        last = max(appeal.sent_on or sent_on for appeal in earlier)
        found.append(AppealWarning(AppealWarningKind.ALREADY_SENT, last))
    return found


def _is_event_tally(case: CaseDetail, appeal_id: str | None) -> bool:
    """``appeal_id`` is a count recorded for an event: no personal duplicate to warn about."""
    return any(a.appeal_id == appeal_id and a.event_name is not None for a in case.appeals)


def appeal_warnings(
    db: Database,
    ua_number: str,
    target_index: int | None,
    today: date,
    *,
    ignore_appeal_id: str | None = None,
) -> list[AppealWarning]:
    """The warnings for sending to official ``target_index`` of UA ``ua_number`` on ``today``."""
    from app.services.cases import get_case

    case = get_case(db, ua_number)
    return case_warnings(case, target_index, today, ignore_appeal_id=ignore_appeal_id)
