"""Turn domain values into the short translated texts the interface shows (UI locale)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from app.labels import (  # noqa: F401 - the window's modules import these words from here
    LONG_OVERDUE_DAYS,
    appeal_kind_label,
    channel_label,
    days_left_text,
    outcome_label,
    output_kind_label,
    sample_label,
)


def isolated(text: str) -> str:
    """``text`` set apart in its own direction (FSI ... PDI) inside a sentence of ours: an
    Arabic title that opens with a quotation mark keeps its marks where they belong in an
    English "Letter for UA 12/26: ...", and a Latin title keeps its order in an Arabic one."""
    return "\u2068" + text + "\u2069" if text else text


def interface_mark(right_to_left: bool) -> str:
    """The invisible mark that starts a line in the interface's direction (RLM or LRM), so
    that a line opening with a name in another script ("Atlantis · ...") still reads from
    the interface's side."""
    return "\u200f" if right_to_left else "\u200e"


def format_date(value: date | None, long: bool = False) -> str:
    """A date in the interface locale ("12 Mar 2026"); an em dash when there is none."""
    if value is None:
        return "\u2014"
    if long:
        from app.dates import long_date

        return long_date(value)
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def language_name(locale_id: str) -> str:
    """A language's own name in the interface language ("Spanish (Peru)"), or the id itself."""
    from babel import Locale, UnknownLocaleError

    from app.i18n import current_language

    try:
        return Locale.parse(locale_id).get_display_name(current_language()) or locale_id
    except (ValueError, TypeError, UnknownLocaleError):
        return locale_id


def listed(items: list[str]) -> str:
    """``items`` joined the way the interface language lists things ("Spanish and English",
    "español e inglés", "الإسبانية والإنجليزية")."""
    from babel.lists import format_list

    from app.i18n import current_language

    return format_list(items, locale=current_language()) if items else ""


def preferred_language_label(language: str) -> str:
    """A UA's preferred language in the interface language: the English name the importer
    keeps ("Spanish") or a code ("es") becomes "Spanisch" in German; a language CLDR does
    not name (such as "Kichwa") stays as the UA printed it."""
    from app.letters.language_names import english_language_code

    code = language if len(language) <= 3 else english_language_code(language)
    return language_name(code) if code else language


# Each shipped interface language in its own name, as CLDR (through Babel) gives it with its
# first letter raised. Asking Babel loads that language's whole CLDR data (about 1 MB each,
# kept for the rest of the session) just for one word; a language not listed here (a new
# catalog, a regional variant) is still named by Babel.
OWN_LANGUAGE_NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
}


def own_language_name(locale_id: str) -> str:
    """A language in its own name ("Español", "العربية"), as an interface-language picker shows
    it: a writer who cannot read the current language still finds theirs."""
    if locale_id in OWN_LANGUAGE_NAMES:
        return OWN_LANGUAGE_NAMES[locale_id]
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(locale_id).get_display_name(locale_id) or locale_id
    except (ValueError, TypeError, UnknownLocaleError):
        return locale_id
    return name[:1].upper() + name[1:]
