"""The texts the case list shows: column titles, cell texts and cell tooltips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _, current_language, pgettext
from app.services.country_names import country_label
from app.ui.formatting import days_left_text, format_date, sample_label
from app.ui.models.case_columns import Column


def column_title(column: Column) -> str:
    """The header of ``column``, in the current language."""
    return {
        Column.UA_NUMBER: pgettext("column", "UA"),
        Column.TITLE: pgettext("column", "Title"),
        Column.COUNTRY: pgettext("column", "Country"),
        Column.PERSONS: pgettext("column", "Person(s) at risk"),
        Column.DEADLINE: pgettext("column", "Deadline"),
        Column.DAYS_LEFT: pgettext("column", "Days left"),
        Column.APPEALS_SENT: pgettext("column", "Sent"),
    }[column]


def display_text(case: CaseSummary, column: Column, today: Callable[[], date]) -> str:
    """The text of ``case`` in ``column`` (``today`` is asked only for days left)."""
    if column == Column.UA_NUMBER:
        return case.ua_number
    if column == Column.TITLE:
        if case.is_sample:  # first, so a narrow column still shows it
            return _("{sample}: {title}").format(sample=sample_label(), title=case.title)
        return case.title
    if column == Column.COUNTRY:
        return country_label(case.country, current_language())
    if column == Column.PERSONS:
        return ", ".join(case.persons)
    if column == Column.DEADLINE:
        return format_date(case.deadline)
    if column == Column.DAYS_LEFT:
        return days_left_text(case.deadline, case.status, today())
    return str(case.appeals_sent)


def tooltip_text(case: CaseSummary, column: Column, today: Callable[[], date]) -> str | None:
    """The tooltip of ``case`` in ``column``: more than the cell shows, or the cell's text."""
    if column == Column.TITLE and case.is_sample:
        return _("Fictional sample - not a real case. Use it to practise.")
    if column == Column.TITLE:
        return case.title
    if column == Column.PERSONS and case.officials:
        return _("At risk: {persons}\nWrite to: {officials}").format(
            persons=", ".join(case.persons), officials="; ".join(case.officials)
        )
    if column == Column.DAYS_LEFT:
        days = case.days_left(today())
        if case.status == CaseStatus.OPEN and days is not None and days < 0:
            return _("The deadline was {date}. Check with your section before writing.").format(
                date=format_date(case.deadline, long=True)
            )
    return display_text(case, column, today) or None
