"""Recording appeals: mark sent, change status, note a reply, list the history."""

from __future__ import annotations

from datetime import date

from app.domain.errors import InvalidInput
from app.domain.model import AppealKind, AppealRecord, AppealStatus, Channel, normalize_ua_number
from app.i18n import _, ngettext
from app.services.cases import case_not_found
from app.store import appeal_repository, case_repository
from app.store.database import Database


def record_appeal(
    db: Database,
    ua_number: str,
    *,
    target_index: int | None,
    channel: Channel | None,
    sent_on: date | None = None,
    text: str = "",
    language: str = "en",
    kind: AppealKind = AppealKind.APPEAL,
    status: AppealStatus = AppealStatus.SENT,
    count: int = 1,
    event_id: int | None = None,
) -> AppealRecord:
    """Record one appeal (or ``count`` handwritten ones) for a case, in one transaction."""
    if count < 1:
        raise InvalidInput(_("The number of letters must be at least 1."))
    if status is AppealStatus.SENT and channel is None:
        raise InvalidInput(_("Say how the appeal was sent (post, email, fax, social media...)."))
    key = normalize_ua_number(ua_number) or ua_number.strip()
    with db.unit_of_work() as session:
        case = case_repository.case_row(session, key)
        if case is None:
            raise case_not_found(ua_number)
        label = ""
        if target_index is not None:
            if not 1 <= target_index <= len(case.targets):
                raise InvalidInput(
                    ngettext(
                        "UA {ua_number} has {count} official to write to; "
                        "there is no number {number}.",
                        "UA {ua_number} has {count} officials to write to; "
                        "there is no number {number}.",
                        len(case.targets),
                    ).format(ua_number=case.ua_number, count=len(case.targets), number=target_index)
                )
            target = case.targets[target_index - 1]
            label = ", ".join(filter(None, (target.title, target.name_as_printed or target.name)))
        elif kind is AppealKind.SOLIDARITY:
            label = ", ".join(p.name for p in case.persons)
        if status is AppealStatus.SENT and sent_on is None:
            sent_on = date.today()
        row = appeal_repository.add_appeal(
            session,
            case_id=case.id,
            target_position=target_index,
            target_label=label,
            kind=kind,
            status=status,
            channel=channel,
            sent_on=sent_on,
            language=language,
            text=text,
            count=count,
            event_id=event_id,
        )
        return appeal_repository.record_for(session, row)


def list_appeals(
    db: Database,
    *,
    ua_number: str | None = None,
    status: AppealStatus | None = None,
    channel: Channel | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[AppealRecord]:
    with db.unit_of_work() as session:
        case_id = None
        if ua_number is not None:
            case = case_repository.case_row(session, normalize_ua_number(ua_number) or ua_number)
            if case is None:
                raise case_not_found(ua_number)
            case_id = case.id
        return appeal_repository.find_appeals(
            session, case_id=case_id, status=status, channel=channel, since=since, until=until
        )


def update_status(
    db: Database,
    appeal_id: str,
    status: AppealStatus,
    *,
    channel: Channel | None = None,
    sent_on: date | None = None,
) -> AppealRecord:
    """Move an appeal along draft -> printed -> sent (with its channel and date)."""
    with db.unit_of_work() as session:
        row = appeal_repository.appeal_row(session, appeal_id)
        if row is None:
            raise InvalidInput(_("That appeal is no longer in the store."))
        if status is AppealStatus.SENT:
            if channel is None and row.channel is None:
                raise InvalidInput(_("Say how the appeal was sent."))
            row.sent_on = sent_on or row.sent_on or date.today()
        if channel is not None:
            row.channel = channel.value
        row.status = status.value
        return appeal_repository.record_for(session, row)


def record_reply(db: Database, appeal_id: str, reply_on: date, note: str) -> AppealRecord:
    """Note that the official replied (replies matter to the section)."""
    with db.unit_of_work() as session:
        row = appeal_repository.appeal_row(session, appeal_id)
        if row is None:
            raise InvalidInput(_("That appeal is no longer in the store."))
        row.reply_on = reply_on
        row.reply_note = note.strip() or None
        return appeal_repository.record_for(session, row)


def parse_channel(value: str) -> Channel:
    """``post``, ``e-mail``, ``social media``... -> Channel; InvalidInput names the choices."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {
        "mail": "post",
        "letter": "post",
        "e_mail": "email",
        "social": "social_media",
        "hand": "hand_delivered",
    }
    try:
        return Channel(aliases.get(key, key))
    except ValueError:
        choices = ", ".join(c.value for c in Channel)
        raise InvalidInput(
            _("Unknown channel '{value}'. Choose one of: {choices}.").format(
                value=value, choices=choices
            )
        ) from None
