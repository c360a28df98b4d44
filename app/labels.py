"""Short translated words for domain values, shared by the window and the command line.

No Qt here: app/ui/formatting.py adds what needs Qt (its locale's short dates).
"""

from __future__ import annotations

from datetime import date

from app.domain.model import AppealKind, CaseStatus, Channel, ImportOutcome
from app.i18n import _, ngettext, pgettext

LONG_OVERDUE_DAYS = 60  # beyond this a day count ("11460 days overdue") says nothing useful


def days_left_text(deadline: date | None, status: CaseStatus, today: date) -> str:
    """Plain words for the deadline, so overdue never depends on colour alone."""
    if status == CaseStatus.CLOSED:
        return pgettext("case status", "Closed")
    if deadline is None:
        return _("No deadline")
    days = (deadline - today).days
    if days == 0:
        return _("Due today")
    if days > 0:
        return ngettext("%(count)d day left", "%(count)d days left", days) % {"count": days}
    overdue = -days
    if overdue > LONG_OVERDUE_DAYS:
        return _("Deadline passed")
    return ngettext("%(count)d day overdue", "%(count)d days overdue", overdue) % {"count": overdue}


def channel_label(channel: Channel | None) -> str:
    labels = {
        Channel.POST: pgettext("channel", "Post"),
        Channel.EMAIL: pgettext("channel", "Email"),
        Channel.FAX: pgettext("channel", "Fax"),
        Channel.SOCIAL_MEDIA: pgettext("channel", "Social media"),
        Channel.HAND_DELIVERED: pgettext("channel", "Hand-delivered"),
        Channel.OTHER: pgettext("channel", "Other"),
    }
    return (
        labels.get(channel, pgettext("channel", "Not sent"))
        if channel
        else pgettext("channel", "Not sent")
    )


def appeal_kind_label(kind: AppealKind) -> str:
    return {
        AppealKind.APPEAL: pgettext("appeal kind", "Appeal"),
        AppealKind.SOLIDARITY: pgettext("appeal kind", "Solidarity message"),
    }[kind]


def outcome_label(outcome: ImportOutcome) -> str:
    return {
        ImportOutcome.IMPORTED: pgettext("import outcome", "imported"),
        ImportOutcome.UPDATED: pgettext("import outcome", "updated"),
        ImportOutcome.UNCHANGED: pgettext("import outcome", "unchanged"),
        ImportOutcome.REJECTED: pgettext("import outcome", "rejected"),
        ImportOutcome.NEEDS_CONFIRMATION: pgettext("import outcome", "waiting for confirmation"),
    }[outcome]


def sample_label() -> str:
    """The badge every fictional sample case carries."""
    return _("Fictional sample")
