"""Event mode's files: the letters saved for want of a printer that wait to be printed."""

from __future__ import annotations

from pathlib import Path

from app.services.event_mode import letters_waiting


def test_the_letters_waiting_are_the_pdf_files_in_the_event_folder(tmp_path: Path) -> None:
    folder = tmp_path / "event letters" / "Write for Rights"
    assert letters_waiting(folder) == 0  # no letter saved yet: the folder is not there
    folder.mkdir(parents=True)
    for name in ("0001 UA 12-26.pdf", "0002 UA 34-26.PDF", "0003 UA 12-26.pdf"):
        (folder / name).write_bytes(b"%PDF-1.4\n")
    (folder / "notes.txt").write_text("not a letter\n", encoding="utf-8")
    (folder / "old.pdf").mkdir()  # a folder named like a letter holds none

    assert letters_waiting(folder) == 3


def test_an_unreadable_event_folder_counts_no_letter(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "event letters"
    not_a_folder.write_text("a file where the folder should be\n", encoding="utf-8")
    assert letters_waiting(not_a_folder) == 0
