"""Two laptops writing to one PostgreSQL store at the same moment lose and double nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.services.event_files import export_event
from app.services.events import create_event, event_tally, get_event, record_event_letter
from app.store.database import Database
from app.store.schema import AppealRow
from tests.builders import add_event_cases, laptop
from tests.postgres.conftest import open_pg

REPO = Path(__file__).resolve().parents[2]
EVENT = "Shared marathon"


def run_together(*argvs: list[str]) -> list[str]:
    """Start the writers, wait until each is connected, then release them together."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.postgres.concurrent_writer", *argv],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.append(out)
    return outputs


def shared_store(pg_url: str, tmp_path: Path) -> Database:
    db = open_pg(pg_url, tmp_path)
    add_event_cases(db)
    create_event(db, EVENT, cases=["12/26", "34/26"])
    return db


def test_two_writers_recording_500_appeals_each_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    db = shared_store(pg_url, tmp_path)
    run_together([pg_url, "record", "500"], [pg_url, "record", "500"])
    with db.unit_of_work() as session:
        rows = session.scalar(select(func.count()).select_from(AppealRow))
        distinct = session.scalar(select(func.count(func.distinct(AppealRow.uuid))))
    assert rows == distinct == 1000
    tally = event_tally(db, EVENT)
    assert tally.total == 1000
    assert {c.ua_number: c.total for c in tally.cases} == {"12/26": 500, "34/26": 500}
    db.close()


def test_two_organisers_merging_the_same_file_at_once_count_it_once(
    pg_url: str, tmp_path: Path
) -> None:
    db = shared_store(pg_url, tmp_path)
    event_file = tmp_path / "event.json"
    export_event(db, EVENT, event_file)
    other = laptop(tmp_path, "laptop")
    from app.services.event_files import merge_file

    merge_file(other, event_file)
    event = get_event(other, EVENT)
    for number in range(300):
        record_event_letter(other, event, "12/26", target_index=1, count=1 + number % 3)
    records = tmp_path / "laptop.json"
    export_event(other, EVENT, records)
    other.close()
    outputs = run_together(
        [pg_url, "merge", str(records)],
        [pg_url, "merge", str(records)],
    )
    added = sorted(int(out.split()[1]) for out in outputs)
    print("records added by each organiser:", added)
    assert sum(added) == 300  # each record was added by exactly one of the two
    assert event_tally(db, EVENT).total == sum(1 + n % 3 for n in range(300))
    db.close()
