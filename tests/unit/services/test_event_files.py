"""Exporting event records on several laptops and merging them: exact, idempotent, safe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.domain.model import AppealKind, Channel
from app.services.event_files import export_event, merge_file, merge_files
from app.services.events import create_event, event_tally, get_event, record_event_letter
from app.store.database import Database, row_counts
from tests.builders import laptop, open_event_store

EVENT = "Write for Rights 2026 (fictional)"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """The organiser's store holding the three fictional event cases."""
    database = open_event_store(data_dir)
    yield database
    database.close()


def record(
    db: Database,
    ua: str,
    *,
    count: int = 1,
    kind: AppealKind = AppealKind.APPEAL,
    channel: Channel = Channel.POST,
) -> None:
    event = get_event(db, EVENT)
    target = None if kind is AppealKind.SOLIDARITY else 1
    record_event_letter(db, event, ua, target_index=target, kind=kind, channel=channel, count=count)


def test_three_overlapping_files_give_exact_totals_and_a_second_import_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    create_event(db, EVENT, cases=["12/26", "34/26"], goal=10)
    seed = tmp_path / "event.json"
    export_event(db, EVENT, seed)  # the organiser hands the empty event to every laptop
    laptop_a, laptop_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    for other in (laptop_a, laptop_b):
        assert merge_file(other, seed).event_created
    record(laptop_a, "12/26")
    record(laptop_a, "12/26", kind=AppealKind.SOLIDARITY)
    record(laptop_a, "34/26", count=12)  # a handwritten batch from table 3
    file_a = tmp_path / "a.json"
    export_event(laptop_a, EVENT, file_a)
    merge_file(laptop_b, file_a)  # B already holds A's records, so B's file overlaps A's
    record(laptop_b, "34/26", channel=Channel.EMAIL)
    file_b = tmp_path / "b.json"
    export_event(laptop_b, EVENT, file_b)
    record(laptop_a, "12/26", count=2)
    file_a2 = tmp_path / "a-later.json"
    export_event(laptop_a, EVENT, file_a2)  # overlaps both earlier files
    record(db, "12/26")  # the organiser's own laptop

    results = merge_files(db, [file_a, file_b, file_a2])
    assert [(r.added, r.already_present, len(r.conflicts)) for r in results] == [
        (3, 0, 0),
        (1, 3, 0),
        (1, 3, 0),
    ]
    tally = event_tally(db, EVENT)
    totals = {c.ua_number: c.total for c in tally.cases}
    assert totals == {"12/26": 5, "34/26": 13}
    assert tally.total == 18
    before = row_counts(db)
    again = merge_files(db, [file_a2, file_b, file_a, seed])
    assert [r.added for r in again] == [0, 0, 0, 0]
    assert row_counts(db) == before
    assert event_tally(db, EVENT).total == 18
    for other in (laptop_a, laptop_b):
        other.close()


def test_a_record_changed_on_another_laptop_is_reported_as_a_conflict(
    db: Database, tmp_path: Path
) -> None:
    create_event(db, EVENT, cases=["12/26"])
    record(db, "12/26", count=3)
    exported = tmp_path / "mine.json"
    export_event(db, EVENT, exported)
    payload = json.loads(exported.read_text(encoding="utf-8"))
    payload["records"][0]["count"] = 4
    payload["records"][0]["channel"] = "email"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(payload), encoding="utf-8")

    result = merge_file(db, edited)
    assert result.added == 0
    assert len(result.conflicts) == 1
    assert set(result.conflicts[0].differences) == {"count", "channel"}
    assert event_tally(db, EVENT).total == 3  # the stored copy was kept


def test_the_export_holds_no_letter_text_or_sender(db: Database, tmp_path: Path) -> None:
    create_event(db, EVENT, cases=["12/26"])
    event = get_event(db, EVENT)
    record_event_letter(db, event, "12/26", target_index=1, note="table 3")
    out = tmp_path / "x.json"
    assert export_event(db, EVENT, out) == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["event"]["name"] == EVENT
    assert payload["event"]["cases"] == [{"ua_number": "12/26", "goal": None}]
    (only,) = payload["records"]
    assert "text" not in only and "sender" not in json.dumps(payload)
    assert only["ua_number"] == "12/26" and len(only["uuid"]) == 36


HOSTILE = {
    "empty.json": b"",
    "binary.json": bytes(range(256)),
    "not-ours.json": b'{"hello": "world"}',
    "nested.json": b"[" * 100_000 + b"]" * 100_000,
    "nan.json": b'{"format": "appeal-desk-event-records", "version": NaN}',
    "future.json": b'{"format": "appeal-desk-event-records", "version": 99}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_broken_or_hostile_file_is_rejected_and_changes_nothing(
    db: Database, tmp_path: Path, name: str
) -> None:
    create_event(db, EVENT, cases=["12/26"])
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert name in caught.value.message and "Nothing was merged" in caught.value.message
    assert row_counts(db) == before


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_an_export_cut_short_is_called_incomplete_and_merges_nothing(
    db: Database, tmp_path: Path, keep: float
) -> None:
    """Copied off another laptop before it was finished: the file is ours but stops early."""
    other = laptop(tmp_path, "laptop-b")
    create_event(other, EVENT, cases=["12/26", "34/26"])
    event = get_event(other, EVENT)
    for ua in ("12/26", "34/26", "12/26"):
        record_event_letter(other, event, ua, target_index=1, note="Ünïcode tablé")
    whole = tmp_path / "laptop-b.json"
    export_event(other, EVENT, whole)
    other.close()
    data = whole.read_bytes()
    cut = tmp_path / "copied-too-early.json"
    cut.write_bytes(data[: int(len(data) * keep)])
    create_event(db, EVENT, cases=["12/26"])
    before = row_counts(db)

    with pytest.raises(InvalidInput) as caught:
        merge_file(db, cut)

    message = caught.value.message
    assert "copied-too-early.json" in message and "is incomplete" in message
    assert "copied before it was finished" in message and "Nothing was merged" in message
    assert "not JSON" not in message
    assert row_counts(db) == before


def test_a_file_that_is_not_ours_is_still_not_called_incomplete(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b'{"shopping": ["bread", "mil')  # cut short too, but not an export
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert "not JSON written by Appeal Desk" in caught.value.message


def _valid_payload(db: Database, tmp_path: Path) -> dict[str, object]:
    create_event(db, EVENT, cases=["12/26"])
    record(db, "12/26")
    out = tmp_path / "ok.json"
    export_event(db, EVENT, out)
    payload = json.loads(out.read_text(encoding="utf-8"))
    payload["records"][0]["uuid"] = "0b9c0f4e-9f5a-4d43-9a55-1b8f4a0c1234"  # a new record
    return payload


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("count", -5),
        ("count", 10**12),
        ("count", True),
        ("kind", "bribe"),
        ("channel", ["post"]),
        ("uuid", "not-a-uuid"),
        ("ua_number", "DROP TABLE"),
        ("sent_on", "yesterday"),
        ("event_uuid", "0b9c0f4e-9f5a-4d43-9a55-000000000000"),
        ("language", "not a code"),
        ("target_label", 5),
        ("status", "SENT"),
    ],
)
def test_one_bad_field_rejects_the_whole_file(
    db: Database, tmp_path: Path, field: str, value: object
) -> None:
    payload = _valid_payload(db, tmp_path)
    good = dict(payload["records"][0])  # type: ignore[index]
    bad = {**good, "uuid": "5d0c4c34-5a8b-4b7b-8c39-5f1f6b5b0001", field: value}
    payload["records"] = [good, bad]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert row_counts(db) == before  # the good record was not merged either
    said = {
        "uuid": "UUID",
        "ua_number": "UA number",
        "event_uuid": "record 2",
        "language": "record 2",
    }
    assert said.get(field, field) in str(caught.value.fields["problem"])


def test_a_file_for_a_case_this_store_lacks_changes_nothing(db: Database, tmp_path: Path) -> None:
    payload = _valid_payload(db, tmp_path)
    payload["records"][0]["ua_number"] = "99/26"  # type: ignore[index]
    path = tmp_path / "other-case.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    before = row_counts(db)
    with pytest.raises(InvalidInput, match="99/26"):
        merge_file(db, path)
    assert row_counts(db) == before


def test_an_oversized_file_is_refused_before_it_is_read(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.services.event_files as event_files

    monkeypatch.setattr(event_files, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2000)
    with pytest.raises(InvalidInput, match="too large"):
        merge_file(db, path)


def test_the_export_is_laid_out_one_field_a_line_as_before(db: Database, tmp_path: Path) -> None:
    create_event(db, EVENT, cases=["12/26", "34/26"], goal=5, place="Salle des fêtes")
    record(db, "12/26", count=3)
    record(db, "34/26", kind=AppealKind.SOLIDARITY, channel=Channel.EMAIL)
    out = tmp_path / "evening.json"
    assert export_event(db, EVENT, out) == 2
    written = out.read_text(encoding="utf-8")
    payload = json.loads(written)
    assert written == json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    assert "Salle des fêtes" in written  # readable as it is, not escaped
    assert written.count('"uuid":') == 3  # the event and its two records, one field a line


def test_an_export_the_merge_would_refuse_is_not_written(db: Database, tmp_path: Path) -> None:
    from datetime import UTC, date, datetime

    from app.store import event_repository

    create_event(db, EVENT, cases=["12/26"])
    record(db, "12/26")
    out = tmp_path / "evening.json"
    export_event(db, EVENT, out)
    earlier = out.read_bytes()
    event = get_event(db, EVENT)
    now = datetime.now(UTC)
    with db.unit_of_work() as session:  # a letter an old version stored with an absurd date
        case_id = event_repository.case_ids_by_number(session, ["12/26"])["12/26"]
        event_repository.insert_records_ignoring_duplicates(
            session,
            [
                {
                    "uuid": "5d0c4c34-5a8b-4b7b-8c39-5f1f6b5b0002",
                    "case_id": case_id,
                    "event_id": event.event_id,
                    "target_position": 1,
                    "target_label": "Minister of Justice, Rui Costa",
                    "kind": "appeal",
                    "status": "sent",
                    "channel": "post",
                    "sent_on": date(1970, 1, 1),
                    "language": "en",
                    "text": "",
                    "count": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )

    with pytest.raises(InvalidInput) as caught:
        export_event(db, EVENT, out)
    assert caught.value.message == (
        "evening.json was not written: a merge on another laptop would refuse it, because the "
        "field 'sent_on' holds 1970-01-01, not a plausible date. Correct or delete that letter "
        "in the history, then export again."
    )
    assert out.read_bytes() == earlier  # the previous export is kept as it was
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_records_already_counted_for_another_event_are_conflicts_and_change_nothing(
    db: Database, tmp_path: Path
) -> None:
    create_event(db, EVENT, cases=["12/26"])
    record(db, "12/26", count=2)
    record(db, "12/26", kind=AppealKind.SOLIDARITY)
    exported = tmp_path / "evening.json"
    export_event(db, EVENT, exported)
    payload = json.loads(exported.read_text(encoding="utf-8"))
    other_uuid = "0b9c0f4e-9f5a-4d43-9a55-1b8f4a0c9999"  # the same letters under another event
    payload["event"].update(uuid=other_uuid, name="Another evening (fictional)")
    for item in payload["records"]:
        item["event_uuid"] = other_uuid
    moved = tmp_path / "moved.json"
    moved.write_text(json.dumps(payload), encoding="utf-8")
    before = event_tally(db, EVENT).total

    result = merge_file(db, moved)
    assert result.event_created and result.added == 0 and result.already_present == 0
    assert [set(c.differences) for c in result.conflicts] == [{"event_uuid"}, {"event_uuid"}]
    assert event_tally(db, EVENT).total == before == 3
    assert event_tally(db, "Another evening (fictional)").total == 0
    again = merge_file(db, moved)
    assert not again.event_created and len(again.conflicts) == 2 and again.added == 0


def test_a_file_from_a_newer_version_with_a_value_this_copy_lacks_says_to_update(
    db: Database, tmp_path: Path
) -> None:
    """A laptop with a newer Appeal Desk may count a channel this copy does not know yet: the
    organiser is told to update, not that the file is broken."""
    payload = _valid_payload(db, tmp_path)
    payload["app_version"] = "99.1.0"
    payload["records"][0]["channel"] = "carrier_pigeon"  # type: ignore[index]
    path = tmp_path / "laptop-b.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert caught.value.message == (
        "laptop-b.json is not a usable event file: it was made by Appeal Desk 99.1.0, newer "
        "than this copy, and its field 'channel' has a value this copy does not know "
        "('carrier_pigeon'); update this copy first. Nothing was merged."
    )
    assert row_counts(db) == before

    payload["app_version"] = "0.1.0"  # an older copy never wrote it: the file is damaged
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert "the field 'channel' has an unknown value" in caught.value.message


def test_a_missing_file_is_named_as_the_others_are_and_merges_nothing(
    db: Database, tmp_path: Path
) -> None:
    create_event(db, EVENT, cases=["12/26"])
    (result,) = merge_files(db, [tmp_path / "laptop-c.json"])  # moved away meanwhile
    assert isinstance(result, InvalidInput)
    assert result.message == (
        "laptop-c.json cannot be read: the file or folder does not exist. Nothing was merged."
    )
