"""Text from documents and files is shown as text: HTML in a UA title is never rendered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.database import open_store
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter

HOSTILE = (
    "<img src='/etc/fictional.png'><h1 style='color:red;font-size:90px'>BIG</h1>"
    "<a href='http://example.invalid'>link</a> FICTIONAL CASE"
)


def test_case_header_and_letter_heading_show_markup_as_text(make_window, app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26", title=HOSTILE))
    window = make_window()
    window.case_list.select_first()

    header = window.detail.case_page().title_label
    assert header.textFormat() == Qt.TextFormat.PlainText
    assert header.text() == HOSTILE

    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert "<h1" in dialog.heading.text()


def test_event_mode_heading_shows_markup_as_text(qtbot, gui_app, app_paths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import create_event
    from app.ui.events import event_mode_window
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock

    monkeypatch.setattr(event_mode_window, "ask_pin", lambda _parent, _lock: True)

    store_documents(app_paths, fictional_document("12/26"))
    db = open_store(app_paths)
    try:
        event = create_event(db, "<b style='font-size:80px'>Evening</b>", cases=["12/26"])
        window = EventModeWindow(db, event, PinLock("2468"), idle_reset_ms=50)
        qtbot.add_widget(window)
        assert window.heading.textFormat() == Qt.TextFormat.PlainText
        assert window.heading.text().startswith("<b style=")
    finally:
        db.close()
