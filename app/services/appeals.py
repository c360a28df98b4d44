"""Recording appeals: mark sent, change status, note a reply, list the history."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypedDict

from app.atomic_files import atomic_replace
from app.domain.errors import N_, InvalidInput, TargetOutOfRange, os_problem
from app.domain.model import (
    FIRST_OFFICIAL,
    AppealKind,
    AppealRecord,
    AppealStatus,
    Channel,
    normalize_ua_number,
    official_label,
)
from app.services.cases import case_not_found
from app.services.limits import check_count, check_date, check_sent_date, check_sent_for_stored_case
from app.store import appeal_repository, case_repository
from app.store.database import Database
from app.store.schema import CaseRow

MAX_SCAN_BYTES = 20 * 1024 * 1024
SCAN_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def default_target(kind: AppealKind = AppealKind.APPEAL) -> int | None:
    """The official an appeal goes to when the user names none: the case's first one. A
    solidarity message goes to the persons at risk, so to no official."""
    return None if kind is AppealKind.SOLIDARITY else FIRST_OFFICIAL


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
    check_count(count)
    check_sent_date(sent_on)
    if status is AppealStatus.SENT and channel is None:
        raise InvalidInput(N_("Say how the appeal was sent (post, email, fax, social media…)."))
    key = normalize_ua_number(ua_number) or ua_number.strip()
    with db.unit_of_work() as session:
        case = case_repository.case_row(session, key)
        if case is None:
            raise case_not_found(ua_number)
        check_sent_for_stored_case(session, case, sent_on)
        label = ""
        if target_index is not None:
            if not 1 <= target_index <= len(case.targets):
                raise TargetOutOfRange(case.ua_number, target_index, len(case.targets))
            target = case.targets[target_index - 1]
            label = official_label(target.title, target.name_as_printed, target.name)
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


class AppealFilters(TypedDict):
    """The narrowing arguments of :func:`list_appeals`, as one value (the history's filter
    bar builds it): None lets every appeal through."""

    ua_number: str | None
    status: AppealStatus | None
    channel: Channel | None
    since: date | None
    until: date | None


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


@dataclass(frozen=True, slots=True)
class NextSteps:
    """What may be recorded next for an appeal: it moves draft -> printed -> sent, and only
    a sent letter can get a reply."""

    mark_printed: bool
    mark_sent: bool
    record_reply: bool


def next_steps(record: AppealRecord) -> NextSteps:
    return NextSteps(
        mark_printed=record.status is AppealStatus.DRAFT,
        mark_sent=record.status is not AppealStatus.SENT,
        record_reply=record.status is AppealStatus.SENT,
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
    check_sent_date(sent_on)
    with db.unit_of_work() as session:
        row = appeal_repository.appeal_row(session, appeal_id)
        if row is None:
            raise InvalidInput(N_("That appeal is no longer in the database."))
        if status is AppealStatus.SENT:
            if channel is None and row.channel is None:
                raise InvalidInput(N_("Say how the appeal was sent."))
            case = session.get(CaseRow, row.case_id)
            if case is not None:
                check_sent_for_stored_case(session, case, sent_on)
            row.sent_on = sent_on or row.sent_on or date.today()
        if channel is not None:
            row.channel = channel.value
        row.status = status.value
        return appeal_repository.record_for(session, row)


def record_reply(
    db: Database,
    appeal_id: str,
    reply_on: date,
    note: str,
    attachment: Path | None = None,
    attachments_dir: Path | None = None,
) -> AppealRecord:
    """Note that the official replied (replies matter to the section), with an optional scan.

    The scan is copied into ``attachments_dir`` first, then the store is updated; if the
    transaction fails the copy is removed again, so the user's action is all or nothing.
    """
    check_date(reply_on)
    copied: Path | None = None
    if attachment is not None:
        if attachments_dir is None:
            raise InvalidInput(N_("There is no folder to keep the scanned reply in."))
        copied = copy_reply_scan(attachment, attachments_dir, appeal_id)
    try:
        with db.unit_of_work() as session:
            row = appeal_repository.appeal_row(session, appeal_id)
            if row is None:
                raise InvalidInput(N_("That appeal is no longer in the database."))
            row.reply_on = reply_on
            row.reply_note = note.strip() or None
            previous = row.reply_attachment
            if copied is not None:
                row.reply_attachment = copied.name
            record = appeal_repository.record_for(session, row)
    except BaseException:
        if copied is not None:
            copied.unlink(missing_ok=True)
        raise
    if (
        copied is not None
        and attachments_dir is not None
        and previous is not None
        and previous != copied.name
    ):
        with contextlib.suppress(InvalidInput, OSError):  # an older scan of another type
            attachment_path(attachments_dir, previous).unlink(missing_ok=True)
    return record


def copy_reply_scan(source: Path, attachments_dir: Path, appeal_id: str) -> Path:
    """Copy a scanned reply to ``<appeal uuid>-reply<suffix>`` inside ``attachments_dir``."""
    try:
        is_file = source.is_file()
        size = source.stat().st_size if is_file else 0
    except OSError:
        is_file, size = False, 0
    if not is_file:
        raise InvalidInput(
            N_("The scan {name} is not a file that can be attached."), name=source.name
        )
    if size > MAX_SCAN_BYTES:
        raise InvalidInput(
            N_("The scan {name} is larger than {limit} MB; attach a smaller file."),
            name=source.name,
            limit=MAX_SCAN_BYTES // (1024 * 1024),
        )
    suffix = source.suffix.lower() if source.suffix.lower() in SCAN_SUFFIXES else ""
    target = attachment_path(attachments_dir, f"{appeal_id}-reply{suffix}")
    attachments_dir.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_replace(target) as temp:
            shutil.copyfile(source, temp)
    except OSError as error:
        raise InvalidInput(
            N_("The scan {name} could not be copied: {reason}"),
            name=source.name,
            reason=os_problem(error),
        ) from error
    return target


def attachment_path(attachments_dir: Path, name: str) -> Path:
    """The stored file ``name`` inside ``attachments_dir``; refuses names that lead elsewhere."""
    folder = attachments_dir.resolve()
    target = (folder / name).resolve()
    if Path(name).name != name or target.parent != folder:
        raise InvalidInput(N_("The attachment name {name} is not allowed."), name=name)
    return target


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
            N_("Unknown channel '{value}'. Choose one of: {choices}."), value=value, choices=choices
        ) from None
