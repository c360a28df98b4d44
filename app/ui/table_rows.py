"""Selecting a whole table row in either layout direction."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView


def select_row(table: QTableView, row: int) -> None:
    """Select ``row`` and make it current, in a left-to-right or right-to-left window.

    ``QTableView.selectRow`` looks up its column at the viewport's far edge in a right-to-left
    layout; before the view is laid out there is no column there and nothing is selected (the
    Arabic window then started with no case shown). A visible column is named instead.
    """
    model = table.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    column = next((c for c in range(model.columnCount()) if not table.isColumnHidden(c)), 0)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(model.index(row, column), flags)
