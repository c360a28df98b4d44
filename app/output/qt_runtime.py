"""The Qt pieces every paper export needs: a GUI application (offscreen when headless) and fonts."""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from app.domain.errors import N_, OutputFailed

log = logging.getLogger(__name__)

# Documents are laid out in units of 1/DOC_DPI inch, on a paint device of that resolution,
# with design metrics, so the layout is the same on screen, in the preview and in the PDF.
DOC_DPI = 600
SERIF_FAMILIES = ["Noto Serif", "Liberation Serif", "Georgia", "Times New Roman", "DejaVu Serif"]
SANS_FAMILIES = ["Noto Sans", "Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"]


_headless_app: QGuiApplication | None = None
_layout_device: QImage | None = None
_margin_scale: float | None = None


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = (
        logging.WARNING
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        else logging.DEBUG
    )
    log.log(level, "Qt: %s", message)


def ensure_gui_application() -> QCoreApplication:
    """Return the running Qt application, creating an offscreen QGuiApplication if none runs.

    A paint device created before the application aborts the process, so
    every public function of app/output that paints calls this first. Paper output may run
    on a worker thread (the organiser's batch does), but only once the application exists:
    Qt must create it on the main thread.
    """
    global _headless_app
    app = QCoreApplication.instance()
    if app is None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("paper output on a worker thread needs the Qt application first")
        if not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ) and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qInstallMessageHandler(_log_qt_message)  # headless: Qt's chatter belongs in the log
        _headless_app = QGuiApplication(sys.argv[:1] or ["appeal-desk"])
        app = _headless_app
    if not isinstance(app, QGuiApplication):
        raise OutputFailed(
            N_("Paper output needs a Qt GUI application, but a console one is running.")
        )
    return app


def layout_device() -> QImage:
    """A 1x1 image with DOC_DPI resolution, used as every document's layout paint device."""
    global _layout_device
    ensure_gui_application()
    if _layout_device is None:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(DOC_DPI / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _layout_device = image
    return _layout_device


def mm_to_units(millimetres: float) -> float:
    """Millimetres to document units (1/DOC_DPI inch)."""
    return millimetres / 25.4 * DOC_DPI


def margin_length(units: float) -> float:
    """Document units as a frame margin or a block's top/bottom margin for QTextFormat.

    Qt's text layout takes those in logical pixels of the default DPI and scales them to the
    layout device (page sizes, fonts and block left/right margins it does not scale), so the
    ratio is measured once.
    """
    global _margin_scale
    if _margin_scale is None:
        probe = QTextDocument()
        probe.documentLayout().setPaintDevice(layout_device())
        probe.setDocumentMargin(0)
        fmt = QTextBlockFormat()
        fmt.setTopMargin(100.0)
        QTextCursor(probe).setBlockFormat(fmt)
        probe.documentLayout().documentSize()
        measured = probe.firstBlock().layout().position().y() / 100.0
        _margin_scale = measured if measured > 0 else DOC_DPI / 96.0
    return units / _margin_scale


def make_font(point_size: float, *, bold: bool = False, serif: bool = True) -> QFont:
    """A readable font from the first installed family of the list; Qt falls back per script."""
    font = QFont()
    font.setFamilies(SERIF_FAMILIES if serif else SANS_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
