"""The sentence a case deletion asks with: the case number in each language's grammar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import resolve_paths
from app.services.editing import preview_case_deletion
from app.services.samples import load_sample_pack
from app.store.database import Database, open_database
from app.ui.removal_text import removal_text


@pytest.fixture
def pack(tmp_path: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path / "data"))
    load_sample_pack(database)
    yield database
    database.close()


@pytest.mark.parametrize(
    ("language", "first_words"),
    [("en", "This removes UA 902/27"), ("fr", "Ceci supprime l'AU 902/27")],
)
def test_deleting_a_case_names_it_with_its_article(
    pack: Database, language: str, first_words: str
) -> None:
    from app.ui.application import apply_language

    preview = preview_case_deletion(pack, "902/27")
    apply_language(language)
    try:
        text = removal_text(preview)
    finally:
        apply_language("en")
    assert text.startswith(first_words)
