"""The importer's own held-out corpus (tests/unit/importing/heldout): scored like the shared one."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.importing import parse_file

from .conftest import SHARED_DOCS

HELDOUT = Path(__file__).parent / "heldout"
DOCS = sorted(HELDOUT.glob("*.txt"))
SCORER = SHARED_DOCS.parent / "score_import.py"


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SCORER.is_file(), reason="shared scorer not available")
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_heldout_document_matches_its_expected_file(path: Path) -> None:
    expected = json.loads(
        path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    got = json.loads(json.dumps(parse_file(path).to_json_dict(), ensure_ascii=False))
    scores, detail = _scorer().compare(expected, got)
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


@pytest.mark.skipif(not SCORER.is_file(), reason="shared scorer not available")
@pytest.mark.parametrize("path", PDF_ROUND_TRIP, ids=lambda p: p.stem[:3])
def test_heldout_document_typeset_as_pdf_still_matches(
    path: Path, make_pdf: Callable[..., Path]
) -> None:
    expected = json.loads(
        path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    pdf = make_pdf(path.read_text(encoding="utf-8"), path.stem + ".pdf")
    got = json.loads(json.dumps(parse_file(pdf).to_json_dict(), ensure_ascii=False))
    scores, detail = _scorer().compare(expected, got)
    assert all(scores.values()), detail["mismatch"]
