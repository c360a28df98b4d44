"""Partial pastes: every fixture cut at a quarter, half and three quarters never crashes and
never yields a wrong UA number; a partial UA with a number or an index is never rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import ImportRejected
from app.importing import parse_text

HERE = Path(__file__).parent
FOLDERS = [
    HERE / "heldout",
    HERE / "blind",
    HERE / "blind3",
    HERE / "blind4",
    HERE / "blind5",
    HERE / "blind6",
    HERE / "blind7",
    HERE / "blind8",
    HERE / "blind9",
    HERE / "real_layouts",
    HERE.parents[1] / "fixtures" / "ua-samples",
]
DOCUMENTS = sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.glob("*.txt"))


def _expected_number(path: Path) -> str | None:
    expected = path.with_suffix("").with_suffix(".expected.json")
    number: str | None = json.loads(expected.read_text(encoding="utf-8"))["ua_number"]
    return number


def test_the_corpora_are_there() -> None:
    assert len(DOCUMENTS) >= 220


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem[:3])
def test_a_cut_document_never_crashes_nor_takes_a_wrong_number(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _expected_number(path)
    for share in (0.25, 0.5, 0.75):
        cut = text[: int(len(text) * share)]
        try:
            parsed = parse_text(cut, path.name)
        except ImportRejected:  # a refusal with its reason is a clean outcome
            continue
        assert parsed.ua_number in (None, expected), (share, parsed.ua_number)


def test_a_partial_ua_with_only_a_number_or_an_index_is_kept() -> None:
    for fragment in (
        "UA 41/19 Fear for the safety of a teacher who was threatened after the",
        "AFR 25/021/2007\nThe authorities arrested a village teacher on 3 May and",
    ):
        parsed = parse_text(fragment, "fragment")
        assert parsed.ua_number or parsed.ai_index
