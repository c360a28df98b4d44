"""Every fictional case the tests build: parsed documents, stored cases and case details.

Also the stores the tests open (empty, the three event cases, the shipped samples with a few
recorded appeals) and a row-by-row dump to compare a store before and after.

All people, officials, addresses and countries here are invented for the tests. Each builder
keeps the values its tests assert on; they share the parts that do not matter to them.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.domain.model import (
    AppealKind,
    AppealStatus,
    CaseDetail,
    CaseStatus,
    CaseSummary,
    Channel,
    OutputKind,
    ParsedDocument,
    Person,
    Target,
)
from app.paths import AppPaths, resolve_paths
from app.samples import sample_paths
from app.services.appeals import record_appeal, record_reply
from app.services.database import Database, open_store
from app.services.importing import import_files, save_parsed
from app.store.database import open_database

SAMPLES = Path(__file__).resolve().parents[1] / "app" / "samples"
INITIAL_901 = SAMPLES / "ua-901-27-initial.txt"
UPDATE_901 = SAMPLES / "ua-901-27-update.txt"
INITIAL_902 = SAMPLES / "ua-902-27-initial.txt"

SENDER = "Jo Quillwright"  # the (fictional) writer who signs the letters
SENDER_ADDRESS = "7 Inkpot Lane"

# The fixed "today" of the tests that plan deadlines (Write today, urgency, diagnostics).
TODAY = date(2026, 3, 2)

MINISTER = Target("Minister of Justice", "Rui Costa", "Dear Minister", "1 Main St", "m@x.example")


FICTIONAL_ISSUE_DAY = date(2026, 1, 10)


def fictional_document(
    ua_number: str = "12/26",
    title: str = "FICTIONAL TEACHER DETAINED FOR A POEM",
    country: str = "Atlantis",
    deadline: date | None = None,
    person: str = "Ana Lima",
    official: str = "Rui Costa",
    kind: OutputKind = OutputKind.INITIAL,
) -> ParsedDocument:
    """A small invented UA due from the real today (the window's cases), issued early in 2026
    so that the appeals the tests record in 2026 go out after it."""
    return ParsedDocument(
        ua_number=ua_number,
        ai_index=f"AMR 99/{ua_number.replace('/', '')}/2026",
        kind=kind,
        action_requested=kind != OutputKind.FINAL,
        title=title,
        country=country,
        issued_on=FICTIONAL_ISSUE_DAY,
        deadline=deadline or date.today() + timedelta(days=20),
        persons=(Person(person, "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                official,
                "Dear Minister",
                "1 Fictional Avenue\nPort Example\nAtlantis",
                "minister@justice.example",
            ),
            Target("Prosecutor General", "Mara Vento", "Dear Prosecutor General", "2 Court Street"),
        ),
        preferred_languages=("English",),
        summary=f"{person} is a fictional teacher held for reading a poem aloud.",
        model_letter=f"I urge you to release {person} immediately and unconditionally.",
        text=f"fictional {ua_number} {kind.value} {title}",
    )


def numbered_case(
    number: int,
    country: str,
    deadline_in: int | None,
    *,
    email: str | None = None,
    fax: str | None = None,
    title: str = "Fictional case",
) -> ParsedDocument:
    """UA ``number``/26 in ``country``, due ``deadline_in`` days after :data:`TODAY`."""
    return ParsedDocument(
        ua_number=f"{number}/26",
        ai_index=None,
        kind=OutputKind.INITIAL,
        action_requested=True,
        title=f"{title} {number} (fictional)",
        country=country,
        issued_on=TODAY - timedelta(days=10),
        deadline=None if deadline_in is None else TODAY + timedelta(days=deadline_in),
        persons=(Person(f"Invented Person {number}", "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                f"Invented Official {number}",
                address="1 Invented Street",
                email=email,
                fax=fax,
            ),
        ),
        model_letter="Dear Minister,\n\nPlease release Invented Person.\n\nYours sincerely,",
        text="fictional",
    )


def make_document(**overrides: object) -> ParsedDocument:
    """UA 12/26 with fixed dates and one official printed with a title; any field replaced."""
    document = ParsedDocument(
        ua_number="12/26",
        ai_index="AMR 99/1234/2026",
        kind=OutputKind.INITIAL,
        action_requested=True,
        title="FICTIONAL TEACHER DETAINED",
        country="Atlantis",
        issued_on=date(2026, 1, 10),
        deadline=date(2026, 3, 1),
        persons=(Person("Ana Lima", "she/her"),),
        targets=(replace(MINISTER, name_as_printed="Dr. Rui Costa"),),
        preferred_languages=("Portuguese", "English"),
        text="initial text",
    )
    return replace(document, **overrides)  # type: ignore[arg-type]


# Three invented cases the event tests share between laptops and the organiser's store.
EVENT_CASES = (
    ("12/26", "FICTIONAL TEACHER DETAINED", "Atlantis", "Ana Lima"),
    ("34/26", "FICTIONAL JOURNALIST MISSING", "Utopia", "Bo Sand"),
    ("56/26", "FICTIONAL STUDENTS AT RISK", "Arcadia", "Cy Moor"),
)


def event_case(ua_number: str, title: str, country: str, person: str) -> ParsedDocument:
    """One of :data:`EVENT_CASES`: a minister and an ambassador to write to."""
    return ParsedDocument(
        ua_number=ua_number,
        ai_index=None,
        kind=OutputKind.INITIAL,
        action_requested=True,
        title=title,
        country=country,
        issued_on=date(2026, 1, 10),
        deadline=date(2026, 12, 31),
        persons=(Person(person, "she/her"),),
        targets=(
            MINISTER,
            Target("Ambassador", "Eva Ruiz", "Your Excellency", "2 Embassy Rd", None),
        ),
        preferred_languages=("English",),
        model_letter="I am writing to ask you to release the person named above.",
        text=f"fictional initial text for {ua_number}",
    )


def add_event_cases(db: Database) -> None:
    """Import the three :data:`EVENT_CASES` through the services."""
    for ua, title, country, person in EVENT_CASES:
        save_parsed(db, event_case(ua, title, country, person), f"{ua}.txt")


def open_event_store(data_dir: Path) -> Database:
    """A SQLite store in ``data_dir`` holding the three :data:`EVENT_CASES`."""
    database = open_database(resolve_paths(data_dir))
    add_event_cases(database)
    return database


def laptop(tmp_path: Path, name: str) -> Database:
    """Another laptop: its own SQLite store with the same fictional cases imported."""
    return open_event_store(tmp_path / name)


def open_sample_store(data_dir: Path) -> Database:
    """UA 901/27 and UA 902/27 (the shipped fictional documents) as ordinary cases.

    Imported as ordinary documents: opened as the practice pack, they would never be counted
    in a report.
    """
    database = open_store(resolve_paths(data_dir))
    import_files(database, sample_paths())
    return database


def signed_letter(official: str) -> str:
    """A short letter to ``official`` signed by :data:`SENDER`."""
    return f"Dear {official},\n\nPlease act now.\n\n{SENDER}\n{SENDER_ADDRESS}"


def record_sample_appeals(db: Database) -> Database:
    """On :func:`open_sample_store`'s cases: seven letters sent in October and November 2026,
    one reply, one draft and one printed."""
    first = record_appeal(
        db,
        "901/27",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 10, 2),
        text=signed_letter("Tomas Imaginario"),
    )
    record_appeal(
        db, "901/27", target_index=1, channel=Channel.POST, sent_on=date(2026, 10, 9), count=3
    )
    record_appeal(
        db,
        "901/27",
        target_index=1,
        channel=Channel.EMAIL,
        sent_on=date(2026, 11, 1),
        text=signed_letter("Tomas Imaginario"),
    )
    record_appeal(
        db,
        "902/27",
        target_index=1,
        channel=Channel.FAX,
        sent_on=date(2026, 11, 3),
        text=signed_letter("Dolores Ficticia"),
    )
    record_appeal(
        db,
        "902/27",
        target_index=None,
        kind=AppealKind.SOLIDARITY,
        channel=Channel.POST,
        sent_on=date(2026, 11, 5),
    )
    record_appeal(db, "902/27", target_index=1, channel=None, status=AppealStatus.DRAFT)
    record_appeal(db, "902/27", target_index=1, channel=Channel.POST, status=AppealStatus.PRINTED)
    record_reply(db, first.appeal_id, date(2026, 11, 20), "The minister's office wrote back.")
    return db


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the store, every row, in primary-key order."""
    with db.engine.connect() as conn:
        names = [
            name
            for (name,) in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        ]
        return {
            name: [tuple(row) for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))]
            for name in names
        }


def add_cases(db: Database, *documents: ParsedDocument) -> None:
    """Import ``documents`` through the services, as a volunteer's import would."""
    for document in documents:
        save_parsed(db, document, f"ua-{document.ua_number}.txt")


def store_documents(paths: AppPaths, *documents: ParsedDocument) -> None:
    """Put invented cases in the store at ``paths`` before a window opens it."""
    db = open_store(paths)
    try:
        for number, document in enumerate(documents):
            save_parsed(db, document, f"fictional-{number}.txt")
    finally:
        db.close()


def store(paths: AppPaths, *documents: ParsedDocument) -> None:
    """Like :func:`store_documents`, naming each file after its UA number."""
    db = open_store(paths)
    try:
        add_cases(db, *documents)
    finally:
        db.close()


def case_summary(case_id: int, **fields: object) -> CaseSummary:
    """A row of the case list (an invented open case in Ostrelia); any field replaced."""
    values: dict[str, object] = {
        "case_id": case_id,
        "ua_number": f"{case_id}/26",
        "title": f"Fictional case {case_id}",
        "country": "Ostrelia",
        "status": CaseStatus.OPEN,
        "deadline": None,
        "persons": (f"Person {case_id}",),
        "officials": (),
        "appeals_sent": 0,
    }
    values.update(fields)
    return CaseSummary(**values)  # type: ignore[arg-type]


def make_case(**fields: object) -> CaseDetail:
    """A stored case as the letter code sees it (invented names); any field replaced."""
    case = CaseDetail(
        case_id=1,
        ua_number="28/23",
        ai_index="ASA 00/0000/2023",
        title="Fictional teacher detained",
        country="Arcadia",
        status=CaseStatus.OPEN,
        issued_on=datetime.date(2026, 2, 1),
        deadline=datetime.date(2026, 4, 1),
        summary="Fictional case for tests.",
        model_letter=(
            "Dear Minister,\n\nI am writing to ask you to release Tharani Selvanayagam, "
            "a teacher held for her peaceful activism.\n\nYours sincerely,\n[Your name]\n"
        ),
        document_language="en",
        previous_ua_link=None,
        persons=(Person("Tharani Selvanayagam", "she/her"),),
        targets=(
            Target(
                "Minister of Public Security",
                "Oren Castell",
                address="Ministry of Public Security\n1 Harbour Road\nPort Lumen",
                name_as_printed="Hon. Oren Castell",
                gender="m",
            ),
            Target("President of the Republic", "Lise Amaro", gender="f"),
        ),
        preferred_languages=("Spanish", "English"),
    )
    return replace(case, **fields)  # type: ignore[arg-type]
