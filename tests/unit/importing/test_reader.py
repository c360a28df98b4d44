"""Reading files: encodings, binary junk, size limits, HTML pages and MIME e-mails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import ImportRejected
from app.importing import parse_file, read_document

UA_TEXT = "URGENT ACTION\nHEADLINE\nUA: 1/25 Index: AMR 46/0001/2025 Perú Date: 1 May 2025\nSeñora Müller\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),  # saved without a byte-order mark
        ("utf-16-be", b""),
        ("cp1252", b""),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "ua.txt"
    path.write_bytes(prefix + UA_TEXT.encode(encoding))
    assert read_document(path) == UA_TEXT


def test_latin1_bytes_that_are_not_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "ua.txt"
    path.write_bytes("UA 1/95 Fear of torture\x81\n".encode("latin-1"))
    assert read_document(path).startswith("UA 1/95")


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ImportRejected, match="binary file"):
        read_document(path)


def test_a_binary_file_with_many_zero_bytes_is_still_refused(tmp_path: Path) -> None:
    """Zero bytes at every other place but other bytes no text has: not taken for UTF-16."""
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(b for n in range(2000) for b in (n % 32, 0)))
    with pytest.raises(ImportRejected, match="binary file"):
        read_document(path)


def test_a_spanish_ua_in_utf16_without_a_mark_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "ua.txt"
    path.write_bytes(UA_TEXT.encode("utf-16-le"))
    assert parse_file(path).ua_number == "1/25"


@pytest.mark.parametrize("name", ["report.docx", "report.txt", "ua.doc"])
def test_a_word_document_is_refused_with_what_to_do(tmp_path: Path, name: str) -> None:
    """A UA saved from Word (or a .docx renamed .txt) is named for what it is, not "binary"."""
    import zipfile

    path = tmp_path / name
    if name.endswith(".doc"):
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    else:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("[Content_Types].xml", "<Types/>")
            package.writestr("word/document.xml", "<w:document>UA 12/26</w:document>")
    with pytest.raises(ImportRejected, match="word-processor document") as refused:
        read_document(path)
    assert "Save it as PDF or as plain text" in refused.value.reason


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ImportRejected, match="empty"):
        read_document(path)


def test_huge_files_are_refused_before_reading(tmp_path: Path) -> None:
    text = tmp_path / "huge.txt"
    with text.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # a sparse 2 GB file: refused by its size alone
    with pytest.raises(ImportRejected, match="too large"):
        read_document(text)
    pdf = tmp_path / "huge.pdf"
    with pdf.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(60 * 1024**2)
    with pytest.raises(ImportRejected, match="too large"):
        read_document(pdf)


def test_a_folder_or_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="not a file"):
        read_document(tmp_path)
    with pytest.raises(ImportRejected, match="not a file"):
        read_document(tmp_path / "missing.txt")


def test_a_fake_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(ImportRejected, match="not a PDF"):
        read_document(path)


JPEG_START = b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00"  # as a phone's camera saves a photo
PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(("start", "kind"), [(JPEG_START, "JPEG"), (PNG_START, "PNG")])
def test_a_picture_renamed_pdf_is_refused_as_a_picture_with_what_to_import(
    tmp_path: Path, start: bytes, kind: str
) -> None:
    path = tmp_path / "UA 12-26.pdf"
    path.write_bytes(start + bytes(range(256)) * 20)
    with pytest.raises(ImportRejected) as refused:
        read_document(path)
    assert refused.value.message == (
        f"This .pdf file is not a PDF (it has no PDF header): it is a {kind} picture, such as "
        "a phone photo, and Appeal Desk cannot read the text in a picture. Import the UA's own "
        "PDF, or its text (saved as a .txt file, or pasted)."
    )


def test_a_picture_renamed_txt_is_refused_as_a_picture(tmp_path: Path) -> None:
    path = tmp_path / "UA 12-26.txt"
    path.write_bytes(JPEG_START + bytes(range(256)) * 20)
    with pytest.raises(ImportRejected) as refused:
        read_document(path)
    assert refused.value.message.startswith("This is a JPEG picture, such as a phone photo")


def test_saved_web_page_is_turned_into_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><style>p{}</style><script>var x=1;</script></head><body>"
        "<h1>Urgent Action</h1><h2>Poet Held For A Verse (Viet Nam: UA 45.25)</h2><p>March 12, 2025</p>"
        "<p>Fictional: Nguyen Example has been held since 3 March 2025 for a verse.</p>"
        "<p>This Urgent Action expires on April 23, 2025.</p></body></html>",
        encoding="utf-8",
    )
    text = read_document(path)
    assert "var x" not in text and "Urgent Action\n" in text
    doc = parse_file(path)
    assert (doc.ua_number, doc.title, doc.country) == ("45/25", "Poet Held For A Verse", "Viet Nam")


def test_mime_email_body_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ua.eml"
    path.write_text(
        "From: net@section.example\nSubject: ua 12/25 on peru\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "URGENT ACTION\nDETENCI=C3=93N\nUA: 12/25 Index: AMR 46/0012/2025 Peru Date: 2 May 2025\n",
        encoding="ascii",
    )
    assert "DETENCIÓN" in read_document(path)
    assert parse_file(path).ua_number == "12/25"


def test_ua_pdf_attached_to_an_email(
    tmp_path: Path, make_pdf: Callable[..., Path], fixture_text: Callable[[str], str]
) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "network@section.example"
    message["Subject"] = "New action for this week"
    message.set_content("Hello all, please find this week's case attached. Thank you!")
    pdf = make_pdf(fixture_text("french_2019_initial.txt"))
    message.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="pdf", filename="case.pdf"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(message))
    assert parse_file(path).ua_number == "17/24"


def test_an_email_with_a_stub_plain_part_imports_the_ua_of_its_html_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import html
    from email.message import EmailMessage

    from app.main import main
    from tests.builders import INITIAL_902

    lines = INITIAL_902.read_text(encoding="utf-8").splitlines()
    message = EmailMessage()
    message["From"] = "network@section.example"
    message["Subject"] = "This week's action"
    message.set_content("This message is in HTML. Please view it in a browser.\n")
    message.add_alternative(
        "<html><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</body></html>",
        subtype="html",
        cte="base64",  # as mail programs send it: the HTML is not readable in the raw file
    )
    path = tmp_path / "section.eml"
    path.write_bytes(bytes(message))

    assert parse_file(path).ua_number == "902/27"
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "902/27" in out and "does not look like" not in out + err


def test_an_email_with_the_ua_in_a_plain_and_a_readable_html_part_is_decoded(
    tmp_path: Path,
) -> None:
    """A mail program saves a section's e-mail with both parts quoted-printable: the raw file
    shows the HTML tags, yet it is an e-mail to decode, not a web page."""
    import html
    from email.message import EmailMessage

    from tests.builders import INITIAL_902

    text = INITIAL_902.read_text(encoding="utf-8").replace("COMMUNITY", "COMMUNAUTÉ")
    message = EmailMessage()
    message["From"] = "network@section.example"
    message["Subject"] = "Action urgente"
    message.set_content(text, cte="quoted-printable")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    message.add_alternative(
        f"<html><body>{paragraphs}</body></html>", subtype="html", cte="quoted-printable"
    )
    path = tmp_path / "ua.eml"
    path.write_bytes(bytes(message))
    plain = tmp_path / "ua.txt"
    plain.write_text(text, encoding="utf-8")

    found, expected = parse_file(path), parse_file(plain)
    assert "=C3" not in read_document(path)
    assert found.title == expected.title and "COMMUNAUTÉ" in found.title
    assert found.targets == expected.targets
    assert found.persons == expected.persons


def test_a_file_marked_utf8_that_is_not_says_what_to_do(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark, then bytes that are not UTF-8: the reader is told the file is
    damaged or not text, and how to import the UA all the same."""
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\xef\xbb\xbfShopping list \xff\xfe\x80 milk\n")
    with pytest.raises(ImportRejected) as refused:
        read_document(path)
    assert refused.value.message == (
        "The file says it is UTF-8 but is not valid UTF-8: it is damaged, or not text at all. "
        "If it holds a UA, open it in a text editor and save it as UTF-8 text (.txt), or "
        "import the UA's PDF."
    )
