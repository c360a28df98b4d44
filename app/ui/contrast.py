"""Colours that stay readable (WCAG contrast >= 4.5:1) in light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

AA_NORMAL_TEXT = 4.5
OVERDUE_ON_LIGHT = "#a4262c"  # dark red
OVERDUE_ON_DARK = "#ff99a4"  # light red
HINT_ON_LIGHT = "#595959"
HINT_ON_DARK = "#b8b8b8"


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """1.0 (none) to 21.0 (black on white); a translucent foreground is blended first."""
    if foreground.alphaF() < 1.0:
        alpha = foreground.alphaF()
        foreground = QColor.fromRgbF(
            foreground.redF() * alpha + background.redF() * (1 - alpha),
            foreground.greenF() * alpha + background.greenF() * (1 - alpha),
            foreground.blueF() * alpha + background.blueF() * (1 - alpha),
        )
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def hint_colour(palette: QPalette) -> QColor:
    """Secondary text: quieter than body text, still 4.5:1 on the window and on fields."""
    return QColor(HINT_ON_DARK if is_dark(palette) else HINT_ON_LIGHT)


def overdue_colour(palette: QPalette) -> QColor:
    """The red that marks overdue deadlines (beside the words, never instead of them)."""
    return QColor(OVERDUE_ON_DARK if is_dark(palette) else OVERDUE_ON_LIGHT)
