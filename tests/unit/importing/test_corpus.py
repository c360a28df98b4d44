"""The shared development corpus: every document parses exactly as its expected file says."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.importing import parse_file, parse_text

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


def _variants(text: str) -> dict[str, str]:
    return {
        "CRLF line ends": text.replace("\n", "\r\n"),
        "trailing blanks": text.replace("\n", "  \n"),
        "no-break spaces after labels": re.sub(r"(?<=[A-Za-z]): ", ":\u00a0", text),
        "tabs for indentation": text.replace("        ", "\t"),
        "extra blank lines": text.replace("\n\n", "\n\n\n"),
        "a BOM": "\ufeff" + text,
    }


@pytest.mark.skipif(not DOCS, reason="shared UA sample corpus not available")
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_whitespace_variants_parse_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    want = parse_text(text).to_json_dict()
    for name, variant in _variants(text).items():
        assert parse_text(variant).to_json_dict() == want, name


ROUND_TRIP = [
    p for p in DOCS if p.name[:3] in {"101", "104", "108", "110", "112", "113", "115", "116"}
]


@pytest.mark.skipif(not ROUND_TRIP, reason="shared UA sample corpus not available")
@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.stem[:3])
def test_typeset_as_pdf_parses_the_same(path: Path, make_pdf: Callable[..., Path]) -> None:
    text = path.read_text(encoding="utf-8")
    assert (
        parse_file(make_pdf(text, path.stem + ".pdf")).to_json_dict()
        == parse_text(text).to_json_dict()
    )
