"""Extraction artefacts are repaired: hyphenation, banners, bullets, ligatures, spaces, Markdown."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.importing.normalize import join_hyphenated_lines, normalize_text
from app.importing.splitfix import has_split_words, repair_split_words


def test_line_end_hyphenation_is_joined_and_the_rest_keeps_its_line() -> None:
    text = "They must be re-\nleased unless promptly charged.\nKinshasa-\nGombe stays apart."
    assert join_hyphenated_lines(text).split("\n") == [
        "They must be released",
        "unless promptly charged.",
        "Kinshasa-",
        "Gombe stays apart.",
    ]


def test_letter_spaced_banner_and_page_numbers_are_repaired() -> None:
    text = "U R G E N T   A C T I O N\nHeadline\n- 2 -\n3\nUA: 1/25 Index: X Date: 1 May 2025          2\n"
    assert normalize_text(text).split("\n")[:3] == [
        "URGENT ACTION",
        "Headline",
        "UA: 1/25 Index: X Date: 1 May 2025",
    ]


def test_bullets_including_private_use_wingdings_become_dashes() -> None:
    text = "\uf0b7 first\n\u25a0 second\n\uf0a7 third\n\u2022 fourth"
    assert normalize_text(text).split("\n")[:4] == ["- first", "- second", "- third", "- fourth"]


def test_ligatures_no_break_spaces_and_form_feeds() -> None:
    text = "con\ufb02ict o\ufb03cers \ufb01rst\fDate: 14\u00a0February\u202f2023"
    assert normalize_text(text) == "conflict officers first\nDate: 14 February 2023\n"


def test_decomposed_names_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Lan, Rosângela, Məhəmməd")
    assert normalize_text(decomposed).strip() == "Nguyễn Thị Lan, Rosângela, Məhəmməd"


def test_markdown_residue_and_entities_are_removed() -> None:
    text = "## **HEADLINE**\n**LABEL:**&nbsp;value\n[https://x.example/a](https://x.example/a)"
    assert normalize_text(text).split("\n")[:3] == [
        "HEADLINE",
        "LABEL: value",
        "https://x.example/a",
    ]


def test_bidi_controls_and_zero_width_characters_are_dropped() -> None:
    assert normalize_text("Ja\u200bne \u202eDoe\u202c") == "Jane Doe\n"


def test_template_split_labels_words_and_years_are_rejoined() -> None:
    text = "URGENT ACT ION TITLE: X\nINDEX NUMB ER: AMR 1/2/2017\nno num ber plates, her hom e\nhome number\n20 17"
    assert has_split_words(text)
    repaired = repair_split_words(text).split("\n")
    assert repaired[0] == "URGENT ACTION TITLE: X"
    assert repaired[1] == "INDEX NUMBER: AMR 1/2/2017"
    assert repaired[2] == "no number plates, her home"
    assert repaired[4] == "2017"


def test_prose_copies_to_keeps_its_case() -> None:
    text = "TIT LE here\nwe sent copies to the embassy"
    assert repair_split_words(text).split("\n")[1] == "we sent copies to the embassy"


_PIECES = list("abcXYZ -\n\t:/#*1") + [
    "- 2 -",
    "\u25a0",
    "U R G E N T",
    "&nbsp;",
    "[x](http://a.b)",
    "\u00a0",
    "\ufb01",
    "\uf0b7",
    "\u202e",
    "\f",
    "\u00ad",
    "e\u0301",
    "**",
    "##",
]
_messy = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@given(_messy)
def test_normalised_text_has_no_artefacts_left(text: str) -> None:
    result = normalize_text(text)
    for bad in ("\u00a0", "\ufb01", "\uf0b7", "\u202e", "\f", "\u00ad", "\t", "**"):
        assert bad not in result
    assert all(line == line.rstrip() for line in result.split("\n"))
    assert unicodedata.is_normalized("NFC", result)


@given(_messy)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_column_tabs_keep_a_column_gap_and_word_tabs_become_spaces() -> None:
    text = "TURKEY\tMehmet Example (m)\n\tHuseyin Sample (m)\nURGENT\tACTION\tHEADLINE\tHERE\tNOW"
    assert normalize_text(text).split("\n") == [
        "TURKEY    Mehmet Example (m)",
        "        Huseyin Sample (m)",
        "URGENT ACTION HEADLINE HERE NOW",
        "",
    ]


def test_letter_spaced_banner_that_lost_its_word_gap() -> None:
    assert normalize_text("U R G E N T A C T I O N\n") == "URGENT ACTION\n"
