"""The application icon (the SVG shipped in ``app/resources``), for windows and the tray."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

from app.paths import APP_ID

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The icon at every common size; falls back to the desktop theme's icon by the app id."""
    data = resources.files("app").joinpath("resources", f"{APP_ID}.svg").read_bytes()
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        if pixmap.loadFromData(data, "SVG") or _render_svg(pixmap, data, size):
            icon.addPixmap(pixmap)
    return icon if not icon.isNull() else QIcon.fromTheme(APP_ID)


def _render_svg(pixmap: QPixmap, data: bytes, size: int) -> bool:
    """Without the SVG image plugin, scale the decoded image instead (still crisp enough)."""
    image = QPixmap()
    if not image.loadFromData(data):
        return False
    pixmap.swap(image.scaled(size, size))
    return True
