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


def as_version_1(payload: dict[str, object]) -> dict[str, object]:
    """An export as a copy of version 1 wrote it: no edit times, no deleted letters."""
    records = [
        {k: v for k, v in item.items() if k != "edited_at"}
        for item in payload["records"]  # type: ignore[union-attr]
    ]
    head = {k: v for k, v in payload.items() if k not in ("deleted", "records")}
    return {**head, "version": 1, "records": records}


def test_a_record_a_version_1_file_holds_differently_is_a_conflict(
    db: Database, tmp_path: Path
) -> None:
    """A version-1 file cannot say which copy is newer: it is merged as before, the stored
    copy is kept and the difference reported; its new records are added."""
    create_event(db, EVENT, cases=["12/26"])
    record(db, "12/26", count=3)
    exported = tmp_path / "mine.json"
    export_event(db, EVENT, exported)
    payload = as_version_1(json.loads(exported.read_text(encoding="utf-8")))
    payload["records"][0]["count"] = 4  # type: ignore[index]
    payload["records"][0]["channel"] = "email"  # type: ignore[index]
    extra = {**payload["records"][0], "uuid": "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"}  # type: ignore[index]
    payload["records"].append(extra)  # type: ignore[union-attr]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(payload), encoding="utf-8")

    result = merge_file(db, edited)
    assert (result.added, result.updated, result.removed) == (1, 0, 0)
    assert len(result.conflicts) == 1
    assert set(result.conflicts[0].differences) == {"count", "channel"}
    assert event_tally(db, EVENT).total == 3 + 4  # the stored copy was kept, the new one added
    before = row_counts(db)
    assert merge_file(db, edited).added == 0
    assert row_counts(db) == before


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


# ---- corrections and deletions between laptops ------------------------------------------


def _ids(db: Database) -> list[str]:
    from app.services.appeals import list_appeals

    return [a.appeal_id for a in list_appeals(db)]


def final_state(db: Database, tmp_path: Path, name: str) -> tuple[object, ...]:
    """What an organiser ends with: the event's records and deleted letters as an export
    gives them (without the export's own time), and the tally."""
    out = tmp_path / f"{name}-final.json"
    export_event(db, EVENT, out)
    payload = json.loads(out.read_text(encoding="utf-8"))
    records = sorted(payload["records"], key=lambda r: r["uuid"])
    deleted = sorted(payload["deleted"], key=lambda d: d["uuid"])
    return records, deleted, event_tally(db, EVENT).to_json_dict()


@pytest.fixture
def three_laptops(db: Database, tmp_path: Path) -> Iterator[dict[str, Path]]:
    """The organiser's event handed to laptops A and B; then:

    - ``a1``: A's first file: two letters for 12/26, one for 34/26;
    - ``b1``: B merged ``a1`` and added a letter of its own: it holds A's letters as they were;
    - ``a2``: A's later file: one of its 12/26 letters deleted, the 34/26 one corrected
      (sent by e-mail, not by post)."""
    from app.services.editing import delete_appeal, edit_appeal

    create_event(db, EVENT, cases=["12/26", "34/26"], goal=10)
    seed = tmp_path / "seed.json"
    export_event(db, EVENT, seed)
    laptop_a, laptop_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    for other in (laptop_a, laptop_b):
        merge_file(other, seed)
    record(laptop_a, "12/26")
    record(laptop_a, "12/26", count=2)
    record(laptop_a, "34/26", count=3)
    first, second, third = _ids(laptop_a)
    files = {name: tmp_path / f"{name}.json" for name in ("a1", "b1", "a2")}
    export_event(laptop_a, EVENT, files["a1"])
    merge_file(laptop_b, files["a1"])
    record(laptop_b, "34/26", kind=AppealKind.SOLIDARITY)
    export_event(laptop_b, EVENT, files["b1"])
    delete_appeal(laptop_a, second)
    edit_appeal(laptop_a, third, channel="email")
    export_event(laptop_a, EVENT, files["a2"])
    assert first in _ids(laptop_a) and second not in _ids(laptop_a)
    yield files
    laptop_a.close()
    laptop_b.close()


def test_a_correction_and_a_deletion_reach_the_organiser_after_a_first_merge(
    db: Database, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    first = merge_file(db, three_laptops["a1"])
    assert (first.added, first.updated, first.removed) == (3, 0, 0)
    assert event_tally(db, EVENT).total == 1 + 2 + 3

    later = merge_file(db, three_laptops["a2"])
    assert (later.added, later.updated, later.removed, later.conflicts) == (0, 1, 1, ())
    assert later.already_present == 1
    tally = event_tally(db, EVENT)
    assert tally.total == 1 + 3  # the deleted letters are gone, the corrected one counts once
    (case_34,) = [c for c in tally.cases if c.ua_number == "34/26"]
    assert case_34.by_channel == {"email": 3}

    # B's file still holds the deleted letter and the uncorrected one: neither comes back
    from app.services.reports import section_report

    assert section_report(db).total == 1 + 3
    old_copies = merge_file(db, three_laptops["b1"])
    assert (old_copies.added, old_copies.updated, old_copies.removed) == (1, 0, 0)
    assert old_copies.already_present == 3 and old_copies.conflicts == ()
    tally = event_tally(db, EVENT)
    assert tally.total == 1 + 3 + 1
    (case_34,) = [c for c in tally.cases if c.ua_number == "34/26"]
    assert case_34.by_channel == {"email": 3, "post": 1}


def test_the_order_of_the_files_does_not_change_the_result_and_a_second_merge_changes_nothing(
    tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    from itertools import permutations

    results = set()
    for number, order in enumerate(permutations(("a1", "b1", "a2"))):
        organiser = open_event_store(tmp_path / f"organiser-{number}")
        try:
            for name in order:
                merge_file(organiser, three_laptops[name])
            state = final_state(organiser, tmp_path, f"o{number}")
            before = row_counts(organiser)
            for name in order:
                again = merge_file(organiser, three_laptops[name])
                assert (again.added, again.updated, again.removed) == (0, 0, 0), order
            assert row_counts(organiser) == before
            assert final_state(organiser, tmp_path, f"o{number}") == state
        finally:
            organiser.close()
        results.add(json.dumps(state, sort_keys=True))
        records, deleted, tally = state
        assert len(records) == 3 and len(deleted) == 1, order
        assert tally["total"] == 5, order  # type: ignore[index]
    assert len(results) == 1


def test_the_organisers_file_passes_a_deletion_on_to_a_laptop_that_never_saw_it(
    db: Database, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    for name in ("a1", "a2", "b1"):
        merge_file(db, three_laptops[name])
    onward = tmp_path / "organiser.json"
    export_event(db, EVENT, onward)
    laptop_c = laptop(tmp_path, "c")
    try:
        merge_file(laptop_c, three_laptops["b1"])  # C holds the letter A deleted
        assert event_tally(laptop_c, EVENT).total == 1 + 2 + 3 + 1
        result = merge_file(laptop_c, onward)
        assert (result.updated, result.removed) == (1, 1)
        assert final_state(laptop_c, tmp_path, "c") == final_state(db, tmp_path, "o")
    finally:
        laptop_c.close()


def test_an_undone_deletion_brings_the_letter_back_on_the_organisers_store_too(
    db: Database, tmp_path: Path
) -> None:
    from app.services.editing import delete_appeal, undo

    create_event(db, EVENT, cases=["12/26"])
    seed = tmp_path / "seed.json"
    export_event(db, EVENT, seed)
    laptop_a = laptop(tmp_path, "a")
    try:
        merge_file(laptop_a, seed)
        record(laptop_a, "12/26", count=4)
        (letter,) = _ids(laptop_a)
        files = [tmp_path / f"a{n}.json" for n in range(3)]
        export_event(laptop_a, EVENT, files[0])
        change = delete_appeal(laptop_a, letter)
        export_event(laptop_a, EVENT, files[1])
        undo(laptop_a, change)
        export_event(laptop_a, EVENT, files[2])
        payload = json.loads(files[2].read_text(encoding="utf-8"))
        assert payload["deleted"] == [] and [r["uuid"] for r in payload["records"]] == [letter]

        assert merge_file(db, files[0]).added == 1
        assert merge_file(db, files[1]).removed == 1
        assert event_tally(db, EVENT).total == 0
        assert merge_file(db, files[2]).added == 1  # edited (put back) after its deletion
        assert event_tally(db, EVENT).total == 4
        assert merge_file(db, files[1]).removed == 0  # the deletion is older than the undo
        assert event_tally(db, EVENT).total == 4
    finally:
        laptop_a.close()


def test_a_version_1_file_deletes_nothing_and_brings_no_deleted_letter_back(
    db: Database, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    for name in ("a1", "a2"):
        merge_file(db, three_laptops[name])
    total = event_tally(db, EVENT).total
    payload = as_version_1(json.loads(three_laptops["a1"].read_text(encoding="utf-8")))
    old = tmp_path / "a1-version-1.json"
    old.write_text(json.dumps(payload), encoding="utf-8")

    result = merge_file(db, old)
    assert (result.added, result.updated, result.removed) == (0, 0, 0)
    assert [c.differences for c in result.conflicts] == [("channel",)]  # the corrected one
    assert event_tally(db, EVENT).total == total


def test_a_file_of_a_newer_format_says_to_update_and_merges_nothing(
    db: Database, tmp_path: Path
) -> None:
    payload = _valid_payload(db, tmp_path)
    payload["version"] = 3
    path = tmp_path / "future.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert caught.value.message == (
        "future.json is not a usable event file: it was made by a newer Appeal Desk; update "
        "this copy first. Nothing was merged."
    )
    assert row_counts(db) == before


@pytest.mark.parametrize(
    ("where", "value", "problem"),
    [
        ("record", "yesterday", "record 1 has a bad edit time"),
        ("record", None, "record 1 has a bad edit time"),
        ("record", "3026-01-01T00:00:00+00:00", "record 1 has a bad edit time"),
        ("record", "1969-12-31T23:59:59.999999+00:00", "record 1 has a bad edit time"),
        # Midnight in a zone ahead of UTC: still 1969 in UTC, where times are compared.
        ("record", "1970-01-01T00:30:00+01:00", "record 1 has a bad edit time"),
        ("deleted", "3026-01-01T00:00:00+00:00", "deleted letter 1 has a bad deletion time"),
    ],
)
def test_a_bad_edit_or_deletion_time_rejects_the_file(
    db: Database, tmp_path: Path, where: str, value: object, problem: str
) -> None:
    payload = _valid_payload(db, tmp_path)
    if where == "record":
        payload["records"][0]["edited_at"] = value  # type: ignore[index]
    else:
        payload["deleted"] = [{"uuid": "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", "deleted_at": value}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    before = row_counts(db)
    with pytest.raises(InvalidInput) as caught:
        merge_file(db, path)
    assert problem in caught.value.message
    assert row_counts(db) == before


def test_a_status_changed_in_the_history_travels_and_a_reply_note_does_not(
    db: Database, tmp_path: Path
) -> None:
    """Setting a letter back to a draft is an edit of a field that travels; noting a reply
    is not (replies stay on the laptop that received them)."""
    from datetime import date

    from app.domain.model import AppealStatus
    from app.services.appeals import record_reply, update_status

    create_event(db, EVENT, cases=["12/26"])
    seed = tmp_path / "seed.json"
    export_event(db, EVENT, seed)
    laptop_a = laptop(tmp_path, "a")
    try:
        merge_file(laptop_a, seed)
        record(laptop_a, "12/26", count=2)
        (letter,) = _ids(laptop_a)
        files = [tmp_path / f"a{n}.json" for n in range(3)]
        export_event(laptop_a, EVENT, files[0])
        record_reply(laptop_a, letter, date(2026, 12, 20), "The ministry wrote back.")
        export_event(laptop_a, EVENT, files[1])
        update_status(laptop_a, letter, AppealStatus.DRAFT)
        export_event(laptop_a, EVENT, files[2])
        times = [
            json.loads(f.read_text(encoding="utf-8"))["records"][0]["edited_at"] for f in files
        ]
        assert times[0] == times[1] < times[2]

        merge_file(db, files[0])
        assert merge_file(db, files[1]).updated == 0
        assert merge_file(db, files[2]).updated == 1
        assert merge_file(db, files[0]).updated == 0  # the older copy changes nothing
        assert event_tally(db, EVENT).total == 0  # a draft is not a letter written
    finally:
        laptop_a.close()


def test_an_undone_event_deletion_keeps_the_letters_it_knew_were_deleted(
    db: Database, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    from app.services.editing import delete_event, undo

    for name in ("a1", "a2"):
        merge_file(db, three_laptops[name])
    before = final_state(db, tmp_path, "before")
    assert len(before[1]) == 1  # one deleted letter
    undo(db, delete_event(db, EVENT))
    assert final_state(db, tmp_path, "after") == before
    old_copies = merge_file(db, three_laptops["b1"])  # still holds the deleted letter
    assert (old_copies.added, old_copies.removed) == (1, 0)
    assert event_tally(db, EVENT).total == 1 + 3 + 1


def test_a_case_deleted_on_one_laptop_takes_no_letter_from_the_others(
    db: Database, tmp_path: Path
) -> None:
    """Deleting a case with its appeals (or redoing that) cleans one laptop: the event's
    letters for it stay counted wherever else they were merged."""
    from app.services.editing import delete_case, redo, undo

    create_event(db, EVENT, cases=["12/26", "34/26"])
    seed = tmp_path / "seed.json"
    export_event(db, EVENT, seed)
    laptop_a, laptop_b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    try:
        for other in (laptop_a, laptop_b):
            merge_file(other, seed)
        record(laptop_a, "12/26", count=3)
        record(laptop_a, "34/26")
        from_a = tmp_path / "a.json"
        export_event(laptop_a, EVENT, from_a)
        for store in (db, laptop_b):
            merge_file(store, from_a)
        change = delete_case(laptop_b, "12/26", keep_appeals=False)
        assert event_tally(laptop_b, EVENT).total == 1
        undo(laptop_b, change)
        redo(laptop_b, change)
        from_b = tmp_path / "b.json"
        export_event(laptop_b, EVENT, from_b)
        assert json.loads(from_b.read_text(encoding="utf-8"))["deleted"] == []

        result = merge_file(db, from_b)
        assert (result.added, result.updated, result.removed) == (0, 0, 0)
        assert event_tally(db, EVENT).total == 3 + 1
    finally:
        laptop_a.close()
        laptop_b.close()


def test_a_merge_that_corrects_or_removes_letters_keeps_a_backup_of_them_first(
    db: Database, data_dir: Path, tmp_path: Path, three_laptops: dict[str, Path]
) -> None:
    from app.paths import resolve_paths
    from app.services.backups import list_backups

    paths = resolve_paths(data_dir)
    merge_file(db, three_laptops["a1"])
    assert [b.reason for b in list_backups(paths)] == []  # adding letters needs none
    merged = merge_file(db, three_laptops["a2"])
    assert (merged.updated, merged.removed) == (1, 1)
    (backup,) = list_backups(paths)
    assert backup.reason == "pre-merge"
    assert backup.counts["appeals"] == 3  # the removed letter is in it
    from app.services.restoring import validate_backup

    validate_backup(backup.path)  # whole, and of a revision this version restores

    again = merge_file(db, three_laptops["a2"])
    assert (again.updated, again.removed) == (0, 0)
    assert len(list_backups(paths)) == 1  # nothing changed: no second backup
