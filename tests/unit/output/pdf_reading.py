"""Read back what a PDF shows: its text lines and where text fragments sit."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages).replace("\t", " ")


def fragments(path: Path, page: int = 0) -> list[tuple[float, float, str]]:
    """(x, y from the bottom, text) of every text fragment on a page, in points."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = cm[4] + tm[4] * cm[0]
            y = cm[5] + tm[5] * cm[3]
            found.append((x, y, unicodedata.normalize("NFKC", text).replace("\t", " ")))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found
