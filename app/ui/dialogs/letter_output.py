"""Send the edited letter on: print with preview, save as PDF, open it in the mail client.

Each action takes the letter editor as a ``LetterOnScreen``: the few things it reads there (the
case, the settings, the edited draft, the boxes as the user left them), and nothing else.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt

from app.domain.model import Letter, Target
from app.domain.output_options import OutputOptions
from app.i18n import _
from app.services import outputs
from app.ui import file_dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

    from app.domain.model import CaseDetail, SenderProfile
    from app.settings import Settings


class DraftOnScreen(Protocol):
    """The letter as the editor holds it right now."""

    @property
    def text(self) -> str: ...

    @property
    def target_index(self) -> int: ...

    @property
    def locale(self) -> str: ...


class LetterOnScreen(Protocol):
    """What the output actions read in the letter editor."""

    print_preview: QDialog | None  # the open print preview, kept while it is shown

    @property
    def case(self) -> CaseDetail: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def letter(self) -> Letter | None: ...

    @property
    def large_print_box(self) -> QCheckBox: ...

    @property
    def safety_box(self) -> QCheckBox: ...

    def draft(self) -> DraftOnScreen: ...

    def written_to(self) -> int: ...

    def signed_by(self) -> SenderProfile: ...

    def copy_to_clipboard(self) -> None: ...

    def say_done(self, outcome: str) -> None: ...

    def window(self) -> QWidget: ...


def paper_available() -> bool:
    return importlib.util.find_spec("app.output.paper") is not None


def mail_available() -> bool:
    return importlib.util.find_spec("app.output.mail") is not None


def output_options(dialog: LetterOnScreen) -> OutputOptions:
    """The settings' paper, the large-print and writer-safety boxes as the user left them."""
    return outputs.output_options(
        dialog.settings,
        large_print=dialog.large_print_box.isChecked(),
        writer_safety=dialog.safety_box.isChecked(),
    )


def _edited_letter(dialog: LetterOnScreen) -> tuple[Letter, Target]:
    draft = dialog.draft()
    base = dialog.letter or Letter(text="", locale=draft.locale, template_name="letter.txt.j2")
    letter = replace(base, text=draft.text)
    return letter, dialog.case.targets[draft.target_index - 1]


def _on_paper(dialog: LetterOnScreen, letter: Letter) -> outputs.LetterOnPaper:
    """The letter as the editor shows it, to the chosen official, with the boxes as left."""
    return outputs.LetterOnPaper(
        letter, dialog.case, dialog.written_to(), dialog.signed_by(), output_options(dialog)
    )


def _file_stem(dialog: LetterOnScreen, pattern: str) -> str:
    """A file name from a translated pattern with ``{ua_number}`` and ``{index}``."""
    return pattern.format(ua_number=dialog.case.ua_number, index=dialog.written_to())


def suggested_pdf_name(dialog: LetterOnScreen) -> str:
    from app.output.export_names import safe_file_stem

    return safe_file_stem(_file_stem(dialog, _("UA {ua_number} letter {index}"))) + ".pdf"


def ask_save_path(
    dialog: LetterOnScreen, title: str, name: str, suffix: str, filter_text: str
) -> Path | None:
    """The save dialog (tests monkeypatch this function)."""
    return file_dialogs.ask_save_path(dialog.window(), title, name, suffix, filter_text)


def ask_pdf_path(dialog: LetterOnScreen) -> Path | None:
    return ask_save_path(
        dialog,
        _("Save the letter as PDF"),
        suggested_pdf_name(dialog),
        ".pdf",
        _("PDF files (*.pdf)"),
    )


def save_pdf(dialog: LetterOnScreen) -> str | None:
    path = ask_pdf_path(dialog)
    if path is None:
        return None
    letter, _target = _edited_letter(dialog)
    outputs.save_letter_pdf(_on_paper(dialog, letter), path)
    return _("Saved {file}.").format(file=str(path))


def print_letter(dialog: LetterOnScreen) -> str | None:
    """Open the print preview (non-blocking; kept on the dialog as ``print_preview``)."""
    from app.ui.print_preview import letter_preview

    letter, target = _edited_letter(dialog)
    item = _on_paper(dialog, letter)
    doc = outputs.letter_for_print(item)
    doc_name = letter.subject or target.label
    preview = letter_preview(
        doc, item.options.page_size, doc_name, _("Print the letter"), dialog.window()
    )
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.print_preview = preview
    preview.printed.connect(lambda: dialog.say_done(preview.outcome))  # "Sent to the printer X."
    preview.open()
    return None


def email_letter(dialog: LetterOnScreen) -> str | None:
    """Open the mail client; a body too long for a mailto link (cut by clients) is copied."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    letter, target = _edited_letter(dialog)
    if not target.email:
        return _(
            "This official has no email address in the document. Print the letter or choose another official."
        )
    plan = outputs.email_plan(letter, target)
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


def save_eml(dialog: LetterOnScreen) -> str | None:
    """A draft message any mail client opens (for long letters, or no mailto handler)."""
    from app.output.export_names import safe_file_stem

    letter, _target = _edited_letter(dialog)
    name = safe_file_stem(_file_stem(dialog, _("UA {ua_number} letter {index}"))) + ".eml"
    path = ask_save_path(
        dialog, _("Save the letter as an email draft"), name, ".eml", _("Email drafts (*.eml)")
    )
    if path is None:
        return None
    outputs.save_letter_eml(_on_paper(dialog, letter), path)
    return _("Saved {file}. Open it with your mail program to send it.").format(file=str(path))


def save_envelope(dialog: LetterOnScreen) -> str | None:
    """An envelope PDF; the return address is left off for writer safety."""
    from app.output.export_names import safe_file_stem

    name = safe_file_stem(_file_stem(dialog, _("UA {ua_number} envelope {index}"))) + ".pdf"
    path = ask_save_path(
        dialog, _("Save the envelope as PDF"), name, ".pdf", _("PDF files (*.pdf)")
    )
    if path is None:
        return None
    with_return_address = outputs.save_envelope(
        dialog.case,
        dialog.written_to(),
        path,
        sender=dialog.settings.sender,
        options=output_options(dialog),
        letter=dialog.letter,  # the official named as the letter names them
    )
    if not with_return_address:
        return _("Saved {file}, without your return address.").format(file=str(path))
    return _("Saved {file}.").format(file=str(path))


def copy_social_post(dialog: LetterOnScreen) -> str | None:
    from PySide6.QtGui import QGuiApplication

    _letter, target = _edited_letter(dialog)
    QGuiApplication.clipboard().setText(outputs.social_post(dialog.case, target))
    return _("A short post for social media is on the clipboard.")
