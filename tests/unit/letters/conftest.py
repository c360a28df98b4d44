"""Fixtures for the letter tests: fictional cases built directly from domain values."""

from __future__ import annotations

import datetime

import pytest

from app.domain.model import CaseDetail, CaseStatus, Person, SenderProfile, Target

TODAY = datetime.date(2026, 3, 5)


def make_case(**fields: object) -> CaseDetail:
    """A fictional case (invented names); any field can be replaced."""
    values: dict[str, object] = {
        "case_id": 1,
        "ua_number": "28/23",
        "ai_index": "ASA 00/0000/2023",
        "title": "Fictional teacher detained",
        "country": "Arcadia",
        "status": CaseStatus.OPEN,
        "issued_on": datetime.date(2026, 2, 1),
        "deadline": datetime.date(2026, 4, 1),
        "summary": "Fictional case for tests.",
        "model_letter": (
            "Dear Minister,\n\nI am writing to ask you to release Tharani Selvanayagam, "
            "a teacher held for her peaceful activism.\n\nYours sincerely,\n[Your name]\n"
        ),
        "document_language": "en",
        "previous_ua_link": None,
        "persons": (Person("Tharani Selvanayagam", "she/her"),),
        "targets": (
            Target(
                "Minister of Public Security",
                "Oren Castell",
                address="Ministry of Public Security\n1 Harbour Road\nPort Lumen",
                name_as_printed="Hon. Oren Castell",
                gender="m",
            ),
            Target("President of the Republic", "Lise Amaro", gender="f"),
        ),
        "preferred_languages": ("Spanish", "English"),
    }
    values.update(fields)
    return CaseDetail(**values)  # type: ignore[arg-type]


@pytest.fixture
def case() -> CaseDetail:
    return make_case()


@pytest.fixture
def sender() -> SenderProfile:
    return SenderProfile(
        name="Jo Example", address="4 Linden Walk", city="Ashford", country="Nowhereland"
    )
