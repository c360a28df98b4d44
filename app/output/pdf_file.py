"""Open a QPdfWriter on a temp file, paint, finish it, check it, then rename it.

QPdfWriter and QPainter report success even when the disk fills up under them: the file is
cut short and unreadable. So the finished temp file is read back (it must end with ``%%EOF``
and pypdf must find every page) before it may replace the previous file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from app import __version__
from app.atomic_files import IncompleteWrite, atomic_path
from app.domain.errors import N_, OutputFailed
from app.output.qt_runtime import DOC_DPI, ensure_gui_application

CREATOR = f"Appeal Desk {__version__}"

Painter = Callable[[QPainter, QPdfWriter], int]


def set_full_page(device: QPagedPaintDevice, page: QPageSize) -> None:
    """Portrait layout of ``page`` with zero margins: our layouts carry their own margins."""
    layout = QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    layout.setMode(QPageLayout.Mode.FullPageMode)
    device.setPageLayout(layout)


def write_pdf(
    path: str | os.PathLike[str],
    page: QPageSize,
    title: str,
    paint: Painter,
    *,
    margins_mm: float = 0.0,
    resolution: int = DOC_DPI,
) -> int:
    """Create the PDF at ``path`` with ``paint(painter, writer)``; return what ``paint`` returns.

    Without margins the page is full (letters carry their own margins); with ``margins_mm``
    the painter works inside them (one-page reports). The file appears complete or not at
    all: the writer paints into a temp file beside the target, is destroyed (which finishes
    the PDF), and only then replaces ``path``.
    """
    ensure_gui_application()
    with atomic_path(path) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(resolution)
        if margins_mm:
            margins = QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm)
            writer.setPageLayout(
                QPageLayout(
                    page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
                )
            )
        else:
            set_full_page(writer, page)
        writer.setTitle(title)
        writer.setCreator(CREATOR)
        painter = QPainter()
        if not painter.begin(writer):
            del writer
            raise OutputFailed(N_("Could not start writing {path}."), path=path)
        try:
            result = paint(painter, writer)
        finally:
            ended = painter.end()
            del painter
            del writer  # QPdfWriter completes the file only when destroyed
        if not ended:
            raise IncompleteWrite(Path(path), "the PDF writer reported an error")
        check_pdf(temp, result)
    return result


def check_pdf(file: Path, pages: int) -> None:
    """Raise IncompleteWrite unless ``file`` is a whole PDF of ``pages`` pages."""
    size = file.stat().st_size
    if size == 0:
        raise IncompleteWrite(file, "empty")
    with open(file, "rb") as fh:
        fh.seek(max(0, size - 1024))
        if b"%%EOF" not in fh.read():
            raise IncompleteWrite(file, "no end-of-file marker")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        found = len(PdfReader(file, strict=True).pages)
    except (PyPdfError, ValueError, OSError) as exc:
        raise IncompleteWrite(file, f"unreadable: {exc}") from exc
    if found != pages:
        raise IncompleteWrite(file, f"{found} of {pages} pages")
