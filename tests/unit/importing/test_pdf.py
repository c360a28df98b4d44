"""PDF files: real PDFs typeset with QPdfWriter are read back; bad PDFs are refused clearly."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from app.domain.errors import ImportRejected
from app.importing import parse_file, parse_text, read_document
from bench.durability.hostile_documents import pdf_from_objects


def test_one_page_pdf_reads_back_and_parses(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str]
) -> None:
    path = make_pdf(fixture_text("french_2019_initial.txt"), point_size=8)
    assert len(PdfReader(str(path)).pages) == 1
    doc = parse_file(path)
    assert (doc.ua_number, doc.country, doc.deadline) == ("17/24", "Togo", date(2024, 3, 27))
    assert [t.name for t in doc.targets] == ["Yao Fictif"]


def test_two_page_pdf_keeps_blocks_and_labels_across_the_page_break(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str]
) -> None:
    path = make_pdf(fixture_text("modern_pdf_initial.txt"), point_size=14)
    assert len(PdfReader(str(path)).pages) >= 2
    doc = parse_file(path)
    assert (doc.ua_number, doc.ai_index) == ("45/25", "ASA 41/0123/2025")
    assert doc.title == "POET DETAINED FOR A SATIRICAL VERSE"
    assert doc.deadline == date(2025, 4, 23)
    assert [(t.name, t.salutation) for t in doc.targets] == [
        ("To Van Example", "Dear Minister"),
        ("Pham Van Sample", "Dear Chairperson"),
    ]
    assert [(p.name, p.pronouns) for p in doc.persons] == [("Nguyen Thi Lan", "she/her")]


def test_encrypted_pdf_is_refused_with_what_to_do(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str], tmp_path: Path
) -> None:
    writer = PdfWriter(clone_from=str(make_pdf(fixture_text("aiusa_web.txt"))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ImportRejected, match="encrypted") as caught:
        read_document(locked)
    assert "copy the text" in caught.value.reason


def test_owner_password_only_pdf_still_opens(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str], tmp_path: Path
) -> None:
    writer = PdfWriter(clone_from=str(make_pdf(fixture_text("aiusa_web.txt"))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    restricted = tmp_path / "restricted.pdf"
    with restricted.open("wb") as handle:
        writer.write(handle)
    assert parse_file(restricted).ua_number == "77/25"


def test_image_only_pdf_is_refused_as_having_no_text_layer(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    image = QImage(600, 800, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    with pytest.raises(ImportRejected, match="no text layer"):
        read_document(path)


def test_truncated_pdf_is_refused_as_damaged(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str], tmp_path: Path
) -> None:
    data = make_pdf(fixture_text("aiusa_web.txt")).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: len(data) // 3])
    with pytest.raises(ImportRejected) as caught:
        read_document(broken)
    assert "damaged" in caught.value.reason or "no text layer" in caught.value.reason


def test_a_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(80):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportRejected, match="PDF bomb"):
        read_document(path)


def _one_page_pdf(content: bytes, filters: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def test_a_stream_that_inflates_to_gigabytes_is_refused(tmp_path: Path) -> None:
    import zlib

    bomb = zlib.compress(b"0" * 120_000_000, 9)  # 120 MB of content from about 120 kB
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_one_page_pdf(bomb, b"/FlateDecode"))
    with pytest.raises(ImportRejected, match="PDF bomb|damaged|no text layer"):
        read_document(path)


def test_target_blocks_printed_side_by_side_in_columns(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    html = (
        "<p style='font-size:22pt'><b>URGENT ACTION</b></p>"
        "<p style='font-size:16pt'><b>FISHERS DETAINED FOR A PROTEST</b></p>"
        "<p>Fictional: Chhim Example, Roeun Sample and Mao Test have been held in Koh Kong prison "
        "since 15 July for a peaceful protest against sand dredging in their estuary.</p>"
        "<p><b>PLEASE SEND APPEALS BEFORE 4 SEPTEMBER 2014 TO:</b></p>"
        "<table width='100%'><tr><td width='50%'>Minister of Justice<br>Chea Example<br>"
        "Ministry of Justice<br>Phnom Penh, Cambodia<br>Email: cabinet@moj.example<br>"
        "Salutation: Dear Minister</td><td width='50%'>Governor of Koh Kong Province<br>"
        "Sok Sample<br>Provincial Hall<br>Koh Kong, Cambodia<br>Salutation: Dear Governor</td>"
        "</tr></table><p>UA: 164/14 Index: ASA 23/009/2014 Cambodia Date: 24 July 2014</p>"
    )
    path = tmp_path / "columns.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setHtml(html)
    document.print_(writer)
    doc = parse_file(path)
    assert doc.title == "FISHERS DETAINED FOR A PROTEST"
    assert [(t.title, t.name, t.address, t.salutation) for t in doc.targets] == [
        (
            "Minister of Justice",
            "Chea Example",
            "Ministry of Justice, Phnom Penh, Cambodia",
            "Dear Minister",
        ),
        (
            "Governor of Koh Kong Province",
            "Sok Sample",
            "Provincial Hall, Koh Kong, Cambodia",
            "Dear Governor",
        ),
    ]


def test_double_spaced_pdf_keeps_its_blocks(
    qapp: object, tmp_path: Path, fixture_text: Callable[[str], str]
) -> None:
    import html

    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    text = fixture_text("modern_pdf_initial.txt")
    body = "".join(
        f"<p style='line-height:200%; margin:0'>{html.escape(line) or '&nbsp;'}</p>"
        for line in text.split("\n")
    )
    path = tmp_path / "double.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setHtml(body)
    document.print_(writer)
    assert parse_file(path).to_json_dict() == parse_text(text).to_json_dict()


def test_a_closing_right_above_an_official_is_not_part_of_the_title(
    make_pdf: Callable[..., Path], fixture_text: Callable[[str], str]
) -> None:
    """PDF text without blank lines between paragraphs: the model letter's "Yours
    sincerely," runs straight into the official's block below it."""
    text = fixture_text("letter_then_officials_no_blank_lines.txt")
    assert "\n\n" not in text
    for doc in (parse_text(text), parse_file(make_pdf(text))):
        assert [(t.title, t.name, t.salutation) for t in doc.targets] == [
            ("Minister of Public Security", "To Van Example", "Dear Minister")
        ]
        assert doc.targets[0].email == "minister@mps.gov.vn.example"
        assert doc.model_letter is not None and doc.model_letter.endswith("Yours sincerely,")
