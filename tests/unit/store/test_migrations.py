"""Migrations: HEAD matches Alembic's head, a new store is stamped, pragmas are in force."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.paths import resolve_paths
from app.services.cases import get_case
from app.store.database import Database, open_database
from app.store.migrator import HEAD, SCRIPT_LOCATION, current_revision

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


def test_head_constant_matches_the_migration_scripts() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD


def test_new_store_is_at_head_with_durable_pragmas(db: Database) -> None:
    assert current_revision(db.engine) == HEAD
    with db.engine.connect() as conn:
        pragmas = [
            conn.execute(text(f"PRAGMA {p}")).scalar()
            for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        ]
    assert pragmas == [1, "wal", 2, 5000]


def test_reopening_an_up_to_date_store_makes_no_backup(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "d")
    open_database(paths).close()
    open_database(paths).close()
    assert not paths.backups.exists() or not list(paths.backups.iterdir())


def test_sex_marks_stored_before_are_read_in_the_uas_own_convention(tmp_path: Path) -> None:
    # A Spanish UA's "(m)" is a woman and "(h)" a man; an English UA's "(m)" stays a man.
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMAS / "0007_case_counts_index.sqlite3", paths.database)
    spanish = {"document_language": "es", "persons": [
        {"name": "Felipa Ejemplo", "pronouns": "m"}, {"name": "Rogelio Muestra", "pronouns": "h"}
    ]}  # fmt: skip
    with closing(sqlite3.connect(paths.database)) as conn:
        (spanish_case, english_case) = [row[0] for row in conn.execute(
            "SELECT id FROM cases ORDER BY id LIMIT 2"
        )]  # fmt: skip
        conn.execute("UPDATE cases SET document_language = 'es' WHERE id = ?", (spanish_case,))
        conn.execute("UPDATE cases SET document_language = 'en' WHERE id = ?", (english_case,))
        conn.execute("DELETE FROM persons WHERE case_id IN (?, ?)", (spanish_case, english_case))
        conn.executemany(
            "INSERT INTO persons (case_id, position, name, pronouns) VALUES (?, ?, ?, ?)",
            [
                (spanish_case, 1, "Felipa Ejemplo", "m"),
                (spanish_case, 2, "Rogelio Muestra", "h"),
                (english_case, 1, "Lee Fictional", "m"),
            ],
        )
        conn.execute(
            "UPDATE outputs SET parsed_json = ? WHERE case_id = ?",
            (json.dumps(spanish), spanish_case),
        )
        conn.commit()
        ua_numbers = [
            conn.execute("SELECT ua_number FROM cases WHERE id = ?", (case,)).fetchone()[0]
            for case in (spanish_case, english_case)
        ]
    db = open_database(paths)
    try:
        marks = [[(p.name, p.pronouns) for p in get_case(db, n).persons] for n in ua_numbers]
    finally:
        db.close()
    assert marks[0] == [("Felipa Ejemplo", "f"), ("Rogelio Muestra", "m")]
    assert marks[1] == [("Lee Fictional", "m")]
    with closing(sqlite3.connect(paths.database)) as conn:
        stored = [
            json.loads(row[0]).get("persons")
            for row in conn.execute(
                "SELECT parsed_json FROM outputs WHERE case_id = ?", (spanish_case,)
            )
        ]
    assert stored and all(
        persons
        == [
            {"name": "Felipa Ejemplo", "pronouns": "f"},
            {"name": "Rogelio Muestra", "pronouns": "m"},
        ]
        for persons in stored
    )


def store_at_revision(
    url: str,
    revision: str,
    path: Path | None = None,
    fill: Callable[[Database], None] | None = None,
) -> Database:
    """A store at ``revision``, as an older version left it, holding what ``fill`` records.

    This version's services write this version's rows, so ``fill`` runs on the newest
    schema, which the migrations then take down to ``revision`` (with SQLite's foreign keys
    off, as the upgrade has them)."""
    from alembic import command

    from app.store.database import make_engine

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision if fill is None else "head")
    if fill is None:
        return Database(engine, path)
    filled = Database(engine, path)
    fill(filled)
    filled.close()
    engine = make_engine(url)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if engine.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
    return Database(engine, path)


def fill_an_evening(db: Database) -> None:
    """Three cases, two events and their letters by post and e-mail, one still a draft."""
    from app.domain.model import AppealKind, AppealStatus, Channel
    from app.services.appeals import update_status
    from app.services.events import create_event, record_event_letter
    from tests.builders import add_event_cases

    add_event_cases(db)
    evening = create_event(db, "Evening", cases=["12/26", "34/26", "56/26"], goal=10)
    other = create_event(db, "Other evening", cases=["12/26"])
    record_event_letter(db, evening, "12/26", target_index=1, count=3)
    record_event_letter(db, evening, "12/26", target_index=1, channel=Channel.EMAIL)
    record_event_letter(db, evening, "34/26", target_index=None, kind=AppealKind.SOLIDARITY)
    drafted = record_event_letter(db, evening, "56/26", target_index=1, count=2)
    update_status(db, drafted.appeal_id, AppealStatus.DRAFT)
    record_event_letter(db, other, "12/26", target_index=1, count=5)


def an_older_store_upgrades_with_every_row_and_the_same_tally(
    url: str, tmp_path: Path, path: Path | None = None
) -> Database:
    """Fill a store as version 0008 left it, open it with this version: every row is kept,
    both tallies read the same, and the tally index is there. Returns the upgraded store."""
    from sqlalchemy import inspect

    from app.services.events import event_tally
    from app.store.database import row_counts

    old = store_at_revision(url, "0008_sex_marks", path, fill_an_evening)
    rows_before = row_counts(old)
    tallies_before = [event_tally(old, name) for name in ("Evening", "Other evening")]
    old.close()

    upgraded = open_database(resolve_paths(tmp_path / "laptop"), url=url)
    assert current_revision(upgraded.engine) == HEAD
    assert row_counts(upgraded) == {**rows_before, "event_deletions": 0}
    assert [event_tally(upgraded, name) for name in ("Evening", "Other evening")] == (
        tallies_before
    )
    assert [t.total for t in tallies_before] == [5, 5]
    with upgraded.engine.connect() as conn:  # each letter's edit time is its last change
        assert (
            conn.execute(
                text("SELECT COUNT(*) FROM appeals WHERE edited_at <> updated_at")
            ).scalar()
            == 0
        )
    indexes = {index["name"] for index in inspect(upgraded.engine).get_indexes("appeals")}
    assert "ix_appeals_event_tally" in indexes and "ix_appeals_event_id" not in indexes
    return upgraded


def test_a_store_of_the_previous_version_upgrades_keeping_its_event_letters(
    tmp_path: Path,
) -> None:
    file = tmp_path / "old.sqlite3"
    db = an_older_store_upgrades_with_every_row_and_the_same_tally(
        f"sqlite:///{file}", tmp_path, file
    )
    from app.services.events import get_event

    event_id = get_event(db, "Evening").event_id
    with db.engine.connect() as conn:
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT case_id, channel, kind, SUM(count) FROM appeals"
                " WHERE event_id = :event AND status IN ('printed', 'sent')"
                " GROUP BY case_id, channel, kind"
            ),
            {"event": event_id},
        ).fetchall()
    db.close()
    assert [row[-1] for row in plan] == [
        "SEARCH appeals USING COVERING INDEX ix_appeals_event_tally (event_id=?)"
    ]


def an_older_store_upgrades_with_every_row_and_the_same_case_list(
    url: str, tmp_path: Path, path: Path | None = None
) -> Database:
    """Fill a store as version 0009 left it, open it with this version: every row is kept,
    the case list reads the same (persons and officials in their order), and a case's
    persons and officials have their new index in place of the old. Returns the store."""
    from sqlalchemy import inspect

    from app.services.cases import list_cases
    from app.store.database import row_counts

    old = store_at_revision(url, "0009_event_tally_index", path, fill_an_evening)
    rows_before = row_counts(old)
    listed_before = list_cases(old, include_closed=True)
    old.close()
    assert all(case.persons and case.officials for case in listed_before)

    upgraded = open_database(resolve_paths(tmp_path / "laptop"), url=url)
    assert current_revision(upgraded.engine) == HEAD
    assert row_counts(upgraded) == {**rows_before, "event_deletions": 0}
    assert list_cases(upgraded, include_closed=True) == listed_before
    for table in ("persons", "targets"):
        indexes = {index["name"] for index in inspect(upgraded.engine).get_indexes(table)}
        assert f"ix_{table}_case_list" in indexes and f"ix_{table}_case_id" not in indexes
    return upgraded


def test_a_store_of_the_previous_version_upgrades_keeping_its_case_list(tmp_path: Path) -> None:
    file = tmp_path / "old.sqlite3"
    db = an_older_store_upgrades_with_every_row_and_the_same_case_list(
        f"sqlite:///{file}", tmp_path, file
    )
    with db.engine.connect() as conn:
        plans = [
            conn.execute(
                text(
                    f"EXPLAIN QUERY PLAN SELECT {shown} FROM {table} WHERE case_id = 1"
                    " ORDER BY position"
                )
            ).fetchall()[-1][-1]
            for table, shown in (("persons", "name"), ("targets", "title, name, name_as_printed"))
        ]
    db.close()
    # SQLite reads what the list shows from the index alone, already in order
    assert plans == [
        "SEARCH persons USING COVERING INDEX ix_persons_case_list (case_id=?)",
        "SEARCH targets USING COVERING INDEX ix_targets_case_list (case_id=?)",
    ]


def test_a_store_of_the_previous_version_gets_edit_times_and_an_empty_list_of_deletions(
    tmp_path: Path,
) -> None:
    """The store file the previous version wrote: each appeal's edit time is its last change
    there (``updated_at``), and nothing counts as deleted."""
    from app.store.schema import AppealRow, EventDeletionRow

    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMAS / "0011_import_before_restore.sqlite3", paths.database)
    with closing(sqlite3.connect(paths.database)) as conn:
        stored = conn.execute("SELECT id, updated_at FROM appeals ORDER BY id").fetchall()
    assert stored
    db = open_database(paths)
    try:
        assert current_revision(db.engine) == HEAD
        with db.unit_of_work() as session:
            times = [
                (row.id, row.edited_at.replace(tzinfo=None), row.updated_at.replace(tzinfo=None))
                for row in session.query(AppealRow).order_by(AppealRow.id)
            ]
            assert session.query(EventDeletionRow).count() == 0
    finally:
        db.close()
    assert [row_id for row_id, _e, _u in times] == [row_id for row_id, _u in stored]
    assert all(edited == updated for _id, edited, updated in times)
