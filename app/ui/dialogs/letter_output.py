"""Send the edited letter on: print with preview, save as PDF, open it in the mail client."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog

from app.domain.model import Letter, Target
from app.i18n import _

if TYPE_CHECKING:
    from app.ui.dialogs.letter_dialog import LetterDialog


def paper_available() -> bool:
    return importlib.util.find_spec("app.output.paper") is not None


def mail_available() -> bool:
    return importlib.util.find_spec("app.output.mail") is not None


def page_size(dialog: LetterDialog) -> str:
    """The user's choice, else the paper of the system locale's region (PDF-3)."""
    if dialog.settings.page_size:
        return dialog.settings.page_size
    from app.output.letter_layout import default_page_size

    parts = QLocale.system().name().split("_")
    return default_page_size(parts[-1] if len(parts) > 1 else None)


def _edited_letter(dialog: LetterDialog) -> tuple[Letter, Target]:
    draft = dialog.draft()
    base = dialog.letter or Letter(text="", locale=draft.locale, template_name="letter.txt.j2")
    letter = replace(base, text=draft.text)
    return letter, dialog.case.targets[draft.target_index - 1]


def _emphasis(dialog: LetterDialog) -> tuple[str, ...]:
    return tuple(person.name for person in dialog.case.persons)


def suggested_pdf_name(dialog: LetterDialog) -> str:
    from app.output.atomic import safe_file_stem

    return safe_file_stem(f"UA {dialog.case.ua_number} letter {dialog.target_index()}") + ".pdf"


def ask_pdf_path(dialog: LetterDialog) -> Path | None:
    """The save dialog (tests monkeypatch this function)."""
    name, _filter = QFileDialog.getSaveFileName(
        dialog, _("Save the letter as PDF"), suggested_pdf_name(dialog), _("PDF files (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def save_pdf(dialog: LetterDialog) -> str | None:
    from app.output.paper import write_letter_pdf

    path = ask_pdf_path(dialog)
    if path is None:
        return None
    letter, target = _edited_letter(dialog)
    write_letter_pdf(
        letter,
        path,
        sender=dialog.settings.sender,
        target=target,
        page_size=page_size(dialog),
        emphasis=_emphasis(dialog),
    )
    return _("Saved {file}.").format(file=str(path))


def print_letter(dialog: LetterDialog) -> str | None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.output.paper import fitted_letter_document, paint_document_pages, prepare_paged_device

    letter, target = _edited_letter(dialog)
    size = page_size(dialog)
    doc = fitted_letter_document(
        letter,
        sender=dialog.settings.sender,
        target=target,
        page_size=size,
        emphasis=_emphasis(dialog),
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_paged_device(printer, size)
    printer.setDocName(letter.subject or target.label)

    def paint(device: QPrinter) -> None:
        from PySide6.QtGui import QPainter

        painter = QPainter(device)
        paint_document_pages(doc, painter, device, new_page_first=False)
        painter.end()

    preview = QPrintPreviewDialog(printer, dialog)
    preview.setWindowTitle(_("Print the letter"))
    preview.paintRequested.connect(paint)
    preview.exec()
    return None


def email_letter(dialog: LetterDialog) -> str | None:
    """Open the mail client; a body too long for a mailto link goes to the clipboard (MAIL-1)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from app.output.mail import plan_email

    letter, target = _edited_letter(dialog)
    if not target.email:
        return _(
            "This official has no email address in the document. Print the letter or choose another official."
        )
    plan = plan_email([target.email], [], letter.subject, letter.text)
    if plan.body_on_clipboard or plan.url is None:
        dialog.copy_to_clipboard()
    if plan.url is None or not open_url(QDesktopServices, QUrl(plan.url)):
        return _(
            "No mail program could be opened. The letter is on the clipboard; write to {email}."
        ).format(email=target.email)
    if plan.body_on_clipboard:
        return _(
            "The letter is too long for an email link. It is on the clipboard: paste it into the message."
        )
    return _("Your mail program has the letter. Send it from there, then mark it as sent.")


def open_url(services: type, url: object) -> bool:
    """``QDesktopServices.openUrl`` (tests monkeypatch this function: no mail client opens)."""
    return bool(services.openUrl(url))  # type: ignore[attr-defined]
