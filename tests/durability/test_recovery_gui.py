"""The recovery and backups dialogs with a real store (offscreen Qt, pytest-qt)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services.backups import list_backups, make_backup
from app.store.database import open_database, row_counts
from bench.durability.corruption_rounds import overwrite_random_pages
from tests.durability.conftest import file_digest


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record message boxes instead of showing them; every question is answered yes."""
    from app.ui.messages import Messages

    shown: list[str] = []
    monkeypatch.setattr(
        Messages, "ask", staticmethod(lambda _p, _t, text: shown.append(text) or True)
    )
    for kind in ("info", "warning", "error"):
        monkeypatch.setattr(
            Messages, kind, staticmethod(lambda _p, _t, text, *_a: shown.append(text))
        )
    return shown


@pytest.fixture
def damaged(seeded: AppPaths) -> tuple[AppPaths, str | None]:
    make_backup(seeded)
    overwrite_random_pages(seeded.database, random.Random(4))
    return seeded, file_digest(seeded.database)


def test_recovery_restores_the_newest_good_backup_and_keeps_the_damaged_file(
    qtbot, damaged: tuple[AppPaths, str | None], asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.recovery_dialog import RecoveryDialog

    paths, before = damaged
    dialog = RecoveryDialog(paths)
    qtbot.add_widget(dialog)
    assert str(paths.database) in dialog.explanation.text()
    assert "3 cases, 6 appeals" in dialog.explanation.text()
    assert dialog.restore_button.isEnabled()

    dialog.restore_button.click()

    assert dialog.database is not None
    assert row_counts(dialog.database)["appeals"] == 6
    dialog.database.close()
    assert dialog.kept_copy is not None and file_digest(Path(dialog.kept_copy)) == before


def test_recovery_can_start_empty_keeping_the_damaged_file(
    qtbot, damaged: tuple[AppPaths, str | None], asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.recovery_dialog import RecoveryDialog

    paths, before = damaged
    dialog = RecoveryDialog(paths)
    qtbot.add_widget(dialog)

    dialog.empty_button.click()

    assert dialog.database is not None
    assert sum(row_counts(dialog.database).values()) == 0
    dialog.database.close()
    assert file_digest(Path(dialog.kept_copy or "")) == before


def test_the_main_window_offers_recovery_when_the_store_is_damaged(
    qtbot, damaged: tuple[AppPaths, str | None], asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.dialogs.recovery_dialog import RecoveryDialog
    from app.ui.main_window import MainWindow

    create_application()
    apply_language("en")
    paths, _before = damaged
    window = MainWindow(AppContext(paths, load_settings(paths)))
    qtbot.add_widget(window)
    window.show()
    seen: list[str] = []

    def click_restore_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen.append(dialog.explanation.text())
            dialog.restore_button.click()
        else:
            QTimer.singleShot(20, click_restore_when_shown)

    QTimer.singleShot(0, click_restore_when_shown)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.start()

    assert seen and "damaged" in seen[0]
    assert window.model.rowCount() == 3
    window.close()


def test_backups_dialog_lists_makes_and_restores(qtbot, seeded: AppPaths, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import Channel
    from app.services.appeals import record_appeal
    from app.ui.dialogs.backups_dialog import BackupsDialog

    state = {"db": open_database(seeded)}

    def close_store() -> None:
        state["db"].close()

    def reopen(db, _restored) -> None:  # type: ignore[no-untyped-def]
        state["db"] = db

    dialog = BackupsDialog(seeded, lambda: state["db"], close_store, reopen)
    qtbot.add_widget(dialog)
    assert dialog.table.rowCount() == 0

    dialog.back_up_now()
    record_appeal(state["db"], "1/26", target_index=1, channel=Channel.POST, text="later")

    assert dialog.table.rowCount() == 1
    assert "3 cases, 6 appeals" in dialog.table.item(0, 3).text()
    from datetime import datetime

    from app.dates import date_time

    made = list_backups(seeded)[0].created
    assert dialog.table.item(0, 0).text() == date_time(made)  # the interface's date words
    assert made.strftime("%Y-%m-%d") not in dialog.table.item(0, 0).text()
    assert str(datetime.now().year) in dialog.table.item(0, 0).text()
    dialog.table.selectRow(0)
    dialog.restore_selected()

    assert row_counts(state["db"])["appeals"] == 6
    reasons = [b.reason for b in list_backups(seeded)]
    assert "pre-restore" in reasons and "manual" in reasons
    assert dialog.table.rowCount() == len(reasons)
    state["db"].close()


def test_a_second_window_on_the_same_data_says_it_is_in_use(
    qtbot, seeded: AppPaths, asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    import signal
    import subprocess
    import sys

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.main_window import MainWindow
    from tests.durability.test_environment_faults import HOLD_LOCK

    create_application()
    apply_language("en")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(seeded.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        before = file_digest(seeded.database)
        window = MainWindow(AppContext(seeded, load_settings(seeded)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.load_failed, timeout=20_000):
            window.start()
        assert any("in use by another copy of Appeal Desk" in text for text in asked)
        assert file_digest(seeded.database) == before
        window.close()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_file_menu_opens_the_backups_dialog(qtbot, seeded: AppPaths, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.dialogs.backups_dialog import BackupsDialog
    from app.ui.main_window import MainWindow

    create_application()
    apply_language("en")
    make_backup(seeded)
    window = MainWindow(AppContext(seeded, load_settings(seeded)))
    qtbot.add_widget(window)
    window.show()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.start()
    action = window.findChild(QAction, "backupsAction")
    assert action is not None and action in window.menu_actions.file_menu.actions()
    rows: list[int] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, BackupsDialog):
            rows.append(dialog.table.rowCount())
            dialog.reject()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    action.trigger()

    assert rows and rows[0] >= 1
    window.close()


def test_a_second_copy_of_the_app_says_it_is_already_open_and_exits(
    qtbot, seeded: AppPaths, asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    import argparse
    import logging
    import signal
    import subprocess
    import sys

    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.ui.application import ALREADY_OPEN, run
    from tests.durability.test_environment_faults import HOLD_LOCK

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(seeded.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        before = file_digest(seeded.database)
        status = run(argparse.Namespace(data_dir=seeded.data_dir, lang="en"))
        assert status == ALREADY_OPEN
        assert len(asked) == 1 and "already running" in asked[0]
        assert str(seeded.data_dir) in asked[0]
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
        assert not any(w.isVisible() for w in windows)  # no window that looks usable
        assert file_digest(seeded.database) == before
    finally:
        root.handlers[:], root.level = handlers, level
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_a_window_that_could_not_open_the_store_disables_what_needs_it(
    qtbot, seeded: AppPaths, asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    import signal
    import subprocess
    import sys

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.main_window import MainWindow
    from tests.durability.test_environment_faults import HOLD_LOCK

    create_application()
    apply_language("en")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(seeded.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        window = MainWindow(AppContext(seeded, load_settings(seeded)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.load_failed, timeout=20_000):
            window.start()
        actions = window.menu_actions
        page = window.loading_label.text()  # why and where stay once the message is closed
        assert page.startswith("Your cases could not be opened.<br>")
        assert f"Your data folder: {seeded.data_dir}" in page
        assert window.count_label.text() == ""  # no "0 open cases" for a store not opened
        assert not actions.import_files.isEnabled() and not actions.write_letter.isEnabled()
        assert not window.empty_state.isEnabled()
        assert actions.backups.isEnabled() and actions.quit.isEnabled()
        window.close()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def _window_on_damaged_store(qtbot, paths: AppPaths, answer) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    """The main window starting on ``paths``; ``answer`` is given the recovery dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.dialogs.recovery_dialog import RecoveryDialog
    from app.ui.main_window import MainWindow

    create_application()
    apply_language("en")
    window = MainWindow(AppContext(paths, load_settings(paths)))
    qtbot.add_widget(window)
    window.show()
    seen: list[str] = []

    def answer_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen.append(dialog.windowTitle())
            answer(dialog)
        else:
            QTimer.singleShot(20, answer_when_shown)

    QTimer.singleShot(0, answer_when_shown)
    with qtbot.waitSignal(window.load_failed, timeout=20_000):
        window.start()
    return window, seen


def test_quitting_the_recovery_dialog_closes_appeal_desk_without_a_second_box(
    qtbot, damaged: tuple[AppPaths, str | None], asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    paths, before = damaged
    window, seen = _window_on_damaged_store(qtbot, paths, lambda d: d.quit_button.click())
    assert seen == ["Your data could not be opened"]
    assert asked == []  # the recovery dialog said it all: no box repeats it in other words
    assert not window.isVisible()  # type: ignore[attr-defined]
    assert file_digest(paths.database) == before


def test_closing_the_recovery_dialog_leaves_the_window_without_a_second_box(
    qtbot, damaged: tuple[AppPaths, str | None], asked: list[str]
) -> None:  # type: ignore[no-untyped-def]
    paths, before = damaged
    window, seen = _window_on_damaged_store(qtbot, paths, lambda d: d.reject())
    assert seen and asked == []
    assert window.isVisible()  # type: ignore[attr-defined]
    assert window.loading_label.text().startswith(  # type: ignore[attr-defined]
        "Your cases could not be opened: the database is damaged.\nRestore a backup with "
        "File > Backups…"
    )
    assert window.menu_actions.backups.isEnabled()  # type: ignore[attr-defined]
    assert file_digest(paths.database) == before
