"""Printing says what it did under the letter ("Saved ...", "Sent to the printer ..."), and a
printer or file that fails is said in a message, not passed over in silence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.paths import AppPaths
from app.ui import print_preview
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter


def printing_to(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    """The print dialog answered "Print" with the file ``pdf`` as the printer."""

    def to_pdf(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", to_pdf)


def open_preview(make_window, app_paths: AppPaths, qtbot):  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26", official="Rui Costa"))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    dialog.buttons.print.click()
    qtbot.waitUntil(lambda: getattr(dialog, "print_preview", None) is not None, timeout=5000)
    return dialog, dialog.print_preview


def test_the_letter_says_where_it_was_printed(
    make_window, app_paths, qtbot, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "printed.pdf"
    printing_to(monkeypatch, pdf)
    dialog, preview = open_preview(make_window, app_paths, qtbot)
    preview.print_button.click()
    assert pdf.stat().st_size > 0
    assert dialog.status_label.text() == f"Saved {pdf}."
    assert messages.shown == []
    dialog.mark_recorded()


def test_a_failed_print_is_said_and_the_preview_stays(
    make_window, app_paths, qtbot, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    nowhere = tmp_path / "no such folder" / "printed.pdf"
    printing_to(monkeypatch, nowhere)
    dialog, preview = open_preview(make_window, app_paths, qtbot)
    preview.print_button.click()
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("error", "Nothing was printed")
    assert text.startswith(f"The file {nowhere} could not be written.")
    assert preview.isVisible()  # the user can choose another printer and print again
    assert "Saved" not in dialog.status_label.text()
    preview.close()
    dialog.mark_recorded()


def test_a_printer_is_named_in_what_printing_did(qapp) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    if not printer.printerName():
        assert print_preview.print_outcome(printer) == "Sent to the printer."
    else:  # a machine with a printer installed
        said = print_preview.print_outcome(printer)
        assert said == f"Sent to the printer {printer.printerName()}."


def test_a_printer_that_fails_is_named_only_when_it_has_a_name(qapp) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrinterName("")
    said = print_preview.print_failure_text(printer)
    assert said.startswith("The printer could not take the pages.") and "  " not in said
