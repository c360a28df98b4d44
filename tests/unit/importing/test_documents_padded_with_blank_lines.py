"""A document padded with a long run of blank lines (a copy that kept a page's empty
space) is read in one pass: the wordings that find a line's start after blank lines cross the
run once, not once from each of its lines. The suite's time limit for a test fails a search
that would. Fictional text."""

from __future__ import annotations

from app.importing import parse_text
from app.importing.document import Document
from app.importing.story import preferred_languages

RUN = 150_000

OLD_LAYOUT = """EXTERNAL (for general distribution)           AI Index: AMR 99/001/1999
UA 12/99        Fear for safety

ATLANTIS        Mara Ostrova (f), 34, journalist

Mara Ostrova, a journalist in the fictional town of Port Vell, has received threats after
writing about the harbour authority.
{padding}
RECOMMENDED ACTION: Please send appeals to arrive as quickly as possible:
- calling for the safety of Mara Ostrova;

APPEALS TO:
Minister of the Interior
Harbour Street 1
Port Vell, Atlantis
Salutation: Dear Minister
"""


def _read(padding: str) -> tuple[str, str | None, list[str]]:
    parsed = parse_text(OLD_LAYOUT.format(padding=padding), "padded.txt")
    return parsed.title, parsed.ua_number, [p.name for p in parsed.persons]


def test_an_old_layout_padded_with_blank_lines_reads_as_without_them() -> None:
    plain = _read("")
    assert plain[0]
    for padding in ("\n" * RUN, " \n" * RUN, "\n \n" * (RUN // 2)):
        assert _read(padding) == plain


def test_a_language_label_after_blank_lines_is_read() -> None:
    for padding in ("\n" * RUN, "\t\n" * RUN):
        text = "UA 1/27\n" + padding + "PREFERRED LANGUAGE TO ADDRESS TARGET: Spanish, English\n"
        assert preferred_languages(Document(text, "x.txt")) == ["Spanish", "English"]
