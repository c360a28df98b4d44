"""The app's look: Fusion style, and the few widgets with a look of their own (headings,
banners, hints), each given its look by ``apply_role``.

There is no application-wide style sheet: one puts Qt's style-sheet style over every widget
of the app (a measurable part of the first screen) to style some thirty labels and buttons.
Fonts and text colours are set on the widget itself (``QFont``, ``QPalette``); only the boxed
banners (background, border, rounded corners, padding) carry a style sheet, on that label
alone. (The sheet's spacing rule for the main toolbar changed no pixel: the toolbar keeps
Fusion's own spacing. Nor did its table rule, selection in the palette's highlight, which is
the table's own colour active or not.)"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget


class Role(StrEnum):
    """What a widget is, for its look; the value is also the widget's object name."""

    EMPTY_HEADING = "emptyHeading"
    CASE_KICKER = "caseKicker"
    CASE_TITLE = "caseTitle"
    CASE_FACTS = "caseFacts"
    DIALOG_HEADING = "dialogHeading"
    HINT = "hint"
    SAMPLE_BANNER = "sampleBanner"
    CLOSED_BANNER = "closedBanner"
    WARNING = "warning"
    PRIMARY_BUTTON = "primaryButton"
    MAIN_TOOLBAR = "mainToolbar"  # a name only: Fusion's own toolbar spacing


DEMI_BOLD = QFont.Weight.DemiBold  # CSS font-weight 600

# point size (None: the app's), weight (None: the app's), letter spacing in pixels
_FONTS: dict[Role, tuple[float | None, QFont.Weight | None, float]] = {
    Role.EMPTY_HEADING: (20.0, DEMI_BOLD, 0.0),
    Role.CASE_KICKER: (None, DEMI_BOLD, 0.5),
    Role.CASE_TITLE: (15.0, DEMI_BOLD, 0.0),
    Role.CASE_FACTS: (10.5, None, 0.0),
    Role.DIALOG_HEADING: (12.0, DEMI_BOLD, 0.0),
    Role.PRIMARY_BUTTON: (None, DEMI_BOLD, 0.0),
}

# secondary text, in the readable hint colour (``app.ui.contrast.hint_colour``)
_QUIET = frozenset({Role.CASE_KICKER, Role.HINT})

# dark text on pale amber 11.9:1, on pale blue 13:1; the words say what each banner is
_BOX = "border-radius: 4px; padding: 6px 8px;"
_AMBER = f"background: #fff4ce; color: #3d2e00; border: 1px solid #d9a400; {_BOX}"
_BLUE = f"background: #e8eef5; color: #1b2b3a; border: 1px solid #8aa4bf; {_BOX}"
SHEETS: dict[Role, str] = {
    Role.SAMPLE_BANNER: f"QLabel#sampleBanner {{ {_AMBER} font-weight: 600; }}",
    Role.CLOSED_BANNER: f"QLabel#closedBanner {{ {_BLUE} }}",
    Role.WARNING: f"QLabel#warning {{ {_AMBER} }}",
}

_ROLE_PROPERTY = "appealDeskRole"


def apply_role(widget: QWidget, role: Role) -> None:
    """Give ``widget`` the look of ``role`` (and ``role`` as its object name)."""
    widget.setObjectName(role.value)
    widget.setProperty(_ROLE_PROPERTY, role.value)
    font_spec = _FONTS.get(role)
    if font_spec is not None:
        size, weight, spacing = font_spec
        font = QFont()  # only what is set here is fixed; the rest follows the app's font
        if size is not None:
            font.setPointSizeF(size)
        if weight is not None:
            font.setWeight(weight)
        if spacing:
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
        widget.setFont(font)
    if role in _QUIET:
        _quiet_colour(widget)
    sheet = SHEETS.get(role)
    if sheet is not None:
        widget.setStyleSheet(sheet)


def _quiet_colour(widget: QWidget) -> None:
    from app.ui.contrast import hint_colour  # palette(placeholder-text) is only ~4:1

    colour = hint_colour(QApplication.palette())
    palette = widget.palette()
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        palette.setColor(group, QPalette.ColorRole.WindowText, colour)
        palette.setColor(group, QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def follow_palette() -> None:
    """After the desktop's light or dark scheme changed: hints in the new hint colour."""
    for widget in QApplication.allWidgets():
        role = widget.property(_ROLE_PROPERTY)
        if role is not None and Role(role) in _QUIET:
            _quiet_colour(widget)


STYLE = "Fusion"
_following = False


def style_arguments() -> list[str]:
    """Qt's command-line arguments that choose the app's style, for a new QApplication.

    Naming the style there rather than calling ``QApplication.setStyle`` leaves the style
    without a Python object: ``setStyle`` hands one back, and PySide6 then makes the Python
    enums of ``QStyle`` (about 560 members, some 10 ms before the first screen) that nothing
    here uses. Qt sets the style the same way (``QApplication.setStyle``) when it starts."""
    return ["-style", STYLE] if STYLE in QStyleFactory.keys() else []  # noqa: SIM118


def apply_style(app: QApplication, *, style_chosen: bool = False) -> None:
    """Fusion; ``style_chosen``: ``app`` was made with ``style_arguments()`` (its style is
    set already). Hints follow a change of the desktop's colour scheme."""
    if not style_chosen and STYLE in QStyleFactory.keys():  # noqa: SIM118 - Qt static method
        app.setStyle(STYLE)
    global _following  # noqa: PLW0603 - one connection for the app's life
    if not _following:
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(0, follow_palette))
        _following = True
