"""The fast content-stream tokenizer gives pypdf's own operations, or leaves the stream to pypdf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DecodedStreamObject

from app.importing import parse_file, parse_text
from app.importing.pdf import pdf_text
from app.importing.pdf_operations import fast_operations
from bench.durability.hostile_documents import pdf_from_objects


def _pypdf_operations(data: bytes) -> list[tuple[Any, bytes]]:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return ContentStream(stream, None, "bytes").operations


def _typed(operations: list[tuple[Any, bytes]]) -> list[object]:
    """Operations with each operand's pypdf type, so 1 and 1.0 or bytes and names differ."""

    def typed(value: object) -> object:
        if isinstance(value, list):
            return (type(value).__name__, [typed(item) for item in value])
        return (type(value).__name__, value)

    return [([typed(operand) for operand in operands], op) for operands, op in operations]


@pytest.mark.parametrize(
    "fixture", ["modern_pdf_initial.txt", "french_2019_initial.txt", "aiusa_web.txt"]
)
def test_a_qpdfwriter_pdf_gives_the_same_operations_as_pypdf(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str], fixture: str
) -> None:
    reader = PdfReader(make_pdf(fixture_text(fixture), point_size=14))
    for page in reader.pages:
        data = ContentStream(page["/Contents"].get_object(), reader, "bytes").get_data()
        fast = fast_operations(data)
        assert fast is not None
        assert _typed(fast) == _typed(_pypdf_operations(data))


@pytest.mark.parametrize(
    "data",
    [
        b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
        b"BT/F1 12 Tf 1 0 0 1 72 700 Tm[(Wor)-120(ld)<0041 42 4>]TJ ET",
        b"q 0.5 0 0 .5 -1.25 +3. cm % a comment ( not a string\n[1 [2 3] /N] 0 d Q",
        b"BT T* (one) ' 1 2 (two) \" ET 10 20",  # trailing operands without an operator
        b"",
        # the same operations again, alone and after an array that is one of their operands
        b"BT 5 0 Td <0001> Tj 5 0 Td <0001> Tj [<0001>] 5 0 Td [(a) 2 (b)] TJ [(a) 2 (b)] TJ ET",
        b"  \n",
    ],
)
def test_hand_made_streams_give_the_same_operations_as_pypdf(data: bytes) -> None:
    fast = fast_operations(data)
    assert fast is not None
    assert _typed(fast) == _typed(_pypdf_operations(data))


@pytest.mark.parametrize(
    "data",
    [
        b"BT (a \\(b\\) c) Tj ET",  # escapes in a literal string
        b"BT (a (b) c) Tj ET",  # nested parentheses
        b"/Span << /MCID 0 >> BDC EMC",  # a dictionary operand
        b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # an inline image
        b"1.2.3 Tc",  # a malformed number pypdf repairs
        b"[1 2 true] 0 d",  # a keyword inside an array
        b"[1 2 0 d",  # an array left open
        b"BT\x0b(x) Tj ET",  # a vertical tab, which pypdf reads differently
        b"/Name#20Space MP",  # an escaped name
        b"1 0 R Do",  # an indirect reference
        b"BT (x) Tj ET }",  # a byte that starts no token, at the end
        b"q {1 2} Q",  # and in the middle
    ],
)
def test_unusual_streams_are_left_to_pypdf(data: bytes) -> None:
    assert fast_operations(data) is None


def _one_page_pdf(content: bytes, second: bytes | None = None) -> bytes:
    """A one-page PDF showing ``content``, with ``second`` as a second content stream if given."""
    contents = b"[4 0 R 6 0 R]" if second is not None else b"4 0 R"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents " + contents + b" "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if second is not None:
        objects.append(b"<< /Length %d >>\nstream\n" % len(second) + second + b"\nendstream")
    return pdf_from_objects(objects)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (b"(Fictional appeal for Yao Sample) Tj", "Fictional appeal for Yao Sample"),
        (b"(Fictional appeal \\(for\\) Yao Sample) Tj", "Fictional appeal (for) Yao Sample"),
    ],
)
def test_text_reads_the_same_on_the_fast_path_and_on_pypdfs(line: bytes, shown: str) -> None:
    content = b"BT /F1 12 Tf 20 250 Td " + line + b" 0 -14 Td (Second line of the page) Tj ET"
    assert pdf_text(_one_page_pdf(content), "hand.pdf").splitlines() == [
        shown,
        "Second line of the page",
    ]


def test_a_page_drawn_by_two_content_streams_reads_both() -> None:
    first = b"BT /F1 12 Tf 20 250 Td (Fictional first line) Tj ET"
    second = b"BT /F1 12 Tf 20 236 Td (Fictional second line) Tj ET"
    text = pdf_text(_one_page_pdf(first, second), "two-streams.pdf")
    assert [line for line in text.splitlines() if line] == [
        "Fictional first line",
        "Fictional second line",
    ]


def test_a_two_page_pdf_parses_as_its_source_text(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str]
) -> None:
    text = fixture_text("modern_pdf_initial.txt")
    path = make_pdf(text, point_size=14)
    assert len(PdfReader(path).pages) >= 2
    assert parse_file(path).to_json_dict() == parse_text(text).to_json_dict()
