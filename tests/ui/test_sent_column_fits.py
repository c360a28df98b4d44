"""The "Sent" column still fits its header and the counts on screen, measured on screen only."""

from __future__ import annotations

from datetime import date

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
