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


def test_preferred_languages_are_listed_the_way_the_interface_language_lists() -> None:
    from app.i18n import set_language

    case = make_case(preferred_languages=("Spanish", "English"))
    assert "Spanish and English" in case_detail_html(case)
    set_language("ar")
    html = case_detail_html(case)
    assert "الإسبانية والإنجليزية" in html
    assert "الإسبانية, " not in html and "الإسبانية، " not in html
