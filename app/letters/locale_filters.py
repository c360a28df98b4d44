"""Jinja filters that format dates, lists, numbers and plurals through Babel in the letter locale."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Literal

import jinja2
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]


def install(env: jinja2.Environment, locale_id: str) -> None:
    """Bind the filters to ``locale_id`` (one environment per letter locale)."""
    locale = Locale.parse(locale_id)

    def format_date(value: datetime.date, style: str = "long") -> str:
        return babel_format_date(value, style, locale=locale)

    def format_list(items: Iterable[object], style: ListStyle = "standard") -> str:
        return babel_format_list([str(item) for item in items], style, locale=locale)

    def format_number(value: float) -> str:
        return format_decimal(value, locale=locale)

    def plural(count: int, **forms: str) -> str:
        """``n|plural(one="carta", other="cartas")``: the form CLDR gives this count."""
        category = locale.plural_form(abs(count))
        return forms.get(category, forms.get("other", ""))

    env.filters.update(
        format_date=format_date,
        format_list=format_list,
        format_number=format_number,
        plural=plural,
    )
