"""A letter saved onto a full disk: the window says so in a message box and keeps the old file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.ui.dialogs import letter_output
from tests.builders import fictional_document, store_documents
from tests.durability.mounts import fill_up, small_tmpfs
from tests.ui.conftest import wait_for_letter

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX filesystem")


def test_save_as_pdf_onto_a_full_disk_shows_a_message_and_keeps_the_previous_file(
    make_window,
    app_paths,
    messages,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    store_documents(app_paths, fictional_document("12/26", official="Rui Costa"))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    with small_tmpfs(tmp_path / "usb", "4m") as folder:
        if folder is None:
            pytest.skip("mounting a small tmpfs needs root")
        target = folder / "letter.pdf"
        monkeypatch.setattr(letter_output, "ask_pdf_path", lambda _dialog: target)
        dialog.buttons.pdf.click()
        previous = target.read_bytes()
        assert not messages.texts("error")

        fill_up(folder)
        dialog.status_label.clear()
        dialog.letter_edit.appendPlainText("A sentence that makes the new file longer.")
        dialog.buttons.pdf.click()

        [text] = messages.texts("error")
        assert messages.shown[-1][1] == "The letter could not be saved as PDF"
        assert "the disk is full" in text or "incomplete" in text
        assert "previous file was kept" in text
        assert target.read_bytes() == previous
        assert "Saved" not in dialog.status_label.text()


def test_an_appeal_marked_sent_once_the_disk_filled_up_names_the_data_folder(
    gui_app,
    messages,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The disk fills up while the window is open: recording an appeal says which folder's
    disk is full and what to do, and nothing is recorded."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.paths import resolve_paths
    from app.services.appeals import list_appeals
    from app.services.database import open_store
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    with small_tmpfs(tmp_path / "usb", "4m") as folder:
        if folder is None:
            pytest.skip("mounting a small tmpfs needs root")
        paths = resolve_paths(folder / "data")
        store_documents(paths, fictional_document("12/26"))
        window = MainWindow(AppContext(paths, load_settings(paths)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()
        fill_up(folder)
        window.menu_actions.mark_sent.trigger()
        dialog = window.case_actions.mark_sent_dialog
        assert dialog is not None and dialog.isVisible()
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(messages.texts("error")), timeout=10_000)
        [(kind, title, text)] = messages.shown
        assert (kind, title) == ("error", "The appeal was not recorded")
        assert f"The disk that holds your data folder ({paths.data_dir}) is full." in text
        assert "Free some space on that disk" in text and "nothing was lost" in text
        assert "Appeal for UA 12/26 recorded" not in window.statusBar().currentMessage()
        window.close()
        for filler in folder.glob("filler*"):
            filler.unlink()
        db = open_store(paths)
        try:
            assert list_appeals(db) == []
        finally:
            db.close()
