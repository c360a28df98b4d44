"""The appeal history through the real widgets: each status change is stored and shown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.model import AppealRecord, AppealStatus, Channel
from app.services.appeals import list_appeals, record_appeal
from app.services.editing import edit_case
from app.services.samples import load_sample_pack
from app.ui.models.appeal_table_model import AppealColumn

UA = "902/27"  # a shipped fictional sample case, one official
DRAFT_TEXT = "Dear Fiscal General,\n\nPlease protect the radio host.\n\n(fictional letter)"


def seed(db) -> None:  # type: ignore[no-untyped-def]
    load_sample_pack(db)
    record_appeal(
        db,
        UA,
        target_index=1,
        channel=Channel.EMAIL,
        sent_on=date.today() - timedelta(days=3),
        text="An earlier email.",
    )
    record_appeal(db, UA, target_index=1, channel=None, status=AppealStatus.DRAFT, text=DRAFT_TEXT)


def shown(dialog) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(UA number, channel, status) per row, as the table displays channel and status.

    The UA cell may carry a tag for sample cases, so the number comes from the row's record.
    """
    model = dialog.model
    return [
        (
            model.record_at(row).ua_number,
            model.index(row, AppealColumn.CHANNEL).data(),
            model.index(row, AppealColumn.STATUS).data(),
        )
        for row in range(model.rowCount())
    ]


def open_history(window, **filters):  # type: ignore[no-untyped-def]
    window.menu_actions.history.trigger()
    dialog = window.case_actions.history_dialog
    dialog.case_combo.setCurrentIndex(dialog.case_combo.findData(filters.get("ua", UA)))
    status = filters.get("status")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(status) if status else 0)
    return dialog


def stored(db) -> AppealRecord:  # type: ignore[no-untyped-def]
    [draft] = [a for a in list_appeals(db, ua_number=UA) if a.text == DRAFT_TEXT]
    return draft


def test_draft_to_printed_to_sent_to_reply_is_stored_and_shown(
    make_window, open_db, qtbot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    seed(open_db)
    window = make_window()
    dialog = open_history(window, status=AppealStatus.DRAFT)
    assert shown(dialog) == [("902/27", "", "Draft")]
    dialog.table.selectRow(0)
    assert dialog.letter_view.isReadOnly()
    assert dialog.letter_view.toPlainText() == DRAFT_TEXT

    # Mark as printed
    assert dialog.printed_button.isEnabled() and not dialog.reply_button.isEnabled()
    with qtbot.waitSignal(dialog.appeal_changed, timeout=5000):
        dialog.printed_button.click()
    assert stored(open_db).status == AppealStatus.PRINTED
    assert shown(dialog) == [("902/27", "", "Printed")]

    # Mark as sent...: the earlier email to the same official is pointed out, not blocking
    dialog.sent_button.click()
    ask = dialog.sent_dialog
    assert ask.notice_label.isVisibleTo(ask)
    assert ask.notice_label.text().startswith("You already sent an appeal to this official on ")
    ask.channel_combo.setCurrentIndex(ask.channel_combo.findData(Channel.POST))
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    record = stored(open_db)
    assert (record.status, record.channel, record.sent_on) == (
        AppealStatus.SENT,
        Channel.POST,
        date.today(),
    )
    assert shown(dialog) == [("902/27", "Post", "Sent")]

    # Record a reply...
    assert dialog.reply_button.isEnabled()
    dialog.reply_button.click()
    reply = dialog.reply_dialog
    reply.note_edit.setPlainText("The office says the host is now protected.")
    with qtbot.waitSignal(dialog.appeal_changed, timeout=5000):
        reply.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    record = stored(open_db)
    assert (record.reply_on, record.reply_note) == (
        date.today(),
        "The office says the host is now protected.",
    )
    assert dialog.model.index(0, AppealColumn.REPLY).data().startswith("Reply on ")
    qtmodeltester.check(dialog.model)

    # A fresh history window reads it all back from the store
    dialog.close()
    again = open_history(window, status=AppealStatus.SENT)
    assert sorted(shown(again)) == [("902/27", "Email", "Sent"), ("902/27", "Post", "Sent")]


def test_mark_sent_after_the_deadline_warns_but_records(make_window, open_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    load_sample_pack(open_db)
    # The deadline is today: sent today is in time, sent tomorrow (the latest day a sent date
    # may carry) is after it.
    edit_case(open_db, "901/27", deadline=date.today())
    record_appeal(
        open_db, "901/27", target_index=1, channel=Channel.POST, status=AppealStatus.PRINTED
    )
    window = make_window()
    dialog = open_history(window, ua="901/27")
    dialog.table.selectRow(0)
    dialog.sent_button.click()
    ask = dialog.sent_dialog
    assert not ask.notice_label.isVisibleTo(ask)  # in time, first letter: nothing to say
    ask.date_edit.setDate(ask.date_edit.date().addDays(1))
    assert "Check with your section office" in ask.notice_label.text()
    assert ask.notice_label.isVisibleTo(ask)
    with qtbot.waitSignal(dialog.appeal_changed, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [record] = list_appeals(open_db, ua_number="901/27")
    assert record.status == AppealStatus.SENT


def test_filters_by_case_status_channel_and_dates(make_window, open_db) -> None:  # type: ignore[no-untyped-def]
    seed(open_db)
    record_appeal(
        open_db,
        "901/27",
        target_index=1,
        channel=Channel.FAX,
        sent_on=date.today() - timedelta(days=90),
    )
    window = make_window()
    dialog = open_history(window)
    dialog.case_combo.setCurrentIndex(0)  # all cases
    assert len(shown(dialog)) == 3
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.FAX))
    assert shown(dialog) == [("901/27", "Fax", "Sent")]
    dialog.channel_combo.setCurrentIndex(0)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(AppealStatus.SENT))
    assert sorted(shown(dialog)) == [("901/27", "Fax", "Sent"), ("902/27", "Email", "Sent")]
    dialog.dates_box.setChecked(True)  # the last month: the fax of 90 days ago drops out
    assert shown(dialog) == [("902/27", "Email", "Sent")]
    dialog.case_combo.setCurrentIndex(dialog.case_combo.findData("901/27"))
    assert shown(dialog) == []
    assert dialog.count_label.text() == "Letters shown: 0"
