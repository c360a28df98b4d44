"""The window's icon is drawn from the shipped SVG at every common size."""

from __future__ import annotations

from PySide6.QtCore import QSize

from app.ui.app_icon import ICON_SIZES, app_icon


def test_the_icon_is_drawn_at_every_size_and_is_not_blank(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(icon.availableSizes())
    image = icon.pixmap(64, 64).toImage()
    opaque = sum(
        1 for x in range(0, 64, 4) for y in range(0, 64, 4) if image.pixelColor(x, y).alpha() > 0
    )
    assert opaque > 64  # more than a quarter of the sampled points are painted
