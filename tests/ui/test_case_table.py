"""The case table when a dialog over its window (the import's progress dialog, a message)
makes the window inactive: its rows look as they should, repainted only if that changes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from app.ui.views.case_table import CaseTable
from tests.builders import case_summary


@pytest.fixture
def shown_table(qtbot, gui_app) -> Iterator[tuple[QWidget, CaseTable]]:  # type: ignore[no-untyped-def]
    model = CaseTableModel()
    model.set_cases([case_summary(number) for number in range(1, 30)])
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    window = QWidget()
    table = CaseTable(window)
    table.setModel(proxy)
    table.setSelectionBehavior(CaseTable.SelectionBehavior.SelectRows)
    table.selectRow(2)
    search = QLineEdit(window)  # the keyboard is in the search box, as after a search
    layout = QVBoxLayout(window)
    layout.addWidget(search)
    layout.addWidget(table)
    window.resize(600, 400)
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitExposed(window)
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    yield window, table
    window.close()


def paints_while_a_dialog_opens(qtbot, window: QWidget, table: CaseTable) -> int:  # type: ignore[no-untyped-def]
    """How often the table paints its rows while a modal dialog opens over its window."""
    painted: list[int] = []
    table.painted.connect(lambda: painted.append(1))
    dialog = QDialog(window)
    dialog.setModal(True)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    qtbot.wait(50)
    dialog.close()
    return len(painted)


def test_rows_look_the_same_in_an_inactive_window_and_are_not_painted_again(
    qtbot, shown_table
) -> None:  # type: ignore[no-untyped-def]
    window, table = shown_table
    active = table.viewport().grab().toImage()
    assert paints_while_a_dialog_opens(qtbot, window, table) == 0
    assert not window.isActiveWindow()
    # what a repaint would draw now, in the inactive window: exactly what is on screen
    assert table.viewport().grab().toImage() == active


def test_a_palette_with_another_inactive_selection_is_painted_when_a_dialog_opens(
    qtbot, shown_table
) -> None:  # type: ignore[no-untyped-def]
    window, table = shown_table
    palette = table.palette()
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("grey"))
    table.setPalette(palette)
    qtbot.wait(50)
    assert paints_while_a_dialog_opens(qtbot, window, table) >= 1


def test_a_narrow_list_keeps_its_titles_readable_and_a_wide_one_stretches_them(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    """At 1,000 pixels, the details pane beside it, the list gave its title column 26 pixels
    (a quotation mark and an ellipsis); it keeps about eighteen characters and scrolls
    sideways, and a wide window still gives the titles all the room left."""
    from PySide6.QtTest import QTest

    from app.ui.models.case_columns import Column
    from tests.builders import fictional_document, store_documents

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    view = window.case_list
    window.resize(1000, 600)
    QTest.qWait(50)
    least = view.title_minimum()
    assert view.table.columnWidth(Column.TITLE) >= least > 90
    window.resize(1800, 800)
    QTest.qWait(50)
    header = view.table.horizontalHeader()
    widths = sum(header.sectionSize(column) for column in range(header.count()))
    assert view.table.columnWidth(Column.TITLE) > least
    assert widths == view.table.viewport().width()  # no room left over, no sideways scrolling
