"""Settings are saved and used at once; failures reach the user as words, never tracebacks."""

from __future__ import annotations

import threading

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
)

from app.domain.errors import InvalidInput
from app.settings import load_settings
from app.ui.errors import report_failure
from app.ui.tasks import JobRunner
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter


def test_settings_dialog_saves_the_sender_and_the_open_letter_uses_it(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    letter = window.case_actions.letter_dialog
    assert "Nobody yet" in letter.sender_label.text()
    window.menu_actions.settings.trigger()
    dialog = window.case_actions.settings_dialog
    dialog.name_edit.setText("Jo Writer")
    dialog.city_edit.setText("Leeds")
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = load_settings(app_paths)
    assert saved.sender.name == "Jo Writer"
    assert saved.page_size == "Letter"
    assert window.context.settings == saved
    assert "Jo Writer" in wait_for_letter(letter).text()
    assert "Leeds" in letter.sender_label.text()


def test_an_expected_error_shows_its_message(gui_app, messages) -> None:  # type: ignore[no-untyped-def]
    report_failure(None, "Cannot do that", InvalidInput("Choose a channel."))
    assert messages.shown == [("error", "Cannot do that", "Choose a channel.")]


def test_a_bug_shows_a_friendly_message_and_logs_the_traceback(gui_app, messages, caplog) -> None:  # type: ignore[no-untyped-def]
    try:
        raise ZeroDivisionError("secret internals")
    except ZeroDivisionError as error:
        report_failure(None, "Cannot do that", error)
    [(_kind, _title, text)] = messages.shown
    assert "secret internals" not in text and "Traceback" not in text
    assert "log file" in text
    assert "ZeroDivisionError" in caplog.text


def test_jobs_run_off_the_gui_thread_and_report_on_it(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    seen: dict[str, object] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.current_thread()
        progress(1, 2, "a.txt")
        return 42

    def done(value: object) -> None:
        seen["result"] = value
        seen["receiver"] = threading.current_thread()

    with qtbot.waitSignal(runner.start(work, done, lambda _e: None).signals.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["receiver"] is threading.main_thread()
    runner.wait_for_done()


def test_a_failing_job_reports_the_error(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    errors: list[BaseException] = []

    def work(_progress):  # type: ignore[no-untyped-def]
        raise InvalidInput("That file is empty.")

    runner.start(work, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], InvalidInput)
    runner.wait_for_done()


def interactive_widgets_without_names(root) -> list[str]:  # type: ignore[no-untyped-def]
    missing = []
    for kind in (
        QAbstractButton,
        QLineEdit,
        QPlainTextEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
    ):
        for widget in root.findChildren(kind):
            if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
                continue
            if isinstance(widget, QHeaderView) or (
                isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox)
            ):
                continue
            # what a screen reader gets: the name, the buddy label's text or the button's own
            spoken = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
            if not spoken.strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_interactive_widget_has_an_accessible_name(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    assert interactive_widgets_without_names(window) == []
    window.menu_actions.write_letter.trigger()
    assert interactive_widgets_without_names(window.case_actions.letter_dialog) == []
    window.menu_actions.mark_sent.trigger()
    assert interactive_widgets_without_names(window.case_actions.mark_sent_dialog) == []
    window.case_actions.mark_sent_dialog.reject()
    window.menu_actions.settings.trigger()
    assert interactive_widgets_without_names(window.case_actions.settings_dialog) == []
    window.menu_actions.history.trigger()
    assert interactive_widgets_without_names(window.case_actions.history_dialog) == []
    window.menu_actions.report.trigger()
    assert interactive_widgets_without_names(window.case_actions.report_dialog) == []


def test_the_runner_names_the_jobs_still_running(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    release = threading.Event()
    runner.start(lambda _p: release.wait(5), lambda _v: None, lambda _e: None, name="slow")
    runner.start(lambda _p: 1, lambda _v: None, lambda _e: None, name="quick")
    assert runner.running() <= {"slow", "quick"}
    qtbot.waitUntil(lambda: runner.running() == {"slow"}, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.running() == set(), timeout=5000)
    runner.wait_for_done()
