"""The search box finds a case by any of its fields, its officials included, as a user types."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel, Column
from app.ui.views.case_list_view import CaseListView
from tests.builders import case_summary

TODAY = date(2026, 3, 1)
JUSTICE = "Minister of Justice, Tavo Reniku"  # fictional officials, shared by several cases
POLICE = "Chief of Police, Ana Voleska"


def fictional(
    case_id: int,
    title: str,
    persons: tuple[str, ...],
    officials: tuple[str, ...],
    country: str = "Ostrelia",
    status: CaseStatus = CaseStatus.OPEN,
) -> CaseSummary:
    return case_summary(
        case_id,
        title=f"{title} (fictional)",
        country=country,
        status=status,
        deadline=TODAY + timedelta(days=case_id),
        persons=persons,
        officials=officials,
    )


CASES = [
    fictional(1, "Journalist detained", ("Mira Kalo",), (JUSTICE,)),
    fictional(2, "Students beaten", ("Dano Persk",), (JUSTICE, POLICE)),
    fictional(3, "Lawyer missing", ("Ana Lima",), ("President, Ezo Marun",), country="Valdoria"),
    fictional(4, "Activist charged", ("Ilse Norr",), (POLICE,), status=CaseStatus.CLOSED),
    fictional(5, "Poet threatened", ("Oren Tak",), ()),
]


@pytest.fixture
def view(qapp) -> CaseListView:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: TODAY)
    model.set_cases(list(CASES))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    return CaseListView(model, proxy)


def listed(view: CaseListView) -> list[str]:
    """The UA numbers the case table shows, top to bottom."""
    table = view.table.model()
    return [table.index(row, Column.UA_NUMBER).data() for row in range(table.rowCount())]


def search(view: CaseListView, text: str) -> list[str]:
    view.search_box.setText(text)
    return listed(view)


def test_an_officials_surname_or_title_finds_the_case(view: CaseListView) -> None:
    assert search(view, "marun") == ["3/26"]
    assert search(view, "President") == ["3/26"]
    assert search(view, "ezo marun") == ["3/26"]


def test_an_official_shared_by_several_cases_finds_them_all(view: CaseListView) -> None:
    assert search(view, "reniku") == ["1/26", "2/26"]
    assert search(view, "minister of justice") == ["1/26", "2/26"]


def test_words_may_be_found_in_different_fields(view: CaseListView) -> None:
    assert search(view, "minister dano") == ["2/26"]  # official + person
    assert search(view, "police students") == ["2/26"]  # official + title
    assert search(view, "ana") == ["2/26", "3/26"]  # a person, and an official's first name
    assert search(view, "ana lawyer") == ["3/26"]
    assert search(view, "valdoria ezo") == ["3/26"]  # country + official
    assert search(view, "ua 1/26 tavo") == ["1/26"]
    assert search(view, "dano minister") == ["2/26"]  # the official's word after a narrow one
    assert search(view, "oren minister") == []


def test_a_word_in_no_field_finds_nothing(view: CaseListView) -> None:
    assert search(view, "zzyzx") == []
    assert search(view, "minister zzyzx") == []
    assert search(view, "reniku lima") == []  # each word is somewhere, never in one case


def test_typing_then_backspacing_restores_the_rows(view: CaseListView) -> None:
    everything = listed(view)
    for letter in "reniku":
        view.search_box.insert(letter)
    assert listed(view) == ["1/26", "2/26"]
    view.search_box.backspace()
    view.search_box.backspace()
    assert listed(view) == ["1/26", "2/26"]
    while view.search_box.text():
        view.search_box.backspace()
    assert listed(view) == everything == ["1/26", "2/26", "3/26", "5/26"]


def test_closed_cases_are_hidden_unless_shown(view: CaseListView) -> None:
    assert search(view, "voleska") == ["2/26"]
    view.show_closed_box.setChecked(True)
    assert listed(view) == ["2/26", "4/26"]
    view.show_closed_box.setChecked(False)
    assert listed(view) == ["2/26"]


def test_officials_are_found_after_a_re_sort(view: CaseListView) -> None:
    view.table.sortByColumn(Column.UA_NUMBER, view.table.horizontalHeader().sortIndicatorOrder())
    search(view, "justice")
    assert sorted(listed(view)) == ["1/26", "2/26"]


def test_closed_cases_are_found_once_shown_after_idle_preparation(
    qtbot, view: CaseListView
) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(20)  # idle time: the search texts of the open cases are made
    assert search(view, "voleska") == ["2/26"]
    view.show_closed_box.setChecked(True)
    assert listed(view) == ["2/26", "4/26"]
    assert search(view, "ilse voleska") == ["4/26"]
    qtbot.wait(20)  # ... and then those of the closed cases
    assert search(view, "charged") == ["4/26"]


def test_a_refreshed_case_is_found_by_its_new_text_and_hidden_once_closed(
    view: CaseListView,
) -> None:
    view.search_box.setText("kalo")
    assert listed(view) == ["1/26"]
    view.search_box.setText("")
    renamed = CASES[0]._replace(title="Journalist released on bail (fictional)")
    assert view.model.replace_case(renamed)  # as the window does after an action
    view.search_box.setText("bail")
    assert listed(view) == ["1/26"]
    view.search_box.setText("")
    assert view.model.replace_case(renamed._replace(status=CaseStatus.CLOSED))
    assert "1/26" not in listed(view)
    view.search_box.setText("bail")
    assert listed(view) == []  # closed cases stay hidden unless shown
    view.show_closed_box.setChecked(True)
    assert listed(view) == ["1/26"]
