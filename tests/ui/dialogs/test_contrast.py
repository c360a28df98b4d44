"""Colours pass WCAG AA contrast in a light and a dark palette; meaning never by colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from app.ui.contrast import AA_NORMAL_TEXT, contrast_ratio, hint_colour, overdue_colour


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#efefef"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.AlternateBase, "#f7f7f7"),
        (QPalette.ColorRole.Text, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#353535"),
        (QPalette.ColorRole.Base, "#2a2a2a"),
        (QPalette.ColorRole.AlternateBase, "#424242"),
        (QPalette.ColorRole.Text, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


BACKGROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


def test_the_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_hints_and_overdue_red_are_readable(qapp, palette: QPalette) -> None:  # type: ignore[no-untyped-def]
    for background in BACKGROUNDS:
        base = palette.color(background)
        assert contrast_ratio(hint_colour(palette), base) >= AA_NORMAL_TEXT, background
        assert contrast_ratio(overdue_colour(palette), base) >= AA_NORMAL_TEXT, background


def test_fixed_banner_colours_are_readable(qapp) -> None:  # type: ignore[no-untyped-def]
    import re

    from app.ui import style
    from app.ui.notifications import ReminderBanner

    sheets = "".join(style.SHEETS.values()) + ReminderBanner().styleSheet()
    rules = re.findall(r"\{([^}]*)\}", sheets)
    checked = 0
    for rule in rules:
        background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", rule)
        foreground = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{6})", rule)
        if background and foreground:
            ratio = contrast_ratio(QColor(foreground.group(1)), QColor(background.group(1)))
            assert ratio >= AA_NORMAL_TEXT, rule
            checked += 1
    assert checked >= 2


def test_hints_are_in_the_readable_hint_colour(gui_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from app.ui.style import Role, apply_role

    assert not gui_app.styleSheet()  # no app-wide sheet: widgets keep Qt's plain style
    for role in (Role.HINT, Role.CASE_KICKER):
        label = QLabel("Secondary text")
        apply_role(label, role)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            shown = label.palette().color(group, QPalette.ColorRole.WindowText)
            assert shown == hint_colour(gui_app.palette()), (role, group)
        assert (
            contrast_ratio(
                label.palette().color(QPalette.ColorRole.WindowText),
                gui_app.palette().color(QPalette.ColorRole.Window),
            )
            >= AA_NORMAL_TEXT
        )


def test_event_projector_colours_are_readable_on_its_black(qapp) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    from app.ui.events.tally_board import PROJECTOR_COLOURS

    background = QColor("#111111")
    for role, colour in asdict(PROJECTOR_COLOURS).items():
        if role == "track":  # the empty part of a bar, not text
            continue
        assert contrast_ratio(QColor(colour), background) >= AA_NORMAL_TEXT, role


def test_hints_follow_a_change_to_a_dark_palette(gui_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from app.ui.style import Role, apply_role, follow_palette

    label = QLabel("Secondary text")
    apply_role(label, Role.HINT)
    before = gui_app.palette()
    try:
        gui_app.setPalette(dark_palette())
        follow_palette()
        shown = label.palette().color(QPalette.ColorRole.WindowText)
        assert shown == hint_colour(dark_palette())
        assert contrast_ratio(shown, dark_palette().color(QPalette.ColorRole.Window)) >= 4.5
    finally:
        gui_app.setPalette(before)
        follow_palette()
    assert label.palette().color(QPalette.ColorRole.WindowText) == hint_colour(before)
