"""Dates written in English, US, Spanish, French, German, Portuguese, Italian, Dutch, Swedish,
Danish, Norwegian, Finnish, Polish, Catalan, Turkish, Indonesian, Russian, Arabic, Japanese,
Korean, Czech, Hungarian and Greek styles -> ``date``."""

from __future__ import annotations

import re
from datetime import date

from app.importing.normalize import fold

_MONTHS: dict[str, int] = {}
_NAMES_BY_MONTH = (
    # English, Spanish, French, German, Portuguese, Italian and Dutch
    [
        "january enero janvier januar janeiro jan ene janv jänner gennaio januari",
        "february febrero fevrier februar fevereiro feb febr fev febbraio februari",
        "march marzo mars marz marco mar maart mrt",
        "april abril avril apr abr avr aprile",
        "may mayo mai maio maggio mei",
        "june junio juin juni junho jun giugno",
        "july julio juillet juli julho jul juil luglio",
        "august agosto aout aug ago augustus",
        "september septiembre setiembre septembre setembro sep sept set settembre",
        "october octubre octobre oktober outubro oct okt out ottobre",
        "november noviembre novembre novembro nov",
        "december diciembre decembre dezember dezembro dec dic dez dicembre",
    ],
    # Swedish and Danish, Polish (the genitive a date prints, and the nominative), Catalan,
    # Turkish, and Arabic (the Egyptian names and the Levantine ones printed after a slash:
    # "2 مارس/آذار 2023").
    [
        "styczeń stycznia gener ocak يناير",
        "luty lutego febrer şubat فبراير شباط",
        "marts marzec marca març mart مارس آذار",
        "kwiecień kwietnia nisan أبريل إبريل نيسان",
        "maj maja maig mayıs مايو أيار",
        "czerwiec czerwca juny haziran يونيو حزيران",
        "lipiec lipca juliol temmuz يوليو تموز",
        "augusti sierpień sierpnia agost ağustos أغسطس آب",
        "wrzesień września setembre eylül سبتمبر أيلول",
        "październik października ekim أكتوبر",
        "listopad listopada kasım نوفمبر",
        "grudzień grudnia desembre aralık ديسمبر",
    ],
    # Norwegian and Indonesian (the names the tables above do not hold), Finnish (the
    # partitive a date prints: "3. maaliskuuta 2021") and Russian (the genitive a date
    # prints, and the nominative).
    [
        "tammikuuta tammikuu январь января",
        "helmikuuta helmikuu февраль февраля",
        "maret maaliskuuta maaliskuu март марта",
        "huhtikuuta huhtikuu апрель апреля",
        "toukokuuta toukokuu май мая",
        "kesäkuuta kesäkuu июнь июня",
        "heinäkuuta heinäkuu июль июля",
        "agustus elokuuta elokuu август августа",
        "syyskuuta syyskuu сентябрь сентября",
        "lokakuuta lokakuu октябрь октября",
        "marraskuuta marraskuu ноябрь ноября",
        "desember joulukuuta joulukuu декабрь декабря",
    ],
    # Czech (the genitive a date prints, and the nominative), Hungarian, and Greek (the
    # genitive a date prints: "14 Μαρτίου 2023", and the nominative).
    [
        "ledna leden január Ιανουαρίου Ιανουάριος",
        "února únor február Φεβρουαρίου Φεβρουάριος",
        "března březen március Μαρτίου Μάρτιος",
        "dubna duben április Απριλίου Απρίλιος",
        "května květen május Μαΐου Μάιος",
        "června červen június Ιουνίου Ιούνιος",
        "července červenec július Ιουλίου Ιούλιος",
        "srpna srpen augusztus Αυγούστου Αύγουστος",
        "září szeptember Σεπτεμβρίου Σεπτέμβριος",
        "října říjen október Οκτωβρίου Οκτώβριος",
        "listopadu november Νοεμβρίου Νοέμβριος",
        "prosince prosinec december Δεκεμβρίου Δεκέμβριος",
    ],
)
for _table in _NAMES_BY_MONTH:
    for _number, _names in enumerate(_table, start=1):
        for _name in _names.split():
            _MONTHS[_name] = _number
            _MONTHS[fold(_name)] = _number  # "Jänner" is looked up folded, as "janner"

MONTH_WORDS = frozenset(name for name in _MONTHS if len(name) > 3)
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
# The second name of a month printed in two calendars: "مارس/آذار", "أكتوبر/تشرين الأول".
_SECOND_NAME = r"(?:/[^\W\d_]{2,8}(?: [^\W\d_]{2,8})?)?"
_YEAR = r"(?P<year>[12lI][\dlIO]{3}|'\d{2})"  # OCR reads 1 as l or I and 0 as O
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.?º|\.?°|\.)?"  # "1st", "1er", "1.º", "24."
# "14 February 2023", "30 de junio de 2022", "24. Juli 2019", "1er mars 2013"
# "the 24th of July 2023"
# "23 d'abril de 2020" (Catalan). The runs of spaces are possessive (``\s*+``): a long run
# of spaces after a month name with no year behind it is given up at once, not tried at
# every split between two runs.
_DAY_FIRST = re.compile(
    rf"\b{_DAY}\s*+(?:de\s++|of\s++|d['’])?{_MONTH}{_SECOND_NAME}\s*+,?\s*+(?:de\s++|del\s++)?"
    rf"{_YEAR}\b",
    re.I,
)
# "February 9, 2024", "June 1 2023"
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s++{_DAY}\s*+,?\s*+{_YEAR}\b", re.I)
_WEEKDAY = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\s+|"
    r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+|^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+|"
    r"^(?:(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|sábado|sabado|domingo),?\s+",
    re.I,
)
# Stray spaces inside a date (PDF/HTML converters): "18 Septem ber 20 17", "14 Febr uary 2023".
_SPLIT = re.compile(
    r"\b(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{2,9}(?: [^\W\d_]{1,7}){0,2})"
    r"(?:\s*+,\s++|\s++)(?:de\s++)?(?P<year>\d(?: ?\d){3})(?!\d)",
    re.I,
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# "24.07.2019", and "12. 5. 2021" with a space after each dot (Czech)
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\. ?(?P<month>\d{1,2})\. ?(?P<year>\d{4})\b")
# "2022. március 8.": the year first, then the month's name (Hungarian)
_YEAR_NAMED_MONTH = re.compile(
    rf"(?<![\d.])(?P<year>(?:19|20)\d{{2}})\.\s*+{_MONTH}\s++(?P<day>\d{{1,2}})(?!\d)"
)
# "2022.02.08": the year first, as Japanese and Chinese pages print a date
_YEAR_DOTTED = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})\.(?P<month>\d{2})\.(?P<day>\d{2})(?![\d.])"
)
# "2022年6月3日" (Japanese, Chinese), "2024년 8월 21일" (Korean): year, month, day.
_CJK = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
)
# "14/04/2023": the day first, as every language but US English writes it; "07/18/2024",
# whose second number cannot be a month, is the US order.
_SLASHED = re.compile(r"(?<![\w/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?![\w/])")


def month_number(word: str) -> int | None:
    """``Juli``/``JUNIO``/``févr.`` -> month number, or None."""
    return _MONTHS.get(fold(word).rstrip("."))


_OCR_DIGITS = str.maketrans("lIO", "110")


def _build(year: str, month: int | None, day: str) -> date | None:
    if month is None:
        return None
    full_year = int(year.lstrip("'").translate(_OCR_DIGITS))
    if full_year < 100:
        full_year += 1900 if full_year > 60 else 2000
    try:
        return date(full_year, month, int(day))
    except ValueError:
        return None


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
# A day written as an ordinal word: "the twenty-first of May 2009".
_ORDINAL_DAYS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS, start=1)},
    **{word: n for n, word in enumerate(_TEENS, start=10)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty-{word}": 20 + n for n, word in enumerate(_UNITS, start=1)},
    "thirty-first": 31,
}
_WORDED_DAY_FIRST = re.compile(
    r"\b(?P<day>(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)|[a-z]+(?:st|nd|rd|th))\s++(?:of\s++)?" + _MONTH + r"\s*+,?\s*+" + _YEAR + r"\b",
    re.I,
)


def _worded_dates(text: str) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for match in _WORDED_DAY_FIRST.finditer(text):
        day = _ORDINAL_DAYS.get(match["day"].lower().replace(" ", "-"))
        if day is None:
            continue
        value = _build(match["year"], month_number(match["month"]), str(day))
        if value is not None:
            found.append((match.start(), match.end(), value))
    return found


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date in ``text`` as (start, end, date), in reading order."""
    if not any(map(str.isdigit, text)):  # every date has a year in digits
        return []
    text = text.replace("\u00a0", " ")
    found: list[tuple[int, int, date]] = []
    if "th " in text or "st " in text or "nd " in text or "rd " in text:
        found.extend(_worded_dates(text))
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _YEAR_NAMED_MONTH):
        for match in pattern.finditer(text):
            value = _build(match["year"], month_number(match["month"]), match["day"])
            if value is not None:
                found.append((match.start(), match.end(), value))
    if " " in text:
        for match in _SPLIT.finditer(text):
            month = month_number(match["month"].replace(" ", ""))
            value = _build(match["year"].replace(" ", ""), month, match["day"])
            if value is not None:
                found.append((match.start(), match.end(), value))
    for pattern in (_ISO, _DOTTED, _YEAR_DOTTED, _CJK):
        for match in pattern.finditer(text):
            value = _build(match["year"], int(match["month"]), match["day"])
            if value is not None:
                found.append((match.start(), match.end(), value))
    if "/" in text:
        for match in _SLASHED.finditer(text):
            day, month = int(match["first"]), int(match["second"])
            if month > 12 >= day:
                day, month = month, day
            value = _build(match["year"], month, str(day))
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort()
    unique: list[tuple[int, int, date]] = []
    for item in found:
        if not unique or item[0] >= unique[-1][1]:
            unique.append(item)
    return unique


def parse_date(text: str) -> date | None:
    """The first date in ``text``, or None."""
    found = find_dates(text)
    return found[0][2] if found else None


def date_at_start(text: str, max_skip: int = 12, after_weekday: bool = False) -> date | None:
    """A date beginning within ``max_skip`` characters of the start of ``text``; with
    ``after_weekday``, also after a day of the week there ("Monday 24 July 2023", "jueves 30
    de abril": a deadline, where the weekday is the writer's; a mail header's "Fecha:
    miércoles, 20 de julio" is not a date the document states)."""
    if after_weekday:
        lead = len(text[:max_skip]) - len(text[:max_skip].lstrip())
        weekday = _WEEKDAY.match(text[lead : lead + 40])
        if weekday is not None:
            max_skip = max(max_skip, lead + weekday.end())
    for start, _end, value in find_dates(text[: max_skip + 40]):
        if start <= max_skip:
            return value
    return None


# "14 March", "March 14", "14 de marzo", "14. März", "1er mai": a day and a month with no year
# after them (a deadline printed within the year of the document that states it).
_DAY_MONTH = re.compile(rf"{_DAY}\s*(?:de\s+)?{_MONTH}(?![\w.]*\s*,?\s*(?:de\s+)?\d)", re.I)
_MONTH_DAY = re.compile(rf"{_MONTH}\s+{_DAY}(?!\s*,?\s*\d)(?!\w)", re.I)


# "7月15日", "10월 2일": a month and a day without the year (Japanese, Chinese, Korean).
_CJK_MONTH_DAY = re.compile(r"(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]")


def yearless_date_at_start(text: str, reference: date, max_skip: int = 2) -> date | None:
    """A day and month without a year, beginning within ``max_skip`` characters of the start
    of ``text``: the first such day on or after ``reference`` (the document's own date)."""
    cjk = _CJK_MONTH_DAY.match(text[: max_skip + 12].lstrip())
    if cjk and len(text) - len(text.lstrip()) <= max_skip:
        for year in (reference.year, reference.year + 1):
            value = _build(str(year), int(cjk["month"]), cjk["day"])
            if value is not None and value >= reference:
                return value
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.match(text, 0) or next(
            (m for m in pattern.finditer(text[: max_skip + 20]) if m.start() <= max_skip), None
        )
        if match is None or match.start() > max_skip:
            continue
        word = fold(match["month"]).rstrip(".")
        if word not in MONTH_WORDS and word not in ("may", "mai", "mei"):
            continue  # "5 out of", "3 mar": short month names only with a year
        month = month_number(word)
        for year in (reference.year, reference.year + 1):
            value = _build(str(year), month, match["day"])
            if value is not None and value >= reference:
                return value
    return None


# The place of a dateline: "Wien, 14. Mai 2012", "London, 3 May 2014".
_PLACE = re.compile(
    r"^[A-ZÄÖÜ][^\W\d_]+(?:[ -][A-ZÄÖÜ][^\W\d_]+){0,2},\s*(?:(?:le|el|den|am)\s+)?(?=\d)"
)


def opens_with_weekday(line: str) -> bool:
    """``Tuesday, July 27, 2010``, ``sábado, 8 de noviembre de 2008``: a date led by its weekday
    (a blog's posting date), in the languages of the UA network."""
    return bool(_WEEKDAY.match(line.strip()))


def is_date_line(line: str) -> bool:
    """True when the line holds a date and nothing else (the date line of old layouts), or
    the place it was written at and the date."""
    if not any(map(str.isdigit, line)):  # every date has a day in digits
        return False
    stripped = _PLACE.sub("", _WEEKDAY.sub("", line.strip().rstrip(".")))
    found = find_dates(stripped)
    return bool(found) and found[0][0] == 0 and found[0][1] >= len(stripped) - 1
