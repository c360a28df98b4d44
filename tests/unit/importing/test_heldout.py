"""The importer's own held-out corpus (tests/unit/importing/heldout): scored like the samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.importing import parse_file
from tests.unit.importing.corpus import HELDOUT as DOCS
from tests.unit.importing.corpus import compare, expected_of


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_heldout_document_matches_its_expected_file(path: Path) -> None:
    scores, detail = compare(expected_of(path), parse_file(path).to_json_dict())
    assert all(scores.values()), detail["mismatch"]


def test_the_heldout_corpus_covers_every_layout_family() -> None:
    assert len(DOCS) >= 40
    assert all(p.with_suffix("").with_suffix(".expected.json").is_file() for p in DOCS)


PDF_ROUND_TRIP = [
    p
    for p in DOCS
    if p.name[:3]
    in {"203", "213", "225", "226", "231", "240", "244", "246", "249", "265", "273", "279"}
]


@pytest.mark.parametrize("path", PDF_ROUND_TRIP, ids=lambda p: p.stem[:3])
def test_heldout_document_typeset_as_pdf_still_matches(
    path: Path, make_pdf: Callable[..., Path]
) -> None:
    pdf = make_pdf(path.read_text(encoding="utf-8"), path.stem + ".pdf")
    scores, detail = compare(expected_of(path), parse_file(pdf).to_json_dict())
    assert all(scores.values()), detail["mismatch"]
