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
    monkeypatch.setattr(file_dialogs, "last_folders", file_dialogs.LastFolders())
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
    monkeypatch.setattr(file_dialogs, "last_folders", file_dialogs.LastFolders())
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


def test_a_new_window_on_the_same_data_folder_proposes_the_folders_used_last(
    make_window, app_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import load_settings

    monkeypatch.setattr(file_dialogs, "last_folders", file_dialogs.LastFolders())
    downloads, letters = tmp_path / "Downloads", tmp_path / "Letters 2026"
    downloads.mkdir()
    letters.mkdir()
    offered: list[str] = []

    def pick_to_import(
        parent: object, title: str, start: str, filters: str
    ) -> tuple[list[str], str]:
        offered.append(start)
        return [str(downloads / "ua.pdf")], filters

    def pick_to_save(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(letters / "UA 12-26.pdf"), filters

    first = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick_to_import)
    assert first.imports.ask_for_files() == [downloads / "ua.pdf"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick_to_save)
    ask_save_path(first, "Save the letter", "UA 12-26.pdf", ".pdf", "PDF files (*.pdf)")
    first.close()
    settings_before = load_settings(app_paths)

    # the app is started again: nothing is remembered but what the settings kept
    monkeypatch.setattr(file_dialogs, "last_folders", file_dialogs.LastFolders())
    offered.clear()
    again = make_window()
    again.imports.ask_for_files()
    ask_save_path(again, "Save the letter", "UA 34-26.pdf", ".pdf", "PDF files (*.pdf)")
    assert offered == [str(downloads), str(letters / "UA 34-26.pdf")]
    assert load_settings(app_paths).sender == settings_before.sender  # nothing else changed


def test_saving_settings_keeps_a_folder_chosen_while_they_were_open(
    make_window, app_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import last_folder, load_settings

    monkeypatch.setattr(file_dialogs, "last_folders", file_dialogs.LastFolders())
    reports = tmp_path / "Reports"
    reports.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(reports / "report.csv"), "")
    )
    window = make_window()
    window.case_actions.open_settings()
    dialog = window.case_actions.settings_dialog
    ask_save_path(window, "Save the report", "report.csv", ".csv", "CSV files (*.csv)")
    dialog.name_edit.setText("Jo Writer")
    dialog.accept()
    saved = load_settings(app_paths)
    assert saved.sender.name == "Jo Writer"
    assert last_folder(saved, "csv") == reports
