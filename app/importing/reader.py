"""Read a document file into text: size limits, encodings, binary refusal, HTML/e-mail, PDF."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain.errors import N_, Count, ImportRejected, os_problem
from app.importing.html_text import html_to_text, looks_like_html
from app.importing.mail_text import eml_documents, looks_like_mbox, looks_like_mime, mbox_documents
from app.importing.own_outputs import check_bytes, check_pdf
from app.importing.pdf import pdf_text

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_document(path: Path) -> str:
    """The text of a .txt/.md/.eml/.html file or a PDF; ImportRejected with a reason otherwise.

    A mailbox or an e-mail with several UAs gives the first one (``read_documents`` gives all).
    """
    return read_documents(path)[0][1]


def read_documents(path: Path) -> list[tuple[str, str]]:
    """Every UA text a file holds, each with its source name: one for a document, one per
    message (or attachment) for e-mails and mailboxes. Our own outputs are refused."""
    source = path.name
    data, is_pdf = _read_bytes(path, source)
    if is_pdf:
        if not data.lstrip().startswith(b"%PDF"):
            kind = picture_kind(data)
            if kind is not None:
                raise ImportRejected(source, PICTURE_NAMED_PDF, kind=kind)
            raise ImportRejected(source, N_("This .pdf file is not a PDF (it has no PDF header)."))
        check_pdf(data, source)
        return [(source, pdf_text(data, source))]
    check_bytes(data, source)
    if looks_like_mbox(data):
        documents = mbox_documents(path)
        if not documents:
            raise ImportRejected(source, N_("This mailbox holds no message with a UA."))
        return documents
    text = decode_text(data, source)
    if looks_like_mime(text):  # before HTML: a mail program's e-mail often has an HTML part
        documents = eml_documents(data, source)
        return documents or [(source, text)]
    if looks_like_html(text):
        return [(source, html_to_text(text))]
    return [(source, text)]


def _read_bytes(path: Path, source: str) -> tuple[bytes, bool]:
    try:
        if not path.is_file():
            raise ImportRejected(source, N_("This is not a file (a folder or a missing path)."))
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
            is_pdf = head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf"
            is_mailbox = path.suffix.lower() in (".mbox", ".mbx") or head.startswith(b"From ")
            limit = MAX_PDF_BYTES if is_pdf or is_mailbox else MAX_TEXT_BYTES
            if size > limit:
                raise ImportRejected(
                    source,
                    N_(
                        "The file is too large ({size} MB; the limit is {limit} MB). A UA "
                        "document is much smaller: check that this is the right file."
                    ),
                    size=Count(round(size / 1048576)),
                    limit=Count(limit // 1048576),
                )
            if size == 0:
                raise ImportRejected(source, N_("The file is empty: there is no text to import."))
            data = head + handle.read(limit + 1 - len(head))
    except OSError as exc:
        raise ImportRejected(
            source, N_("The file cannot be read ({problem})."), problem=os_problem(exc)
        ) from exc
    return data, is_pdf


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without one, then cp1252 or
    Latin-1; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data, "utf-8-sig", source)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", source)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", source)
    elif (order := _utf16_without_mark(data)) is not None:
        text = _strict(data, order, source)
    else:
        if is_word_processor_file(data):
            raise ImportRejected(source, WORD_PROCESSOR_DOCUMENT)
        kind = picture_kind(data)
        if kind is not None:
            raise ImportRejected(source, PICTURE_FILE, kind=kind)
        if b"\x00" in data:
            raise _binary(source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 200):
        raise _binary(source)
    return text


def _utf16_without_mark(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without its byte-order mark (some
    editors and mail programs do), told by the zero bytes: text in the Latin, Greek or
    Cyrillic scripts has a zero as the high byte of most characters and almost never as the
    low one. None for anything else."""
    head = data[:4096]
    if len(head) < 8 or len(data) % 2:
        return None
    pairs = len(head) // 2
    zero_first = head[0::2].count(0) / pairs
    zero_second = head[1::2].count(0) / pairs
    if zero_second >= 0.4 and zero_first <= 0.02:
        return "utf-16-le"
    if zero_first >= 0.4 and zero_second <= 0.02:
        return "utf-16-be"
    return None


WORD_PROCESSOR_DOCUMENT = N_(
    "This is a word-processor document (Word or LibreOffice), which Appeal "
    "Desk cannot read. Save it as PDF or as plain text (.txt) in your word "
    "processor, then import that file."
)
PICTURE_NAMED_PDF = N_(
    "This .pdf file is not a PDF (it has no PDF header): it is a {kind} picture, such as a "
    "phone photo, and Appeal Desk cannot read the text in a picture. Import the UA's own PDF, "
    "or its text (saved as a .txt file, or pasted)."
)
PICTURE_FILE = N_(
    "This is a {kind} picture, such as a phone photo, not a document: Appeal Desk cannot read "
    "the text in a picture. Import the UA's own PDF, or its text (saved as a .txt file, or "
    "pasted)."
)
# The first bytes of the picture formats phones and cameras save, whatever the file's name.
_PICTURE_STARTS = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def picture_kind(data: bytes) -> str | None:
    """The picture format of a file's first bytes ("JPEG", "PNG", "HEIC"...), or None."""
    for start, kind in _PICTURE_STARTS:
        if data.startswith(start):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "AVIF" if data[8:12] == b"avif" else "HEIC"
    return None


_ZIP = b"PK\x03\x04"
_OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc files before 2007


def is_word_processor_file(data: bytes) -> bool:
    """A .docx, .odt or old .doc file, whatever its name says."""
    if data.startswith(_OLD_OFFICE):
        return True
    head = data[:4096]
    return data.startswith(_ZIP) and any(
        mark in head for mark in (b"word/", b"[Content_Types].xml", b"opendocument.text")
    )


# The encodings a byte-order mark names, as a user knows them.
_MARKED = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding in _MARKED:  # a byte-order mark, then a binary's or a damaged file's bytes
            raise ImportRejected(
                source,
                N_(
                    "The file says it is {encoding} but is not valid {encoding}: it is damaged, "
                    "or not text at all. If it holds a UA, open it in a text editor and save it "
                    "as UTF-8 text (.txt), or import the UA's PDF."
                ),
                encoding=_MARKED[encoding],
            ) from exc
        raise ImportRejected(
            source,
            N_("The file says it is {encoding} but is not valid {encoding}."),
            encoding=encoding.upper(),
        ) from exc


def _binary(source: str) -> ImportRejected:
    return ImportRejected(
        source,
        N_(
            "This is a binary file, not a text or PDF document. Import the UA as PDF, text (.txt) "
            "or a saved web page."
        ),
    )


def mime_to_text(raw: str, source: str = "e-mail") -> str:
    """The text of a MIME e-mail: its UA body, or the UA attached to it (the first one)."""
    return eml_documents(raw, source)[0][1]


__all__ = [
    "decode_text",
    "html_to_text",
    "looks_like_html",
    "mime_to_text",
    "read_document",
    "read_documents",
]
