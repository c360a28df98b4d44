"""Turn domain values into the short translated texts the interface shows (UI locale)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from app.domain.model import AppealKind, CaseStatus, Channel, ImportOutcome, OutputKind
from app.i18n import _, ngettext, pgettext


def format_date(value: date | None, long: bool = False) -> str:
    """A date in the interface locale ("12 Mar 2026"); an em dash when there is none."""
    if value is None:
        return "\u2014"
    if long:
        from app.dates import long_date

        return long_date(value)
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


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


def output_kind_label(kind: OutputKind) -> str:
    return {
        OutputKind.INITIAL: pgettext("document kind", "Initial UA"),
        OutputKind.UPDATE: pgettext("document kind", "Update"),
        OutputKind.FINAL: pgettext("document kind", "Final output"),
    }[kind]


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
        ImportOutcome.SKIPPED: pgettext("import outcome", "skipped (import cancelled)"),
    }[outcome]


def sample_label() -> str:
    """The badge every fictional sample case carries."""
    return _("Fictional sample")


def language_name(locale_id: str) -> str:
    """A language's own name in the interface language ("Spanish (Peru)"), or the id itself."""
    from babel import Locale, UnknownLocaleError

    from app.i18n import current_language

    try:
        return Locale.parse(locale_id).get_display_name(current_language()) or locale_id
    except (ValueError, TypeError, UnknownLocaleError):
        return locale_id


def own_language_name(locale_id: str) -> str:
    """A language in its own name ("Español", "العربية"), as an interface-language picker shows
    it: a writer who cannot read the current language still finds theirs."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(locale_id).get_display_name(locale_id) or locale_id
    except (ValueError, TypeError, UnknownLocaleError):
        return locale_id
    return name[:1].upper() + name[1:]
