"""Printing from event mode at a shared laptop: to the printer the organiser set up, or as a PDF
in a fixed folder when there is none. A participant never sees the system's print dialog,
whose "print to file" browser would let anyone walk out of the kiosk into the file system."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.model import CaseDetail, Letter, SenderProfile, Target
from app.i18n import _, ngettext
from app.ui.errors import report_failure
from app.ui.print_preview import PrintPreview, letter_preview

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions


@dataclass
class KioskPrinting:
    """Where event letters go: ``printer`` (a system printer's name) or, without one, ``folder``."""

    folder: Path
    printer: str = ""

    @classmethod
    def with_default_printer(cls, folder: Path) -> KioskPrinting:
        """The system's default printer, if one is installed."""
        return cls(folder, QPrinterInfo.defaultPrinterName())

    def uses_printer(self) -> bool:
        return bool(self.printer) and self.printer in QPrinterInfo.availablePrinterNames()

    def destination(self) -> str:
        """Where a letter goes, in words for the organiser."""
        if self.uses_printer():
            return _("Letters print on {printer}.").format(printer=self.printer)
        return _("No printer is set up: letters are saved as PDF files in {folder}.").format(
            folder=str(self.folder)
        )

    def letters_waiting(self) -> str:
        """What the organiser is told when event mode ends and letters were saved in the
        folder: how many wait there to be printed, and that they carry the participants'
        names (nothing else of event mode keeps a name)."""
        from app.services.event_mode import letters_waiting

        count = letters_waiting(self.folder)
        if not count:
            return ""
        return ngettext(
            "%(n)d letter written in event mode waits to be printed in %(folder)s. It carries "
            "the participant's name: delete it once it is printed.",
            "%(n)d letters written in event mode wait to be printed in %(folder)s. They carry "
            "the participants' names: delete them once they are printed.",
            count,
        ) % {"n": count, "folder": str(self.folder)}

    def next_pdf(self, case: CaseDetail) -> Path:
        """A new file in the folder for one letter of ``case`` (never an earlier one's name)."""
        from app.output.export_names import export_path

        self.folder.mkdir(parents=True, exist_ok=True)
        number = 1 + sum(1 for _path in self.folder.glob("*.pdf"))
        while True:
            path = export_path(
                self.folder, f"{number:04d} UA {case.ua_number.replace('/', '-')}", "pdf"
            )
            if not path.exists():
                return path
            number += 1


def choose_printer(parent: QWidget, kiosk: KioskPrinting) -> bool:
    """The organiser picks the printer (behind the PIN); printing to a file is not offered."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if kiosk.printer:
        printer.setPrinterName(kiosk.printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    if dialog.exec() != QDialog.DialogCode.Accepted or not printer.printerName():
        return False
    kiosk.printer = printer.printerName()
    return True


def save_letter_in_folder(
    kiosk: KioskPrinting,
    letter: Letter,
    case: CaseDetail,
    target: Target,
    sender: SenderProfile,
    options: OutputOptions,
) -> Path:
    """Write the letter as a new PDF in the kiosk folder (atomically); return its path."""
    from app.services.outputs import save_event_letter_pdf

    path = kiosk.next_pdf(case)
    save_event_letter_pdf(letter, path, case=case, target=target, sender=sender, options=options)
    return path


def kiosk_preview(
    parent: QWidget,
    kiosk: KioskPrinting,
    letter: Letter,
    case: CaseDetail,
    target: Target,
    sender: SenderProfile,
    options: OutputOptions,
) -> PrintPreview:
    """The letter as it will print; its Print button sends it to the kiosk's printer or folder
    (``outcome`` then says where), never through the system's print dialog. The signer's
    name heads the page (never a stray line above the subject), the official's address sits
    in the window, as the letter editor prints it."""
    from app.services.outputs import event_letter_for_print

    doc = event_letter_for_print(letter, case=case, target=target, sender=sender, options=options)

    def send(preview: PrintPreview) -> str | None:
        if kiosk.uses_printer():
            preview.view.print_()
            return _("Sent to the printer {printer}.").format(printer=kiosk.printer)
        try:
            path = save_letter_in_folder(kiosk, letter, case, target, sender, options)
        except Exception as error:  # a full disk: say so, the participant's letter stays
            report_failure(preview, _("The letter was not saved"), error)
            return None
        return _("Saved for the organiser to print: {file}.").format(file=path.name)

    return letter_preview(
        doc,
        options.page_size,
        letter.subject or target.label,
        _("Print my letter"),
        parent,
        printer_name=kiosk.printer if kiosk.uses_printer() else "",
        send=send,
    )


def print_letter(
    parent: QWidget,
    kiosk: KioskPrinting,
    letter: Letter,
    case: CaseDetail,
    target: Target,
    sender: SenderProfile,
    options: OutputOptions,
) -> str | None:
    """Show the kiosk preview until it closes: what printing did, or None when the participant
    closed it without printing (tests replace this function)."""
    preview = kiosk_preview(parent, kiosk, letter, case, target, sender, options)
    preview.setWindowModality(Qt.WindowModality.ApplicationModal)
    if preview.exec() != QDialog.DialogCode.Accepted or not preview.outcome:
        return None
    return preview.outcome
