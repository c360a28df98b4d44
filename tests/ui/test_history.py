"""The appeal history: filters, the stored letter, status changes and replies, all persisted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.model import AppealStatus, Channel
from app.services.appeals import list_appeals, record_appeal
from app.ui.models.appeal_table_model import AppealColumn, AppealTableModel
from tests.builders import fictional_document, store_documents


def seed_appeals(paths, open_db) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        paths, fictional_document("12/26"), fictional_document("3/26", official="Lena Dorn")
    )
    today = date.today()
    record_appeal(
        open_db,
        "12/26",
        target_index=1,
        channel=Channel.POST,
        sent_on=today - timedelta(days=40),
        text="Letter one",
    )
    record_appeal(
        open_db, "12/26", target_index=2, channel=Channel.EMAIL, sent_on=today, text="Letter two"
    )
    record_appeal(
        open_db,
        "3/26",
        target_index=1,
        channel=Channel.POST,
        status=AppealStatus.PRINTED,
        text="Printed letter",
    )


def open_history(window):  # type: ignore[no-untyped-def]
    window.menu_actions.history.trigger()
    dialog = window.case_actions.history_dialog
    dialog.case_combo.setCurrentIndex(0)  # all cases
    return dialog


def shown(dialog) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    model = dialog.model
    return [
        (
            model.index(row, AppealColumn.UA_NUMBER).data(),
            model.index(row, AppealColumn.CHANNEL).data(),
            model.index(row, AppealColumn.STATUS).data(),
        )
        for row in range(model.rowCount())
    ]


def test_history_model_passes_the_model_tester(qtmodeltester, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    seed_appeals(app_paths, open_db)
    model = AppealTableModel()
    model.set_records(list_appeals(open_db))
    qtmodeltester.check(model)


def test_history_lists_and_filters_appeals(make_window, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    seed_appeals(app_paths, open_db)
    dialog = open_history(make_window())
    assert len(shown(dialog)) == 3
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.EMAIL))
    assert shown(dialog) == [("12/26", "Email", "Sent")]
    dialog.channel_combo.setCurrentIndex(0)
    dialog.case_combo.setCurrentIndex(dialog.case_combo.findData("3/26"))
    assert shown(dialog) == [("3/26", "Post", "Printed")]
    dialog.case_combo.setCurrentIndex(0)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(AppealStatus.SENT))
    dialog.dates_box.setChecked(True)  # the last month: the 40-day-old letter drops out
    assert shown(dialog) == [("12/26", "Email", "Sent")]
    dialog.table.selectRow(0)
    assert dialog.letter_view.toPlainText() == "Letter two"
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Letter two"


def test_a_printed_letter_marked_sent_counts_in_the_list(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    seed_appeals(app_paths, open_db)
    window = make_window()
    dialog = open_history(window)
    dialog.case_combo.setCurrentIndex(dialog.case_combo.findData("3/26"))
    dialog.table.selectRow(0)
    assert dialog.sent_button.isEnabled() and not dialog.reply_button.isEnabled()
    dialog.sent_button.click()
    ask = dialog.sent_dialog
    ask.channel_combo.setCurrentIndex(ask.channel_combo.findData(Channel.FAX))
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shown(dialog) == [("3/26", "Fax", "Sent")]
    [stored] = list_appeals(open_db, ua_number="3/26")
    assert (stored.status, stored.channel, stored.sent_on) == (
        AppealStatus.SENT,
        Channel.FAX,
        date.today(),
    )
    case_id = next(c.case_id for c in window.model.cases() if c.ua_number == "3/26")
    assert window.model.cases()[window.model.row_of(case_id)].appeals_sent == 1


def test_a_reply_is_recorded_and_shown(make_window, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    seed_appeals(app_paths, open_db)
    dialog = open_history(make_window())
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.EMAIL))
    dialog.table.selectRow(0)
    dialog.reply_button.click()
    reply = dialog.reply_dialog
    reply.note_edit.setPlainText("The prosecutor says the case is under review.")
    reply.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.model.index(0, AppealColumn.REPLY).data().startswith("Reply on ")
    [stored] = list_appeals(open_db, channel=Channel.EMAIL)
    assert stored.reply_note == "The prosecutor says the case is under review."
    assert stored.reply_on == date.today()


def test_mark_sent_can_record_a_printed_letter_that_does_not_count_yet(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.menu_actions.mark_sent.trigger()
    ask = window.case_actions.mark_sent_dialog
    ask.status_combo.setCurrentIndex(ask.status_combo.findData(AppealStatus.PRINTED))
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.accept()
    [stored] = list_appeals(open_db)
    assert stored.status == AppealStatus.PRINTED
    assert window.model.cases()[0].appeals_sent == 0


def test_details_show_replies_and_what_the_letters_led_to(make_window, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import OutputKind
    from app.services.appeals import record_reply
    from app.services.importing import save_parsed

    store_documents(app_paths, fictional_document("12/26"))
    first = record_appeal(open_db, "12/26", target_index=1, channel=Channel.POST, text="One")
    record_appeal(open_db, "12/26", target_index=2, channel=Channel.EMAIL, text="Two")
    record_reply(open_db, first.appeal_id, date.today(), "Under review.")
    save_parsed(open_db, fictional_document("12/26", kind=OutputKind.FINAL), "final.txt")
    window = make_window()
    window.case_list.show_closed_box.setChecked(True)
    window.case_list.select_case(window.model.cases()[0].case_id)
    body = window.detail.case_page().body.toPlainText()
    assert "Your 2 letters \u2192 case closed" in body
    assert "Under review." in body


def test_sample_appeals_say_fictional_sample_in_the_history(make_window, open_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.empty_state.content().samples_button.click()
    sample = window.model.cases()[0]
    record_appeal(open_db, sample.ua_number, target_index=1, channel=Channel.POST)
    dialog = open_history(window)
    assert (
        dialog.model.index(0, AppealColumn.UA_NUMBER).data()
        == f"{sample.ua_number} (Fictional sample)"
    )


def test_a_reply_with_a_scan_is_recorded_and_opened(
    make_window, app_paths, open_db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    scan = tmp_path / "ministry-reply.pdf"
    scan.write_bytes(b"%PDF-1.4 fictional scanned reply")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    seed_appeals(app_paths, open_db)
    dialog = open_history(make_window())
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.EMAIL))
    dialog.table.selectRow(0)
    dialog.reply_button.click()
    reply = dialog.reply_dialog
    reply.attach_button.click()
    assert reply.scan_label.text() == "Attached: ministry-reply.pdf"
    reply.note_edit.setPlainText("Scanned letter from the ministry.")
    reply.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [stored] = list_appeals(open_db, channel=Channel.EMAIL)
    assert stored.reply_attachment == f"{stored.appeal_id}-reply.pdf"
    kept = app_paths.data_dir / "attachments" / stored.reply_attachment
    assert kept.read_bytes() == scan.read_bytes()
    dialog.table.selectRow(0)
    shown = dialog.scan_label.text()  # the note and the scan's kind, not its stored name
    assert "Scanned letter from the ministry." in shown and "scan attached (PDF)" in shown
    assert stored.appeal_id not in shown
    assert dialog.open_scan_button.isEnabled()
    dialog.open_scan_button.click()
    assert opened == [str(kept.resolve())]
