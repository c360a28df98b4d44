"""Extra invented cases for the screenshots (stored as fictional samples, labelled everywhere)."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.model import OutputKind, ParsedDocument, Person, Target

# (UA number, title, country, person, official title, official name, days to deadline, kind)
_CASES = (
    (
        "903/27",
        "STUDENT EDITOR HELD WITHOUT CHARGE",
        "Ruritania",
        "Dolor Amet",
        "Minister of the Interior",
        "Consectetur Adipiscing",
        6,
        OutputKind.INITIAL,
    ),
    (
        "904/27",
        "FARMWORKERS' LEADER FACES TRIAL",
        "Borduria",
        "Sed Eiusmod",
        "Attorney General",
        "Tempor Incididunt",
        23,
        OutputKind.INITIAL,
    ),
    (
        "905/27",
        "NURSE DETAINED AFTER STRIKE",
        "Syldavia",
        "Magna Aliqua",
        "President of the Republic",
        "Ut Enim",
        -4,
        OutputKind.INITIAL,
    ),
    (
        "906/27",
        "POET RELEASED, CHARGES DROPPED",
        "Elbonia",
        "Minim Veniam",
        "Minister of Justice",
        "Quis Nostrud",
        40,
        OutputKind.FINAL,
    ),
)


def screenshot_documents(today: date | None = None) -> list[ParsedDocument]:
    """Invented UAs: every name is placeholder Latin, every country fictional."""
    today = today or date.today()
    documents = []
    for ua, title, country, person, official_title, official, days, kind in _CASES:
        documents.append(
            ParsedDocument(
                ua_number=ua,
                ai_index=f"AMR 99/{ua.replace('/', '')}/2027",
                kind=kind,
                action_requested=kind != OutputKind.FINAL,
                title=title,
                country=country,
                issued_on=today - timedelta(days=20),
                deadline=today + timedelta(days=days),
                persons=(Person(person, "they/them"),),
                targets=(Target(official_title, official, None, "1 Example Square\nCapital City"),),
                preferred_languages=("English",),
                summary=f"Fictional sample: {person} is an invented person for practice.",
                model_letter=f"I urge you to ensure the safety and freedom of {person}.",
                text="fictional sample",
            )
        )
    return documents
