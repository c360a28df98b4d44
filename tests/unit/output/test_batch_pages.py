"""A batch PDF prints each letter exactly as it prints alone, though the layout is reused."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import Letter, SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.paper import PrintItem, write_letter_pdf, write_letters_pdf

from .conftest import PERSON, english_text
from .pdf_reading import fragments

OTHER_SENDER = SenderProfile(
    name="Omar Penfriend", address="7 Sample Close", city="Leeds LS1 2XX", country="United Kingdom"
)


def _official(n: int) -> Target:
    return Target(
        title="Minister of the Interior",
        name=f"Fictional Official {n:02d}",
        address=f"Ministry of the Interior\n{n} Example Avenue\nCapital City",
    )


def _item(sender: SenderProfile, target: Target, paragraphs: int, subject: str) -> PrintItem:
    text = english_text(sender, target, paragraphs)
    return PrintItem(Letter(text, "en", "appeal", subject), target, sender, (PERSON,), "Peru")


@pytest.fixture
def items(sender: SenderProfile, target: Target, arabic_letter: Letter) -> list[PrintItem]:
    batch = [_item(sender, _official(n), 1 + n % 3, f"Letter {n}") for n in range(4)]
    batch.insert(2, PrintItem(arabic_letter, target, sender, (PERSON,), "Peru"))
    batch.insert(4, _item(sender, _official(9), 20, "Long letter"))  # runs over two pages
    batch.insert(5, _item(OTHER_SENDER, _official(10), 2, "Another sender"))
    return batch


def _pages(path: Path) -> list[list[tuple[float, float, str]]]:
    return [sorted(fragments(path, page)) for page in range(len(PdfReader(path).pages))]


def _same_place(batch_page: list, alone_page: list) -> bool:
    return len(batch_page) == len(alone_page) and all(
        text == other and abs(x - ox) < 0.01 and abs(y - oy) < 0.01
        for (x, y, text), (ox, oy, other) in zip(batch_page, alone_page, strict=True)
    )


@pytest.mark.parametrize("page_size", list(PageSize))
def test_every_letter_of_a_batch_prints_as_it_does_alone(
    qapp, tmp_path: Path, items: list[PrintItem], page_size: PageSize
) -> None:
    batch_path = tmp_path / "batch.pdf"
    pages = write_letters_pdf(items, batch_path, page_size=page_size)
    batch_pages = _pages(batch_path)
    assert pages == len(batch_pages)
    alone_pages: list[list[tuple[float, float, str]]] = []
    for n, item in enumerate(items):
        path = tmp_path / f"alone-{n}.pdf"
        write_letter_pdf(
            item.letter,
            path,
            sender=item.sender,
            target=item.target,
            page_size=page_size,
            emphasis=item.emphasis,
            country=item.country,
        )
        alone_pages += _pages(path)
    assert len(alone_pages) == len(batch_pages) == len(items) + 1, "one letter has two pages"
    for number, (batch_page, alone_page) in enumerate(zip(batch_pages, alone_pages, strict=True)):
        assert _same_place(batch_page, alone_page), f"page {number + 1} differs"


def test_nothing_of_the_previous_letter_stays_on_the_page(
    qapp, tmp_path: Path, items: list[PrintItem]
) -> None:
    path = tmp_path / "batch.pdf"
    write_letters_pdf(items, path, page_size=PageSize.A4)
    texts = [
        unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " ")
        for page in PdfReader(path).pages
    ]
    first_pages = [texts[n] for n in (0, 1, 2, 3, 4, 6, 7)]  # page 6 is the long letter's second
    for item, text in zip(items, first_pages, strict=True):
        assert item.target.display_name in text
        assert item.sender.name in text
        others = {i.target.name for i in items if i.target != item.target}
        assert not any(name and name in text for name in others)
    assert "Jane Writer" not in texts[6] and OTHER_SENDER.name in texts[6]


def test_right_to_left_letter_between_left_to_right_ones(
    qapp, tmp_path: Path, items: list[PrintItem], arabic_letter: Letter
) -> None:
    path = tmp_path / "batch.pdf"
    write_letters_pdf(items, path, page_size=PageSize.A4)

    def salutation_x(page: int) -> float:
        return next(
            x for x, _, text in fragments(path, page) if "معالي" in text or "معالي" in text[::-1]
        )

    assert salutation_x(2) > 400, "the Arabic letter reads right to left in the batch"
    assert next(x for x, _, t in fragments(path, 3) if t.startswith("Dear Minister")) < 200
    ltr = replace(items[2], letter=replace(arabic_letter, right_to_left=False))
    write_letters_pdf([items[0], ltr, items[1]], path, page_size=PageSize.A4)
    assert salutation_x(1) < 200
