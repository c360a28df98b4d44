"""Window geometry, splitter and column layout kept in ui.ini in the data directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from app.ui.models.case_columns import Column

if TYPE_CHECKING:
    from pathlib import Path

    from app.ui.views.case_list_view import CaseListView


class WindowState:
    """QSettings in INI format at an explicit path: no registry, portable with the data dir."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore(self, window: QMainWindow, splitter: QSplitter, case_list: CaseListView) -> None:
        geometry = self._bytes("main/geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1280, 780)
        state = self._bytes("main/state")
        if state is not None:
            window.restoreState(state)
        sizes = self._bytes("main/splitter")
        if sizes is not None:
            splitter.restoreState(sizes)
        else:
            splitter.setSizes([760, 520])
        header = self._bytes("main/caseHeader")
        if header is not None:
            columns = case_list.table.horizontalHeader()
            columns.restoreState(header)
            case_list.fit_sent_column()  # (the state holds the sizing it was saved with)
            ascending = Qt.SortOrder.AscendingOrder
            old_default = (columns.sortIndicatorSection(), columns.sortIndicatorOrder()) == (
                Column.DEADLINE,
                ascending,
            )
            if old_default and self._settings.value("main/caseOrder") is None:
                # Saved by a version whose default order was the deadline column: open with
                # today's default, the list order, instead.
                columns.setSortIndicator(-1, ascending)
        show_closed = self._settings.value("main/showClosed", False)
        case_list.show_closed_box.setChecked(show_closed in (True, "true", "1"))

    def save(self, window: QMainWindow, splitter: QSplitter, case_list: CaseListView) -> None:
        """Keep the layout for the next start; ui.ini is written (and flushed to disk, ~20 ms)
        only when something changed since it was read."""
        for key, value in (
            ("main/geometry", window.saveGeometry()),
            ("main/state", window.saveState()),
            ("main/splitter", splitter.saveState()),
            ("main/caseHeader", case_list.table.horizontalHeader().saveState()),
            ("main/caseOrder", "list"),
        ):
            if self._settings.value(key) != value:
                self._settings.setValue(key, value)
        show_closed = case_list.show_closed_chosen()
        if self._settings.value("main/showClosed", type=bool) != show_closed or not (
            self._settings.contains("main/showClosed")
        ):
            self._settings.setValue("main/showClosed", show_closed)
        self._settings.sync()
