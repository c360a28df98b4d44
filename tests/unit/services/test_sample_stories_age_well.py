"""The practice cases' stories and model letters name no date: read in any year, "threats since
March 2027" would look wrong (before that month, a date in the future; long after, stale)."""

from __future__ import annotations

import re
from pathlib import Path

from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.samples import load_sample_pack
from app.store.database import open_database

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
A_DATE = re.compile(rf"\b(?:{MONTHS})\b|\b(?:19|20)\d\d\b")


def test_the_sample_stories_and_letters_name_no_date(tmp_path: Path) -> None:
    db = open_database(resolve_paths(tmp_path / "data"))
    try:
        results = load_sample_pack(db)
        numbers = sorted({result.ua_number for result in results if result.ua_number})
        assert numbers == ["901/27", "902/27"]
        for number in numbers:
            case = get_case(db, number)
            assert case.summary and case.model_letter  # the texts a participant reads
            for text in (case.summary, case.model_letter):
                assert A_DATE.findall(text) == [], (number, text)
    finally:
        db.close()
