"""Event fixtures: a real SQLite store in tmp_path holding three fictional cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.model import OutputKind, ParsedDocument, Person, Target
from app.paths import resolve_paths
from app.services.importing import save_parsed
from app.store.database import Database, open_database

# Fictional cases (written for these tests; no real people).
FICTIONAL_CASES = (
    ("12/26", "FICTIONAL TEACHER DETAINED", "Atlantis", "Ana Lima"),
    ("34/26", "FICTIONAL JOURNALIST MISSING", "Utopia", "Bo Sand"),
    ("56/26", "FICTIONAL STUDENTS AT RISK", "Arcadia", "Cy Moor"),
)


def fictional_document(ua_number: str, title: str, country: str, person: str) -> ParsedDocument:
    return ParsedDocument(
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
            Target("Minister of Justice", "Rui Costa", "Dear Minister", "1 Main St", "m@x.example"),
            Target("Ambassador", "Eva Ruiz", "Your Excellency", "2 Embassy Rd", None),
        ),
        preferred_languages=("English",),
        model_letter="I am writing to ask you to release the person named above.",
        text=f"fictional initial text for {ua_number}",
    )


def add_fictional_cases(db: Database) -> None:
    for ua, title, country, person in FICTIONAL_CASES:
        save_parsed(db, fictional_document(ua, title, country, person), f"{ua}.txt")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(data_dir))
    add_fictional_cases(database)
    yield database
    database.close()


def laptop(tmp_path: Path, name: str) -> Database:
    """Another laptop: its own SQLite store with the same fictional cases imported."""
    database = open_database(resolve_paths(tmp_path / name))
    add_fictional_cases(database)
    return database
