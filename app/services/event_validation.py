"""Check an event export file field by field before any of it touches the store."""

from __future__ import annotations

import json
import re
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from app import __version__
from app.domain import bounds
from app.domain.errors import N_, InvalidInput, Phrase
from app.domain.events import EventCase
from app.domain.model import AppealKind, AppealStatus, Channel, normalize_ua_number

FORMAT = "appeal-desk-event-records"
# 2: each record has its edit time ("edited_at"), and the file lists the event's deleted
# letters ("deleted": UUID and "deleted_at"); a file of version 1 has neither.
VERSION = 2
MAX_FILE_BYTES = 20_000_000
MAX_RECORDS = 200_000
MAX_CASES = 1_000
MAX_COUNT = bounds.MAX_COUNT
MAX_TEXT = bounds.MAX_TEXT
EARLIEST_MOMENT = date(1970, 1, 1)  # the edit time of rows stored before times were kept
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,2}$")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KINDS = frozenset(k.value for k in AppealKind)
_STATUSES = frozenset(s.value for s in AppealStatus)
_CHANNELS = frozenset(c.value for c in Channel)


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    uuid: str
    name: str
    held_on: date | None
    place: str
    cases: tuple[EventCase, ...]


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """A checked file: its records (with ``edited_at``, None in a version-1 file) and its
    deleted letters (UUID -> when; none in a version-1 file)."""

    event: IncomingEvent
    records: list[dict[str, object]]
    deletions: dict[str, datetime] = field(default_factory=dict)
    version: int = VERSION


class _Bad(Exception):
    """Internal: one problem found while checking (turned into InvalidInput)."""


class _UnknownValue(_Bad):
    """Internal: a field holds a value this version does not know (a newer one may)."""

    def __init__(self, problem: Phrase, field: str, value: str) -> None:
        super().__init__(problem)
        self.field = field
        self.value = value


def parse_export(data: bytes, source: str) -> ParsedExport:
    """Decode and check an export; InvalidInput names the file and the first problem."""
    try:
        _check_size(len(data))
        return _check_payload(_decode(data))
    except _Bad as exc:
        raise _unusable(source, exc) from None


def check_export(payload: object, size: int, source: str) -> ParsedExport:
    """The merge's checks on an export about to be written, made on the values in memory.

    ``payload`` holds only what JSON decodes to (dicts, lists, strings, ints, None) and
    ``size`` is the length of its encoding: what :func:`parse_export` would refuse in the
    written file is refused here (InvalidInput names the file and the first problem),
    without decoding the file that was just encoded.
    """
    try:
        _check_size(size)
        return _check_payload(payload)
    except _Bad as exc:
        raise InvalidInput(
            N_(
                "%(file)s was not written: a merge on another laptop would refuse it, because "
                "%(problem)s. Correct or delete that letter in the history, then export again."
            ),
            file=source,
            problem=exc.args[0],
        ) from None


def _unusable(source: str, exc: _Bad) -> InvalidInput:
    return InvalidInput(
        N_("%(file)s is not a usable event file: %(problem)s. Nothing was merged."),
        file=source,
        problem=exc.args[0],
    )


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise _Bad(Phrase(N_("it is larger than %(mb)d MB"), mb=MAX_FILE_BYTES // 1_000_000))


def _decode(data: bytes) -> object:
    try:
        text = data.decode("utf-8")
        return json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        if _cut_short(data, exc):
            raise _Bad(
                Phrase(
                    N_(
                        "it is incomplete: it ends before its last record (perhaps it was "
                        "copied before it was finished); copy it again from the other laptop"
                    )
                )
            ) from None
        raise _Bad(Phrase(N_("it is not JSON written by Appeal Desk"))) from None


_OUR_START = re.compile(rb'\A\s*\{\s*"format"\s*:\s*"' + FORMAT.encode() + rb'"')


def _cut_short(data: bytes, error: Exception) -> bool:
    """An export of ours that simply stops: it starts as ours do, and JSON (or UTF-8) ran
    out of text rather than meeting a wrong character."""
    if not _OUR_START.match(data):
        return False
    if isinstance(error, UnicodeDecodeError):
        return error.reason == "unexpected end of data"
    if isinstance(error, json.JSONDecodeError):
        return error.msg.startswith("Unterminated string") or error.pos >= len(error.doc.rstrip())
    return False


def _check_payload(payload: object) -> ParsedExport:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _Bad(Phrase(N_("it is not an Appeal Desk event export")))
    version = payload.get("version")
    if type(version) is not int or version < 1:
        raise _Bad(Phrase(N_("its version is missing")))
    if version > VERSION:
        raise _Bad(Phrase(N_("it was made by a newer Appeal Desk; update this copy first")))
    event = _event(payload.get("event"))
    raw_records = payload.get("records")
    if not isinstance(raw_records, list):
        raise _Bad(Phrase(N_("it has no list of records")))
    if len(raw_records) > MAX_RECORDS:
        raise _Bad(Phrase(N_("it has more than %(n)d records"), n=MAX_RECORDS))
    rules = _RecordRules(event.uuid, timed=version >= 2)
    deletions = _deletions(payload.get("deleted", []) if version >= 2 else [])
    records: dict[str, dict[str, object]] = {}
    try:
        for position, raw in enumerate(raw_records, start=1):
            record = rules.record(raw, position)
            key = str(record["uuid"])
            if key in records and records[key] != record:
                raise _Bad(
                    Phrase(N_("record %(uuid)s appears twice with different content"), uuid=key)
                )
            records[key] = record
    except _UnknownValue as exc:
        made_by = payload.get("app_version")
        if not _newer_than_this_copy(made_by):
            raise
        raise _Bad(
            Phrase(
                N_(
                    "it was made by Appeal Desk %(version)s, newer than this copy, and its "
                    "field '%(field)s' has a value this copy does not know ('%(value)s'); "
                    "update this copy first"
                ),
                version=str(made_by)[:20],
                field=exc.field,
                value=exc.value,
            )
        ) from None
    return ParsedExport(event, list(records.values()), deletions, version)


def _deletions(raw: object) -> dict[str, datetime]:
    """The file's deleted letters, UUID -> time (a UUID listed twice keeps its later time)."""
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise _Bad(Phrase(N_("its list of deleted letters is not valid")))
    found: dict[str, datetime] = {}
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise _Bad(Phrase(N_("deleted letter %(n)d is not an object"), n=position))
        key = _uuid(item.get("uuid"))
        moment = _moment(item.get("deleted_at"))
        if moment is None:
            raise _Bad(Phrase(N_("deleted letter %(n)d has a bad deletion time"), n=position))
        found[key] = max(moment, found.get(key, moment))
    return found


def _moment(value: object, latest: date | None = None) -> datetime | None:
    """A UTC time written as ISO 8601 (one without an offset is UTC); None when it is not
    one, or lies outside the plausible dates, up to ``latest`` (by default
    ``bounds.latest_date()``): a time far ahead would beat every edit."""
    moment = _utc_moment(value)
    if moment is None or not EARLIEST_MOMENT <= moment.date() <= (latest or bounds.latest_date()):
        return None
    return moment


def _utc_moment(value: object) -> datetime | None:
    """A time written as ISO 8601, in UTC (one without an offset is UTC); None when it is not
    one."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    zone = moment.tzinfo
    if zone is None:
        return moment.replace(tzinfo=UTC)
    return moment if zone is UTC else moment.astimezone(UTC)


def _newer_than_this_copy(version: object) -> bool:
    """Whether ``version`` (the file's "app_version", such as "0.16.0") is later than ours."""

    def numbers(text: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", text)[:3])

    if not isinstance(version, str) or not numbers(version[:20]):
        return False
    return numbers(version[:20]) > numbers(__version__)


def _reject_constant(name: str) -> float:
    raise ValueError(name)


def _event(raw: object) -> IncomingEvent:
    if not isinstance(raw, dict):
        raise _Bad(Phrase(N_("it does not say which event it belongs to")))
    name = _text(raw.get("name"), "event name", required=True)
    name = " ".join(name.split())
    if not name or len(name) > bounds.MAX_EVENT_NAME:
        raise _Bad(Phrase(N_("the event name is empty or too long")))
    raw_cases = raw.get("cases", [])
    if not isinstance(raw_cases, list) or len(raw_cases) > MAX_CASES:
        raise _Bad(Phrase(N_("the list of cases is not valid")))
    cases = []
    for item in raw_cases:
        if not isinstance(item, dict):
            raise _Bad(Phrase(N_("the list of cases is not valid")))
        goal = _int_or_none(item.get("goal"), "goal", 1, bounds.MAX_GOAL)
        cases.append(EventCase(_ua(item.get("ua_number")), "", goal))
    return IncomingEvent(
        uuid=_uuid(raw.get("uuid")),
        name=name,
        held_on=_date(raw.get("held_on"), "held_on"),
        place=_text(raw.get("place"), "place"),
        cases=tuple(cases),
    )


class _RecordRules:
    """The checks of one file's records. A file repeats a few values many times (its UA
    numbers, dates, officials, languages): each distinct value is checked once and its
    checked form reused; a value that fails is checked again where it occurs, so the problem
    names its own record."""

    def __init__(self, event_uuid: str, *, timed: bool) -> None:
        self.event_uuid = event_uuid
        self.timed = timed  # each record must have its edit time (version 2 and later)
        # The plausible edit times, from the first moment of EARLIEST_MOMENT to the last of
        # bounds.latest_date() (read once, not per record).
        self.earliest = datetime.combine(EARLIEST_MOMENT, time(), UTC)
        self.latest = datetime.combine(bounds.latest_date(), time.max, UTC)
        self.checked: dict[tuple[str, str], Any] = {}

    def _once(self, field: str, value: object, check: Callable[[object], object]) -> Any:
        if type(value) is not str:
            return check(value)
        key = (field, value)
        try:
            return self.checked[key]
        except KeyError:
            result = self.checked[key] = check(value)
            return result

    def _edit_time(self, value: object) -> datetime | None:
        """``_moment(value, bounds.latest_date())``, with the bounds read once."""
        moment = _utc_moment(value)
        return moment if moment is not None and self.earliest <= moment <= self.latest else None

    def record(self, raw: object, position: int) -> dict[str, object]:
        # The checks run in the order of the record's fields, so a record with several bad
        # fields is always refused for the same one; the usual values pass without a call.
        if not isinstance(raw, dict):
            raise _Bad(Phrase(N_("record %(n)d is not an object"), n=position))
        get = raw.get
        if get("event_uuid") != self.event_uuid:
            raise _Bad(Phrase(N_("record %(n)d belongs to another event"), n=position))
        sent_on, sent_text = self._once("sent_on", get("sent_on"), _sent_on)
        language = self._once("language", get("language"), _language)
        if not language:
            raise _Bad(Phrase(N_("record %(n)d has an unknown language code"), n=position))
        created = get("created_at")
        created_at = None
        if created is not None:
            try:
                created_at = datetime.fromisoformat(str(created)[:40])
            except ValueError:
                raise _Bad(Phrase(N_("record %(n)d has a bad creation time"), n=position)) from None
            if created_at.tzinfo is None:  # written by a store that keeps naive UTC
                created_at = created_at.replace(tzinfo=UTC)
        edited_at = None
        if self.timed:
            edited_at = self._edit_time(get("edited_at"))
            if edited_at is None:
                raise _Bad(Phrase(N_("record %(n)d has a bad edit time"), n=position))
        record_uuid = get("uuid")
        if type(record_uuid) is not str or not _CANONICAL_UUID.fullmatch(record_uuid):
            record_uuid = _uuid(record_uuid)
        ua_number = self._once("ua_number", get("ua_number"), _ua)
        kind = get("kind")
        if type(kind) is not str or kind not in _KINDS:
            kind = _choice(kind, _KINDS, "kind")
        status = get("status")
        if type(status) is not str or status not in _STATUSES:
            status = _choice(status, _STATUSES, "status")
        channel = get("channel")
        if channel is not None and (type(channel) is not str or channel not in _CHANNELS):
            channel = _choice(channel, _CHANNELS, "channel")
        count = get("count")
        if type(count) is not int or not 1 <= count <= MAX_COUNT:
            count = _int_or_none(count, "count", 1, MAX_COUNT, required=True)
        target_position = get("target_position")
        if target_position is not None and (
            type(target_position) is not int or not 1 <= target_position <= bounds.MAX_TARGET
        ):
            target_position = _int_or_none(target_position, "target_position", 1, bounds.MAX_TARGET)
        return {
            "uuid": record_uuid,
            "ua_number": ua_number,
            "event_uuid": self.event_uuid,
            "kind": kind,
            "status": status,
            "channel": channel,
            "count": count,
            "sent_on": sent_text,
            "sent_on_date": sent_on,
            "target_position": target_position,
            "target_label": self._once("target_label", get("target_label"), _target_label),
            "language": language,
            "created_at": created_at,
            "edited_at": edited_at,
        }


def _sent_on(value: object) -> tuple[date | None, str | None]:
    """The record's date of sending, and that date written as ISO 8601."""
    day = _date(value, "sent_on")
    return day, day.isoformat() if day else None


def _language(value: object) -> str:
    """The record's language code, "en" when it has none; "" when the code is not one."""
    language = _text(value, "language") or "en"
    return language if _LANGUAGE.match(language) else ""


def _target_label(value: object) -> str:
    return _text(value, "target_label")


def _uuid(value: object) -> str:
    if not isinstance(value, str) or len(value) > 36:
        raise _Bad(Phrase(N_("a record identifier is missing or not a UUID")))
    if _CANONICAL_UUID.fullmatch(value):  # already the form str(UUID(...)) gives
        return value
    try:
        return str(uuid_module.UUID(value))
    except ValueError:
        raise _Bad(Phrase(N_("'%(value)s' is not a UUID"), value=value[:40])) from None


def _ua(value: object) -> str:
    number = normalize_ua_number(value) if isinstance(value, str) and len(value) < 20 else None
    if number is None:
        raise _Bad(Phrase(N_("a UA number is missing or not like 12/26")))
    return number


def _text(value: object, field: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _Bad(Phrase(N_("the field '%(field)s' is not valid text"), field=field))
    if value.isprintable():  # nothing to drop
        return value.strip()
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()


def _int_or_none(
    value: object, field: str, low: int, high: int, *, required: bool = False
) -> int | None:
    if value is None and not required:
        return None
    if type(value) is not int or not low <= value <= high:
        raise _Bad(
            Phrase(
                N_("the field '%(field)s' must be a whole number from %(low)d to %(high)d"),
                field=field,
                low=low,
                high=high,
            )
        )
    return value


def _date(value: object, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if bounds.is_plausible_date(day):
                return day
            raise _Bad(
                Phrase(
                    N_("the field '%(field)s' holds %(day)s, not a plausible date"),
                    field=field,
                    day=value,
                )
            )
    raise _Bad(Phrase(N_("the field '%(field)s' is not a date like 2026-12-10"), field=field))


def _choice(value: object, allowed: frozenset[str], field: str) -> str:
    if isinstance(value, str) and str(value) in allowed:
        return str(value)
    raise _UnknownValue(
        Phrase(N_("the field '%(field)s' has an unknown value"), field=field),
        field,
        str(value)[:40],
    )
