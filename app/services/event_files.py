"""Event records between laptops: export one event to a file, merge files back idempotently."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from operator import itemgetter
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
# Two copies of a record alike in these (its compared fields and its edit time) are one
# record merged again: nothing to decide.
_SAME = itemgetter(*event_repository.COMPARED_FIELDS, "edited_at")


def export_event(db: Database, name: str, out: Path) -> int:
    """Write the event's records to ``out`` atomically; returns how many records it holds.

    The file names the event (UUID, name, date, place), its cases by UA number and goal, the
    letters deleted (UUID and when), and one entry per record (UUID, case, kind, channel,
    count, date, official, when it was made and last edited). It holds no letter text and no
    sender: those name the participants.
    """
    event = get_event(db, name)
    with db.unit_of_work() as session:
        records = event_repository.exported_records(session, event.event_id)
        deleted = event_repository.exported_deletions(session, event.event_id)
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
        "deleted": deleted,
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
    """Merge one exported file in one transaction: new records are added, and of two copies
    of a record the one edited last is kept; a letter deleted on another laptop is removed,
    unless this store's copy was edited after the deletion.

    Merging a file twice changes nothing, and merging several gives the same records in any
    order. A version-1 file has no edit times and no deletions: its new records are added,
    and a stored record it holds differently is a conflict (reported; the stored copy is
    kept). A file that fails any check changes nothing.
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
        numbers = {c.ua_number for c in incoming.cases} | {
            str(r["ua_number"]) for r in parsed.records
        }
        case_ids = event_repository.case_ids_by_number(session, numbers)
        missing = sorted(n for n in numbers if n not in case_ids)
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
        # Records of a same-named event created on another laptop join this event (the
        # checked records already name the file's event; they are copied only to be renamed).
        if row.uuid == incoming.uuid:
            records = {str(r["uuid"]): r for r in parsed.records}
        else:
            records = {str(r["uuid"]): {**r, "event_uuid": row.uuid} for r in parsed.records}
        deletions = dict(parsed.deletions)
        for record_uuid in [u for u in records if u in deletions]:  # the later one counts
            if _later(records[record_uuid], deletions[record_uuid]):
                del deletions[record_uuid]
            else:
                del records[record_uuid]
        if created:
            stored: dict[str, dict[str, object]] = {}
            gone: dict[str, datetime] = {}
        else:
            stored = event_repository.compared_records(session, row.id)
            gone = event_repository.event_deletions(session, row.id)
        outcome = _Outcome()
        now = datetime.now(UTC)
        if created:
            new = list(records)  # a new event's records are all new
        else:
            new = []
            for record_uuid, record in records.items():
                copy = stored.get(record_uuid)
                if copy is not None:
                    if _SAME(copy) == _SAME(record):  # the usual answer: this store has it already
                        outcome.unchanged += 1
                    else:
                        outcome.compare(record_uuid, record, copy, case_ids, now)
                elif record_uuid in gone:
                    if _later(record, gone[record_uuid]):  # edited after it was deleted: it is back
                        new.append(record_uuid)
                        outcome.revived.append(record_uuid)
                    else:
                        outcome.unchanged += 1
                else:
                    new.append(record_uuid)
        # The new records are inserted, and the unique UUID decides (two laptops may send one
        # record): what the database skips was stored a moment ago by another writer, or
        # belongs to another event, and is read back.
        inserted = event_repository.insert_records_ignoring_duplicates(
            session, [_insert_values(records[u], case_ids, row.id, now) for u in new]
        )
        skipped = [] if len(inserted) == len(new) else [u for u in new if u not in inserted]
        for record_uuid, copy in event_repository.records_by_uuid(session, skipped).items():
            diff = event_repository.differences(copy, records[record_uuid])
            if diff:
                ua = str(records[record_uuid]["ua_number"])
                outcome.conflicts.append(MergeConflict(record_uuid, ua, diff))
            else:
                outcome.unchanged += 1
        event_repository.forget_deletions(session, [u for u in outcome.revived if u in inserted])
        removed = outcome.delete(deletions, stored, gone)
        unknown = [u for u in deletions if u not in stored and u not in gone]
        elsewhere = event_repository.stored_uuids(session, unknown)  # in another event
        keep = {u: t for u, t in deletions.items() if u not in stored and u not in elsewhere}
        keep.update({u: deletions[u] for u, _row_id in removed})
        if outcome.updated or removed:
            # Letters corrected or deleted on another laptop replace or remove this store's
            # copies, which no undo brings back: a backup keeps them first. It is read through
            # another connection, so it holds the store as it was before this merge.
            from app.services.backups import backup_before_change

            backup_before_change(db, "pre-merge")
        event_repository.update_records(session, outcome.updates)
        event_repository.remove_records(session, [(row_id, deletions[u]) for u, row_id in removed])
        event_repository.keep_deletions(session, row.id, keep)
        return MergeResult(
            source=str(path),
            event_name=row.name,
            added=len(inserted),
            already_present=outcome.unchanged,
            conflicts=tuple(outcome.conflicts),
            event_created=created,
            matched_by_name=by_name,
            updated=outcome.updated,
            removed=len(removed),
        )


def _later(record: dict[str, object], deleted_at: datetime) -> bool:
    """Whether the copy ``record`` was edited after the letter was deleted (a copy from a
    version-1 file, which has no edit time, never is)."""
    edited = record.get("edited_at")
    return isinstance(edited, datetime) and edited > deleted_at


class _Outcome:
    """What a merge does to the event's records, decided before any of it is written."""

    def __init__(self) -> None:
        self.unchanged = 0
        self.updated = 0
        self.updates: list[dict[str, object]] = []
        self.conflicts: list[MergeConflict] = []
        self.revived: list[str] = []

    def compare(
        self,
        record_uuid: str,
        record: dict[str, object],
        stored: dict[str, object],
        case_ids: dict[str, int],
        now: datetime,
    ) -> None:
        """An incoming copy of a stored record: the copy edited last wins (at the same moment,
        the one whose fields sort last, so every laptop picks the same)."""
        edited = record.get("edited_at")
        mine = stored["edited_at"]
        assert isinstance(mine, datetime)
        diff = event_repository.differences(stored, record)
        if not diff:
            if isinstance(edited, datetime) and edited > mine:  # the same, edited later
                self.updates.append(_update_values(record, stored, case_ids, edited, now))
            self.unchanged += 1
            return
        if not isinstance(edited, datetime):  # a version-1 file cannot say which is newer
            self.conflicts.append(MergeConflict(record_uuid, str(record["ua_number"]), diff))
            return
        ours = (mine, event_repository.content_key(stored))
        if (edited, event_repository.content_key(record)) > ours:
            self.updates.append(_update_values(record, stored, case_ids, edited, now))
            self.updated += 1
        else:
            self.unchanged += 1  # an older copy: this store has the newer one

    def delete(
        self,
        deletions: dict[str, datetime],
        stored: dict[str, dict[str, object]],
        gone: dict[str, datetime],
    ) -> list[tuple[str, int]]:
        """The stored records the file's deletions remove (UUID, row id): those not edited
        after their deletion (at the same moment, the deletion wins)."""
        removed = []
        for record_uuid, deleted_at in deletions.items():
            copy = stored.get(record_uuid)
            if copy is None:
                continue
            edited = copy["edited_at"]
            assert isinstance(edited, datetime)
            if deleted_at >= edited:
                removed.append((record_uuid, int(str(copy["row_id"]))))
        return removed


def _update_values(
    record: dict[str, object],
    stored: dict[str, object],
    case_ids: dict[str, int],
    edited: datetime,
    now: datetime,
) -> dict[str, object]:
    return {
        "row_id": stored["row_id"],
        "case_id": case_ids[str(record["ua_number"])],
        "kind": record["kind"],
        "status": record["status"],
        "channel": record["channel"],
        "count": record["count"],
        "sent_on": record["sent_on_date"],
        "target_position": record["target_position"],
        "target_label": record["target_label"],
        "language": record["language"],
        "updated_at": now,
        "new_time": edited,
    }


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
    edited = record.get("edited_at")
    made = created if isinstance(created, datetime) else now
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
        "created_at": made,
        "updated_at": now,
        # A copy from a version-1 file has no edit time: it counts as edited when it was
        # made, so any edit dated on another laptop wins over it.
        "edited_at": edited if isinstance(edited, datetime) else made,
    }
