"""Long runs of one character (a page padded with blank lines, a line of spaces, a word
hundreds of thousands of letters long) are read in one pass by the wordings that recognise
document pages and the languages to write in: the suite's time limit for a test fails a
search that would try every start in such a run. Fictional text."""

from __future__ import annotations

from app.importing import library_page
from app.importing.document import Document
from app.importing.story import preferred_languages

RUN = 150_000


def test_a_document_page_padded_with_blank_lines_is_checked_for_its_language_line() -> None:
    padded = Document("Guatemala: Fear for safety\n" + "   \n" * RUN + "Nothing else.\n", "x.txt")
    assert not library_page.is_ua_summary(padded)
    summary = Document(
        "Guatemala: Fear for safety\n" + "\n" * 3 + "Choose a language to view report\n", "x.txt"
    )
    assert library_page.is_ua_summary(summary)


def test_a_page_title_padded_with_spaces_is_read_whole() -> None:
    title = "Atlantis:" + " " * (3 * RUN) + "Fear for safety"
    assert library_page.page_title("Document - " + title) == title
    assert library_page.page_title("Document - Atlantis: Fear for safety.") == (
        "Atlantis: Fear for safety"
    )


def test_a_writing_instruction_before_a_very_long_word_names_no_language() -> None:
    for text in (
        "Írjon " + "ul" * (RUN // 2),
        "請以" + "以" * RUN,
        "kirjoita " + "aksi" * (RUN // 4),
    ):
        assert preferred_languages(Document("UA 1/27\n\n" + text + "\n", "x.txt")) == []


def test_the_languages_of_short_instructions_are_still_read() -> None:
    for text, languages in (
        ("Írjon spanyolul vagy angolul a miniszternek.", ["Spanish", "English"]),
        ("請以老撾文、英文或你自己的語言寫信。", ["Lao", "English"]),
        ("Kirjoita venäjäksi tai englanniksi.", ["Russian", "English"]),
    ):
        assert preferred_languages(Document("UA 1/27\n\n" + text + "\n", "x.txt")) == languages
