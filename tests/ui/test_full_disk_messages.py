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
