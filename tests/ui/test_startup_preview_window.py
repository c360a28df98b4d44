"""At start-up the window paints the first open cases with the true counts, then the rest."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject

from app.domain.model import CaseStatus, CaseSummary, Channel
from app.paths import resolve_paths
from app.services.appeals import record_appeal
from app.services.cases import peek_cases
from app.settings import load_settings
from app.ui import early_list
from app.ui.app_context import AppContext
from app.ui.application import apply_language, create_application
from app.ui.early_list import EarlyCaseList
from app.ui.main_window import MainWindow


@pytest.fixture
def data(store_dir: Path, tmp_path: Path) -> Path:  # noqa: F811
    """A private copy (the window opens, and may back up, its store) with some cases closed."""
    copy = tmp_path / "data"
    copy.mkdir()
    source, target = resolve_paths(store_dir).database, resolve_paths(copy).database
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE cases SET status = 'closed' WHERE id % 6 = 0")
    return copy


def _window(qtbot, paths, early: EarlyCaseList | None) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application()
    apply_language("en")
    window = MainWindow(AppContext(paths, load_settings(paths)), early_list=early)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_preview_comes_first_and_the_whole_list_replaces_it(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(early_list, "PREVIEW_SIZE", 5)
    paths = resolve_paths(data)
    every = peek_cases(paths)
    assert every is not None
    open_total = sum(1 for case in every if case.status == CaseStatus.OPEN)
    closed_total = len(every) - open_total
    assert open_total > 10 and closed_total > 0
    counts = f"{open_total} open cases \u00b7 {closed_total} closed"

    window = _window(qtbot, paths, EarlyCaseList.start(paths, None))
    window.start()  # the preview is on screen before the event loop runs again
    shown = window.proxy.rowCount()
    assert 5 <= shown < open_total
    assert window.count_label.text() == counts  # not the preview's own few rows
    first = window.case_list.current_case()
    assert first is not None
    assert window.detail.placeholder.text() == "Opening your cases…"  # not "Select a case"

    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        pass
    assert window.proxy.rowCount() == open_total
    assert window.model.rowCount() == len(every)
    assert window.count_label.text() == counts
    still = window.case_list.current_case()
    assert still is not None and still.case_id == first.case_id
    assert window.detail.case is not None and window.detail.case.case_id == first.case_id


def test_a_small_store_is_painted_whole_at_once_and_not_read_again(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(early_list, "PREVIEW_SIZE", 20)  # the store's 60 cases: at most 4 x 20
    paths = resolve_paths(data)
    every = peek_cases(paths)
    assert every is not None
    open_total = sum(1 for case in every if case.status == CaseStatus.OPEN)
    counts = f"{open_total} open cases \u00b7 {len(every) - open_total} closed"

    window = _window(qtbot, paths, EarlyCaseList.start(paths, None))
    window.start()  # every case is on screen before the event loop runs again
    assert not window.showing_preview()
    assert window.proxy.rowCount() == open_total
    assert list(window.model.cases()) == every
    assert window.count_label.text() == counts
    first = window.case_list.current_case()
    assert first is not None
    assert window.detail.placeholder.text() == "Opening your cases…"

    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        pass
    assert resets == []  # the list was not filled a second time
    assert list(window.model.cases()) == every
    assert window.detail.case is not None and window.detail.case.case_id == first.case_id


def test_with_closed_cases_shown_the_window_waits_for_the_whole_list(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(early_list, "PREVIEW_SIZE", 5)
    paths = resolve_paths(data)
    window = _window(qtbot, paths, EarlyCaseList.start(paths, None))
    window.case_list.show_closed_box.setChecked(True)  # as a saved window state restores it
    window.start()
    assert window.proxy.rowCount() == 0  # no preview: it holds open cases only
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        pass
    every = peek_cases(paths)
    assert every is not None and window.proxy.rowCount() == len(every)


class HeldList(EarlyCaseList):
    """The start-up read of the whole list, done at once but handed over only when the test
    lets it go (as when reading 10,000 cases takes longer than opening the store)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.released = threading.Event()

    def result(self) -> list[CaseSummary] | None:
        cases = super().result()
        assert self.released.wait(30)
        return cases


def _opened_while_listing(  # type: ignore[no-untyped-def]
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, HeldList]:
    """A window showing a preview of five cases whose store is open while the whole list is
    held back until the test sets ``released``."""
    monkeypatch.setattr(early_list, "PREVIEW_SIZE", 5)
    paths = resolve_paths(data)
    early = HeldList.start(paths, None)
    window = _window(qtbot, paths, early)
    with qtbot.waitSignal(window.context.store_opened, timeout=30_000):
        window.start()
    return window, early


def test_the_selected_case_shows_while_the_whole_list_is_read_and_a_change_meanwhile_stays(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, early = _opened_while_listing(qtbot, data, monkeypatch)
    assert window.showing_preview()  # the whole list is not in yet
    first = window.case_list.current_case()
    assert first is not None
    assert window.detail.case is not None and window.detail.case.case_id == first.case_id

    # An appeal recorded now: the whole list, read before it, must not undo it in the list
    record_appeal(window.context.db, first.ua_number, target_index=1, channel=Channel.POST)
    window.context.case_changed.emit(first.case_id)
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        early.released.set()
    assert not window.showing_preview()
    shown = next(case for case in window.model.cases() if case.case_id == first.case_id)
    assert shown.appeals_sent == first.appeals_sent + 1
    assert window.case_list.current_case() is not None
    assert window.case_list.current_case().case_id == first.case_id  # type: ignore[union-attr]


def test_the_whole_list_replacing_the_preview_keeps_the_details_of_the_same_case(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, early = _opened_while_listing(qtbot, data, monkeypatch)
    shown = window.detail.case  # read through the store when it opened
    assert shown is not None
    changes: list[object] = []
    window.case_list.current_case_changed.connect(changes.append)
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        early.released.set()
    assert not window.showing_preview()
    current = window.case_list.current_case()
    assert current is not None and current.case_id == shown.case_id
    assert changes == []  # the same case stayed selected: nothing to show again
    assert window.detail.case is shown  # not read and drawn a second time
    assert window.detail.currentIndex() == 1  # the details, never the placeholder


class PaintLog(QObject):
    """Notes each paint of the case table, with the number of rows the table then holds."""

    def __init__(self, window: MainWindow, log: list[object]) -> None:
        super().__init__(window)
        self._window = window
        self._log = log
        window.case_list.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self._log.append(("painted", self._window.model.rowCount()))
        return False


def test_with_the_store_open_first_the_window_is_ready_once_the_whole_list_is_painted(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every = peek_cases(resolve_paths(data))
    assert every is not None
    window, early = _opened_while_listing(qtbot, data, monkeypatch)
    log: list[object] = []
    PaintLog(window, log)
    window.cases_loaded.connect(lambda: log.append("ready"))
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        early.released.set()
    # what readiness sets off (the store's engine, reminders) waits for the whole list's paint
    assert ("painted", len(every)) in log
    assert log.index(("painted", len(every))) < log.index("ready")


def test_a_window_not_on_screen_is_ready_without_a_paint(
    qtbot,  # type: ignore[no-untyped-def]
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, early = _opened_while_listing(qtbot, data, monkeypatch)
    window.hide()
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        early.released.set()
    assert not window.showing_preview()
    current = window.case_list.current_case()
    assert current is not None and window.detail.case is not None
    assert window.detail.case.case_id == current.case_id
