"""The case table model and its search proxy: model tester, sorting in the model, filtering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain.model import CaseStatus, CaseSummary
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CASE_ROLE, CaseTableModel, Column, ua_sort_key
from tests.builders import case_summary

TODAY = date(2026, 3, 1)


def summary(case_id: int, ua: str, deadline: date | None, **extra: object) -> CaseSummary:
    fields: dict[str, object] = {"country": "Atlantis", "officials": (f"Minister {case_id}",)}
    return case_summary(case_id, ua_number=ua, deadline=deadline, **{**fields, **extra})


@pytest.fixture
def cases() -> list[CaseSummary]:
    return [
        summary(1, "5/26", TODAY + timedelta(days=30), country="Borduria"),
        summary(2, "119/21", TODAY - timedelta(days=3), status=CaseStatus.CLOSED),
        summary(
            3, "7/25", TODAY - timedelta(days=3), persons=("Ana Lima",), officials=("Rui Costa",)
        ),
        summary(4, "80/99", None, is_sample=True, appeals_sent=4),
        summary(5, "1/26", TODAY, title="Students beaten at a march"),
    ]


@pytest.fixture
def model(qapp, cases: list[CaseSummary]) -> CaseTableModel:  # type: ignore[no-untyped-def]
    built = CaseTableModel(today=lambda: TODAY)
    built.set_cases(cases)
    return built


def column_texts(model, column: Column) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester, model: CaseTableModel) -> None:
    qtmodeltester.check(model)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_show_closed(True)
    qtmodeltester.check(proxy)
    proxy.set_search_text("atlantis")
    qtmodeltester.check(proxy)


def test_by_default_cases_one_can_still_act_on_come_first(model: CaseTableModel) -> None:
    # upcoming deadlines soonest first, then passed ones, then undated, closed last
    assert model.sort_column is None
    assert column_texts(model, Column.UA_NUMBER) == ["1/26", "5/26", "7/25", "80/99", "119/21"]
    assert column_texts(model, Column.DAYS_LEFT) == [
        "Due today",
        "30 days left",
        "3 days overdue",
        "No deadline",
        "Closed",
    ]


def test_passed_deadlines_list_the_most_recent_first(qapp) -> None:  # type: ignore[no-untyped-def]
    built = CaseTableModel(today=lambda: TODAY)
    built.set_cases(
        [
            summary(1, "1/95", date(1995, 5, 1)),
            summary(2, "9/25", date(2025, 11, 2)),
            summary(3, "2/26", TODAY + timedelta(days=12)),
            summary(4, "3/20", date(2020, 1, 1)),
        ]
    )
    assert column_texts(built, Column.UA_NUMBER) == ["2/26", "9/25", "3/20", "1/95"]


def test_rows_listed_for_the_models_day_keep_their_order_others_are_sorted(
    qapp,  # type: ignore[no-untyped-def]
    cases: list[CaseSummary],
) -> None:
    from app.services.cases import list_order

    listed = sorted(cases, key=list_order(TODAY))  # as list_cases gives them for TODAY
    trusted = CaseTableModel(today=lambda: TODAY)
    trusted.set_cases(listed, listed_on=TODAY)
    assert column_texts(trusted, Column.UA_NUMBER) == ["1/26", "5/26", "7/25", "80/99", "119/21"]

    # Listed on another day (the order may have changed since): the model sorts them itself
    yesterday = sorted(cases, key=list_order(TODAY - timedelta(days=40)))
    assert [case.ua_number for case in yesterday] != ["1/26", "5/26", "7/25", "80/99", "119/21"]
    resorted = CaseTableModel(today=lambda: TODAY)
    resorted.set_cases(yesterday, listed_on=TODAY - timedelta(days=40))
    assert column_texts(resorted, Column.UA_NUMBER) == ["1/26", "5/26", "7/25", "80/99", "119/21"]


def test_a_clicked_deadline_column_sorts_by_date_as_before(model: CaseTableModel) -> None:
    model.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, Column.UA_NUMBER) == ["7/25", "1/26", "5/26", "119/21", "80/99"]
    model.sort(-1, Qt.SortOrder.AscendingOrder)  # the indicator cleared: the list order again
    assert column_texts(model, Column.UA_NUMBER) == ["1/26", "5/26", "7/25", "80/99", "119/21"]


def sort_value(case: CaseSummary, column: Column) -> object:
    """What a column sorts by, written plainly (the model computes it otherwise, faster)."""
    if column == Column.TITLE:
        return case.title.casefold()
    if column == Column.COUNTRY:
        return case.country.casefold()
    if column == Column.PERSONS:
        return ", ".join(case.persons).casefold()
    if column == Column.APPEALS_SENT:
        return case.appeals_sent
    return case.status == CaseStatus.CLOSED, case.deadline  # open ones first, then closed


def test_every_column_sorts_by_its_values_missing_deadlines_last_ties_by_ua_number(
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    closed, day = CaseStatus.CLOSED, TODAY
    many = [
        summary(1, "3/26", day, title="Écoles fermées", persons=("Zoë Ünal",), appeals_sent=2),
        summary(2, "2/26", None, title="ecoles rouvertes", status=closed, country="Borduria"),
        summary(3, "1/26", day, title="écoles fermées", persons=("zoe unal",), country="borduria"),
        summary(4, "9/25", None, title="Straße", appeals_sent=2),
        summary(5, "10/25", day - timedelta(days=400), status=closed, title="STRASSE"),
        summary(6, "4/99", day + timedelta(days=9), persons=("Ana", "Rui"), appeals_sent=0),
        summary(7, "5/99", day - timedelta(days=400), title="Ana", persons=("ana, rui",)),
        summary(8, "6/26", None, title="Ana"),
    ]
    built = CaseTableModel(today=lambda: TODAY)
    built.set_cases(many)
    for column in (Column.TITLE, Column.COUNTRY, Column.PERSONS, Column.APPEALS_SENT):
        expected = sorted(many, key=lambda c: (sort_value(c, column), ua_sort_key(c.ua_number)))
        built.sort(column, Qt.SortOrder.AscendingOrder)
        assert list(built.cases()) == expected, column.name
        built.sort(column, Qt.SortOrder.DescendingOrder)
        assert list(built.cases()) == expected[::-1], column.name
    dated = sorted(
        (c for c in many if c.deadline is not None),
        key=lambda c: (sort_value(c, Column.DEADLINE), ua_sort_key(c.ua_number)),
    )
    undated = sorted(
        (c for c in many if c.deadline is None),
        key=lambda c: (c.status == closed, ua_sort_key(c.ua_number)),
    )
    for column in (Column.DEADLINE, Column.DAYS_LEFT):
        built.sort(column, Qt.SortOrder.AscendingOrder)
        assert list(built.cases()) == dated + undated, column.name
        built.sort(column, Qt.SortOrder.DescendingOrder)
        assert list(built.cases()) == dated[::-1] + undated[::-1], column.name


def test_sample_cases_are_labelled_in_the_title(model: CaseTableModel) -> None:
    row = model.row_of(4)
    assert model.index(row, Column.TITLE).data().startswith("Fictional sample: ")
    assert "not a real case" in model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_happens_in_the_model_and_keeps_missing_values_last(model: CaseTableModel) -> None:
    model.sort(Column.UA_NUMBER, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, Column.UA_NUMBER) == ["80/99", "119/21", "7/25", "1/26", "5/26"]
    model.sort(Column.DEADLINE, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, Column.UA_NUMBER)[-1] == "80/99"
    model.sort(Column.APPEALS_SENT, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, Column.APPEALS_SENT)[0] == "4"


def test_sort_keeps_the_selection_on_the_same_case(model: CaseTableModel) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(model.row_of(3), 0))
    model.sort(Column.UA_NUMBER, Qt.SortOrder.DescendingOrder)
    assert kept.data(CASE_ROLE).case_id == 3


def test_replace_case_changes_exactly_one_row(qtbot, model: CaseTableModel) -> None:  # type: ignore[no-untyped-def]
    row = model.row_of(1)
    updated = summary(1, "5/26", TODAY + timedelta(days=30), country="Borduria", appeals_sent=2)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.replace_case(updated)
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (row, row)
    assert model.index(row, Column.APPEALS_SENT).data() == "2"
    assert model.index(row, 0).data(CASE_ROLE) is updated


def test_search_matches_title_country_person_official_and_ua_number(model: CaseTableModel) -> None:
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)

    def visible(text: str) -> set[str]:
        proxy.set_search_text(text)
        return {proxy.case_at(row).ua_number for row in range(proxy.rowCount())}

    assert visible("") == {"7/25", "1/26", "5/26", "80/99"}  # closed hidden
    assert visible("borduria") == {"5/26"}
    assert visible("ana lima") == {"7/25"}
    assert visible("costa") == {"7/25"}
    assert visible("march") == {"1/26"}
    assert visible("UA 1/26") == {"1/26"}
    assert visible("nothing like this") == set()


def test_closed_cases_appear_only_when_asked(model: CaseTableModel) -> None:
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.proxy_row_of(2) == -1
    proxy.set_show_closed(True)
    assert proxy.proxy_row_of(2) >= 0


def test_proxy_sort_is_forwarded_to_the_model(model: CaseTableModel) -> None:
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.COUNTRY, Qt.SortOrder.DescendingOrder)
    assert model.sort_column == Column.COUNTRY
    assert proxy.case_at(0).country == "Borduria"


def test_ua_numbers_sort_by_year_then_number() -> None:
    assert sorted(["2/26", "119/21", "61/96", "10/26"], key=ua_sort_key) == [
        "61/96",
        "119/21",
        "2/26",
        "10/26",
    ]


def test_a_long_past_deadline_reads_as_passed_not_as_a_huge_count(qapp) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: TODAY)
    model.set_cases([summary(9, "98/95", date(1995, 7, 14))])
    assert model.index(0, Column.DAYS_LEFT).data() == "Deadline passed"
    assert "1995" in model.index(0, Column.DAYS_LEFT).data(Qt.ItemDataRole.ToolTipRole)


def test_days_left_move_on_when_the_day_changes(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    today = [TODAY]
    model = CaseTableModel(today=lambda: today[0])
    model.set_cases([summary(1, "5/26", TODAY + timedelta(days=2))])
    assert model.index(0, Column.DAYS_LEFT).data() == "2 days left"
    today[0] = TODAY + timedelta(days=1)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_today()
    assert blocker.args[0].column() == Column.DAYS_LEFT
    assert model.index(0, Column.DAYS_LEFT).data() == "1 day left"


def test_the_proxy_reads_any_model_of_cases_the_case_model_only_faster(
    qtmodeltester, model: CaseTableModel, cases: list[CaseSummary]
) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from app.ui.models.case_row_source import CaseRowSource

    source: CaseRowSource = model  # the case model offers the lists the proxy reads
    assert isinstance(source, CaseRowSource)
    plain = QStandardItemModel()
    for case in cases:
        item = QStandardItem(case.title)
        item.setData(case, CASE_ROLE)
        plain.appendRow(item)
    assert not isinstance(plain, CaseRowSource)
    found, flags = {}, {}
    for name, source_model in (("case model", model), ("plain", plain)):
        proxy = CaseFilterProxy()
        proxy.setSourceModel(source_model)
        proxy.set_search_text("atlantis")
        qtmodeltester.check(proxy)
        found[name] = {proxy.case_at(row).ua_number for row in range(proxy.rowCount())}
        flags[name] = {proxy.flags(proxy.index(row, 0)) for row in range(proxy.rowCount())}
    assert found["plain"] == found["case model"] == {"7/25", "1/26", "80/99"}
    # every row shown can be selected, whichever way the proxy reads its source
    selectable = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    assert all(f & selectable == selectable for f in flags["plain"] | flags["case model"])


def test_countries_are_shown_sorted_and_found_in_the_interface_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    built = CaseTableModel(today=lambda: TODAY)
    built.set_cases(
        [
            summary(1, "1/26", TODAY, country="Germany"),
            summary(2, "2/26", TODAY, country="Colombia"),
            summary(3, "3/26", TODAY, country="Atlantis"),  # no such country: as stored
        ]
    )
    proxy = CaseFilterProxy()
    proxy.setSourceModel(built)

    def found(text: str) -> set[str]:
        proxy.set_search_text(text)
        return {proxy.case_at(row).ua_number for row in range(proxy.rowCount())}

    assert found("colombia") == {"2/26"}
    apply_language("de")
    try:
        built.retranslate()
        built.sort(Column.COUNTRY, Qt.SortOrder.AscendingOrder)
        assert column_texts(built, Column.COUNTRY) == ["Atlantis", "Deutschland", "Kolumbien"]
        assert found("kolumbien") == {"2/26"}
        assert found("colombia") == {"2/26"}  # the stored English name still finds it
        apply_language("ar")
        built.retranslate()
        assert column_texts(built, Column.COUNTRY)[0] == "Atlantis"
        assert set(column_texts(built, Column.COUNTRY)[1:]) == {"ألمانيا", "كولومبيا"}
    finally:
        apply_language("en")
    built.retranslate()
    assert column_texts(built, Column.COUNTRY) == ["Atlantis", "Colombia", "Germany"]
