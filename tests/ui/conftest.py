"""GUI fixtures: a real store in tmp_path, the real main window offscreen, recorded messages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.model import OutputKind, ParsedDocument, Person, Target  # noqa: E402
from app.paths import AppPaths, resolve_paths  # noqa: E402
from app.services.database import Database, open_store  # noqa: E402


@dataclass
class RecordedMessages:
    """Every message box the app tried to show, in order; ``answer`` is what ask() returns."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: bool = True

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

    monkeypatch.setattr(Messages, "ask", staticmethod(ask))
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


def fictional_document(
    ua_number: str = "12/26",
    title: str = "FICTIONAL TEACHER DETAINED FOR A POEM",
    country: str = "Atlantis",
    deadline: date | None = None,
    person: str = "Ana Lima",
    official: str = "Rui Costa",
    kind: OutputKind = OutputKind.INITIAL,
) -> ParsedDocument:
    """A small invented UA (no real person), stored through the services like an import."""
    return ParsedDocument(
        ua_number=ua_number,
        ai_index=f"AMR 99/{ua_number.replace('/', '')}/2026",
        kind=kind,
        action_requested=kind != OutputKind.FINAL,
        title=title,
        country=country,
        issued_on=date.today() - timedelta(days=10),
        deadline=deadline or date.today() + timedelta(days=20),
        persons=(Person(person, "she/her"),),
        targets=(
            Target(
                "Minister of Justice",
                official,
                "Dear Minister",
                "1 Fictional Avenue\nPort Example\nAtlantis",
                "minister@justice.example",
            ),
            Target("Prosecutor General", "Mara Vento", "Dear Prosecutor General", "2 Court Street"),
        ),
        preferred_languages=("English",),
        summary=f"{person} is a fictional teacher held for reading a poem aloud.",
        model_letter=f"I urge you to release {person} immediately and unconditionally.",
        text=f"fictional {ua_number} {kind.value} {title}",
    )


def store_documents(paths: AppPaths, *documents: ParsedDocument) -> None:
    from app.services.importing import save_parsed

    db = open_store(paths)
    try:
        for number, document in enumerate(documents):
            save_parsed(db, document, f"fictional-{number}.txt")
    finally:
        db.close()


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
    from app.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(app_paths, load_settings(app_paths))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
