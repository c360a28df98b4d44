"""Read a document file into text: size limits, encodings, binary refusal, HTML/e-mail, PDF."""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser
from pathlib import Path

from app.domain.errors import ImportRejected
from app.i18n import _
from app.importing.pdf import pdf_text

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
_UA_WORDS = re.compile(
    r"\b(?:UA|AU)\s*:?\s*\d|URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|AI Index", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_document(path: Path) -> str:
    """The text of a .txt/.md/.eml/.html file or a PDF; ImportRejected with a reason otherwise."""
    source = path.name
    try:
        if not path.is_file():
            raise ImportRejected(source, _("This is not a file (a folder or a missing path)."))
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
            is_pdf = head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf"
            limit = MAX_PDF_BYTES if is_pdf else MAX_TEXT_BYTES
            if size > limit:
                raise ImportRejected(
                    source,
                    _(
                        "The file is too large ({size} MB; the limit is {limit} MB). A UA "
                        "document is much smaller: check that this is the right file."
                    ).format(size=f"{size / 1048576:.0f}", limit=limit // 1048576),
                )
            if size == 0:
                raise ImportRejected(source, _("The file is empty: there is no text to import."))
            data = head + handle.read(limit + 1 - len(head))
    except OSError as exc:
        raise ImportRejected(
            source, _("The file cannot be read ({problem}).").format(problem=exc.strerror or exc)
        ) from exc
    if is_pdf:
        if not data.lstrip().startswith(b"%PDF"):
            raise ImportRejected(source, _("This .pdf file is not a PDF (it has no PDF header)."))
        return pdf_text(data, source)
    text = decode_text(data, source)
    if _looks_like_html(text):
        text = html_to_text(text)
    elif _looks_like_mime(text):
        text = mime_to_text(text, source)
    return text


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, then cp1252 or Latin-1; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data, "utf-8-sig", source)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", source)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", source)
    else:
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


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            source,
            _("The file says it is {encoding} but is not valid {encoding}.").format(
                encoding=encoding.upper()
            ),
        ) from exc


def _binary(source: str) -> ImportRejected:
    return ImportRejected(
        source,
        _(
            "This is a binary file, not a text or PDF document. Import the UA as PDF, text (.txt) "
            "or a saved web page."
        ),
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or len(re.findall(r"</?(?:p|div|br|h\d|span)\b", head)) > 5
    )


MAX_MIME_PARTS = 200  # the e-mail parser is slow on thousands of nested parts (a MIME bomb)


def _looks_like_mime(text: str) -> bool:
    head = text[:3000]
    if len(re.findall(r"^Content-Type:", text, re.M | re.I)) > MAX_MIME_PARTS:
        return False  # read as plain text instead: the UA check then rejects it quickly
    return bool(re.search(r"^MIME-Version:", head, re.M | re.I)) and bool(
        re.search(r"^Content-Type:", head, re.M | re.I)
    )


class _TextExtractor(HTMLParser):
    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "table",
        "ul",
        "ol",
        "blockquote",
        "pre",
    }
    _SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def mime_to_text(raw: str, source: str = "e-mail") -> str:
    """The text of a MIME e-mail: its body, or the UA PDF attached to it when the body is a cover note."""
    message = email.message_from_string(raw, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    content = ""
    if body is not None:
        content = body.get_content()
        if body.get_content_type() == "text/html":
            content = html_to_text(content)
    if not _UA_WORDS.search(content):
        for part in message.iter_attachments():
            if part.get_content_type() == "application/pdf":
                data = part.get_content()
                if isinstance(data, bytes) and 0 < len(data) <= MAX_PDF_BYTES:
                    return pdf_text(data, f"{source} ({part.get_filename() or 'attachment'})")
    if body is None:
        return raw
    header = "".join(
        f"{key}: {message[key]}\n" for key in ("From", "Subject", "Date") if message[key]
    )
    return f"{header}\n{content}"
