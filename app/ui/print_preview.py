"""A print preview the keyboard can drive: every button takes the focus, Ctrl+P prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.accessibility import announce

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from app.domain.output_options import PageSize


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system's print dialog (printer, copies, pages); tests replace this function."""
    from app.ui.file_dialogs import remember_folder

    offer_print_to_file(printer)
    dialog = QPrintDialog(printer, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if accepted and printer.outputFileName():
        remember_folder("pdf", Path(printer.outputFileName()))
    return accepted


def offer_print_to_file(printer: QPrinter) -> None:
    """With no printer installed the dialog can only print to a file: name that file after
    the document, in the folder of the last PDF (else Documents), not a bare folder."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from app.output.export_names import safe_file_stem
    from app.ui.file_dialogs import start_folder

    if printer.outputFileName() or QPrinterInfo.availablePrinters():
        return
    stem = safe_file_stem(printer.docName()) or "letter"
    printer.setOutputFileName(str(start_folder("pdf") / f"{stem}.pdf"))


class PrintPreview(QDialog):
    """The pages as they will print, with Print..., zoom, page keys and Close as real buttons.

    Qt's own preview dialog keeps its Print button in a tool bar that the focus never reaches
    and has no print key, so a keyboard user could look at a letter but never print it."""

    printed = Signal()  # the pages went to the printer
    # what the preview paints from but does not own (a printer, a document): kept alive with it
    print_parts: tuple[object, ...] = ()

    def __init__(
        self,
        printer: QPrinter,
        paint: Callable[[QPrinter], None],
        title: str,
        parent: QWidget | None = None,
        *,
        send: Callable[[PrintPreview], str | None] | None = None,
    ) -> None:
        """``send`` replaces the system's print dialog (a kiosk prints without one): it sends
        the pages on and returns what happened in words, or None when nothing was sent."""
        super().__init__(parent)
        self.printer = printer
        self._send = send
        self.outcome = ""  # what printing did, in words, once it is done
        self.setWindowTitle(title)
        self.view = QPrintPreviewWidget(printer, self)
        self.view.paintRequested.connect(paint)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.page_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setDefault(True)
        self.zoom_in_button = QPushButton()
        self.zoom_out_button = QPushButton()
        self.fit_button = QPushButton()
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.close_button = QPushButton()
        for button in (
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
            self.previous_button,
            self.next_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_pages)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoomIn())
        self.zoom_out_button.clicked.connect(lambda: self.view.zoomOut())
        self.fit_button.clicked.connect(self.view.fitInView)
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.close_button.clicked.connect(self.reject)
        self.view.previewChanged.connect(self._show_page)
        self.print_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_key.activated.connect(self.print_button.animateClick)
        row = QHBoxLayout()
        for button in (self.print_button, self.zoom_in_button, self.zoom_out_button):
            row.addWidget(button)
        row.addWidget(self.fit_button)
        row.addStretch(1)
        page_row: tuple[QWidget, ...] = (self.previous_button, self.page_label, self.next_button)
        for widget in page_row:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.print_button, self.zoom_in_button)
        self.resize(820, 900)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        keys = QKeySequence(QKeySequence.StandardKey.Print).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        for button, text, tip in (
            (
                self.print_button,
                _("&Print…") if self._send is None else _("&Print"),
                _("Print the pages ({keys})").format(keys=keys),
            ),
            (self.zoom_in_button, _("Zoom &in"), ""),
            (self.zoom_out_button, _("Zoom &out"), ""),
            (self.fit_button, _("&Fit to window"), ""),
            (self.previous_button, _("Pre&vious page"), ""),
            (self.next_button, _("&Next page"), ""),
            (self.close_button, _("Close"), ""),
        ):
            button.setText(text)
            button.setToolTip(tip)
        self.view.setAccessibleName(_("Print preview"))
        self._show_page()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _turn(self, step: int) -> None:
        page = min(max(1, self.view.currentPage() + step), max(1, self.view.pageCount()))
        self.view.setCurrentPage(page)
        self._show_page()

    def _show_page(self) -> None:
        count = max(1, self.view.pageCount())
        current = min(max(1, self.view.currentPage()), count)
        self.page_label.setText(_("Page {page} of {count}").format(page=current, count=count))
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(current < count)

    def print_pages(self) -> bool:
        """Ask for the printer, print, say so and close; True when the pages were sent."""
        if self._send is not None:
            outcome = self._send(self)
            if outcome is None:
                return False
        else:
            if not ask_printer(self, self.printer):
                return False
            self.view.print_()
            if self.printer.printerState() in (
                QPrinter.PrinterState.Error,
                QPrinter.PrinterState.Aborted,
            ):
                from app.ui.messages import Messages

                Messages.error(self, _("Nothing was printed"), print_failure_text(self.printer))
                return False
            outcome = print_outcome(self.printer)
        self.outcome = outcome
        announce(self.parentWidget() or self, outcome)
        self.printed.emit()
        self.accept()
        return True


def print_outcome(printer: QPrinter) -> str:
    """What printing did, in words: the printer's name, or the file printed to."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return _("Saved {file}.").format(file=printer.outputFileName())
    if printer.printerName():
        return _("Sent to the printer {printer}.").format(printer=printer.printerName())
    return _("Sent to the printer.")


def print_failure_text(printer: QPrinter) -> str:
    """Why nothing came out, and what to do."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return _(
            "The file {file} could not be written. Choose another folder in the print "
            "dialog, then print again."
        ).format(file=printer.outputFileName())
    if not printer.printerName():
        return _(
            "The printer could not take the pages. Check that it is switched on, connected "
            "and has paper, then print again."
        )
    return _(
        "The printer {printer} could not take the pages. Check that it is switched on, "
        "connected and has paper, then print again."
    ).format(printer=printer.printerName())


def letter_preview(
    doc: QTextDocument,
    page_size: PageSize,
    doc_name: str,
    title: str,
    parent: QWidget | None = None,
    *,
    printer_name: str = "",
    send: Callable[[PrintPreview], str | None] | None = None,
) -> PrintPreview:
    """A laid-out letter's pages on a high-resolution printer set to its sheet with no margins
    (``printer_name``, else the system's default), as the PDF writer puts them."""
    from app.output.paper import paint_document_pages, prepare_paged_device

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    prepare_paged_device(printer, page_size)
    printer.setDocName(doc_name)

    def paint(device: QPrinter) -> None:
        painter = QPainter(device)
        paint_document_pages(doc, painter, device, new_page_first=False)
        painter.end()

    preview = PrintPreview(printer, paint, title, parent, send=send)
    preview.print_parts = (printer, doc, paint)
    return preview
