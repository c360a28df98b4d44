"""Schema fixtures: a data-filled store file for every released schema version.

Before adding a migration, run ``python -m tests.durability.schema_fixtures`` once: it writes
``tests/fixtures/schemas/<current head>.sqlite3`` (fictional rows in every table) with the
app's own services, so the migration tests upgrade it from then on.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.sqlite3"))


def write_fixture(folder: Path = FIXTURES) -> Path:
    """Create a store at the current head, fill every table, and save it as one file."""
    from app.paths import resolve_paths
    from app.store.database import open_database
    from app.store.migrator import HEAD
    from bench.durability.seeding import seed

    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(tmp)
        db = open_database(paths)
        seed(db, cases=4, appeals_per_case=3)
        _seed_history(db)
        db.close()
        with closing(sqlite3.connect(paths.database, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("VACUUM")
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{HEAD}.sqlite3"
        shutil.copyfile(paths.database, target)
    return target


def _seed_history(db: object) -> None:
    """A correction, a later document's difference, an earlier appeal text and a deleted
    event letter: the tables that only editing and merging fill, so that every table of a
    fixture holds rows."""
    from datetime import UTC, datetime

    from app.store.schema import (
        AppealVersionRow,
        CaseCorrectionRow,
        CaseDifferenceRow,
        EventDeletionRow,
        EventRow,
    )

    now = datetime.now(UTC)
    with db.unit_of_work() as session:  # type: ignore[attr-defined]
        session.add(
            CaseCorrectionRow(
                case_id=1,
                field="title",
                user_value='"Corrected"',
                document_value='"As printed"',
                corrected_at=now,
            )
        )
        session.add(
            CaseDifferenceRow(case_id=1, field="title", document_value='"Later"', noticed_at=now)
        )
        session.add(AppealVersionRow(appeal_id=1, text="An earlier text", replaced_at=now))
        event = session.query(EventRow).order_by(EventRow.id).first()
        if event is not None:  # an event letter deleted on some laptop
            session.add(
                EventDeletionRow(
                    uuid="00000000-0000-4000-8000-00000000dead", event_id=event.id, deleted_at=now
                )
            )


def older_backup_with_many_imports(file: Path) -> Path:
    """A backup of the 0010 schema with 2,000 more imports recorded: its upgrade rebuilds the
    table of imports, which then needs about a megabyte more than the copy itself."""
    shutil.copyfile(FIXTURES / "0010_case_list_indexes.sqlite3", file)
    with closing(sqlite3.connect(file)) as backup:
        with backup:
            backup.executemany(
                "INSERT INTO import_batches (label, started_at) VALUES (?, '2026-01-10 09:00:00')",
                [(f"ua-{number}.pdf " + "x" * 500,) for number in range(2000)],
            )
        backup.execute("VACUUM")
    return file


if __name__ == "__main__":
    print(write_fixture())
