"""The shared development corpus: every document parses exactly as its expected file says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from app.importing import parse_file

from .conftest import SHARED_DOCS

DOCS = sorted(SHARED_DOCS.glob("*.txt")) if SHARED_DOCS.is_dir() else []


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "score_import", SHARED_DOCS.parent / "score_import.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DOCS, reason="shared UA sample corpus not available")
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_sample_document_matches_its_expected_file(path: Path) -> None:
    expected = json.loads(
        path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    got = json.loads(json.dumps(parse_file(path).to_json_dict(), ensure_ascii=False))
    scores, detail = _scorer().compare(expected, got)
    assert all(scores.values()), detail["mismatch"]
    for subfield, results in detail["sub"].items():
        assert all(results), subfield
