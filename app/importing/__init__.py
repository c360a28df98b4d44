"""UA document importer: files and text in, ParsedDocument out (no database, no Qt).

The parser and the readers load when a document is first parsed or read, not with this
package: its light modules (country names, text folding) serve the case pane and the letters,
and importing any of them runs this file first (the parser's patterns took 0.2-0.5 s).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import ImportRejected
from app.domain.model import ParsedDocument

if TYPE_CHECKING:
    from app.importing.parser import parse_text
    from app.importing.reader import read_document, read_documents

_LAZY = {
    "parse_text": "app.importing.parser",
    "read_document": "app.importing.reader",
    "read_documents": "app.importing.reader",
}


def __getattr__(name: str) -> Any:
    """``parse_text``, ``read_document`` and ``read_documents``, loaded on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "parse_file",
    "parse_file_documents",
    "parse_pasted",
    "parse_text",
    "read_document",
    "read_documents",
]


def parse_file(path: Path) -> ParsedDocument:
    """Read and parse one document file (the first UA of a mailbox or e-mail)."""
    return parse_file_documents(Path(path))[0][1]


def parse_file_documents(path: Path) -> list[tuple[str, ParsedDocument]]:
    """Every UA in a file, each with its source name (a mailbox gives one per message, a
    digest one per UA it carries).

    Messages of a mailbox that are not UAs are left out; when nothing in the file is a UA,
    the reason of the first refusal is raised.
    """
    from app.importing.reader import read_documents

    path = Path(path)
    return _parse_all(read_documents(path))


def parse_pasted(
    text: str, source_name: str = "pasted text", *, html: str | None = None
) -> list[tuple[str, ParsedDocument]]:
    """What the clipboard holds: its HTML when there is some (the structure of a copied web
    page), else the text; a pasted e-mail or mailbox is read like a file."""
    from app.importing.html_text import html_to_text
    from app.importing.mail_text import eml_documents, looks_like_mime

    if html and html.strip():
        readable = html_to_text(html)
        if len(readable.strip()) >= 0.5 * len(text.strip()):
            return _parse_all([(source_name, readable)])
    if looks_like_mime(text):
        return _parse_all(eml_documents(text, source_name))
    return _parse_all([(source_name, text)])


def _parse_all(texts: list[tuple[str, str]]) -> list[tuple[str, ParsedDocument]]:
    from app.importing.additional_info import with_additional_info
    from app.importing.digest import split_digest
    from app.importing.parser import parse_text
    from app.importing.recommended_actions import with_recommended_actions

    texts = [(name, section) for name, text in texts for section in split_digest(text)]
    parsed: list[tuple[str, ParsedDocument]] = []
    refusals: list[ImportRejected] = []
    for name, text in texts:
        try:
            document = with_recommended_actions(parse_text(text, name), text)
            parsed.append((name, with_additional_info(document, text)))
        except ImportRejected as exc:
            if len(texts) == 1:
                raise
            refusals.append(exc)
    if not parsed:
        raise refusals[0]
    return parsed
