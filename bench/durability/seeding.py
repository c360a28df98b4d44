"""Fill a store with fictional data through the app's own services (every table gets rows)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from app.domain.model import Channel, OutputKind, ParsedDocument, Person, Target
from app.services.appeals import record_appeal
from app.services.importing import save_parsed
from app.store.database import Database
from app.store.schema import EventCaseRow, EventRow


def fictional_document(number: int) -> ParsedDocument:
    """UA ``number``/26 with fixed dates and two officials."""
    return ParsedDocument(
        ua_number=f"{number}/26",
        ai_index=f"AMR 99/{1000 + number}/2026",
        kind=OutputKind.INITIAL,
        action_requested=True,
        title=f"FICTIONAL CASE {number} (SAMPLE DATA)",
        country="Atlantis",
        issued_on=date(2026, 1, 10),
        deadline=date(2026, 3, 1),
        persons=(Person(f"Fictional Person {number}", "she/her"),),
        targets=(
            Target("Minister of Justice", "Rui Costa", "Dear Minister", "1 Main St", "m@x.example"),
            Target("Prosecutor", "Ada Lis", "Dear Prosecutor", "2 Main St", "p@x.example"),
        ),
        preferred_languages=("Portuguese", "English"),
        text=f"Fictional document {number} for tests.",
    )


def seed(db: Database, cases: int = 3, appeals_per_case: int = 2) -> None:
    """Cases with outputs, persons, targets; appeals; one event with its cases."""
    for number in range(1, cases + 1):
        save_parsed(db, fictional_document(number), f"fictional-{number}.txt")
        for index in range(appeals_per_case):
            record_appeal(
                db, f"{number}/26", target_index=1 + index % 2, channel=Channel.EMAIL, text="Hi"
            )
    with db.unit_of_work() as session:
        event = EventRow(
            uuid=str(uuid.uuid4()),
            name="Fictional write-a-thon",
            held_on=date(2026, 2, 1),
            place="Library",
            created_at=datetime.now(UTC),
        )
        session.add(event)
        session.flush()
        session.add(EventCaseRow(event_id=event.id, case_id=1, goal=10))
