"""Store fixtures: a real SQLite file in tmp_path and small parsed documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.model import OutputKind, ParsedDocument, Person, Target
from app.paths import resolve_paths
from app.store.database import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(resolve_paths(tmp_path / "data"))
    yield database
    database.close()


def make_document(**overrides: object) -> ParsedDocument:
    values: dict[str, object] = dict(
        ua_number="12/26",
        ai_index="AMR 99/1234/2026",
        kind=OutputKind.INITIAL,
        action_requested=True,
        title="FICTIONAL TEACHER DETAINED",
        country="Atlantis",
        issued_on=date(2026, 1, 10),
        deadline=date(2026, 3, 1),
        persons=(Person("Ana Lima", "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                "Rui Costa",
                "Dear Minister",
                "1 Main St",
                "m@x.example",
                name_as_printed="Dr. Rui Costa",
            ),
        ),
        preferred_languages=("Portuguese", "English"),
        text="initial text",
    )
    values.update(overrides)
    return ParsedDocument(**values)  # type: ignore[arg-type]
