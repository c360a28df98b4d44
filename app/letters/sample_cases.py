"""Fictional cases (invented names and places) that every letter template must render for.

They cover the awkward shapes: a group with they/them, several persons, a single name, a
family-name-first name, officials of every gender state and rank, no model letter, a model
letter in another language, a printed salutation, missing addresses and a sender with no city.
"""

from __future__ import annotations

import datetime

from app.domain.model import CaseDetail, CaseStatus, Person, SenderProfile, Target

FICTIONAL_NOTE = "Fictional case for template checks; every name and place is invented."


def _case(number: int, **fields: object) -> CaseDetail:
    values: dict[str, object] = {
        "case_id": number,
        "ua_number": f"{number}/26",
        "ai_index": None,
        "title": "Fictional case",
        "country": "Arcadia",
        "status": CaseStatus.OPEN,
        "issued_on": datetime.date(2026, 1, 12),
        "deadline": datetime.date(2026, 3, 9),
        "summary": FICTIONAL_NOTE,
        "model_letter": None,
        "document_language": "en",
        "previous_ua_link": None,
        "persons": (),
        "targets": (),
        "preferred_languages": (),
        "is_sample": True,
    }
    values.update(fields)
    return CaseDetail(**values)  # type: ignore[arg-type]


SAMPLE_CASES: tuple[CaseDetail, ...] = (
    _case(
        901,
        title="Student leader held without charge (fictional)",
        persons=(Person("Mira Valdane", "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                "Oren Castell",
                address="Ministry of Justice\n12 Harbour Road\nPort Lumen",
                gender="m",
            ),
            Target("President of the Republic", "Lise Amaro", gender="f"),
        ),
        model_letter="Dear Minister,\n\nI am writing about Mira Valdane, a student leader held without charge.\n\n"
        "Please release her immediately.\n\nYours sincerely,\n[Your name]",
        preferred_languages=("Spanish", "English"),
    ),
    _case(
        902,
        title="Displaced families at risk of eviction (fictional)",
        persons=(Person("The families of Riverbend settlement", "they/them/their"),),
        targets=(
            Target("Governor of the Eastern Province", "Dr. Tamsin Okoro-Vale", address=None),
        ),
        preferred_languages=("French",),
    ),
    _case(
        903,
        title="Three journalists detained (fictional)",
        persons=(
            Person("Ando Kesh", "he/him"),
            Person("Bel Nari", "she/her"),
            Person("Suvi", None),
        ),
        targets=(
            Target("Prosecutor General", "Kato Emberly", salutation="Dear Prosecutor General,"),
        ),
        preferred_languages=("German", "English"),
    ),
    _case(
        904,
        title="Defender at risk of torture (fictional)",
        persons=(Person("Haldor Quin", "they/them"),),
        targets=(
            Target("Director of Northgate Prison", None, address="Northgate Prison\nNorthgate"),
            Target("Chief of Police", "Inspector Ruel Marr", gender="m"),
            Target(
                "Ambassador of Arcadia",
                "H.E. Noor Salvi",
                gender="f",
                email="embassy@arcadia.example",
            ),
        ),
        model_letter="Señor Director:\n\nLe escribo para pedir que Haldor Quin reciba atención médica.\n\nAtentamente,",
        document_language="es",
        preferred_languages=("Arabic", "Spanish"),
    ),
    _case(
        905,
        title="Community land defenders (fictional)",
        persons=(),
        targets=(Target(None, None),),
        preferred_languages=(),
    ),
    _case(
        906,
        title="Poet sentenced after unfair trial (fictional)",
        persons=(Person("Vesna Ilic-Darrow", "she/her"),),
        targets=(
            Target("King of Arcadia", "His Majesty Aurel II"),
            Target("Judge of the Supreme Court", "Justice Imre Falk", gender="m"),
        ),
        preferred_languages=("Portuguese",),
    ),
)

SAMPLE_SENDERS: tuple[SenderProfile, ...] = (
    SenderProfile(
        name="Jo Example",
        address="4 Linden Walk\nFlat 2",
        city="Ashford",
        country="Nowhereland",
        email="jo@example.org",
        about="I am a retired teacher and a member of a local human rights group.",
    ),
    SenderProfile(name="Sam"),
)
