"""Every fictional case the tests build: parsed documents, stored cases and case details.

All people, officials, addresses and countries here are invented for the tests. Each builder
keeps the values its tests assert on; they share the parts that do not matter to them.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from datetime import date, timedelta

from app.domain.model import (
    CaseDetail,
    CaseStatus,
    OutputKind,
    ParsedDocument,
    Person,
    Target,
)
from app.paths import AppPaths
from app.services.database import Database, open_store
from app.services.importing import save_parsed

# The fixed "today" of the tests that plan deadlines (Write today, urgency, diagnostics).
TODAY = date(2026, 3, 2)

MINISTER = Target("Minister of Justice", "Rui Costa", "Dear Minister", "1 Main St", "m@x.example")


def fictional_document(
    ua_number: str = "12/26",
    title: str = "FICTIONAL TEACHER DETAINED FOR A POEM",
    country: str = "Atlantis",
    deadline: date | None = None,
    person: str = "Ana Lima",
    official: str = "Rui Costa",
    kind: OutputKind = OutputKind.INITIAL,
) -> ParsedDocument:
    """A small invented UA dated from the real today (the window's cases)."""
    return ParsedDocument(
        ua_number=ua_number,
        ai_index=f"AMR 99/{ua_number.replace('/', '')}/2026",
        kind=kind,
        action_requested=kind != OutputKind.FINAL,
        title=title,
        country=country,
        issued_on=date.today() - timedelta(days=10),
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


def sample_data_document(number: int, kind: OutputKind = OutputKind.INITIAL) -> ParsedDocument:
    """UA ``number``/26 with fixed dates and two officials (the durability seed)."""
    return ParsedDocument(
        ua_number=f"{number}/26",
        ai_index=f"AMR 99/{1000 + number}/2026",
        kind=kind,
        action_requested=True,
        title=f"FICTIONAL CASE {number} (SAMPLE DATA)",
        country="Atlantis",
        issued_on=date(2026, 1, 10),
        deadline=date(2026, 3, 1),
        persons=(Person(f"Fictional Person {number}", "she/her"),),
        targets=(
            MINISTER,
            Target("Prosecutor", "Ada Lis", "Dear Prosecutor", "2 Main St", "p@x.example"),
        ),
        preferred_languages=("Portuguese", "English"),
        text=f"Fictional document {number} for tests.",
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
