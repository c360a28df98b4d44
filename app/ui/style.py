"""The app's look: Fusion style and a small stylesheet for headings, banners and hints."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyleFactory

STYLESHEET = """
QLabel#emptyHeading { font-size: 20pt; font-weight: 600; }
QLabel#caseKicker { color: palette(placeholder-text); font-weight: 600; letter-spacing: 0.5px; }
QLabel#caseTitle { font-size: 15pt; font-weight: 600; }
QLabel#caseFacts { font-size: 10.5pt; }
QLabel#dialogHeading { font-size: 12pt; font-weight: 600; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#sampleBanner {
    background: #fff4ce; color: #3d2e00; border: 1px solid #d9a400;
    border-radius: 4px; padding: 6px 8px; font-weight: 600;
}
QLabel#closedBanner {
    background: #e8eef5; color: #1b2b3a; border: 1px solid #8aa4bf;
    border-radius: 4px; padding: 6px 8px;
}
QLabel#warning {
    background: #fff4ce; color: #3d2e00; border: 1px solid #d9a400;
    border-radius: 4px; padding: 6px 8px;
}
QPushButton#primaryButton { font-weight: 600; }
QTableView { selection-background-color: palette(highlight); }
QToolBar#mainToolbar { spacing: 6px; padding: 2px 4px; }
"""


STYLE = "Fusion"


def style_arguments() -> list[str]:
    """Qt's command-line arguments that choose the app's style, for a new QApplication.

    Naming the style there rather than calling ``QApplication.setStyle`` leaves the style
    without a Python object: ``setStyle`` hands one back, and PySide6 then makes the Python
    enums of ``QStyle`` (about 560 members, some 10 ms before the first screen) that nothing
    here uses. Qt sets the style the same way (``QApplication.setStyle``) when it starts."""
    return ["-style", STYLE] if STYLE in QStyleFactory.keys() else []  # noqa: SIM118


def apply_style(app: QApplication, *, style_chosen: bool = False) -> None:
    """Fusion and the app's style sheet; ``style_chosen``: ``app`` was made with
    ``style_arguments()`` (its style is set already)."""
    if not style_chosen and STYLE in QStyleFactory.keys():  # noqa: SIM118 - Qt static method
        app.setStyle(STYLE)
    from app.ui.contrast import hint_colour  # palette(placeholder-text) is only ~4:1

    app.setStyleSheet(
        STYLESHEET.replace("palette(placeholder-text)", hint_colour(app.palette()).name())
    )
