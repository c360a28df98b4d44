"""Open a QPdfWriter on a temp file, paint, then finish and rename it atomically."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from app import __version__
from app.domain.errors import OutputFailed
from app.i18n import _
from app.output.atomic import atomic_path
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
            raise OutputFailed(_("Could not start writing {path}.").format(path=path))
        try:
            result = paint(painter, writer)
        finally:
            painter.end()
            del painter
            del writer  # QPdfWriter completes the file only when destroyed
    return result
