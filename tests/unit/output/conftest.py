"""Fictional letters, officials and senders for the output tests (all names are made up)."""

from __future__ import annotations

import pytest

from app.domain.model import Letter, SenderProfile, Target

PERSON = "Luis Fictional Quispe"


@pytest.fixture
def sender() -> SenderProfile:
    return SenderProfile(
        name="Jane Writer",
        address="12 Example Road",
        city="Bristol BS1 4XX",
        country="United Kingdom",
        email="jane@example.org",
    )


@pytest.fixture
def target() -> Target:
    return Target(
        title="Minister of Justice",
        name="Ana Pérez Gómez",
        name_as_printed="Dr Ana Pérez Gómez",
        address="Ministry of Justice\nAv. Ejemplo 123\nLima 1, Peru",
        email="ministra@example.gob.pe",
        social=("X: @MinJusticiaFict",),
    )


def english_text(sender: SenderProfile, target: Target, paragraphs: int = 3) -> str:
    body = "\n\n".join(
        f"Paragraph {n}: I urge you to release {PERSON} (a fictional person) and to ensure "
        "that he can see his family and a lawyer of his choice."
        for n in range(1, paragraphs + 1)
    )
    return (
        f"{sender.name}\n{sender.address}\n{sender.city}\n{sender.country}\n\n28 November 2026\n\n"
        f"{target.display_name}\n{target.title}\n{target.address}\n\n"
        f"Dear Minister,\n\n{body}\n\nYours sincerely,\n\n{sender.name}\n"
    )


@pytest.fixture
def letter(sender: SenderProfile, target: Target) -> Letter:
    return Letter(
        text=english_text(sender, target),
        locale="en_GB",
        template_name="appeal",
        subject=f"Release {PERSON} (UA 123/26)",
    )


ARABIC_BODY = (
    "معالي الوزيرة،\n\n"
    "أكتب إليكم بشأن Luis Fictional Quispe، وهو شخص خيالي محتجز منذ 3 نوفمبر 2026. "
    "أحثكم على الإفراج عنه فوراً ودون قيد أو شرط، وضمان حصوله على محامٍ من اختياره.\n\n"
    "مع فائق الاحترام،\n\nJane Writer"
)


@pytest.fixture
def arabic_letter(sender: SenderProfile, target: Target) -> Letter:
    text = f"{sender.name}\n{sender.city}\n\n28 نوفمبر 2026\n\n{target.display_name}\n{target.address}\n\n{ARABIC_BODY}\n"
    return Letter(text=text, locale="ar", template_name="appeal", subject="", right_to_left=True)
