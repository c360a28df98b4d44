"""The letter editor's outputs: a PDF read back, the mail client link, nothing sent by accident."""

from __future__ import annotations

from urllib.parse import unquote

from pypdf import PdfReader

from app.ui.dialogs import letter_output
from tests.ui.conftest import fictional_document, store_documents


def open_letter(window):  # type: ignore[no-untyped-def]
    window.actions.write_letter.trigger()
    return window.case_actions.letter_dialog


def test_save_as_pdf_writes_the_edited_letter(
    make_window, app_paths, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26", official="Rui Costa"))
    dialog = open_letter(make_window())
    dialog.letter_edit.appendPlainText("A sentence only this PDF has.")
    target = tmp_path / "out" / "letter.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(letter_output, "ask_pdf_path", lambda _dialog: target)
    dialog.buttons.pdf.click()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Rui Costa" in text
    assert "A sentence only this PDF has." in text
    assert str(target) in dialog.status_label.text()


def test_email_opens_a_mailto_link_to_the_official(make_window, app_paths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    opened: list[str] = []
    monkeypatch.setattr(
        letter_output, "open_url", lambda _services, url: opened.append(url.toString()) or True
    )
    dialog.buttons.email.click()
    [url] = opened
    assert url.startswith("mailto:minister@justice.example?")
    assert "UA 12/26" in unquote(url)
    assert "mark it as sent" in dialog.status_label.text()


def test_email_to_an_official_without_address_says_what_to_do(
    make_window, app_paths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.target_combo.setCurrentIndex(1)  # the prosecutor has no email in the document
    opened: list[str] = []
    monkeypatch.setattr(
        letter_output, "open_url", lambda _services, url: opened.append(url) or True
    )
    dialog.buttons.email.click()
    assert opened == []
    assert "no email address" in dialog.status_label.text()
