"""The main window with a real store: first run, the list, search, closed cases, details."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from app.domain.model import OutputKind
from app.ui.models.case_table_model import Column
from tests.builders import fictional_document, store_documents


def visible_ua_numbers(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    return [proxy.index(row, Column.UA_NUMBER).data() for row in range(proxy.rowCount())]


def test_first_run_shows_the_empty_state_with_both_ways_in(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.isVisible()
    page = window.empty_state.content()
    assert page.import_button.text() == "Import an Urgent Action document…"
    assert page.samples_button.text() == "Open the fictional sample pack to practise"
    assert not window.menu_actions.write_letter.isEnabled()


def test_cases_one_can_act_on_come_first_and_the_first_is_shown(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("1/95", deadline=date(1995, 3, 1)),
        fictional_document("12/26", deadline=date.today() + timedelta(days=20)),
        fictional_document(
            "3/26", title="FICTIONAL JOURNALIST MISSING", deadline=date.today() - timedelta(days=2)
        ),
    )
    window = make_window()
    assert window.pages.currentWidget() is window.splitter
    assert visible_ua_numbers(window) == ["12/26", "3/26", "1/95"]
    assert window.case_list.table.horizontalHeader().sortIndicatorSection() == -1
    days_left = [window.proxy.index(row, Column.DAYS_LEFT).data() for row in range(3)]
    assert days_left[:2] == ["20 days left", "2 days overdue"]
    shown = window.detail.case
    assert shown is not None and shown.ua_number == "12/26"
    body = window.detail.case_page().body.toPlainText()
    assert "Minister of Justice, Rui Costa" in body
    assert "minister@justice.example" in body
    assert "I urge you to release Ana Lima" in body
    assert window.count_label.text() == "3 open cases"


def test_search_box_narrows_the_list_as_you_type(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26", person="Ana Lima", official="Rui Costa"),
        fictional_document(
            "3/26",
            title="FICTIONAL JOURNALIST MISSING",
            person="Tomas Brel",
            country="Borduria",
            official="Lena Dorn",
        ),
    )
    window = make_window()
    window.menu_actions.find.trigger()
    assert window.case_list.search_box.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(window.case_list.search_box, "bordu")
    assert visible_ua_numbers(window) == ["3/26"]
    window.case_list.search_box.clear()
    qtbot.keyClicks(window.case_list.search_box, "costa")  # an official's name
    assert visible_ua_numbers(window) == ["12/26"]
    qtbot.keyClicks(window.case_list.search_box, " nobody")
    assert visible_ua_numbers(window) == []
    assert window.case_list.no_match_label.isVisible()
    assert window.case_list.no_match_label.text() == "No case matches your search."


def test_closed_cases_show_only_with_the_toggle(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26"),
        fictional_document("9/25", title="FICTIONAL CASE CLOSED", kind=OutputKind.FINAL),
    )
    window = make_window()
    assert visible_ua_numbers(window) == ["12/26"]
    window.case_list.show_closed_box.click()
    assert "9/25" in visible_ua_numbers(window)
    assert window.menu_actions.show_closed.isChecked()
    row = visible_ua_numbers(window).index("9/25")
    assert window.proxy.index(row, Column.DAYS_LEFT).data() == "Closed"
    window.case_list.select_case(
        next(c.case_id for c in window.model.cases() if c.ua_number == "9/25")
    )
    banner = window.detail.case_page().closed_banner
    assert banner.isVisible()
    assert "no further action" in banner.text()
    window.menu_actions.show_closed.trigger()
    assert visible_ua_numbers(window) == ["12/26"]


def test_show_closed_and_sorting_survive_a_restart(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths, fictional_document("12/26"), fictional_document("3/26", country="Borduria")
    )
    window = make_window()
    window.case_list.show_closed_box.setChecked(True)
    window.case_list.table.sortByColumn(Column.COUNTRY, Qt.SortOrder.DescendingOrder)
    window.close()
    assert app_paths.ui_state_file.is_file()
    again = make_window()
    assert again.case_list.show_closed_box.isChecked()
    assert again.model.sort_column == Column.COUNTRY
    assert again.model.sort_order == Qt.SortOrder.DescendingOrder
    assert visible_ua_numbers(again) == ["3/26", "12/26"]  # Borduria before Atlantis


def test_next_and_previous_case_move_the_selection(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26", deadline=date.today() + timedelta(days=5)),
        fictional_document("3/26", deadline=date.today() + timedelta(days=9)),
    )
    window = make_window()
    assert window.detail.case.ua_number == "12/26"
    window.menu_actions.next_case.trigger()
    assert window.detail.case.ua_number == "3/26"
    window.menu_actions.previous_case.trigger()
    assert window.detail.case.ua_number == "12/26"


def test_the_menus_keys_work_once_the_window_is_painted(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    store_documents(
        app_paths,
        fictional_document("12/26", deadline=date.today() + timedelta(days=5)),
        fictional_document("3/26", deadline=date.today() + timedelta(days=9)),
    )
    window = make_window()
    actions = window.menu_actions
    qtbot.waitUntil(lambda: not actions.find.shortcut().isEmpty())  # just after the first frame
    assert actions.find.shortcut() == QKeySequence("Ctrl+F")
    assert actions.quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert actions.shortcuts.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert actions.find.toolTip() == "Move to the search box (Ctrl+F)"
    assert actions.load_samples.toolTip() == "Add invented cases to practise with"  # no keys
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.case.ua_number == "3/26"
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.case_list.search_box.hasFocus()


def test_menu_entries_have_distinct_alt_keys(make_window) -> None:  # type: ignore[no-untyped-def]
    import re

    window = make_window()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        keys = [
            match.group(1).lower()
            for action in menu.actions()
            if (match := re.search(r"&([^&])", action.text()))
        ]
        assert len(keys) == len(set(keys)), (menu.title(), keys)


def test_a_search_that_hides_the_chosen_case_shows_and_writes_to_a_case_it_lists(  # type: ignore[no-untyped-def]
    make_window, app_paths, qtbot
) -> None:
    store_documents(
        app_paths,
        fictional_document("12/26", deadline=date.today() + timedelta(days=5)),
        fictional_document(
            "3/26",
            title="FICTIONAL JOURNALIST THREATENED",
            country="Borduria",
            person="Tomas Brel",
            official="Lena Dorn",
            deadline=date.today() + timedelta(days=9),
        ),
    )
    window = make_window()
    assert window.detail.case.ua_number == "12/26"
    qtbot.keyClicks(window.case_list.search_box, "borduria")
    assert visible_ua_numbers(window) == ["3/26"]
    assert window.detail.case.ua_number == "3/26"
    assert "FICTIONAL JOURNALIST THREATENED" in window.detail.case_page().title_label.text()
    window.menu_actions.write_letter.trigger()
    dialog = window.case_actions.letter_dialog
    assert dialog.windowTitle() == "Letter for UA 3/26"
    dialog.close()

    qtbot.keyClicks(window.case_list.search_box, " nobody")
    assert visible_ua_numbers(window) == []
    assert window.detail.case is None
    assert not window.menu_actions.write_letter.isEnabled()
    assert not window.menu_actions.mark_sent.isEnabled()
    window.case_list.search_box.clear()
    assert window.detail.case is not None
    assert window.menu_actions.write_letter.isEnabled()


def test_hiding_closed_cases_again_chooses_an_open_case(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26"),
        fictional_document("9/25", title="FICTIONAL CASE CLOSED", kind=OutputKind.FINAL),
    )
    window = make_window()
    window.case_list.show_closed_box.click()
    window.case_list.select_case(
        next(c.case_id for c in window.model.cases() if c.ua_number == "9/25")
    )
    assert window.detail.case.ua_number == "9/25"
    window.case_list.show_closed_box.click()
    assert visible_ua_numbers(window) == ["12/26"]
    assert window.detail.case.ua_number == "12/26"


def test_down_in_the_search_box_goes_on_to_the_cases_found(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26", deadline=date.today() + timedelta(days=5)),
        fictional_document("3/26", country="Borduria", deadline=date.today() + timedelta(days=9)),
        fictional_document("7/26", country="Borduria", deadline=date.today() + timedelta(days=12)),
    )
    window = make_window()
    window.activateWindow()
    search = window.case_list.search_box
    search.setFocus()
    qtbot.keyClicks(search, "borduria")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    table = window.case_list.table
    assert table.hasFocus()
    assert window.detail.case.ua_number == "3/26"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)  # then the arrows walk the cases found
    assert window.detail.case.ua_number == "7/26"
