"""A fictional Spanish UA whose deadline line reads "as soon as possible and no later than":
its deadline is read, from the text and from a typeset PDF, so the case is not "no deadline"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.importing import parse_file, parse_text


def test_the_spanish_no_later_than_line_gives_the_deadline(
    fixture_text: Callable[[str], str],
) -> None:
    parsed = parse_text(fixture_text("spanish_no_later_than.txt"))
    assert parsed.ua_number == "108/26"
    assert parsed.deadline == date(2027, 1, 21)


def test_typeset_as_pdf_the_deadline_is_still_read(
    fixture_text: Callable[[str], str], make_pdf: Callable[..., Path]
) -> None:
    pdf = make_pdf(fixture_text("spanish_no_later_than.txt"), "au-108-26.pdf")
    assert parse_file(pdf).deadline == date(2027, 1, 21)
