"""Rows replaced by a fresher read of the same cases keep the selection without a signal."""

from __future__ import annotations

from datetime import date

from app.domain.model import CaseSummary
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from app.ui.views.case_list_view import CaseListView
from tests.builders import case_summary

TODAY = date(2026, 3, 1)


def fictional(case_id: int, day: int) -> CaseSummary:
    return case_summary(case_id, title=f"Case {case_id} (fictional)", deadline=date(2026, 4, day))


def view_of(qtbot, cases: list[CaseSummary]) -> CaseListView:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: TODAY)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    model.set_cases(cases)
    return view


def test_the_same_case_selected_again_after_new_rows_says_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(qtbot, [fictional(1, 3), fictional(2, 5)])
    view.select_case(2)
    changes: list[CaseSummary | None] = []
    view.current_case_changed.connect(changes.append)
    with view.same_case_kept():
        view.model.set_cases([fictional(1, 3), fictional(2, 5), fictional(3, 9)])
        assert view.select_case(2)
    assert changes == []
    current = view.current_case()
    assert current is not None and current.case_id == 2


def test_another_case_selected_after_new_rows_is_announced_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(qtbot, [fictional(1, 3), fictional(2, 5)])
    view.select_case(2)
    changes: list[CaseSummary | None] = []
    view.current_case_changed.connect(changes.append)
    with view.same_case_kept():
        view.model.set_cases([fictional(1, 3), fictional(3, 9)])  # case 2 is gone
        view.select_first()
    assert [case.case_id for case in changes if case is not None] == [1]
    assert len(changes) == 1


def test_outside_the_block_every_selection_is_announced(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(qtbot, [fictional(1, 3), fictional(2, 5)])
    changes: list[CaseSummary | None] = []
    view.current_case_changed.connect(changes.append)
    view.select_case(1)
    view.select_case(2)
    assert [case.case_id for case in changes if case is not None] == [1, 2]
