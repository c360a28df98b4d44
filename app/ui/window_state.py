"""Window geometry, splitter and column layout kept in ui.ini in the data directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowState:
    """QSettings in INI format at an explicit path: no registry, portable with the data dir."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore(self, window: MainWindow) -> None:
        geometry = self._bytes("main/geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1280, 780)
        state = self._bytes("main/state")
        if state is not None:
            window.restoreState(state)
        splitter = self._bytes("main/splitter")
        if splitter is not None:
            window.splitter.restoreState(splitter)
        else:
            window.splitter.setSizes([760, 520])
        header = self._bytes("main/caseHeader")
        if header is not None:
            window.case_list.table.horizontalHeader().restoreState(header)
        show_closed = self._settings.value("main/showClosed", False)
        window.case_list.show_closed_box.setChecked(show_closed in (True, "true", "1"))

    def save(self, window: MainWindow) -> None:
        self._settings.setValue("main/geometry", window.saveGeometry())
        self._settings.setValue("main/state", window.saveState())
        self._settings.setValue("main/splitter", window.splitter.saveState())
        self._settings.setValue(
            "main/caseHeader", window.case_list.table.horizontalHeader().saveState()
        )
        self._settings.setValue("main/showClosed", window.case_list.show_closed_box.isChecked())
        self._settings.sync()
