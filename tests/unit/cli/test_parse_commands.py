"""``appeal-desk parse``: one JSON object or a short summary; bad input exits 1; no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.main import main
from tests.unit.importing.conftest import FIXTURES


def test_parse_json_prints_one_object_in_the_schema(
    capsys: pytest.CaptureFixture[str], private_data_dir: Path
) -> None:
    assert main(["parse", "--json", str(FIXTURES / "french_2019_initial.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "ua_number", "ai_index", "kind", "action_requested", "title", "country", "issued_on",
        "deadline", "persons", "targets", "preferred_languages", "previous_ua_link", "document_language",
    ]  # fmt: skip
    assert data["ua_number"] == "17/24"
    assert data["targets"][0]["title"] == "Ministre de la Sécurité et de la Protection civile"
    assert not list(private_data_dir.rglob("*.sqlite*")) and not list(
        private_data_dir.rglob("*.db")
    )


def test_parse_without_json_prints_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "modern_pdf_initial.txt")]) == 0
    out = capsys.readouterr().out
    assert "UA 45/25" in out and "Deadline: Apr 23, 2025" in out
    assert "Official 2: Chairperson of the Provincial People’s Committee, Pham Van Sample" in out


def test_bad_input_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("Dear diary, today nothing happened at all.\n", encoding="utf-8")
    assert main(["parse", "--json", str(junk)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "does not look like an Urgent Action" in err
