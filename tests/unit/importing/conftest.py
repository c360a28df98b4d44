"""Fixtures of the importer tests: fixture texts and a PDF factory."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_text() -> Callable[[str], str]:
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture
def make_pdf(qapp: object, tmp_path: Path) -> Callable[..., Path]:
    """Typeset text into a real PDF with QPdfWriter + QTextDocument (offscreen)."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    def make(text: str, name: str = "doc.pdf", point_size: int = 10) -> Path:
        path = tmp_path / name
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(300)
        document = QTextDocument()
        document.setDefaultFont(QFont("DejaVu Sans", point_size))
        document.setPlainText(text)
        document.print_(writer)
        return path

    return make
