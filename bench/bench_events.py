"""Benchmark: export, merge (first time and again) and tally of a big event; prints figures.

Run: ``.venv/bin/python bench/bench_events.py [RECORDS]`` (default 20,000). With
APPEAL_DESK_TEST_PG_URL set, the organiser's store is a fresh database on that PostgreSQL
server (created for the run and dropped afterwards); the laptop's store is always SQLite.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.model import (  # noqa: E402
    AppealKind,
    Channel,
    OutputKind,
    ParsedDocument,
    Person,
    Target,
)
from app.paths import resolve_paths  # noqa: E402
from app.services.event_files import export_event, merge_file  # noqa: E402
from app.services.events import create_event, event_tally, get_event  # noqa: E402
from app.services.importing import save_parsed  # noqa: E402
from app.store import event_repository  # noqa: E402
from app.store.database import Database, open_database  # noqa: E402

EVENT = "Benchmark marathon (fictional)"

# Three invented cases (no real people), the same on every laptop and on the organiser's store.
FICTIONAL_CASES = (
    ("12/26", "FICTIONAL TEACHER DETAINED", "Atlantis", "Ana Lima"),
    ("34/26", "FICTIONAL JOURNALIST MISSING", "Utopia", "Bo Sand"),
    ("56/26", "FICTIONAL STUDENTS AT RISK", "Arcadia", "Cy Moor"),
)


def add_fictional_cases(db: Database) -> None:
    """Import the three invented cases through the services, as a volunteer's import would."""
    for ua_number, title, country, person in FICTIONAL_CASES:
        document = ParsedDocument(
            ua_number=ua_number,
            ai_index=None,
            kind=OutputKind.INITIAL,
            action_requested=True,
            title=title,
            country=country,
            issued_on=date(2026, 1, 10),
            deadline=date(2026, 12, 31),
            persons=(Person(person, "she/her"),),
            targets=(
                Target(
                    "Minister of Justice", "Rui Costa", "Dear Minister", "1 Main St", "m@x.example"
                ),
                Target("Ambassador", "Eva Ruiz", "Your Excellency", "2 Embassy Rd", None),
            ),
            preferred_languages=("English",),
            model_letter="I am writing to ask you to release the person named above.",
            text=f"fictional initial text for {ua_number}",
        )
        save_parsed(db, document, f"{ua_number}.txt")


def fill(db: Database, records: int) -> None:
    """Insert ``records`` event letters quickly (one transaction) on a laptop store."""
    event = get_event(db, EVENT)
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    with db.unit_of_work() as session:
        ids = event_repository.case_ids_by_number(session, ["12/26", "34/26", "56/26"])
        rows = [
            {
                "uuid": str(uuid.uuid4()),
                "case_id": list(ids.values())[n % 3],
                "event_id": event.event_id,
                "target_position": 1,
                "target_label": "Minister of Justice, Rui Costa",
                "kind": (AppealKind.APPEAL, AppealKind.SOLIDARITY)[n % 2].value,
                "status": "sent",
                "channel": (Channel.POST, Channel.EMAIL)[n % 2].value,
                "sent_on": date(2026, 12, 10),
                "language": "en",
                "text": "",
                "count": 1 + n % 3,
                "created_at": now,
                "updated_at": now,
            }
            for n in range(records)
        ]
        event_repository.insert_records_ignoring_duplicates(session, rows)


def organiser_store(root: Path) -> tuple[Database, str | None]:
    base = os.environ.get("APPEAL_DESK_TEST_PG_URL")
    if not base:
        return open_database(resolve_paths(root / "organiser")), None
    from sqlalchemy import create_engine, make_url, text

    name = f"appeal_desk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    return open_database(resolve_paths(root / "organiser"), url=url), name


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    print(f"{label:<40} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        laptop = open_database(resolve_paths(root / "laptop"))
        add_fictional_cases(laptop)
        create_event(laptop, EVENT, cases=["12/26", "34/26", "56/26"], goal=1000)
        fill(laptop, records)
        out = root / "laptop.json"
        timed(f"export {records} records", lambda: export_event(laptop, EVENT, out))
        print(f"{'file size':<40} {out.stat().st_size / 1e6:8.2f} MB")
        organiser, pg_name = organiser_store(root)
        add_fictional_cases(organiser)
        print(f"organiser store: {organiser.dialect}")
        first = timed("merge (all new)", lambda: merge_file(organiser, out))
        again = timed("merge again (all present)", lambda: merge_file(organiser, out))
        tally = timed("tally", lambda: event_tally(organiser, EVENT))
        print(
            f"added {first.added}, then {again.added} added / {again.already_present} present;"
            f" tally total {tally.total}"
        )
        organiser.close()
        laptop.close()
        if pg_name:
            from sqlalchemy import create_engine, text

            admin = create_engine(
                os.environ["APPEAL_DESK_TEST_PG_URL"], isolation_level="AUTOCOMMIT"
            )
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{pg_name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
