"""Fixtures of the dialog tests: a real SQLite store in tmp_path with invented cases, the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.model import OutputKind, ParsedDocument, Person, Target
from app.paths import AppPaths, resolve_paths
from app.services.database import Database, open_store
from app.services.importing import save_parsed

TODAY = date(2026, 3, 2)


def fictional_document(
    number: int,
    country: str,
    deadline_in: int | None,
    *,
    email: str | None = None,
    fax: str | None = None,
    title: str = "Fictional case",
) -> ParsedDocument:
    """An invented UA: made-up people and officials, for tests only."""
    return ParsedDocument(
        ua_number=f"{number}/26",
        ai_index=None,
        kind=OutputKind.INITIAL,
        action_requested=True,
        title=f"{title} {number} (fictional)",
        country=country,
        issued_on=TODAY - timedelta(days=10),
        deadline=None if deadline_in is None else TODAY + timedelta(days=deadline_in),
        persons=(Person(f"Invented Person {number}", "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                f"Invented Official {number}",
                address="1 Invented Street",
                email=email,
                fax=fax,
            ),
        ),
        model_letter="Dear Minister,\n\nPlease release Invented Person.\n\nYours sincerely,",
        text="fictional",
    )


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = open_store(paths)
    yield database
    database.close()


def add_cases(db: Database, *documents: ParsedDocument) -> None:
    for document in documents:
        save_parsed(db, document, f"ua-{document.ua_number}.txt")


@pytest.fixture
def gui_app(qapp):  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language, create_application

    app = create_application()
    apply_language("en")
    return app


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes the app tried to show (kind, title, text), without blocking."""
    from app.ui.messages import Messages

    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, details=""):  # type: ignore[no-untyped-def]
            shown.append((kind, title, text))

        return staticmethod(show)

    for kind in ("info", "warning", "error"):
        monkeypatch.setattr(Messages, kind, recorder(kind))
    monkeypatch.setattr(Messages, "ask", staticmethod(lambda *_a: True))
    return shown


@pytest.fixture
def main_window(qtbot, gui_app, paths: AppPaths, shown_messages):  # type: ignore[no-untyped-def]
    """The real main window on ``paths`` (store filled by the test first), cases loaded."""
    from app.settings import Settings
    from app.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(settings: Settings | None = None) -> MainWindow:
        window = MainWindow(paths, settings or Settings(welcome_done=True))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def store(paths: AppPaths, *documents: ParsedDocument) -> None:
    """Put invented cases in the store before a window opens it."""
    database = open_store(paths)
    try:
        add_cases(database, *documents)
    finally:
        database.close()
