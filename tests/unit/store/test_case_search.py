"""Searching the store's folded text, and the official's label as every read path spells it."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.model import Target, official_label
from app.main import main
from app.paths import resolve_paths
from app.services.cases import list_cases
from app.services.importing import save_parsed
from app.store.case_list import OFFICIAL_LABEL
from app.store.database import open_database
from tests.builders import event_case as fictional_document


@pytest.fixture
def home(tmp_path: Path) -> Path:
    data = tmp_path / "home"
    db = open_database(resolve_paths(data))
    sao = fictional_document("21/26", "FICTIONAL TEACHERS IN SÃO PAULO", "Brazil", "José Almeida")
    save_parsed(db, sao, "21.txt")
    other = fictional_document("22/26", "FICTIONAL EDITOR HELD", "Utopia", "Ana Lima")
    save_parsed(db, replace(other, targets=(Target("Governor", "Iñés Sáez"),)), "22.txt")
    db.close()
    return data


def test_the_store_search_ignores_case_and_accents(home: Path) -> None:
    db = open_database(resolve_paths(home))
    try:
        found = {
            word: [c.ua_number for c in list_cases(db, search=word)]
            for word in ("sao paulo", "JOSE", "ines saez", "governor", "100%", "")
        }
    finally:
        db.close()
    assert found == {
        "sao paulo": ["21/26"],
        "JOSE": ["21/26"],
        "ines saez": ["22/26"],  # an official's name
        "governor": ["22/26"],
        "100%": [],  # a LIKE wildcard is looked for as itself
        "": ["21/26", "22/26"],
    }


def test_the_list_command_searches(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(home), "list", "--search", "sao", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [case["ua_number"] for case in listed] == ["21/26"]


@pytest.mark.parametrize(
    ("title", "printed", "name"),
    [
        ("Minister of Justice", "Dr Jane Doe", "Jane Doe"),
        ("Minister of Justice", None, "Jane Doe"),
        ("Minister of Justice", "", ""),
        (None, None, "Jane Doe"),
        ("", "Dr Jane Doe", None),
        (None, None, None),
    ],
)
def test_sql_and_python_name_an_official_alike(
    title: str | None, printed: str | None, name: str | None
) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE targets (title TEXT, name_as_printed TEXT, name TEXT)")
    conn.execute("INSERT INTO targets VALUES (?, ?, ?)", (title, printed, name))
    [(in_sql,)] = conn.execute(f"SELECT {OFFICIAL_LABEL} FROM targets").fetchall()
    assert in_sql == official_label(title, printed, name)
    assert Target(title, name, name_as_printed=printed).label == official_label(
        title, printed, name
    )
