"""GUI fixtures: a real store in tmp_path, the real main window offscreen, recorded messages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.paths import AppPaths, resolve_paths  # noqa: E402
from app.services.database import Database, open_store  # noqa: E402
from app.ui.messages import KeepChoice  # noqa: E402


@pytest.fixture(autouse=True)
def clipboard_emptied_after_each_test() -> Iterator[None]:
    """A test that puts its own QMimeData on the clipboard hands it to Qt, which would delete
    it at process exit, after Python has gone, and crash the run (exit 139) once every test has
    passed. Emptying the clipboard after each test deletes it while Python is still there."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@dataclass
class RecordedMessages:
    """Every message box the app tried to show, in order; ``answer`` is what ask() returns."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: bool = True
    option: bool | None = None  # the check box beside a question: None leaves it as offered
    # "Keep what you typed?": None answers Save when ``answer`` is True, else Discard
    keep: KeepChoice | None = None

    def texts(self, kind: str | None = None) -> list[str]:
        return [
            text for shown_kind, _title, text in self.shown if kind is None or shown_kind == kind
        ]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> RecordedMessages:
    from app.ui.messages import Messages

    recorded = RecordedMessages()

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, details=""):  # type: ignore[no-untyped-def]
            recorded.shown.append((kind, title, text + ("\n" + details if details else "")))

        return staticmethod(show)

    for kind in ("info", "warning", "error"):
        monkeypatch.setattr(Messages, kind, recorder(kind))

    def ask(_parent, title, text):  # type: ignore[no-untyped-def]
        recorded.shown.append(("ask", title, text))
        return recorded.answer

    def ask_with_option(_parent, title, text, option, checked):  # type: ignore[no-untyped-def]
        ticked = checked if recorded.option is None else recorded.option
        recorded.shown.append(("ask", title, f"{text}\n[{'x' if ticked else ' '}] {option}"))
        return recorded.answer, ticked

    def ask_keep(_parent, title, text, can_go_back=True):  # type: ignore[no-untyped-def]
        recorded.shown.append(("ask", title, text))
        if recorded.keep is not None:
            return recorded.keep
        return KeepChoice.KEEP if recorded.answer else KeepChoice.DISCARD

    monkeypatch.setattr(Messages, "ask", staticmethod(ask))
    monkeypatch.setattr(Messages, "ask_keep", staticmethod(ask_keep))
    monkeypatch.setattr(Messages, "ask_with_option", staticmethod(ask_with_option))
    return recorded


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def gui_app(qapp):  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language, create_application

    app = create_application()
    apply_language("en")
    return app


@pytest.fixture
def open_db(app_paths: AppPaths) -> Iterator[Database]:
    """A second handle on the window's store, to read back what the GUI wrote."""
    db = open_store(app_paths)
    yield db
    db.close()


@pytest.fixture
def make_window(qtbot, gui_app, app_paths: AppPaths, messages: RecordedMessages):  # type: ignore[no-untyped-def]
    """Build the main window on ``app_paths``, show it and wait until the cases are loaded."""
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(AppContext(app_paths, load_settings(app_paths)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def wait_for_letter(dialog, timeout_ms: int = 20_000):  # type: ignore[no-untyped-def]
    """The letter editor drafts off the GUI thread: let events run until the draft is in."""
    from PySide6.QtTest import QTest

    waited = 0
    while dialog.drafting and waited < timeout_ms:
        QTest.qWait(10)
        waited += 10
    assert not dialog.drafting, "the letter was not drafted in time"
    return dialog
