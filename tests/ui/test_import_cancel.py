"""Cancelling an import from its progress dialog: saved files stay, the rest are skipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from app.services.cases import list_cases
from app.ui.import_controller import ImportController
from tests.conftest import FIXTURES, SEED_FINAL
from tests.durability.pathological_pdfs import single_slow_stream

SECOND_UA = FIXTURES / "ua-samples" / "108_cambodia_fishers_detained_2014.txt"


def _progress_dialog(window) -> QProgressDialog | None:  # type: ignore[no-untyped-def]
    for dialog in window.findChildren(QProgressDialog):
        if dialog.isVisible():
            return dialog
    return None


def test_cancel_while_a_pdf_is_read_keeps_what_was_saved_and_skips_the_rest(
    make_window, monkeypatch, qtbot, messages, open_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")  # seconds inside one pypdf call
    chosen = [SEED_FINAL, slow, SECOND_UA]
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: chosen)
    window = make_window()

    window.menu_actions.import_files.trigger()

    def reading_the_pdf() -> None:
        dialog = _progress_dialog(window)
        assert dialog is not None and "slow-stream.pdf" in dialog.labelText()

    qtbot.waitUntil(reading_the_pdf, timeout=30_000)
    dialog = _progress_dialog(window)
    assert dialog is not None
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as finished:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    outcomes = [(Path(r.source).name, r.outcome.value) for r in finished.args[0]]
    assert outcomes == [
        (SEED_FINAL.name, "imported"),
        ("slow-stream.pdf", "skipped"),
        (SECOND_UA.name, "skipped"),
    ]
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("info", "Import cancelled")
    assert "1 document imported." in text
    assert "The import was cancelled: 2 files were skipped and not imported." in text
    assert "108_cambodia_fishers_detained_2014.txt: skipped (import cancelled)" in text
    assert [c.ua_number for c in list_cases(open_db, include_closed=True)] == ["119/21"]
    assert not window.imports.running
    assert _progress_dialog(window) is None


def test_after_a_cancel_the_next_import_reads_files_again(
    make_window, monkeypatch, qtbot, messages, open_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")
    chosen: list[Path] = [slow, SEED_FINAL]
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: list(chosen))
    window = make_window()
    window.menu_actions.import_files.trigger()
    qtbot.waitUntil(lambda: _progress_dialog(window) is not None, timeout=30_000)
    with qtbot.waitSignal(window.imports.finished, timeout=30_000):
        window.imports.cancel()
    assert list_cases(open_db, include_closed=True) == []

    chosen[:] = [SECOND_UA]
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as finished:
        window.menu_actions.import_files.trigger()
    assert [r.outcome.value for r in finished.args[0]] == ["imported"]
    assert len(list_cases(open_db, include_closed=True)) == 1


def test_escape_on_the_progress_dialog_cancels(
    make_window, monkeypatch, qtbot, messages, open_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: [slow, SECOND_UA])
    window = make_window()
    window.menu_actions.import_files.trigger()
    qtbot.waitUntil(lambda: _progress_dialog(window) is not None, timeout=30_000)
    dialog = _progress_dialog(window)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert [r.outcome.value for r in finished.args[0]] == ["skipped", "skipped"]
    assert list_cases(open_db, include_closed=True) == []


def test_a_long_paste_is_read_apart_and_can_be_cancelled(
    make_window, qtbot, messages, open_db
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("A\n" * 999_990)  # seconds in the recognisers
    window = make_window()
    window.imports.import_clipboard()
    qtbot.waitUntil(lambda: _progress_dialog(window) is not None, timeout=30_000)
    dialog = _progress_dialog(window)
    assert dialog is not None
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as finished:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert [r.outcome.value for r in finished.args[0]] == ["skipped"]
    [(kind, title, _text)] = messages.shown
    assert (kind, title) == ("info", "Import cancelled")
    assert list_cases(open_db, include_closed=True) == []

    QGuiApplication.clipboard().setText(SEED_FINAL.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as finished:
        window.imports.import_clipboard()
    assert [r.outcome.value for r in finished.args[0]] == ["imported"]
    assert [c.ua_number for c in list_cases(open_db, include_closed=True)] == ["119/21"]
