"""A language named as the language of a summary or a translation of the letter ("Summary
of the letter in Swedish", "Sammanfattning av brevet på svenska") is not a language to write
in; the languages the instruction itself names still are. Fictional text."""

from __future__ import annotations

from app.importing.document import Document
from app.importing.story import preferred_languages


def _languages(text: str) -> list[str]:
    return preferred_languages(Document("UA 1/27\n\n" + text, "x.txt"))


def test_the_language_of_a_summary_under_a_writing_instruction_is_not_read() -> None:
    for text in (
        "Skriv till presidenten\nSammanfattning av brevet på svenska\nHerr president, vi ber er.\n",
        "Write to the President of Atlantis\nSummary of the letter in Swedish\n",
        "Écrivez au président\nTraduction de la lettre en suédois\n",
    ):
        assert _languages(text) == []


def test_the_languages_to_write_in_are_read_beside_a_summary() -> None:
    assert _languages(
        "Skriv till presidenten på spanska eller engelska.\nSammanfattning av brevet på svenska\n"
    ) == ["Spanish", "English"]
    assert _languages("Write to the President in Spanish.\nSummary of the letter in Swedish\n") == [
        "Spanish"
    ]
