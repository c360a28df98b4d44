"""Anchored patterns find exactly what their plain patterns find, in every document we keep."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest

from app.importing import identity, status
from app.importing.anchored import Anchored
from app.importing.document import Document

FIXTURES = Path(__file__).resolve().parents[2]
ANCHORED = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (identity, status)
    for name, value in vars(module).items()
    if isinstance(value, Anchored)
}


@cache
def _texts() -> tuple[str, ...]:
    """Every fixture document as printed and with letters of random case (OCR, shouting
    headings), each in the forms the recognisers search: normalised, body, flat, folded."""
    shuffle = random.Random(7)
    texts: list[str] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in {".txt", ".md", ".eml", ".mbox", ".html"} or not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        if not raw.strip():
            continue
        chars = list(raw)
        for _ in range(len(chars) // 20):
            i = shuffle.randrange(len(chars))
            chars[i] = chars[i].swapcase()
        for variant in (raw, "".join(chars)):
            doc = Document(variant)
            texts += [doc.text, doc.flat_body, doc.flat.casefold()]
    return tuple(texts)


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_the_recognisers_use_anchored_patterns() -> None:
    assert {"status._FINAL_PHRASES", "status._UPDATE_PHRASES", "identity._LINK_LABELS"} <= set(
        ANCHORED
    )


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_same_matches_as_the_plain_pattern_in_every_fixture(name: str) -> None:
    anchored = ANCHORED[name]
    texts = _texts()
    for text in texts:
        assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text))
    assert len(texts) > 1000


def test_a_match_is_found_wherever_it_begins() -> None:
    pattern = Anchored(
        re.compile(r"(?<![\w-])(?:d[ée]lai|frist)\s*:|update", re.I), ["d", "f", "u"]
    )
    text = "Délai : 3 mai. Le-délai: non. FRIST: 2. an UPDATE, updated"
    assert _spans(pattern.finditer(text)) == _spans(pattern.pattern.finditer(text))
    assert [m.group(0) for m in pattern.finditer(text)] == ["Délai :", "FRIST:", "UPDATE", "update"]
    assert pattern.search("nothing here") is None


def test_letters_that_lower_case_would_misplace_use_the_plain_pattern() -> None:
    # "ı" (dotless i) matches "I" when case is ignored, but lower-cases to itself.
    pattern = Anchored(re.compile(r"fristıng|frist", re.I), ["frist"])
    for text in ("FRISTING and İstanbul frist", "fristıng", "ſome frist"):
        assert _spans(pattern.finditer(text)) == _spans(pattern.pattern.finditer(text))
