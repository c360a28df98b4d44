"""Event records between laptops: export one event to a file, merge files back idempotently."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from app import __version__
from app.atomic_files import write_atomic
from app.domain.errors import N_, InvalidInput, os_problem
from app.domain.events import MergeConflict, MergeResult
from app.services.event_validation import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    ParsedExport,
    check_export,
    parse_export,
)
from app.services.events import get_event
from app.store import event_repository
from app.store.database import Database

_SCALARS = frozenset({str, int, float, bool, type(None)})
# One record, flat: its fields one per line, indented as json.dumps(..., indent=1) would.
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",\n   ", ": "))


def export_event(db: Database, name: str, out: Path) -> int:
    """Write the event's records to ``out`` atomically; returns how many records it holds.

    The file names the event (UUID, name, date, place), its cases by UA number and goal, and
    one entry per record (UUID, case, kind, channel, count, date, official). It holds no letter
    text and no sender: those name the participants.
    """
    event = get_event(db, name)
    with db.unit_of_work() as session:
        records = event_repository.exported_records(session, event.event_id)
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "event": {
            "uuid": event.uuid,
            "name": event.name,
            "held_on": event.held_on.isoformat() if event.held_on else None,
            "place": event.place,
            "cases": [{"ua_number": c.ua_number, "goal": c.goal} for c in event.cases],
        },
        "records": records,
    }
    data = encode_export(payload)
    # The merge's own checks, on the values just encoded: a file the merge would refuse is
    # refused here, and nothing is written.
    check_export(payload, len(data), out.name)
    write_atomic(out, data)
    return len(records)


def encode_export(payload: dict[str, object]) -> bytes:
    """The export file: ``json.dumps(payload, ensure_ascii=False, indent=1)`` and a newline.

    The records come last and are flat objects (strings, numbers, nulls): each is encoded by
    json's C encoder, with separators that give indent=1's layout, instead of the pure-Python
    encoder json uses whenever there is an indent (three times slower). The bytes are the same.
    """
    records = payload.get("records")
    if not isinstance(records, list) or list(payload)[-1] != "records" or not records:
        return _indented(payload)
    if not all(map(_flat, records)):
        return _indented(payload)
    head = json.dumps({**payload, "records": []}, ensure_ascii=False, indent=1)
    parts = [head.removesuffix("[]\n}"), "[\n"]
    for record in records:
        text = _RECORD_ENCODER.encode(record)
        parts.append(f"  {{\n   {text[1:-1]}\n  }},\n")
    parts[-1] = parts[-1].removesuffix(",\n") + "\n ]\n}\n"
    return "".join(parts).encode("utf-8")


def _indented(payload: dict[str, object]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _flat(record: object) -> bool:
    """A non-empty dict of plain strings, numbers and nulls."""
    return type(record) is dict and bool(record) and _SCALARS.issuperset(map(type, record.values()))


def read_export(path: Path) -> ParsedExport:
    """Read and check an export file; InvalidInput says what is wrong with it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(
                N_("%(file)s is not a regular file; give the event file itself."), file=path.name
            )
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                N_("%(file)s is too large to be an event file (%(mb)d MB at most)."),
                file=path.name,
                mb=MAX_FILE_BYTES // 1_000_000,
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            N_("%(file)s cannot be read: %(reason)s. Nothing was merged."),
            file=path.name,
            reason=os_problem(exc),
        ) from exc
    return parse_export(data, path.name)


def merge_file(db: Database, path: Path) -> MergeResult:
    """Merge one exported file in one transaction: new records are added, known ones skipped.

    A record whose UUID is already stored with different content is a conflict: it is
    reported and the stored copy is kept. A file that fails any check changes nothing.
    """
    parsed = read_export(path)
    try:
        return _merge(db, path, parsed)
    except IntegrityError:
        # Another writer on a shared store created this event at the same moment: the
        # transaction was rolled back, and the second attempt finds the event in place.
        return _merge(db, path, parsed)


def _sample_pack_cases(numbers: list[str]) -> list[str]:
    """Those of ``numbers`` that are cases of the fictional sample pack (letters written on
    them at an event are practice: another laptop has them only once it opened the pack)."""
    from app.samples import sample_pack_numbers

    pack = sample_pack_numbers()
    return [number for number in numbers if number in pack]


def _merge(db: Database, path: Path, parsed: ParsedExport) -> MergeResult:
    incoming = parsed.event
    with db.unit_of_work() as session:
        row = event_repository.event_by_uuid(session, incoming.uuid)
        by_name = False
        if row is None:
            row = event_repository.event_by_name(session, incoming.name)
            by_name = row is not None
        created = row is None
        numbers = [c.ua_number for c in incoming.cases] + [
            str(r["ua_number"]) for r in parsed.records
        ]
        case_ids = event_repository.case_ids_by_number(session, numbers)
        missing = sorted({n for n in numbers if n not in case_ids})
        practice = _sample_pack_cases(missing)
        if missing and practice == missing:
            raise InvalidInput(
                N_(
                    "%(file)s counts practice letters for UA %(numbers)s of the fictional "
                    "sample pack, which this database does not have. Open the sample pack first "
                    "(File > Open the fictional sample pack, or 'appeal-desk samples'); "
                    "nothing was merged."
                ),
                file=path.name,
                numbers=", ".join(missing),
            )
        if missing:
            raise InvalidInput(
                N_(
                    "%(file)s counts letters for UA %(numbers)s, which this database does not "
                    "have. Import those UA documents first; nothing was merged."
                ),
                file=path.name,
                numbers=", ".join(missing),
            )
        if row is None:
            row = event_repository.create_event(
                session,
                name=incoming.name,
                held_on=incoming.held_on,
                place=incoming.place,
                event_uuid=incoming.uuid,
            )
        for case in incoming.cases:
            event_repository.link_case(
                session, row.id, case_ids[case.ua_number], case.goal, replace_goal=False
            )
        # Records of a same-named event created on another laptop join this event.
        records = [{**r, "event_uuid": row.uuid} for r in parsed.records]
        by_uuid = {str(r["uuid"]): r for r in records}
        # The event's stored records in one read; the others are inserted, and the unique UUID
        # decides (two laptops may send one record): what the database skips was stored a
        # moment ago by another writer, or belongs to another event, and is read back.
        stored = {} if created else event_repository.compared_records(session, row.id)
        new = [u for u in by_uuid if u not in stored]
        now = datetime.now(UTC)
        inserted = event_repository.insert_records_ignoring_duplicates(
            session, [_insert_values(by_uuid[u], case_ids, row.id, now) for u in new]
        )
        stored.update(
            event_repository.records_by_uuid(session, [u for u in new if u not in inserted])
        )
        conflicts = []
        for record_uuid, record in by_uuid.items():
            if record_uuid in inserted:
                continue
            diff = event_repository.differences(stored[record_uuid], record)
            if diff:
                conflicts.append(MergeConflict(record_uuid, str(record["ua_number"]), diff))
        return MergeResult(
            source=str(path),
            event_name=row.name,
            added=len(inserted),
            already_present=len(by_uuid) - len(inserted) - len(conflicts),
            conflicts=tuple(conflicts),
            event_created=created,
            matched_by_name=by_name,
        )


def merge_files(db: Database, paths: list[Path]) -> list[MergeResult | InvalidInput]:
    """Merge each file in its own transaction; a rejected file is returned as its error."""
    results: list[MergeResult | InvalidInput] = []
    for path in paths:
        try:
            results.append(merge_file(db, path))
        except InvalidInput as exc:
            results.append(exc)
    return results


def _insert_values(
    record: dict[str, object], case_ids: dict[str, int], event_id: int, now: datetime
) -> dict[str, object]:
    created = record.get("created_at")
    return {
        "uuid": record["uuid"],
        "case_id": case_ids[str(record["ua_number"])],
        "event_id": event_id,
        "target_position": record["target_position"],
        "target_label": record["target_label"],
        "kind": record["kind"],
        "status": record["status"],
        "channel": record["channel"],
        "sent_on": record["sent_on_date"],
        "language": record["language"],
        "text": "",
        "count": record["count"],
        "created_at": created if isinstance(created, datetime) else now,
        "updated_at": now,
    }
