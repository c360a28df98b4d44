"""UA document importer: files and text in, ParsedDocument out (no database, no Qt)."""

from __future__ import annotations

from pathlib import Path

from app.domain.model import ParsedDocument
from app.importing.parser import parse_text
from app.importing.reader import read_document

__all__ = ["parse_file", "parse_text", "read_document"]


def parse_file(path: Path) -> ParsedDocument:
    """Read and parse one document file."""
    path = Path(path)
    return parse_text(read_document(path), path.name)
