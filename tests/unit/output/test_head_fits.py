"""A letter's head on paper: any address fits the window or pushes the date down, never onto it.

Real letters are drafted in every template language, printed to PDF on A4 and US Letter,
and the positions of their lines are read back from the files.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.letter_layout import page_spec
from app.output.paper import write_letter_pdf
from app.services.letters import available_letter_locales, draft_letter
from app.services.limits import TARGET_ADDRESS_LIMIT
from tests.builders import make_case

MM_PER_POINT = 25.4 / 72
MARK = "Zq"  # every address line carries it, so its fragments are found in any language

NINE_LINES = "\n".join(
    [
        "Ministry of Justice and Human Rights",
        f"{MARK}2 Office of the Minister, Third Floor",
        f"{MARK}3 Government Administrative Complex",
        f"{MARK}4 Avenida de los Libertadores 1234",
        f"{MARK}5 Barrio Centro Histórico",
        f"{MARK}6 Distrito Capital",
        f"{MARK}7 Apartado Postal 5678",
        f"{MARK}8 Ciudad Ejemplo 1000",
        "Lima 1, Peru",
    ]
)


def _longest_address() -> str:
    lines, count = [], 0
    while sum(len(line) + 1 for line in lines) < TARGET_ADDRESS_LIMIT - 60:
        count += 1
        lines.append(f"{MARK}{count} Building {count}, Corridor {count}, Desk {count}")
    return "\n".join([*lines, "Lima 1, Peru"])


def _fragments(path: Path) -> list[tuple[float, float, str]]:
    """(top of the text in mm from the top of page 1, point size, text) of every fragment."""
    reader = PdfReader(path)
    height = float(reader.pages[0].mediabox.height)
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = abs(cm[3] * tm[3]) or 1.0
            baseline = cm[5] + tm[5] * cm[3]
            points = float(size) * scale
            found.append(
                ((height - baseline - 0.8 * points) * MM_PER_POINT, points, " ".join(text.split()))
            )

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def _print(
    tmp_path: Path,
    locale: str,
    address: str,
    page: PageSize,
    sender: SenderProfile,
) -> tuple[list[tuple[float, float, str]], Path]:
    target = Target(
        "Minister of Justice", "Ana Pérez Gómez", address=address, name_as_printed="Dr Ana Pérez"
    )
    case = make_case(targets=(target,), country="Peru")
    letter = draft_letter(case, 1, sender, locale=locale, today=datetime.date(2026, 3, 5))
    path = tmp_path / f"{locale}-{page.value}.pdf"
    write_letter_pdf(letter, path, sender=sender, target=target, page_size=page, country="Peru")
    return _fragments(path), path


Fragment = tuple[float, float, str]


def _head(found: list[Fragment]) -> tuple[Fragment, Fragment, Fragment, Fragment]:
    """The official's first line, the country line, the date line and the subject line."""

    def first(*texts: str) -> Fragment:
        return next(f for f in found if any(text in f[2] for text in texts))

    return (
        first("Dr Ana Pérez"),
        first("PERU"),
        first("2026", "\u0662\u0660\u0662\u0666"),
        first("28/23", "\u0662\u0668/\u0662\u0663"),
    )


def _bottom(fragment: Fragment) -> float:
    return fragment[0] + fragment[1] * MM_PER_POINT


SENDERS = {
    "with sender": SenderProfile(
        name="Jane Writer", address="12 Example Road", city="Bristol", country="United Kingdom"
    ),
    "no sender": SenderProfile(),
}


@pytest.mark.parametrize("page", [PageSize.A4, PageSize.LETTER])
@pytest.mark.parametrize("who", list(SENDERS))
@pytest.mark.parametrize("locale", available_letter_locales())
def test_a_nine_line_address_stays_in_the_window(
    qapp, tmp_path: Path, locale: str, page: PageSize, who: str
) -> None:
    found, path = _print(tmp_path, locale, NINE_LINES, page, SENDERS[who])
    official, country, date, subject = _head(found)
    spec = page_spec(page)
    assert official[0] >= spec.window_top - 2, "the official starts in the window"
    markers = [f for f in found if MARK in f[2]]
    assert len(markers) >= 3 and all(official[0] < f[0] < country[0] for f in markers), path
    if page is PageSize.A4:  # the US window is a centimetre lower: 13 lines overflow it
        assert _bottom(country) <= spec.window_bottom + 1, "the address shows in the window"
    assert date[0] >= _bottom(country), "the date is printed below the address"
    assert date[0] >= spec.date_top - 1, "the date keeps its line"
    assert subject[0] >= _bottom(date), "the body starts below the date"


@pytest.mark.parametrize("page", [PageSize.A4, PageSize.LETTER])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_longest_address_pushes_the_date_down(
    qapp, tmp_path: Path, locale: str, page: PageSize
) -> None:
    found, _ = _print(tmp_path, locale, _longest_address(), page, SENDERS["with sender"])
    official, country, date, subject = _head(found)
    assert official[0] < country[0] and date[0] >= _bottom(country)
    assert subject[0] >= _bottom(date)
    markers = [f for f in found if MARK in f[2]]
    assert all(f[0] < country[0] for f in markers), "no address line is left in the body"


def test_a_short_address_keeps_its_full_size(qapp, tmp_path: Path) -> None:
    short = "Ministry of Justice\nZq1 Av. Ejemplo 123\nLima 1, Peru"
    found, _ = _print(tmp_path, "en", short, PageSize.A4, SENDERS["with sender"])
    official, country, _, _ = _head(found)
    assert round(official[1]) == round(country[1]) == 11
    tall, _ = _print(tmp_path, "en", NINE_LINES, PageSize.LETTER, SENDERS["with sender"])
    official, country, _, _ = _head(tall)
    assert 8 <= round(country[1]) < 11, "a tall address shrinks, down to 8 points"


def test_a_letter_without_sender_still_uses_the_window(qapp, tmp_path: Path) -> None:
    short = "Ministry of Justice\nZq1 Av. Ejemplo 123\nLima 1, Peru"
    found, _ = _print(tmp_path, "en", short, PageSize.A4, replace(SENDERS["no sender"]))
    tops = [top for top, _, text in found if "Dr Ana Pérez" in text]
    assert tops and 50 <= tops[0] <= 62
