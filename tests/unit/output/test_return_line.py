"""The envelope's return line, shortened to one line of the window: the town (and the country,
when the sender gave one) stay whole, whatever parts the sender's profile leaves out."""

from __future__ import annotations

import pytest

from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.output.head_placement import _metrics, fit_return_line
from app.output.letter_layout import TypeSizes, page_spec, return_line_parts
from app.output.qt_runtime import mm_to_units

LONG_NAME = "Maria-Magdalena Hohenzollern-Sigmaringen von und zu Wittelsbach-Oberammergau"
LONG_STREET = "Apartamento 14B, Rua das Flores Compridas de Santa Catarina e do Monte 1234"


def _fitted(sender: SenderProfile) -> str:
    spec = page_spec(PageSize.A4)
    assert spec.window_width is not None
    size, width = (
        TypeSizes.for_letter(large_print=False).return_line,
        mm_to_units(spec.window_width),
    )
    line = fit_return_line(return_line_parts(sender), size, width)
    assert _metrics(size, False, False).horizontalAdvance(line) <= 0.95 * width, line
    return line


@pytest.mark.parametrize(
    ("name", "city", "country", "starts", "ends"),
    [
        (LONG_NAME, "1200-195 Lisboa", "Portugal", "Maria-Magd", " · 1200-195 Lisboa · Portugal"),
        (LONG_NAME, "1200-195 Lisboa", "", "Maria-Magd", " · 1200-195 Lisboa"),
        ("", "1200-195 Lisboa", "Portugal", "Apartamento", " · 1200-195 Lisboa · Portugal"),
        ("", "1200-195 Lisboa", "", "Apartamento", " · 1200-195 Lisboa"),
    ],
)
def test_a_long_return_line_keeps_its_town_whole(
    qapp, name: str, city: str, country: str, starts: str, ends: str
) -> None:  # type: ignore[no-untyped-def]
    line = _fitted(SenderProfile(name=name, address=LONG_STREET, city=city, country=country))
    assert line.startswith(starts) and line.endswith(ends), line
    assert "…" in line
    assert line.count("1200-195 Lisboa") == 1


def test_a_town_written_in_the_address_is_the_town(qapp) -> None:  # type: ignore[no-untyped-def]
    sender = SenderProfile(
        name=LONG_NAME, address=f"{LONG_STREET}\n28013 Madrid", city="Madrid", country=""
    )
    assert return_line_parts(sender).end == ("28013 Madrid",)
    assert _fitted(sender).endswith(" · 28013 Madrid")


def test_a_return_line_that_fits_is_left_as_it_is(qapp) -> None:  # type: ignore[no-untyped-def]
    sender = SenderProfile(name="", address="1 Short Street", city="Lisboa", country="")
    assert _fitted(sender) == "1 Short Street · Lisboa"
