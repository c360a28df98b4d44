"""The sample corpus: every document parses exactly as its expected file says."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.importing import parse_file, parse_text
from tests.unit.importing.corpus import SAMPLES as DOCS
from tests.unit.importing.corpus import compare, expected_of


def test_the_sample_corpus_is_complete() -> None:
    assert len(DOCS) == 18
    assert all(p.with_suffix("").with_suffix(".expected.json").is_file() for p in DOCS)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_sample_document_matches_its_expected_file(path: Path) -> None:
    scores, detail = compare(expected_of(path), parse_file(path).to_json_dict())
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


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_whitespace_variants_parse_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    want = parse_text(text).to_json_dict()
    for name, variant in _variants(text).items():
        assert parse_text(variant).to_json_dict() == want, name


ROUND_TRIP = [
    p for p in DOCS if p.name[:3] in {"101", "104", "108", "110", "112", "113", "115", "116"}
]


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.stem[:3])
def test_typeset_as_pdf_parses_the_same(path: Path, make_pdf: Callable[..., Path]) -> None:
    text = path.read_text(encoding="utf-8")
    assert (
        parse_file(make_pdf(text, path.stem + ".pdf")).to_json_dict()
        == parse_text(text).to_json_dict()
    )
