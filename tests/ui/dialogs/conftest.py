"""Fixtures of the dialog tests: a real SQLite store in tmp_path with invented cases, the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import AppPaths, resolve_paths
from app.services.database import Database, open_store


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = open_store(paths)
    yield database
    database.close()


@pytest.fixture
def gui_app(qapp):  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language, create_application

    app = create_application()
    apply_language("en")
    return app


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes the app tried to show (kind, title, text), without blocking."""
    from app.ui.messages import KeepChoice, Messages

    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, details=""):  # type: ignore[no-untyped-def]
            shown.append((kind, title, text))

        return staticmethod(show)

    for kind in ("info", "warning", "error"):
        monkeypatch.setattr(Messages, kind, recorder(kind))
    monkeypatch.setattr(Messages, "ask", staticmethod(lambda *_a: True))
    monkeypatch.setattr(Messages, "ask_keep", staticmethod(lambda *_a, **_k: KeepChoice.KEEP))
    return shown


@pytest.fixture
def main_window(qtbot, gui_app, paths: AppPaths, shown_messages):  # type: ignore[no-untyped-def]
    """The real main window on ``paths`` (store filled by the test first), cases loaded."""
    from app.settings import Settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(settings: Settings | None = None) -> MainWindow:
        window = MainWindow(AppContext(paths, settings or Settings(welcome_done=True)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
