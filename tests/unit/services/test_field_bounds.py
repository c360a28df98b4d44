"""An imported document's fields are stored at a sane length; the whole text stays elsewhere."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from app.domain.model import Person, Target
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import save_parsed
from app.services.limits import (
    FIELD_LIMITS,
    MAX_PEOPLE,
    PERSON_NAME_LIMIT,
    TARGET_ADDRESS_LIMIT,
    TARGET_FIELD_LIMIT,
    bounded_document,
)
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


def test_every_text_field_of_an_official_is_bounded() -> None:
    """A text field added to the official later must be cut too: every text field of a
    Target, filled far past any limit, comes back cut, and so do the document's lists."""
    huge = "y" * (TARGET_ADDRESS_LIMIT + 10_000)
    text_fields = {
        item.name: (huge,) * 300 if item.name == "social" else huge for item in fields(Target)
    }
    official = Target(**text_fields)  # type: ignore[arg-type]
    document = replace(
        fictional_document("12/26"),
        targets=(official,) * 300,
        copies_to=(huge,) * 300,
        preferred_languages=(huge,) * 300,
    )

    bounded = bounded_document(document)

    assert len(bounded.targets) == MAX_PEOPLE
    assert len(bounded.copies_to) == MAX_PEOPLE == len(bounded.preferred_languages)
    assert all(len(text) <= TARGET_ADDRESS_LIMIT for text in bounded.copies_to)
    assert all(len(text) <= 40 for text in bounded.preferred_languages)
    cut = bounded.targets[0]
    for item in fields(Target):
        value = getattr(cut, item.name)
        texts = value if isinstance(value, tuple) else (value,)
        assert len(texts) <= MAX_PEOPLE, item.name
        assert all(len(text) <= TARGET_ADDRESS_LIMIT for text in texts), item.name
        assert all(text.endswith("\u2026") for text in texts), item.name
    assert len(cut.title or "") <= TARGET_FIELD_LIMIT
