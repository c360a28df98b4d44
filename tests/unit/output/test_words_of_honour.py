"""The words of honour that open an address block ("Her Excellency") print with the address."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.letters.sample_cases import SAMPLE_CASES
from app.output.paper import PrintItem, write_letter_pdf, write_letters_pdf

from .pdf_reading import fragments

MM_PER_POINT = 25.4 / 72
A4_HEIGHT_POINTS = 842

WRITER = SenderProfile(
    name="Sam Sample", address="4 Invented Street", city="Exampleford", country="United Kingdom"
)


def _lines_from_top(path: Path, page: int = 0) -> list[tuple[float, float, str]]:
    """(millimetres from the left, millimetres from the top, text) of each text fragment."""
    found = [
        (x * MM_PER_POINT, (A4_HEIGHT_POINTS - y) * MM_PER_POINT, text.strip())
        for x, y, text in fragments(path, page)
    ]
    return sorted(found, key=lambda place: place[1])


@pytest.mark.parametrize(
    ("locale", "official", "words", "name"),
    [
        ("en", 2, "Her Excellency", "Lise Amaro"),
        ("es", 1, "Excmo. Sr.", "Oren Castell"),
        ("pt", 1, "A Sua Excelência o Senhor", "Oren Castell"),
        ("ar", 1, "معالي", "Oren Castell"),
    ],
)
def test_the_words_of_honour_stand_above_the_officials_name_in_the_window(
    qapp, tmp_path: Path, locale: str, official: int, words: str, name: str
) -> None:
    """Printed, the letter shows "Her Excellency" once, on the line above the official's name
    in the envelope window, not between the date and the subject."""
    from app.services.letters import draft_letter

    case = SAMPLE_CASES[0]
    letter = draft_letter(case, official, WRITER, locale=locale, today=datetime.date(2026, 1, 20))
    assert words in letter.text.splitlines()  # the letter's text names them (the .eml too)
    path = tmp_path / "letter.pdf"
    write_letter_pdf(
        letter,
        path,
        sender=WRITER,
        target=case.targets[official - 1],
        country=case.country,
        page_size=PageSize.A4,
    )
    lines = _lines_from_top(path)
    name_top = next(top for _x, top, text in lines if name in text)
    subject_top = next(top for _x, top, text in lines if "901/26" in text)
    alone = [
        top
        for _x, top, text in lines
        if text in (words, words[::-1]) and top < subject_top  # the salutation may start so
    ]
    assert len(alone) == 1, f"{words!r} is printed once, on its own line: {lines}"
    assert 50 <= alone[0] < name_top <= 89, "in the window, on the line above the name"
    assert name_top - alone[0] < 6, "right above it"


def test_a_batch_of_letters_prints_each_officials_words_of_honour_in_the_window(
    qapp, tmp_path: Path
) -> None:
    from app.services.letters import draft_letter

    case = SAMPLE_CASES[0]
    items = [
        PrintItem(
            draft_letter(case, official, WRITER, locale="en", today=datetime.date(2026, 1, 20)),
            case.targets[official - 1],
            WRITER,
            country=case.country,
        )
        for official in (1, 2)
    ]
    path = tmp_path / "batch.pdf"
    write_letters_pdf(items, path, page_size=PageSize.A4)
    first = [text for _x, _top, text in _lines_from_top(path, 0)]
    second = _lines_from_top(path, 1)
    assert not any("Excellency" in text for text in first), "a minister has none in English"
    assert "Oren Castell" in first
    honour_top = next(top for _x, top, text in second if text == "Her Excellency")
    name_top = next(top for _x, top, text in second if text == "Lise Amaro")
    assert 50 <= honour_top < name_top <= 89
