"""Dates the interface shows follow the interface language, never a fixed pattern."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.dates import date_time, long_date, month_year, today


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "March 12, 2026"), ("es", "12 de marzo de 2026"), ("fr", "12 mars 2026")],
)
def test_a_long_date_in_the_interface_language(locale: str, expected: str) -> None:
    assert long_date(date(2026, 3, 12), locale) == expected


def test_a_moment_is_shown_in_local_time_with_the_month_in_words() -> None:
    moment = datetime(2026, 12, 6, 12, 40, tzinfo=UTC)
    shown = date_time(moment, "fr")
    assert "déc." in shown and "2026" in shown and "2026-12-06" not in shown
    assert "Dec" in date_time(moment, "en")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "March 2026"), ("es", "marzo de 2026"), ("de", "März 2026")],
)
def test_a_month_with_its_year_in_the_interface_language(locale: str, expected: str) -> None:
    assert month_year(date(2026, 3, 31), locale) == expected


def test_today_is_the_local_date() -> None:
    before = date.today()
    found = today()
    assert found in (before, date.today())  # the same day, unless midnight fell in between
