"""The whole path a volunteer walks, in one test: import, find, write, mark sent, restart."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.model import Channel
from app.services.appeals import list_appeals
from app.services.cases import list_cases
from app.ui.import_controller import ImportController
from app.ui.models.case_table_model import Column
from tests.ui.conftest import wait_for_letter


def test_import_find_write_and_mark_sent(make_window, monkeypatch, qtbot, open_db) -> None:  # type: ignore[no-untyped-def]
    from app.samples import sample_paths

    window = make_window()
    assert window.empty_state.isVisible()

    # 1. File > Import: the dialog returns the fictional sample documents.
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: list(sample_paths()))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.import_files.trigger()
    assert window.proxy.rowCount() == 2

    # 2. The search box narrows the list to the case of the person typed.
    qtbot.keyClicks(window.case_list.search_box, "Ipsum")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, Column.UA_NUMBER).data() == "902/27"
    window.case_list.select_first()
    assert window.detail.case.ua_number == "902/27"

    # 3. The letter names the official.
    window.menu_actions.write_letter.trigger()
    letter = wait_for_letter(window.case_actions.letter_dialog)
    assert "Dolores Ficticia" in letter.text()

    # 4. Mark as sent: the row and the store change at once.
    letter.buttons.mark_sent.click()
    ask = window.case_actions.mark_sent_dialog
    ask.channel_combo.setCurrentIndex(ask.channel_combo.findData(Channel.EMAIL))
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.proxy.index(0, Column.APPEALS_SENT).data() == "1"
    [appeal] = list_appeals(open_db, ua_number="902/27")
    assert appeal.channel == Channel.EMAIL and "Dolores Ficticia" in appeal.text
    assert {c.ua_number: c.appeals_sent for c in list_cases(open_db)}["902/27"] == 1

    # 5. After a restart the count is still there.
    window.close()
    again = make_window()
    row = again.proxy.proxy_row_of(
        next(c.case_id for c in again.model.cases() if c.ua_number == "902/27")
    )
    assert again.proxy.index(row, Column.APPEALS_SENT).data() == "1"
