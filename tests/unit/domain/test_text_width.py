"""The columns a text takes in a fixed-width font, as the importer and the terminal count them."""

from __future__ import annotations

import pytest

from app.domain.text_width import display_width


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("", 0),
        ("Appeal", 6),
        ("中国", 4),  # Chinese: two columns a character
        ("ミャンマー：", 12),  # Japanese with a full-width colon
        ("대한민국", 8),  # Korean syllables
        ("ｶﾀｶﾅ", 4),  # half-width katakana: one each
        ("e\u0301te\u0301", 3),  # "été" written with combining accents
        ("مُحَمَّد", 4),  # Arabic with its vowel signs
        ("a\u200db\u200e", 2),  # a joiner and a direction mark take no column
        ("😀", 2),  # an emoji is wide
        ("👍🏽", 4),  # and so is its skin tone, a character of its own
        ("❤\ufe0f", 1),  # a variation selector adds nothing
        ("UA 12/26 · 中文", 15),
    ],
)
def test_display_width(text: str, columns: int) -> None:
    assert display_width(text) == columns


def test_the_importer_and_the_terminal_count_with_the_same_function() -> None:
    from app.cli import terminal
    from app.importing import layouts

    assert terminal.display_width is display_width
    assert layouts.display_width is display_width
    assert terminal.aligned_rows([["中国", "x"], ["ab", "y"]]) == ["中国  x", "ab    y"]
