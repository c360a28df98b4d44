"""Names in bold: the whole-body search finds what a line-by-line search finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.output.bidi_text import body_text_and_spans, emphasis_names, find_names

WORDS = ["Ana", "Ana María", "María", "Luis", "Quispe", "Re: Free Ana", "the", "and", ","]
NAMES = ["Ana", "Ana María", "Luis", "Luis Quispe", "María"]


def line_by_line(lines: tuple[str, ...], names: tuple[str, ...], subject: str) -> list:
    """The reference: each line on its own; a line holding the subject is bold as a whole."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        if subject and subject in line:
            spans.append((offset, offset + len(line)))
        else:
            spans += [(offset + a, offset + b) for a, b in find_names(line, names)]
        offset += len(line) + 1
    return spans


@given(
    lines=st.lists(
        st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), min_size=1, max_size=6
    ).map(tuple),
    names=st.lists(st.sampled_from(NAMES), max_size=3).map(tuple),
    subject=st.sampled_from(["", "Re: Free Ana", "Free", "absent"]),
)
def test_left_to_right_bold_spans_match_a_line_by_line_search(
    lines: tuple[str, ...], names: tuple[str, ...], subject: str
) -> None:
    ordered = emphasis_names(names)
    text, spans = body_text_and_spans(lines, ordered, subject, False)
    assert text == "\n".join(lines)
    assert spans == line_by_line(lines, ordered, subject)


def test_a_subject_line_is_bold_once_and_names_elsewhere_too() -> None:
    lines = ("Re: Free Ana María", "", "Please release Ana María and Luis.")
    text, spans = body_text_and_spans(lines, ("Ana María", "Luis"), "Re: Free Ana María", False)
    assert [text[a:b] for a, b in spans] == ["Re: Free Ana María", "Ana María", "Luis"]
