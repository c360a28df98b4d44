"""The "Sent" column still fits its header and the counts on screen, measured on screen only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel, Column
from app.ui.views.case_list_view import CaseListView
from tests.builders import case_summary


def test_the_sent_column_fits_its_header_and_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    cases = [
        case_summary(
            n,
            deadline=date(2026, 4, 1),
            persons=("A. Person",),
            appeals_sent=123_456_789 if n == 1 else n,
        )
        for n in range(1, 3001)
    ]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model.set_cases(cases)
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    column = int(Column.APPEALS_SENT)
    header.resizeSections()
    assert header.sectionSize(column) >= header.sectionSizeHint(column)
    assert header.sectionSize(column) >= view.table.sizeHintForColumn(column)
    metrics = view.table.fontMetrics()
    assert header.sectionSize(column) > metrics.horizontalAdvance("123456789")  # on screen


def shown_list(qtbot, counts: list[int]) -> tuple[CaseTableModel, CaseListView]:  # type: ignore[no-untyped-def]
    cases = [
        case_summary(n, deadline=date(2026, 4, 1), appeals_sent=count)
        for n, count in enumerate(counts, start=1)
    ]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model.set_cases(cases)
    qtbot.waitExposed(view)
    return model, view


def fits(view: CaseListView) -> bool:
    header = view.table.horizontalHeader()
    column = int(Column.APPEALS_SENT)
    size = header.sectionSize(column)
    return size >= header.sectionSizeHint(column) and size >= view.table.sizeHintForColumn(column)


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "ar"])
def test_the_sent_column_fits_its_translated_header_sorted_or_not(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    apply_language(language)
    try:
        _model, view = shown_list(qtbot, [0, 7, 12, 345])
        assert fits(view)
        header = view.table.horizontalHeader()
        header.setSortIndicator(int(Column.APPEALS_SENT), Qt.SortOrder.DescendingOrder)
        assert fits(view)  # with the sort arrow beside the header's text
    finally:
        apply_language("en")


def test_the_sent_column_widens_when_a_count_gains_digits(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, view = shown_list(qtbot, [1, 2, 3])
    header = view.table.horizontalHeader()
    before = header.sectionSize(int(Column.APPEALS_SENT))
    first = model.cases()[0]
    assert model.replace_case(first._replace(appeals_sent=123_456_789_012))
    assert fits(view)
    assert header.sectionSize(int(Column.APPEALS_SENT)) > before
    model.set_cases([first])  # the list read anew: narrow again
    assert header.sectionSize(int(Column.APPEALS_SENT)) == before
