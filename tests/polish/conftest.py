"""Fixtures for the polish tests: a real SQLite store in tmp_path with invented cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.model import OutputKind, ParsedDocument, Person, Target
from app.paths import AppPaths, resolve_paths
from app.services.database import Database, open_store
from app.services.importing import save_parsed

TODAY = date(2026, 3, 2)


def fictional_document(
    number: int,
    country: str,
    deadline_in: int | None,
    *,
    email: str | None = None,
    fax: str | None = None,
    title: str = "Fictional case",
) -> ParsedDocument:
    """An invented UA: made-up people and officials, for tests only."""
    return ParsedDocument(
        ua_number=f"{number}/26",
        ai_index=None,
        kind=OutputKind.INITIAL,
        action_requested=True,
        title=f"{title} {number} (fictional)",
        country=country,
        issued_on=TODAY - timedelta(days=10),
        deadline=None if deadline_in is None else TODAY + timedelta(days=deadline_in),
        persons=(Person(f"Invented Person {number}", "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                f"Invented Official {number}",
                address="1 Invented Street",
                email=email,
                fax=fax,
            ),
        ),
        model_letter="Dear Minister,\n\nPlease release Invented Person.\n\nYours sincerely,",
        text="fictional",
    )


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = open_store(paths)
    yield database
    database.close()


def add_cases(db: Database, *documents: ParsedDocument) -> None:
    for document in documents:
        save_parsed(db, document, f"ua-{document.ua_number}.txt")
