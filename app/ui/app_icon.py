"""The application icon drawn for windows and the tray (the SVG from app/desktop_files.py)."""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from app.desktop_files import ShippedFileMissing, icon_svg
from app.paths import APP_ID

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The SVG drawn at every common size (crisp on high-DPI screens, not one bitmap scaled)."""
    from PySide6.QtSvg import QSvgRenderer

    try:
        svg = icon_svg()
    except ShippedFileMissing as exc:
        log.warning("%s; the window uses the desktop theme's icon", exc.message)
        return QIcon.fromTheme(APP_ID)
    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    if not renderer.isValid():
        return QIcon.fromTheme(APP_ID)
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
