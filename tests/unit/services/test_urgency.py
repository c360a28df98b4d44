"""The "Write today" queue: deadline minus airmail transit time, and advice when post is too late."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.domain.model import Channel
from app.services.appeals import record_appeal
from app.services.database import Database
from app.services.transit_times import (
    OVERRIDE_FILE,
    country_code,
    load_transit_table,
    save_transit_table,
    shipped_table,
)
from app.services.urgency import Advice, Alternative, due_for_reminder, write_today
from tests.builders import TODAY, add_cases, numbered_case


def test_every_country_is_in_at_most_one_region() -> None:
    table = shipped_table()
    seen: dict[str, str] = {}
    for region in table.regions:
        for code in region.countries:
            assert code not in seen, f"{code} in {region.key} and {seen[code]}"
            seen[code] = region.key
    assert len(seen) > 200


def test_amnesty_country_names_find_their_region() -> None:
    table = shipped_table()
    assert country_code("Peru") == "PE"
    assert country_code("UK") == "GB"
    assert country_code("Russische Föderation") == "RU"
    assert table.region_of("Viet Nam").key == "asia"
    assert table.region_of("USA").key == "north_america"
    assert table.region_of("Narnia") is None
    assert table.transit_days("Narnia") == table.default_days


def test_letters_inside_a_region_travel_faster() -> None:
    table = shipped_table()
    europe = next(r for r in table.regions if r.key == "europe")
    assert table.transit_days("France", sender_country="Germany") == europe.within_days
    assert table.transit_days("France", sender_country="Peru") == europe.days


def test_queue_puts_the_last_posting_day_first(db: Database) -> None:
    # Peru: 12 days by air from outside the region; Germany: 7 days.
    add_cases(
        db,
        numbered_case(1, "Germany", 20),  # post by day 13
        numbered_case(2, "Peru", 20),  # post by day 8
        numbered_case(3, "Peru", 5, email="office@invented.example"),  # post too late
        numbered_case(4, "Peru", None),
        numbered_case(5, "Peru", -3),  # deadline passed
    )
    queue = write_today(db, shipped_table(), TODAY)
    assert [item.case.ua_number for item in queue] == ["3/26", "2/26", "1/26", "4/26", "5/26"]
    first = queue[0]
    assert first.advice is Advice.TOO_LATE_FOR_POST
    assert first.alternatives == (Alternative.EMAIL, Alternative.EMBASSY)
    assert first.days_to_post == 5 - 12
    assert queue[1].post_by == TODAY + timedelta(days=8)
    assert queue[1].advice is Advice.POST
    assert queue[3].advice is Advice.NO_DEADLINE
    assert queue[4].advice is Advice.DEADLINE_PASSED


def test_fax_only_official_gets_fax_and_embassy(db: Database) -> None:
    add_cases(db, numbered_case(6, "Iran", 2, fax="+00 000 000"))
    [item] = write_today(db, shipped_table(), TODAY)
    assert item.alternatives == (Alternative.FAX, Alternative.EMBASSY)


def test_written_cases_can_be_left_out(db: Database) -> None:
    add_cases(db, numbered_case(7, "Peru", 30), numbered_case(8, "Peru", 31))
    record_appeal(db, "7/26", target_index=1, channel=Channel.POST, sent_on=TODAY)
    queue = write_today(db, shipped_table(), TODAY, only_unwritten=True)
    assert [item.case.ua_number for item in queue] == ["8/26"]
    everything = write_today(db, shipped_table(), TODAY)
    assert [item.written for item in everything] == [True, False]


def test_reminders_only_for_unwritten_cases_due_soon(db: Database) -> None:
    from app.services.cases import list_cases

    add_cases(
        db,
        numbered_case(9, "Peru", 3),
        numbered_case(10, "Peru", 30),
        numbered_case(11, "Peru", -1),
        numbered_case(12, "Peru", 6),
    )
    record_appeal(db, "12/26", target_index=1, channel=Channel.EMAIL, sent_on=TODAY)
    due = due_for_reminder(list_cases(db), shipped_table(), TODAY, within_days=7)
    assert [item.case.ua_number for item in due] == ["9/26"]


def test_edited_transit_days_are_kept_and_change_the_queue(tmp_path: Path, db: Database) -> None:
    add_cases(db, numbered_case(13, "Peru", 10))
    [before] = write_today(db, load_transit_table(tmp_path), TODAY)
    assert before.advice is Advice.TOO_LATE_FOR_POST
    table = load_transit_table(tmp_path).with_days({"latin_america_caribbean": (6, 4)}, 15)
    save_transit_table(tmp_path, table)
    reloaded = load_transit_table(tmp_path)
    assert reloaded.default_days == 15
    [after] = write_today(db, reloaded, TODAY)
    assert after.advice is Advice.POST
    assert after.post_by == TODAY + timedelta(days=4)


def test_a_broken_override_file_falls_back_to_the_shipped_table(tmp_path: Path) -> None:
    (tmp_path / OVERRIDE_FILE).write_text('{"regions": {"asia": {"days": -4}}}', encoding="utf-8")
    assert load_transit_table(tmp_path) == shipped_table()


def test_among_cases_too_late_for_post_the_nearest_deadline_comes_first(db: Database) -> None:
    add_cases(
        db,
        numbered_case(14, "Peru", 5),  # too late by 7 days
        numbered_case(15, "Viet Nam", 3),  # too late by 7 days, but due sooner
    )
    queue = write_today(db, shipped_table(), TODAY)
    assert [item.case.ua_number for item in queue] == ["15/26", "14/26"]
