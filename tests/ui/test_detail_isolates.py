"""Left-to-right runs in the detail pane: a fax number stays in its order in right-to-left text."""

from __future__ import annotations

from app.domain.model import Target
from app.ui.views.case_detail_html import case_detail_html
from tests.unit.letters.conftest import make_case


def test_contacts_are_isolated_left_to_right() -> None:
    target = Target(
        "Minister of Justice",
        "Rui Costa",
        email="minister@example.gov",
        fax="+94 11 555 6137",
        social=("X: @MinJustice",),
    )
    html = case_detail_html(make_case(targets=(target,)))
    assert "\u2066+94 11 555 6137\u2069" in html
    assert "\u2066minister@example.gov\u2069" in html
    assert "\u2066X: @MinJustice\u2069" in html
