"""File dialogs open where the user keeps such files: the folder last used for that kind of
file, else Documents (never the folder the app was started from); printing to a file with
no printer installed suggests a file named after the letter, not a bare folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.ui import file_dialogs
from app.ui.file_dialogs import ask_save_path, documents_folder
from app.ui.print_preview import offer_print_to_file


def test_a_save_dialog_starts_in_documents_then_in_the_last_folder_used(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_dialogs, "_last_folders", {})
    monkeypatch.chdir(tmp_path)  # the folder the app was started from
    offered: list[str] = []
    chosen = tmp_path / "letters" / "mine"
    chosen.mkdir(parents=True)

    def the_user_picks(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(chosen / "UA 12-26 letter"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", the_user_picks)
    first = ask_save_path(None, "Save the letter", "UA 12-26.pdf", ".pdf", "PDF files (*.pdf)")
    assert offered[0] == str(documents_folder() / "UA 12-26.pdf")
    assert Path(offered[0]).parent != tmp_path
    assert first == chosen / "UA 12-26 letter.pdf"
    ask_save_path(None, "Save the letter", "UA 34-26.pdf", ".pdf", "PDF files (*.pdf)")
    assert offered[1] == str(chosen / "UA 34-26.pdf")  # beside the last PDF
    ask_save_path(None, "Save the report", "report.csv", ".csv", "CSV files (*.csv)")
    assert offered[2] == str(documents_folder() / "report.csv")  # another kind of file


def test_print_to_file_suggests_the_letters_name_in_a_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_dialogs, "_last_folders", {})
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("UA 12/26 Minister of Justice")
    offer_print_to_file(printer)
    expected = documents_folder() / "UA 12_26 Minister of Justice.pdf"
    assert printer.outputFileName() == str(expected)
    dialog = QPrintDialog(printer)
    qtbot.add_widget(dialog)
    dialog.show()
    shown = [edit.text() for edit in dialog.findChildren(QLineEdit) if edit.text()]
    assert str(expected) in shown, shown  # what the dialog's file field says
    dialog.grab().save("/tmp/polish/print-dialog.png")
