"""The box for an unexpected error names the log file by its full path, as selectable text."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import logging_setup
from app.paths import resolve_paths
from app.ui.errors import report_failure


def test_the_error_box_says_where_the_log_file_is(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths(tmp_path / "data")
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # this test's own log only
    monkeypatch.setattr(logging_setup, "_log_path", None)
    logging_setup.configure_logging(paths, hold=True)
    seen: list[tuple[str, Qt.TextInteractionFlag]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.grab().save(str(tmp_path / "error-box.png"))
        seen.append((box.text(), box.textInteractionFlags()))
        box.accept()

    QTimer.singleShot(0, read_and_close)
    report_failure(None, "The letter could not be saved", RuntimeError("disk on fire"))
    for handler in logging.getLogger().handlers:
        handler.close()
    [(text, flags)] = seen
    log = paths.log_dir / "appeal-desk.log"
    assert f"Details are in the log file ({log})." in text
    assert "disk on fire" not in text  # the traceback stays in the log
    assert "disk on fire" in log.read_text(encoding="utf-8")
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
