"""The case lifecycle in a real SQLite store: create, update, close, dedupe, order."""

from __future__ import annotations

from datetime import date

from app.domain.model import CaseStatus, ImportOutcome, OutputKind, Person
from app.store import case_repository
from app.store.database import Database, row_counts
from tests.builders import make_document


def save(db: Database, **overrides: object) -> ImportOutcome:
    with db.unit_of_work() as session:
        return case_repository.save_document(session, make_document(**overrides), "doc.txt").outcome


def open_cases(db: Database) -> list[str]:
    with db.unit_of_work() as session:
        return [c.ua_number for c in case_repository.list_summaries(session)]


def test_new_document_creates_an_open_case(db: Database) -> None:
    assert save(db) is ImportOutcome.IMPORTED
    assert open_cases(db) == ["12/26"]
    with db.unit_of_work() as session:
        case = case_repository.detail(session, case_repository.case_row(session, "12/26"))
    assert case.targets[0].display_name == "Dr. Rui Costa"
    assert case.preferred_languages == ("Portuguese", "English")
    assert case.status is CaseStatus.OPEN


def test_same_document_twice_changes_nothing(db: Database) -> None:
    save(db)
    before = row_counts(db)
    assert save(db) is ImportOutcome.UNCHANGED
    assert row_counts(db) == before


def test_update_merges_into_the_case_and_moves_the_deadline(db: Database) -> None:
    save(db)
    outcome = save(
        db,
        kind=OutputKind.UPDATE,
        issued_on=date(2026, 2, 20),
        deadline=date(2026, 5, 1),
        persons=(Person("Bea Lima"),),
        text="update text",
    )
    assert outcome is ImportOutcome.UPDATED
    with db.unit_of_work() as session:
        case = case_repository.detail(session, case_repository.case_row(session, "12/26"))
    assert case.deadline == date(2026, 5, 1)
    assert {p.name for p in case.persons} == {"Ana Lima", "Bea Lima"}
    assert len(case.outputs) == 2
    assert row_counts(db)["cases"] == 1


def test_final_closes_and_an_older_document_does_not_reopen(db: Database) -> None:
    save(db)
    save(
        db,
        kind=OutputKind.FINAL,
        action_requested=False,
        deadline=None,
        issued_on=date(2026, 4, 1),
        targets=(),
        text="final text",
    )
    assert open_cases(db) == []
    save(db, kind=OutputKind.UPDATE, issued_on=date(2026, 2, 1), text="older update")
    assert open_cases(db) == []
    with db.unit_of_work() as session:
        case = case_repository.detail(session, case_repository.case_row(session, "12/26"))
    # the final names no official: the initial's full target block stays for the history
    assert case.targets[0].address == "1 Main St"
    assert case.status is CaseStatus.CLOSED


def test_document_without_number_matches_by_index_or_is_rejected(db: Database) -> None:
    save(db)
    assert (
        save(db, ua_number=None, kind=OutputKind.UPDATE, text="web copy") is ImportOutcome.UPDATED
    )
    outcome = save(
        db, ua_number=None, ai_index="EUR 01/0001/2026", kind=OutputKind.UPDATE, text="stranger"
    )
    assert outcome is ImportOutcome.REJECTED  # a follow-up of a UA that is not in the store
    assert row_counts(db)["outputs"] == 2
    # An initial UA known only by its index is a case of its own.
    outcome = save(db, ua_number=None, ai_index="EUR 01/0001/2026", text="newcomer")
    assert outcome is ImportOutcome.IMPORTED
    assert row_counts(db)["cases"] == 2
