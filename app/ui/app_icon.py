"""The application icon (the SVG shipped in ``app/resources``), for windows and the tray."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from app.paths import APP_ID

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def icon_svg() -> bytes:
    return resources.files("app").joinpath("resources", f"{APP_ID}.svg").read_bytes()


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The SVG drawn at every common size (crisp on high-DPI screens, not one bitmap scaled)."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(icon_svg()))
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
