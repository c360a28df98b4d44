"""Refusals are typed errors: the importer never translates, the command line and the window
word the reason in the reader's language when they show it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.cli.errors import reason_text
from app.domain.errors import ImportRejected
from app.domain.model import ImportOutcome, ImportResult
from app.importing import parse_file
from app.paths import resolve_paths
from app.services.importing import import_files
from app.store.database import open_database

IMPORTING = Path(__file__).resolve().parents[3] / "app" / "importing"


def test_the_importer_calls_no_gettext_function() -> None:
    for path in IMPORTING.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "app.i18n", path.name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"_", "ngettext", "pgettext"}, path.name


def test_a_refusal_carries_its_template_and_fields(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text("URGENT ACTION\n" + "x" * 2_100_000, encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        parse_file(big)
    error = caught.value
    assert error.source == "huge.txt"
    assert "{" in error.template and error.fields
    assert error.reason == error.message and "{" not in error.reason


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_the_reason_is_worded_in_the_language_of_the_moment_it_is_shown(
    tmp_path: Path, french: None
) -> None:
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    db = open_database(resolve_paths(tmp_path / "data"))
    try:
        [result] = import_files(db, [empty])
    finally:
        db.close()
    assert result.reason == "The file is empty: there is no text to import."
    assert reason_text(result) == "Le fichier est vide : il n'y a aucun texte à importer."


@pytest.mark.parametrize(
    ("language", "length", "size"),
    [("fr", "2\u202f100\u202f014", "2\u202f048"), ("de", "2.100.014", "2.048")],
)
def test_the_numbers_in_a_refusal_are_grouped_as_the_reader_groups_them(
    tmp_path: Path, english: None, language: str, length: str, size: str
) -> None:
    from app.ui.errors import error_text

    long_text = tmp_path / "long.txt"
    long_text.write_text("URGENT ACTION\n" + "x" * 2_100_000, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: refused by its size alone
    refusals = []
    for path in (long_text, huge):
        with pytest.raises(ImportRejected) as caught:
            parse_file(path)
        refusals.append(caught.value)
    assert "(2,100,014 characters)" in refusals[0].message  # the log's English
    i18n.set_language(language)
    too_long, too_large = (error_text(refusal) for refusal in refusals)  # the window's
    too_large_error = refusals[1]
    assert f"({length} " in too_long
    assert f"({size} " in too_large
    assert "2,100,014" not in too_long and "2,048" not in too_large
    refused = ImportResult(huge.name, ImportOutcome.REJECTED, problem=too_large_error)
    assert f"({size} " in reason_text(refused)  # the command line's words
