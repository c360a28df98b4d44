"""Writing a letter and marking it sent: the letter names the official; row and store update."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.model import Channel
from app.services.appeals import list_appeals
from app.services.cases import list_cases
from app.settings import load_settings, save_settings
from app.ui.models.case_table_model import Column
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter


def open_letter(window):  # type: ignore[no-untyped-def]
    window.menu_actions.write_letter.trigger()
    dialog = window.case_actions.letter_dialog
    assert dialog is not None and dialog.isVisible()
    return wait_for_letter(dialog)


def test_the_letter_names_the_chosen_official_and_the_sender(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(app_paths)
    save_settings(
        app_paths,
        replace(settings, sender=replace(settings.sender, name="Jo Writer", city="Leeds")),
    )
    store_documents(app_paths, fictional_document("12/26", official="Rui Costa"))
    window = make_window()
    dialog = open_letter(window)
    assert "Rui Costa" in dialog.text()
    assert "Jo Writer" in dialog.text()
    assert "Jo Writer" in dialog.sender_label.text()
    dialog.target_combo.setCurrentIndex(1)
    wait_for_letter(dialog)
    assert "Mara Vento" in dialog.text()
    assert "Rui Costa" not in dialog.text()


def test_own_sentences_go_into_the_letter(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.note_edit.setPlainText("I am a teacher too, and I read poems to my class.")
    qtbot.waitUntil(lambda: "I read poems to my class" in dialog.text(), timeout=3000)


def test_edits_are_kept_unless_the_user_agrees_to_lose_them(
    make_window, app_paths, messages
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.letter_edit.appendPlainText("P.S. A line I typed myself.")
    messages.answer = False
    dialog.target_combo.setCurrentIndex(1)
    assert "A line I typed myself" in dialog.text()
    assert messages.texts("ask")
    messages.answer = True
    dialog.regenerate_button.click()
    wait_for_letter(dialog)
    assert "A line I typed myself" not in dialog.text()
    assert "Mara Vento" in dialog.text()


def test_a_letter_kept_after_choosing_another_official_goes_to_the_one_it_greets(
    make_window, app_paths, open_db, qtbot, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The writer edits the letter, then picks the second official and keeps the edits: the
    letter still greets the first, so its e-mail, its paper and its record go to the first."""
    from pypdf import PdfReader

    from app.ui.dialogs import letter_output

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("P.S. A line I typed myself.")
    messages.answer = False
    dialog.target_combo.setCurrentIndex(1)
    assert "Rui Costa" in dialog.text() and "Mara Vento" not in dialog.text()
    said = dialog.status_label.text()
    assert "still goes to" in said and "Rui Costa" in said

    opened: list[str] = []
    monkeypatch.setattr(
        letter_output, "open_url", lambda _services, url: opened.append(url.toString()) or True
    )
    dialog.buttons.email.click()
    assert len(opened) == 1 and opened[0].startswith("mailto:minister@justice.example")

    pdf = tmp_path / "letter.pdf"
    monkeypatch.setattr(letter_output, "ask_pdf_path", lambda _dialog: pdf)
    dialog.buttons.pdf.click()
    on_paper = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Rui Costa" in on_paper and "Mara Vento" not in on_paper

    dialog.buttons.mark_sent.click()
    ask = window.case_actions.mark_sent_dialog
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.target_index == 1 and "Rui Costa" in appeal.target_label
    assert "A line I typed myself" in appeal.text


def test_a_letter_kept_after_changing_the_sender_is_printed_as_it_is_signed(
    make_window, app_paths, qtbot, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Change sender... while the letter has the writer's edits: they are asked before the
    letter is written again; kept, the status says so, and the PDF heads the letter with the
    sender it is signed by, with no stray lines of the old head in its body."""
    from pypdf import PdfReader

    from app.ui.dialogs import letter_output

    settings = load_settings(app_paths)
    sender = replace(settings.sender, name="Jo Writer", address="1 Elm Road", city="Leeds")
    save_settings(app_paths, replace(settings, sender=sender))
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("P.S. A line I typed myself.")
    messages.answer = False  # "Replace the letter?" no: keep my edits
    dialog.side.sender_button.click()
    form = window.case_actions.settings_dialog
    form.name_edit.setText("Sam Other")
    form.city_edit.setText("York")
    form.accept()
    assert [title for _kind, title, _text in messages.shown] == ["Replace the letter?"]
    assert "A line I typed myself" in dialog.text() and "Jo Writer" in dialog.text()
    assert dialog.status_label.text() == (
        "Your edits are kept; use Regenerate letter to apply the new choice."
    )
    pdf = tmp_path / "letter.pdf"
    monkeypatch.setattr(letter_output, "ask_pdf_path", lambda _dialog: pdf)
    dialog.buttons.pdf.click()
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert lines.count("Jo Writer") == 2  # the sender's block and the signature
    assert "Sam Other" not in lines and "York" not in lines
    assert "Leeds" in lines and lines.count("1 Elm Road") == 1

    messages.answer = True  # a second change, and this time the letter is written again
    dialog.side.sender_button.click()
    form = window.case_actions.settings_dialog
    form.name_edit.setText("Sam Third")
    form.accept()
    assert "Sam Third" in wait_for_letter(dialog).text()
    assert "A line I typed myself" not in dialog.text()


def test_a_letter_kept_after_ticking_initials_only_says_it_is_signed_in_full(
    make_window, app_paths, messages
) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(app_paths)
    save_settings(
        app_paths,
        replace(settings, sender=replace(settings.sender, name="Jo Writer", city="Leeds")),
    )
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.letter_edit.appendPlainText("P.S. A line I typed myself.")
    messages.answer = False
    dialog.safety_box.setChecked(True)
    assert "Jo Writer" in dialog.text()
    assert "still signed with your full name" in dialog.status_label.text()


def test_copy_puts_the_edited_letter_on_the_clipboard(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    dialog.letter_edit.appendPlainText("Signed with hope.")
    dialog.buttons.copy.click()
    assert QGuiApplication.clipboard().text() == dialog.text()
    assert "clipboard" in dialog.status_label.text()


def test_mark_sent_from_the_letter_updates_the_row_details_and_store(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "0"
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("With my best wishes from a fictional town.")
    sent_text = dialog.text()
    dialog.buttons.mark_sent.click()
    ask = window.case_actions.mark_sent_dialog
    assert ask is not None and ask.isVisible()
    assert (
        ask.date_edit.date().toPython().isoformat()
        == __import__("datetime").date.today().isoformat()
    )
    ask.channel_combo.setCurrentIndex(ask.channel_combo.findData(Channel.EMAIL))
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "1"
    assert "Email" in window.detail.case_page().body.toPlainText()
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.channel == Channel.EMAIL
    assert appeal.text == sent_text
    assert appeal.target_index == 1
    [row] = list_cases(open_db)
    assert row.appeals_sent == 1


def test_mark_sent_from_the_main_window_with_the_keyboard(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    ask.target_combo.setCurrentIndex(1)
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        qtbot.keyClick(ask, Qt.Key.Key_Return)
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.channel == Channel.POST
    assert appeal.target_label == "Prosecutor General, Mara Vento"
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "1"


def test_cancelling_mark_sent_records_nothing(make_window, app_paths, open_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    with qtbot.assertNotEmitted(window.case_updated):
        window.case_actions.mark_sent_dialog.reject()
    assert list_appeals(open_db, ua_number="12/26") == []


def test_mark_sent_warns_but_never_blocks(make_window, app_paths, open_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    store_documents(
        app_paths, fictional_document("12/26", deadline=date.today() - timedelta(days=4))
    )
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    assert ask.notice_label.isVisible()
    assert "Check with your section office" in ask.notice_label.text()
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.accept()
    window.menu_actions.mark_sent.trigger()
    again = window.case_actions.mark_sent_dialog
    assert "You already sent an appeal to this official" in again.notice_label.text()
    again.target_combo.setCurrentIndex(1)
    assert "already sent" not in again.notice_label.text()
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        again.accept()
    assert len(list_appeals(open_db, ua_number="12/26")) == 2


def test_opening_another_letter_keeps_the_edited_one_as_a_draft(
    make_window, app_paths, open_db, messages
) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths, fictional_document("12/26"), fictional_document("3/26", official="Lena Dorn")
    )
    window = make_window()
    first = open_letter(window)
    first.letter_edit.appendPlainText("My own words.")
    window.menu_actions.next_case.trigger()
    window.menu_actions.write_letter.trigger()
    second = window.case_actions.letter_dialog
    assert second is not first and second.case.ua_number != first.case.ua_number
    assert len(messages.texts("ask")) == 1
    [kept] = list_appeals(open_db, ua_number=first.case.ua_number)
    assert "My own words." in kept.text


def test_closing_a_personal_letter_offers_to_keep_it_as_a_draft(
    make_window, app_paths, open_db, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import AppealStatus

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("I think of Ana every morning.")
    dialog.close()
    assert messages.texts("ask")
    [kept] = list_appeals(open_db, ua_number="12/26")
    assert kept.status == AppealStatus.DRAFT and "I think of Ana every morning." in kept.text
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "0"  # a draft is not a letter sent


def test_no_question_after_the_letter_was_marked_sent(
    make_window, app_paths, messages, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("My own line.")
    dialog.buttons.mark_sent.click()
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        window.case_actions.mark_sent_dialog.accept()
    dialog.close()
    assert messages.texts("ask") == []


def test_a_bilingual_letter_has_the_officials_language_then_the_writers(
    make_window, app_paths
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    combo = dialog.language_combo
    plain = {combo.itemData(i) for i in range(combo.count())}
    assert {"es", "en"} <= plain
    index = combo.findData("es+en")
    assert index >= 0 and combo.itemText(index).endswith("+ English")
    combo.setCurrentIndex(index)
    text = wait_for_letter(dialog).text()
    assert "Respetuosamente" in text and "Yours sincerely" in text  # a minister's closings
    assert text.index("Respetuosamente") < text.index("Yours sincerely")
    assert dialog.draft().locale == "es"


def test_quit_after_mark_sent_from_a_replaced_letter_closes_the_window(
    make_window, app_paths, messages, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    store_documents(app_paths, fictional_document("12/26"), fictional_document("3/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.buttons.mark_sent.click()  # the question belongs to the letter editor
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        window.case_actions.mark_sent_dialog.accept()
    window.menu_actions.next_case.trigger()
    open_letter(window)  # the first editor, and the question with it, are deleted
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    window.menu_actions.quit.trigger()
    assert not window.isVisible()
    assert messages.shown == []


def test_the_editor_shows_the_recognised_asks_and_an_unticked_one_leaves_the_letter(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    side = dialog.side
    assert side.asks_caption.isVisible()
    box = side.ask_boxes["release"]
    assert box.isVisible() and box.isChecked() and box.text() == "Release"
    assert "release Ana Lima" in dialog.text()
    box.setChecked(False)
    letter = wait_for_letter(dialog).text()
    assert "release Ana Lima" not in letter and "Ana Lima" in letter
    assert side.ticked_asks() == []
    box.setChecked(True)
    assert "I urge you to release Ana Lima immediately" in wait_for_letter(dialog).text()


def test_the_editor_shows_the_uas_demands_in_its_own_words(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    bullets = (
        "urging the authorities to release Ana Lima immediately;",
        "calling for her to see a lawyer of her choice.",
    )
    document = replace(fictional_document("12/26"), recommended_actions=bullets)
    store_documents(app_paths, document)
    dialog = open_letter(make_window())
    label = dialog.side.demands_label
    assert label.isVisible()
    assert label.text().splitlines() == [
        "In the UA's own words:",
        "\u2022 urging the authorities to release Ana Lima immediately;",
        "\u2022 calling for her to see a lawyer of her choice.",
    ]
    dialog.grab().save("/tmp/letter-editor-demands.png")


def test_a_recorded_appeal_is_taken_back_with_edit_undo(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    undo = window.edits.undo
    assert not undo.isEnabled()
    window.menu_actions.mark_sent.trigger()
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        qtbot.keyClick(window.case_actions.mark_sent_dialog, Qt.Key.Key_Return)
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "1"
    assert "Edit > Undo" in window.statusBar().currentMessage()
    # the Edit menu offers it, by name, on Ctrl+Z
    assert undo.isEnabled()
    assert "record an appeal for UA 12/26" in undo.text()
    assert undo.shortcut().toString() == "Ctrl+Z"
    undo.trigger()
    assert list_appeals(open_db, ua_number="12/26") == []
    qtbot.waitUntil(lambda: window.proxy.index(0, Column.APPEALS_SENT).data() == "0")
    window.edits.redo.trigger()
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.channel == Channel.POST
    qtbot.waitUntil(lambda: window.proxy.index(0, Column.APPEALS_SENT).data() == "1")


def test_undo_and_redo_of_mark_sent_say_so_in_the_status_bar(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    ask.target_combo.setCurrentIndex(1)
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        qtbot.keyClick(ask, Qt.Key.Key_Return)
    status = window.statusBar()
    assert status.currentMessage().startswith("Appeal for UA 12/26 recorded.")
    window.edits.undo.trigger()
    qtbot.waitUntil(lambda: window.proxy.index(0, Column.APPEALS_SENT).data() == "0")
    assert status.currentMessage() == "Undone: record an appeal for UA 12/26."
    assert "Thank you" not in status.currentMessage()
    window.edits.redo.trigger()
    qtbot.waitUntil(lambda: window.proxy.index(0, Column.APPEALS_SENT).data() == "1")
    assert status.currentMessage() == "Redone: record an appeal for UA 12/26."
    assert len(list_appeals(open_db, ua_number="12/26")) == 1


def test_the_mark_sent_warning_reads_as_it_did_and_follows_a_language_switch(
    make_window, app_paths, english
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from babel.dates import format_date

    from app.i18n import set_language

    deadline = date.today() - timedelta(days=4)
    store_documents(app_paths, fictional_document("12/26", deadline=deadline))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    english_day = f"{deadline:%B} {deadline.day}, {deadline.year}"
    assert ask.notice_label.text() == (
        f"The deadline was {english_day}. Check with your section office before sending."
    )
    set_language("fr")  # the open dialog is translated again, its warning too
    french_day = format_date(deadline, "long", locale="fr")
    assert ask.notice_label.text() == (
        f"La date limite était le {french_day}. Vérifiez auprès du bureau de votre section "
        "avant d'envoyer."
    )


def test_the_editor_names_a_town_typed_in_both_fields_once(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(app_paths)
    both = replace(
        settings.sender,
        name="Jo Writer",
        address="3 Mill Lane\nLS1 4AB Leeds",
        city="Leeds",
        country="",
    )
    save_settings(app_paths, replace(settings, sender=both))
    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    head = dialog.text().split("\n\n", 1)[0].splitlines()
    assert head == ["Jo Writer", "3 Mill Lane", "LS1 4AB Leeds"]


def test_tab_goes_from_your_own_sentences_through_the_demands_to_regenerate(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The demand boxes sit between the writer's own sentences and Regenerate: the keyboard
    reaches them there too, not after the dialog's last button."""
    from PySide6.QtWidgets import QApplication

    bullets = (
        "urging the authorities to release Ana Lima immediately;",
        "calling for her to see a lawyer of her choice.",
    )
    store_documents(app_paths, replace(fictional_document("12/26"), recommended_actions=bullets))
    dialog = open_letter(make_window())
    side = dialog.side
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    side.note_edit.setFocus()
    reached = []
    for _press in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    boxes = [side.ask_boxes["release"], side.ask_boxes["lawyer"]]
    assert reached == [*boxes, side.regenerate_button, dialog.letter_edit]


@pytest.mark.parametrize("keep", [True, False])
def test_escape_in_the_letter_editor_offers_to_keep_the_writers_words(
    make_window, app_paths, open_db, qtbot, messages, keep
) -> None:  # type: ignore[no-untyped-def]
    """Escape closes the editor like Close: a letter with the writer's own words is not lost
    without the question."""
    from PySide6.QtWidgets import QApplication

    from app.domain.model import AppealStatus

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.letter_edit.setFocus()
    qtbot.keyClicks(dialog.letter_edit, "My own words. ")
    messages.answer = keep
    qtbot.keyClick(dialog.letter_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert [title for _kind, title, _text in messages.shown] == ["Keep this letter?"]
    kept = list_appeals(open_db, ua_number="12/26")
    if keep:
        [draft] = kept
        assert draft.status is AppealStatus.DRAFT and "My own words." in draft.text
    else:
        assert kept == []


def test_a_sent_date_before_the_ua_was_issued_is_refused_naming_the_issue_date(
    make_window, app_paths, open_db, messages, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from tests.builders import FICTIONAL_ISSUE_DAY as issued

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    ask.date_edit.setDate(QDate(1990, 1, 1))
    with qtbot.assertNotEmitted(window.case_updated):
        qtbot.keyClick(ask, Qt.Key.Key_Return)
    assert messages.shown == [
        (
            "error",
            "The appeal was not recorded",
            f"1990-01-01 is before UA 12/26 was issued ({issued.isoformat()}): an appeal is "
            "sent on or after that day. Check the date; nothing was changed.",
        )
    ]
    assert ask.isVisible() and list_appeals(open_db, ua_number="12/26") == []
    ask.date_edit.setDate(QDate(issued.year, issued.month, issued.day))  # the day itself is fine
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        qtbot.keyClick(ask, Qt.Key.Key_Return)
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.sent_on == issued


def test_cancel_on_keep_this_letter_goes_back_to_the_letter_with_the_writers_words(
    make_window, app_paths, open_db, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    """Escape pressed by mistake, then Cancel (or Escape again) on "Keep this letter?": the
    editor stays open with the words typed in it; nothing is kept or lost. A second writer's
    letter is not opened over it either."""
    from PySide6.QtWidgets import QApplication

    from app.domain.model import AppealStatus
    from app.ui.messages import KeepChoice

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.letter_edit.setFocus()
    qtbot.keyClicks(dialog.letter_edit, "My own words. ")
    messages.keep = KeepChoice.GO_BACK
    qtbot.keyClick(dialog.letter_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "My own words." in dialog.letter_edit.toPlainText()
    assert not dialog.close()  # the close box: the same question, the same way back
    window.menu_actions.write_letter.trigger()  # a new letter would replace this one
    assert window.case_actions.letter_dialog is dialog and dialog.isVisible()
    assert [title for _kind, title, _text in messages.shown] == ["Keep this letter?"] * 3
    assert list_appeals(open_db, ua_number="12/26") == []
    messages.keep = KeepChoice.KEEP
    assert dialog.close()
    [draft] = list_appeals(open_db, ua_number="12/26")
    assert draft.status is AppealStatus.DRAFT and "My own words." in draft.text


def test_quitting_with_a_letter_open_asks_to_keep_it_and_cancel_keeps_the_app_open(
    make_window, app_paths, open_db, qtbot, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Quit (Ctrl+Q) or the window's close box with a letter of one's own words open: Save,
    Discard or Cancel, as closing the editor offers. Cancel leaves the app open with the
    letter as it was; Save then keeps it as a draft and the app closes."""
    from app.ui.messages import KeepChoice, Messages

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    dialog = open_letter(window)
    dialog.letter_edit.appendPlainText("A line of my own.")
    offered: list[bool] = []
    answer = [KeepChoice.GO_BACK]

    def ask_keep(_parent, _title, _text, can_go_back=True):  # type: ignore[no-untyped-def]
        offered.append(can_go_back)
        return answer[0] if can_go_back else KeepChoice.KEEP

    monkeypatch.setattr(Messages, "ask_keep", staticmethod(ask_keep))
    window.menu_actions.quit.trigger()
    assert window.isVisible() and dialog.isVisible(), "Cancel keeps the app and the letter"
    assert "A line of my own." in dialog.letter_edit.toPlainText()
    assert not window.close()  # the close box: the same question, the same way back
    assert window.isVisible() and dialog.isVisible()
    assert list_appeals(open_db, ua_number="12/26") == []

    answer[0] = KeepChoice.KEEP
    assert window.close()
    assert offered == [True, True, True], "Cancel offered each time, and asked once a close"
    assert not dialog.isVisible() and not window.isVisible()
    [draft] = list_appeals(open_db, ua_number="12/26")
    assert "A line of my own." in draft.text


def test_a_letter_whose_edits_are_all_undone_is_the_letter_as_written_again(
    make_window, app_paths, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    """Typed, then taken back with Ctrl+Z: a new choice writes the letter again without
    "Replace the letter?", and closing asks nothing."""
    from PySide6.QtWidgets import QApplication

    store_documents(app_paths, fictional_document("12/26"))
    dialog = open_letter(make_window())
    drafted = dialog.letter_edit.toPlainText()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.letter_edit.setFocus()
    qtbot.keyClicks(dialog.letter_edit, "Zz")
    assert dialog.has_unsaved_work()
    for _press in range(5):
        if dialog.letter_edit.toPlainText() == drafted:
            break
        qtbot.keyClick(dialog.letter_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.letter_edit.toPlainText() == drafted
    assert not dialog.has_unsaved_work()
    with qtbot.waitSignal(dialog.letter_ready, timeout=20_000):
        dialog.safety_box.setChecked(True)  # written again, signed with initials
    assert messages.shown == []
    dialog.close()
    assert messages.shown == [] and not dialog.isVisible()
