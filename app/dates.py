"""Dates, times and counts as the interface shows them, in the interface language (CLDR via Babel).

Letters format their dates in the letter's language (app/letters); everything the window
and its dialogs show goes through here, so no screen hard-codes a day-month order.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from functools import lru_cache

from app.i18n import (
    LATIN_DIGIT_LANGUAGES,
    base_language,
    current_language,
    plain_locale,
    regional_locale,
)


def today() -> date:
    """Today's local date, as ``date.today()`` gives it. That one imports the time module on
    every call, which PySide6's import hook makes about ten times slower; the case list asks
    for the date for each row it paints."""
    return date.fromtimestamp(time.time())


def shown_locale() -> str:
    """The locale the interface writes dates in: the interface language with the user's
    region when CLDR knows it (en_GB: "11 April 2023"; en: "April 11, 2023")."""
    regional = regional_locale()
    if regional != current_language() and _cldr_knows(regional):
        return regional
    return current_language()


@lru_cache(maxsize=16)
def _cldr_knows(locale_id: str) -> bool:
    from babel import localedata

    return localedata.exists(locale_id)


def long_date(value: date, locale: str | None = None) -> str:
    """``12 March 2026`` (en_GB) / ``12 de marzo de 2026`` / ``March 12, 2026`` (en_US)."""
    from babel.dates import format_date

    return format_date(value, "long", locale=locale or shown_locale())


def date_time(value: datetime, locale: str | None = None) -> str:
    """A moment in local time, month spelled out: ``6 déc. 2026, 08:40:00`` (fr)."""
    from babel.dates import format_datetime

    local = value.astimezone() if value.tzinfo is not None else value
    return format_datetime(local, "medium", locale=locale or shown_locale())


def clock_time(value: datetime, locale: str | None = None) -> str:
    """The hour and minute of a moment in local time: ``20:14`` (fr), ``8:14 PM`` (en_US)."""
    from babel.dates import format_time

    local = value.astimezone() if value.tzinfo is not None else value
    return format_time(local, "short", locale=locale or shown_locale())


def medium_date(value: date, locale: str | None = None) -> str:
    """A day in a short column: ``6 déc. 2026`` (fr), ``06.12.2026`` (de), ``Dec 6, 2026`` (en)."""
    from babel.dates import format_date

    return format_date(value, "medium", locale=locale or shown_locale())


def month_year(value: date, locale: str | None = None) -> str:
    """The month of ``value`` with its year: ``March 2026``, ``marzo de 2026`` (es)."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", value, locale=locale or shown_locale())


def whole_number(value: int, locale: str | None = None) -> str:
    """A count in a message, its digits grouped as the reader groups them: ``2,000,001`` (en),
    ``2 000 001`` (fr), ``2.000.001`` (de)."""
    from babel.numbers import format_decimal

    # int(): a Count writes itself in English, commas and all
    return format_decimal(int(value), locale=locale or shown_locale())


def numbering_system(locale: str | None = None) -> str:
    """The digits a language writes by default, as CLDR says through Babel: ``latn`` (0-9)
    for ``ar`` as for ``en``, ``arab`` (٠-٩) for ``ar_EG``. The list, the details and the
    letters all follow it."""
    wanted = locale or current_language()
    plain = plain_locale(wanted)
    if plain is not None and base_language(plain) in LATIN_DIGIT_LANGUAGES:
        return "latn"  # without loading Babel's locale data (about 20 ms at start-up)
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(wanted).default_numbering_system)
    except (ValueError, TypeError, UnknownLocaleError):
        return "latn"
