"""The sample and held-out corpora of the importer tests, and the scorer's comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench import score_import
from tests.conftest import UA_SAMPLES

SAMPLES = sorted(UA_SAMPLES.glob("*.txt"))
HELDOUT = sorted((Path(__file__).parent / "heldout").glob("*.txt"))


def expected_of(path: Path) -> dict[str, Any]:
    """The parse result the document's ``.expected.json`` file asks for."""
    expected: dict[str, Any] = json.loads(
        path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    return expected


def compare(expected: dict[str, Any], got: dict[str, Any]) -> tuple[dict[str, int], Any]:
    """The scorer's field scores and detail (mismatches, sub-fields) for one document."""
    as_json = json.loads(json.dumps(got, ensure_ascii=False))
    scores, detail = score_import.compare(expected, as_json)
    return scores, detail
