"""The letter editor's outputs: a PDF read back, the mail client link, nothing sent by accident."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from pypdf import PdfReader

from app.settings import load_settings, save_settings
from app.ui.dialogs import letter_output
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter

LETTER_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def open_letter(window):  # type: ignore[no-untyped-def]
    window.menu_actions.write_letter.trigger()
    return wait_for_letter(window.case_actions.letter_dialog)


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


def test_email_is_offered_only_for_an_official_with_an_address(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    assert dialog.buttons.email.isEnabled()
    dialog.target_combo.setCurrentIndex(1)  # the prosecutor has no email in the document
    wait_for_letter(dialog)
    assert not dialog.buttons.email.isEnabled()
    assert "no email address" in dialog.buttons.email.toolTip()


def test_save_as_eml_writes_a_draft_any_mail_client_opens(
    make_window, app_paths, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import email

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    target = tmp_path / "letter.eml"
    monkeypatch.setattr(letter_output, "ask_save_path", lambda *_args: target)
    dialog.buttons.eml_action.trigger()
    message = email.message_from_bytes(target.read_bytes())
    assert message["To"] == "minister@justice.example"
    assert "UA 12/26" in message["Subject"]
    assert "Ana Lima" in message.get_payload(decode=True).decode("utf-8")


def test_writer_safety_signs_with_initials_and_drops_the_return_address(
    make_window, app_paths, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import SenderProfile

    settings = load_settings(app_paths)
    sender = SenderProfile(name="Maria Sol Writer", address="9 Home Lane", city="Leeds")
    save_settings(app_paths, replace(settings, sender=sender, caution_countries=("atlantis",)))
    store_documents(app_paths, fictional_document("12/26", country="Atlantis"))
    dialog = open_letter(make_window())
    assert dialog.side.caution_label.isVisible()
    assert dialog.safety_box.isChecked()
    assert "M. S. W." in dialog.text()
    assert "Maria Sol Writer" not in dialog.text() and "9 Home Lane" not in dialog.text()
    envelope = tmp_path / "envelope.pdf"
    monkeypatch.setattr(letter_output, "ask_save_path", lambda *_args: envelope)
    dialog.buttons.envelope_action.trigger()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(envelope).pages)
    assert "ATLANTIS" in text and "9 Home Lane" not in text
    dialog.safety_box.setChecked(False)
    assert "Maria Sol Writer" in wait_for_letter(dialog).text()


def test_a_letter_that_is_all_model_text_gets_a_gentle_nudge(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    assert dialog.nudge_label.isVisible()
    assert "% the model text" in dialog.nudge_label.text()
    dialog.note_edit.setPlainText("I teach poetry to teenagers and your decision matters to them.")
    qtbot.waitUntil(lambda: not dialog.nudge_label.isVisible(), timeout=3000)


def test_the_writers_why_i_write_sentence_in_the_letter_is_no_model_text(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import SenderProfile

    about = "As a nurse I care about the health of people in detention."
    sender = SenderProfile(name="Ana Example", city="Lyon", about=about)
    save_settings(app_paths, replace(load_settings(app_paths), sender=sender))
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    assert about in dialog.text()
    assert not dialog.nudge_label.isVisible()
    assert "model text" not in dialog.nudge_label.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    wait_for_letter(dialog)  # an English sentence stays out of a Spanish letter
    assert about not in dialog.text()
    assert dialog.side.about_label.isVisible()


def test_a_why_i_write_sentence_goes_only_into_letters_of_its_own_language(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.ui.dialogs.settings_dialog import SettingsDialog

    french = "Je suis infirmière et membre d'un groupe local."
    spanish = "Soy enfermera y miembro de un grupo local."
    # a settings file of an older version: one sentence, no language
    app_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    app_paths.settings_file.write_text(
        json.dumps(
            {"sender": {"name": "Camille Martin", "about": french}, "letter_language": "fr"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    assert dialog.language_combo.currentData() == "fr"
    assert french in dialog.text()
    assert not dialog.side.about_label.isVisible()

    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    wait_for_letter(dialog)
    assert "Le pido que" in dialog.text() and french not in dialog.text()
    line = dialog.side.about_label
    assert line.isVisible()
    assert "Spanish" in line.text() and "French" in line.text() and "left out" in line.text()
    assert dialog.side.about_button.isVisible()
    assert dialog.side.about_button.text() == "Write one in Spanish…"

    dialog.side.about_button.click()  # Settings opens on the Spanish sentence
    settings_dialog = window.case_actions.settings_dialog
    assert isinstance(settings_dialog, SettingsDialog)
    assert settings_dialog.about_language_combo.currentData() == "es"
    assert settings_dialog.about_edit.text() == ""
    qtbot.keyClicks(settings_dialog.about_edit, spanish)
    settings_dialog.buttons.button(settings_dialog.buttons.StandardButton.Save).click()
    wait_for_letter(dialog)
    assert spanish in dialog.text() and french not in dialog.text()
    assert not dialog.side.about_label.isVisible()
    assert dict(load_settings(app_paths).sender.abouts) == {"fr": french, "es": spanish}

    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    wait_for_letter(dialog)
    assert french not in dialog.text() and spanish not in dialog.text()
    assert dialog.side.about_label.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    wait_for_letter(dialog)
    assert french in dialog.text() and spanish not in dialog.text()


def test_a_letter_without_a_model_letter_is_not_called_the_model_text(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from app.services.database import open_store
    from app.services.importing import import_files

    db = open_store(app_paths)
    try:  # a 1997 UA: recommended actions, no model letter
        import_files(db, [LETTER_FIXTURES / "ua-1990s-no-model-letter.txt"])
    finally:
        db.close()
    dialog = open_letter(make_window())
    assert "Tobias Renn Halvard" in dialog.text()
    assert dialog.nudge_label.isVisible()
    hint = dialog.nudge_label.text()
    assert "model text" not in hint
    assert "% the app's standard wording, the same for every writer" in hint
    assert "in your own words" in hint


def test_social_post_goes_to_the_clipboard(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.buttons.social_action.trigger()
    assert "UA 12/26" in QGuiApplication.clipboard().text()


def test_writing_to_a_closed_case_warns_without_blocking(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import OutputKind

    store_documents(app_paths, fictional_document("9/25", kind=OutputKind.FINAL))
    window = make_window()
    window.case_list.show_closed_box.setChecked(True)
    window.case_list.select_case(window.model.cases()[0].case_id)
    dialog = open_letter(window)
    assert dialog.side.case_notice_label.isVisible()
    assert "This case is closed" in dialog.side.case_notice_label.text()
    assert "Rui Costa" in dialog.text()


def test_print_opens_a_one_page_preview(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.buttons.print.click()
    preview = dialog.print_preview
    assert preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 1, timeout=5000)
    preview.close()


def test_an_arabic_letter_is_edited_right_to_left(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    index = dialog.language_combo.findData("ar")
    assert index >= 0, "the Arabic letter template is shipped (app/templates/ar)"
    dialog.language_combo.setCurrentIndex(index)
    wait_for_letter(dialog)
    assert dialog.letter is not None and dialog.letter.right_to_left
    assert dialog.letter_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = dialog.letter_edit.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft  # the paragraphs, too
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    wait_for_letter(dialog)
    assert dialog.letter_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_warnings_follow_a_switch_of_the_interface_language(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import OutputKind
    from app.ui.application import apply_language

    closed = fictional_document("9/25", kind=OutputKind.FINAL)
    store_documents(app_paths, replace(closed, model_letter="I write about the fishing quotas."))
    window = make_window()
    window.case_list.show_closed_box.setChecked(True)
    window.case_list.select_case(window.model.cases()[0].case_id)
    dialog = open_letter(window)
    combo = dialog.side.language_combo
    combo.setCurrentIndex(combo.findData("es"))
    wait_for_letter(dialog)
    assert dialog.warnings_label.text() == (
        "The model letter is in English but this letter is in Spanish; "
        "write the body yourself or choose English."
    )
    assert dialog.side.case_notice_label.text().startswith("This case is closed")
    try:
        apply_language("fr")
        assert dialog.warnings_label.isVisible()
        assert dialog.warnings_label.text().startswith("La lettre type est en anglais")
        assert "espagnol" in dialog.warnings_label.text()
        assert dialog.side.case_notice_label.text().startswith("Ce dossier est clos")
    finally:
        apply_language("en")
    assert dialog.warnings_label.text().startswith("The model letter is in English")


def test_each_language_of_a_two_language_letter_is_edited_on_its_own_side(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar+en"))
    wait_for_letter(dialog)
    assert dialog.letter is not None and dialog.letter.right_to_left
    doc = dialog.letter_edit.document()
    width = doc.textWidth()

    def sides(block):  # type: ignore[no-untyped-def]
        line = block.layout().lineAt(0).naturalTextRect()
        return line.left(), width - line.right()  # room on the left, room on the right

    english = arabic = None
    block = doc.begin()
    while block.isValid():
        text = block.text().strip("\u2066\u2067\u2069")
        if text.startswith("I urge you") and english is None:
            english = block
        one_line = block.layout().lineCount() == 1  # (a wrapped first line fills the width)
        if text.startswith("\u0623") and one_line and arabic is None:  # an Arabic paragraph
            arabic = block
        block = block.next()
    assert english is not None and arabic is not None
    left, right = sides(english)
    assert left < right, "the English paragraph starts at the left"
    left, right = sides(arabic)
    assert right < left, "the Arabic paragraph starts at the right"
    # the text is the letter as written, isolates and all
    assert dialog.text() == dialog.letter.text


def test_a_two_language_letter_copied_to_the_clipboard_has_no_isolates(
    make_window, app_paths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar+en"))
    wait_for_letter(dialog)
    assert "\u2067" in dialog.text()  # on screen each paragraph runs in its own direction
    dialog.copy_to_clipboard()
    pasted = QGuiApplication.clipboard().text()
    assert not any("\u2066" <= char <= "\u2069" for char in pasted)
    lines = pasted.splitlines()
    assert "Dear Minister," in lines or any(line.startswith("Dear ") for line in lines)
    assert any(line.startswith("I urge you") for line in lines)
    assert dialog.status_label.text() == (
        "The letter is on the clipboard. Paste it before you close Appeal Desk."
    )
    dialog.grab().save(str(tmp_path / "bilingual-letter.png"))


def test_a_regional_letter_language_from_the_settings_is_offered_and_kept(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.settings_dialog import SettingsDialog

    save_settings(app_paths, replace(load_settings(app_paths), letter_language="es_MX"))
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    wait_for_letter(dialog)
    assert dialog.language_combo.currentData() == "es_MX"
    assert dialog.language_combo.currentText().startswith("Spanish (Mexico)")
    assert dialog.letter is not None and "Le pido que" in dialog.letter.text
    window.case_actions.open_settings()
    settings_dialog = window.case_actions.settings_dialog
    assert isinstance(settings_dialog, SettingsDialog)
    assert settings_dialog.letter_language_combo.currentData() == "es_MX"
    settings_dialog.accept()  # saved as it was: the regional choice is not lost
    assert load_settings(app_paths).letter_language == "es_MX"


def test_a_practice_letter_is_marked_in_its_own_language_whatever_the_interface(
    make_window, app_paths, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A German window writing a French letter from a sample case: the letter, its subject and
    its PDF say "do not send" in French, the language of whoever reads the letter."""
    from app.services.database import open_store
    from app.services.samples import load_sample_pack
    from app.ui.application import apply_language

    db = open_store(app_paths)
    try:
        load_sample_pack(db)
    finally:
        db.close()
    window = make_window()
    try:
        apply_language("de")
        dialog = open_letter(window)
        combo = dialog.side.language_combo
        combo.setCurrentIndex(combo.findData("fr"))
        wait_for_letter(dialog)
        text = dialog.text()
        assert text.startswith("*** EXEMPLE FICTIF - NE PAS ENVOYER ***")
        assert "FIKTIVES BEISPIEL" not in text and "FICTIONAL SAMPLE" not in text
        assert dialog.letter is not None
        assert dialog.letter.subject.startswith("[EXEMPLE FICTIF - NE PAS ENVOYER] ")
        assert dialog.sample_banner.isVisible()  # the window itself speaks German
        assert "Beispiel" in dialog.sample_banner.text()
        target = tmp_path / "practice.pdf"
        monkeypatch.setattr(letter_output, "ask_pdf_path", lambda _dialog: target)
        dialog.buttons.pdf.click()
        printed = " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(target).pages
        )
        assert "EXEMPLE FICTIF - NE PAS ENVOYER" in printed
        assert "FIKTIVES BEISPIEL" not in printed
        envelope = tmp_path / "envelope.pdf"  # the envelope of this letter says it as the letter
        monkeypatch.setattr(letter_output, "ask_save_path", lambda *_args: envelope)
        dialog.buttons.envelope_action.trigger()
        on_envelope = " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(envelope).pages
        )
        assert "EXEMPLE FICTIF - NE PAS ENVOYER" in on_envelope
        assert "FIKTIVES BEISPIEL" not in on_envelope
    finally:
        apply_language("en")


def test_a_latin_line_of_an_arabic_letter_reads_left_to_right_on_the_letters_side(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    """The official's street in an Arabic letter: "1 Fictional Avenue" on screen, at the
    right as the letter's lines are (laid out right to left it read "Fictional Avenue 1")."""
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar"))
    wait_for_letter(dialog)
    doc = dialog.letter_edit.document()
    block = doc.begin()
    while block.isValid() and not block.text().startswith("1 Fictional Avenue"):
        block = block.next()
    assert block.isValid(), dialog.text()
    line = block.layout().lineAt(0)

    def x_of(position: int) -> float:
        found = line.cursorToX(position)
        return float(found[0] if isinstance(found, tuple) else found)

    assert x_of(0) < x_of(block.text().index("Fictional"))  # the number first, at the left
    room_left = line.naturalTextRect().left()
    room_right = doc.textWidth() - line.naturalTextRect().right()
    assert room_right < room_left  # on the right, as the Arabic lines
    assert dialog.text() == dialog.letter.text  # the letter itself is unchanged
