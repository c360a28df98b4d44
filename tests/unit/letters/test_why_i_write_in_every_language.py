"""The writer's "why I write" sentence (Settings) is in the letter whatever its language, once,
after the writer's note for this letter, and once in a bilingual letter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.model import CaseDetail, SenderProfile
from app.services.letters import draft_letter
from tests.unit.letters.conftest import TODAY

ABOUT = "Como enfermera, la salud de las personas detenidas me importa mucho."


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_the_sentence_is_in_the_letter_in_every_language(
    case: CaseDetail, sender: SenderProfile, locale: str
) -> None:
    writer = replace(sender, about=ABOUT)
    text = draft_letter(
        case, 1, writer, locale=locale, today=TODAY, personal_note="Una nota solo para esta."
    ).text
    assert text.count(ABOUT) == 1
    assert text.index("Una nota solo para esta.") < text.index(ABOUT)
    assert text.index(ABOUT) < text.rindex(writer.name)  # above the signature


def test_a_bilingual_letter_has_the_sentence_once(case: CaseDetail, sender: SenderProfile) -> None:
    writer = replace(sender, about=ABOUT)
    text = draft_letter(case, 1, writer, locale="es", bilingual_with="en", today=TODAY).text
    assert text.count(ABOUT) == 1


def test_no_sentence_no_empty_paragraph(case: CaseDetail, sender: SenderProfile) -> None:
    plain = draft_letter(case, 1, replace(sender, about=""), locale="de", today=TODAY).text
    assert "\n\n\n\n" not in plain.split("Hochachtungsvoll")[0]
