"""The fictional sample pack: labelled as fictional, invented addresses, parses cleanly."""

from __future__ import annotations

from datetime import date

from app.domain.model import OutputKind
from app.importing import parse_file
from app.samples import SAMPLE_NOTICE, sample_paths


def test_three_samples_are_shipped_and_say_they_are_fictional() -> None:
    paths = sample_paths()
    assert len(paths) == 3
    for path in paths:
        assert path.read_text(encoding="utf-8").splitlines()[0] == SAMPLE_NOTICE


def test_samples_parse_cleanly_with_invented_contacts_and_future_deadlines() -> None:
    parsed = [parse_file(path) for path in sample_paths()]
    for doc in parsed:
        assert doc.ua_number and doc.ai_index and doc.title and doc.country
        assert doc.deadline is not None and doc.deadline >= date(2027, 1, 1)
        assert doc.persons and doc.targets and doc.model_letter
        for target in doc.targets:
            assert target.email and target.email.endswith(".example")
    kinds = sorted(doc.kind.value for doc in parsed)
    assert kinds == ["initial", "initial", "update"]
    assert any(len(doc.targets) == 2 for doc in parsed)
    spanish = next(doc for doc in parsed if doc.preferred_languages[:1] == ("Spanish",))
    assert spanish.preferred_languages == ("Spanish", "English")
    assert spanish.targets[0].gender == "f"
    update = next(doc for doc in parsed if doc.kind is OutputKind.UPDATE)
    assert update.previous_ua_link is not None
    assert update.ua_number in {doc.ua_number for doc in parsed if doc.kind is OutputKind.INITIAL}


def test_initial_outputs_come_before_their_updates() -> None:
    names = [path.name for path in sample_paths()]
    assert names.index("ua-901-27-initial.txt") < names.index("ua-901-27-update.txt")
