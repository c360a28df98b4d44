"""While the store opens at start-up, searching and sorting work without their idle work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.model import CaseSummary
from app.ui.models import case_sort_orders
from app.ui.models.case_columns import Column
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from app.ui.views.case_list_view import CaseListView
from tests.builders import case_summary


def fictional(case_id: int, title: str, deadline: date) -> CaseSummary:
    return case_summary(
        case_id,
        title=f"{title} (fictional)",
        deadline=deadline,
        officials=("Minister of Justice, Ana Doe",),
    )


def test_search_and_sort_answer_while_idle_work_is_held(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    view.hold_idle_work(True)
    model.set_cases(
        [
            fictional(1, "Teacher held", date(2026, 4, 3)),
            fictional(2, "São Paulo editor", date(2026, 4, 1)),
            fictional(3, "Teacher sentenced", date(2026, 4, 2)),
        ]
    )
    qtbot.wait(50)  # idle ticks pass: nothing is prepared ahead while held
    assert proxy._filter.needs_preparing
    assert not proxy._prepare_timer.isActive()
    assert not model._orders._prepare_timer.isActive()

    def shown() -> list[str]:
        return [proxy.case_at(row).ua_number for row in range(proxy.rowCount())]

    view.search_box.setText("teacher")
    assert sorted(shown()) == ["1/26", "3/26"]
    view.search_box.setText("sao")
    assert shown() == ["2/26"]
    view.search_box.clear()
    proxy.sort(Column.DEADLINE, Qt.SortOrder.DescendingOrder)
    assert shown() == ["1/26", "3/26", "2/26"]

    view.hold_idle_work(False)  # the store is open: the work ahead of typing resumes
    assert proxy._prepare_timer.isActive()
    qtbot.waitUntil(lambda: not proxy._prepare_timer.isActive(), timeout=5_000)
    assert all(text is not None for text in proxy._filter._index.texts)
    view.search_box.setText("teacher sentenced")
    assert shown() == ["3/26"]


def test_the_models_say_while_their_idle_work_is_still_to_do(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    view.hold_idle_work(True)
    model.set_cases([fictional(n, "Teacher held", date(2026, 4, n % 28 + 1)) for n in range(1, 40)])
    qtbot.wait(50)
    assert model.preparing()  # held: the sort orders and search texts wait
    assert proxy.preparing()

    view.hold_idle_work(False)
    qtbot.waitUntil(lambda: not (model.preparing() or proxy.preparing()), timeout=5_000)
    assert all(text is not None for text in proxy._filter._index.texts)
    view.search_box.setText("teacher 37/26")
    assert [proxy.case_at(row).ua_number for row in range(proxy.rowCount())] == ["37/26"]


def test_idle_work_held_while_under_way_goes_on_when_let_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    model.set_cases([fictional(n, "Teacher held", date(2026, 4, n % 28 + 1)) for n in range(1, 40)])
    assert model.preparing() and proxy.preparing()  # under way, not yet made
    view.hold_idle_work(True)  # e.g. the store is opened again
    qtbot.wait(50)
    assert model.preparing() and proxy.preparing()  # still to do, not forgotten

    view.hold_idle_work(False)
    qtbot.waitUntil(lambda: not (model.preparing() or proxy.preparing()), timeout=5_000)
    assert all(text is not None for text in proxy._filter._index.texts)
    view.search_box.setText("teacher 37/26")
    assert [proxy.case_at(row).ua_number for row in range(proxy.rowCount())] == ["37/26"]


def test_work_started_after_the_idle_work_waits_for_it_but_not_for_ever(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    many = [fictional(n, "Teacher held", date(2026, 4, n % 28 + 1)) for n in range(1, 40)]
    view.hold_idle_work(True)
    model.set_cases(many)
    started: list[object] = []
    view.after_idle_work(lambda: started.append(view.preparing()))
    qtbot.wait(100)
    assert started == []  # the texts and orders are still to be made

    view.hold_idle_work(False)
    qtbot.waitUntil(lambda: bool(started), timeout=5_000)
    assert started == [False]  # once they were all made
    view.after_idle_work(lambda: started.append("at once"))
    assert started[-1] == "at once"

    view.hold_idle_work(True)  # held for good: the work starts anyway after a while
    model.set_cases(many[:20])
    view.after_idle_work(lambda: started.append("later"), at_most_ms=200)
    qtbot.waitUntil(lambda: started[-1] == "later", timeout=5_000)
    assert view.preparing()


def test_the_list_says_once_when_both_kinds_of_idle_work_are_made(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    qtbot.addWidget(view)
    done: list[bool] = []
    view.idle_work_done.connect(lambda: done.append(view.preparing()))
    view.hold_idle_work(True)
    model.set_cases([fictional(n, "Teacher held", date(2026, 4, n % 28 + 1)) for n in range(1, 40)])
    started: list[str] = []
    view.after_idle_work(lambda: started.append("engine"))

    model.hold_idle_work(False)  # the sort orders are made, the search texts still wait
    qtbot.waitUntil(lambda: not model.preparing(), timeout=5_000)
    qtbot.wait(50)
    assert proxy.preparing()
    assert done == [] and started == []

    with qtbot.waitSignal(view.idle_work_done, timeout=5_000):
        proxy.hold_idle_work(False)
    assert done == [False]  # once, when nothing is left to make
    assert started == ["engine"]
    qtbot.wait(50)
    assert done == [False] and started == ["engine"]

    model.set_cases([fictional(n, "Teacher held", date(2026, 4, n % 28 + 1)) for n in range(1, 9)])
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5_000)
    assert done == [False, False] and started == ["engine"]  # started once, not again


def test_an_order_a_click_made_while_it_was_being_prepared_is_not_made_again(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(case_sort_orders, "_IDLE_STEP", 4)  # many small idle steps
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    model.hold_idle_work(True)  # the idle steps are taken by hand below
    model.set_cases(
        [fictional(n, f"Teacher {40 - n:02} held", date(2026, 4, n % 28 + 1)) for n in range(1, 40)]
    )
    orders = model._orders
    for _ in range(14):  # the UA order (10 slices and its sort), then into the titles' keys
        orders._prepare_step()
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)  # a click meanwhile
    clicked = orders._orders[Column.TITLE]

    model.hold_idle_work(False)
    qtbot.waitUntil(lambda: not model.preparing(), timeout=5_000)
    assert orders._orders[Column.TITLE] is clicked  # kept, not sorted a second time
    assert Column.PERSONS in orders._orders  # the other columns were made
    titles = [model.case_at(row).title for row in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
