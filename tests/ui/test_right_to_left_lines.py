"""Lines that mix the interface's words with names in another script read in the right order:
in Arabic an official's "Salutation: ..." and "Email: ..." lines run right to left whatever
the value's script, the case's facts start from the right even when the country is written
in Latin letters, and in English an Arabic title that opens with a quotation mark keeps its
marks around its first words in the letter editor's heading."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument, QTextLayout

from app.paths import AppPaths
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter

ARABIC_TITLE = '"الحرية للشاعر" معلم محتجز بسبب قصيدة'


@pytest.fixture
def in_arabic(gui_app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    apply_language("ar")
    yield
    apply_language("en")


def block_direction(document: QTextDocument, words: str) -> Qt.LayoutDirection:
    block = document.begin()
    while block.isValid():
        if words in block.text():
            return block.textDirection()
        block = block.next()
    raise AssertionError(f"{words!r} is not in the details")


def test_arabic_label_lines_run_right_to_left_and_the_address_in_its_own_direction(
    in_arabic, make_window, app_paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.case_list.select_first()
    document = window.detail.case_page().body.document()
    right_to_left = Qt.LayoutDirection.RightToLeft
    assert block_direction(document, "Dear Minister") == right_to_left  # "التحية: Dear Minister"
    assert block_direction(document, "minister@justice.example") == right_to_left
    assert block_direction(document, "1 Fictional Avenue") == Qt.LayoutDirection.LeftToRight


def test_english_label_lines_still_run_left_to_right(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.case_list.select_first()
    document = window.detail.case_page().body.document()
    assert block_direction(document, "Salutation: ") == Qt.LayoutDirection.LeftToRight
    assert "Salutation: \u2068Dear Minister\u2069" in document.toPlainText()


def test_arabic_facts_start_from_the_right_with_a_latin_country(
    in_arabic, make_window, app_paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26", country="Atlantis"))
    window = make_window()
    window.case_list.select_first()
    facts = window.detail.case_page().facts_label.text()
    assert "Atlantis" in facts
    shown = QTextDocument()
    shown.setPlainText(facts)
    assert shown.begin().textDirection() == Qt.LayoutDirection.RightToLeft


def glyph_x(text: str) -> dict[int, float]:
    """Where each character of ``text`` is drawn on one laid-out line (its glyph's x)."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    wanted = QTextLayout.GlyphRunRetrievalFlag
    flags = (
        wanted.RetrieveStringIndexes | wanted.RetrieveGlyphPositions | wanted.RetrieveGlyphIndexes
    )
    drawn: dict[int, float] = {}
    for run in layout.glyphRuns(-1, -1, flags):
        for index, position in zip(run.stringIndexes(), run.positions(), strict=True):
            drawn.setdefault(index, position.x())
    return drawn


def test_an_arabic_title_opening_with_a_quotation_mark_keeps_its_marks_in_place(
    make_window, app_paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26", title=ARABIC_TITLE))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    heading = dialog.heading.text()
    assert heading.startswith("Letter for UA 12/26: ")
    opening = heading.index('"')
    closing = heading.index('"', opening + 1)
    drawn = glyph_x(heading)
    # the title reads right to left: its opening mark stands right of its first word, its
    # closing mark left of the quoted words
    assert drawn[opening] > drawn[opening + 1] > drawn[closing]
