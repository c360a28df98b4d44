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


def apply_style(app: QApplication) -> None:
    if "Fusion" in QStyleFactory.keys():  # noqa: SIM118 - keys() is a Qt static method
        app.setStyle("Fusion")
    from app.ui.contrast import hint_colour  # palette(placeholder-text) is only ~4:1

    app.setStyleSheet(
        STYLESHEET.replace("palette(placeholder-text)", hint_colour(app.palette()).name())
    )
