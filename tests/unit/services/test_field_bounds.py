"""An imported document's fields are stored at a sane length; the whole text stays elsewhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.domain.model import Person, Target
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import save_parsed
from app.services.limits import FIELD_LIMITS, PERSON_NAME_LIMIT, TARGET_ADDRESS_LIMIT
from tests.builders import fictional_document


def test_a_megabyte_title_and_huge_names_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    huge = "FICTIONAL " * 100_000  # about 1 MB
    document = replace(
        fictional_document("12/26"),
        title=huge,
        persons=tuple(Person(f"Person {n} " + "x" * 5_000) for n in range(500)),
        targets=(Target("Minister " * 1_000, "Rui Costa", address="Street\n" * 10_000),),
    )
    db = open_store(resolve_paths(tmp_path / "data"))
    try:
        save_parsed(db, document, "huge.txt")
        case = get_case(db, "12/26")
    finally:
        db.close()

    assert len(case.title) == FIELD_LIMITS["title"] and case.title.endswith("\u2026")
    assert case.title.startswith("FICTIONAL FICTIONAL")
    assert 0 < len(case.persons) <= 100
    assert all(len(p.name) <= PERSON_NAME_LIMIT for p in case.persons)
    [target] = case.targets
    assert len(target.title or "") <= 300 and len(target.address or "") <= TARGET_ADDRESS_LIMIT
    assert target.name == "Rui Costa"
