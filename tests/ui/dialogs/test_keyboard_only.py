"""Keyboard alone: Tab leaves every table, the event letter takes no tabs, printing needs no
mouse, and the flows a blind volunteer needs work with keys only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.model import Channel
from app.paths import AppPaths
from tests.builders import TODAY, numbered_case, store


@pytest.fixture
def spoken() -> Iterator[list[str]]:
    """Everything the app announced to screen readers during the test, in order."""
    from app.ui.accessibility import listen

    said: list[str] = []
    stop = listen(said.append)
    yield said
    stop()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key to whatever has the focus, as a keyboard would send it."""
    qtbot.keyClick(focused(), key, modifier)


def wait_active(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def inside(widget: QWidget, container: QWidget) -> bool:
    return widget is container or container.isAncestorOf(widget)


def assert_tab_leaves(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Tab and Shift+Tab from ``widget`` put the focus outside it (no keyboard trap)."""
    for key, modifier in (
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
    ):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert focused() is widget
        press(qtbot, key, modifier)
        assert not inside(focused(), widget), f"{key.name} stayed in {widget.accessibleName()!r}"


def record(paths: AppPaths, ua_number: str, text: str = "") -> None:
    from app.services.appeals import record_appeal
    from app.services.database import open_store

    db = open_store(paths)
    try:
        record_appeal(db, ua_number, target_index=1, channel=Channel.POST, text=text, sent_on=TODAY)
    finally:
        db.close()


# ---- no keyboard traps -----------------------------------------------------------------------


def test_tab_leaves_the_history_table(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(61, "Peru", 12))
    record(paths, "61/26", "Dear Minister, please free Invented Person 61.")
    window = main_window()
    window.menu_actions.history.trigger()
    history = window.case_actions.history_dialog
    wait_active(qtbot, history)
    assert_tab_leaves(qtbot, history.table)


def test_tab_leaves_the_backups_table(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.services import backups
    from app.ui.dialogs.backups_dialog import BackupsDialog

    store(paths, numbered_case(62, "Peru", 12))
    window = main_window()
    backups.make_backup(paths, window.context.db)
    dialog = BackupsDialog(paths, lambda: window.context.db, lambda: None, window.use_store, window)
    qtbot.add_widget(dialog)
    dialog.show()
    wait_active(qtbot, dialog)
    assert dialog.table.rowCount() >= 1
    assert_tab_leaves(qtbot, dialog.table)
    assert dialog.table.accessibleName() == "Backups"


def test_tab_leaves_the_cases_in_play_and_reaches_create_event(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(63, "Peru", 12), numbered_case(64, "Chile", 20))
    window = main_window()
    window.events_menu.event_mode.trigger()
    dialog = window.events_menu.dialog
    wait_active(qtbot, dialog)
    table = dialog.form.case_table
    assert_tab_leaves(qtbot, table)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    for _step in range(5):
        if focused() is dialog.create_button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.create_button


def test_event_letter_takes_no_tabs_and_the_buttons_follow_it(
    qtbot, main_window, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import create_event
    from app.ui.events import event_mode_window
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock

    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: True)
    store(paths, numbered_case(65, "Peru", 12))
    window = main_window()
    event = create_event(window.context.db, "Evening (fictional)", cases=["65/26"])
    mode = EventModeWindow(window.context.db, event, PinLock("2468"))
    qtbot.add_widget(mode)
    mode.show()
    wait_active(qtbot, mode)
    mode.form.case_list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    letter = mode.form.letter_edit
    qtbot.waitUntil(lambda: "Invented Official 65" in letter.toPlainText(), timeout=5000)
    before = letter.toPlainText()
    letter.setFocus(Qt.FocusReason.TabFocusReason)
    order = []
    for _step in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(focused())
    assert letter.toPlainText() == before  # no tab typed into the letter
    assert order[:3] == [mode.form.restart_button, mode.print_button, mode.record_button]
    assert letter.accessibleName() == "" and mode.form.letter_caption.buddy() is letter
    from PySide6.QtGui import QAccessible

    spoken = QAccessible.queryAccessibleInterface(letter).text(QAccessible.Text.Name)
    assert spoken == "4. Your letter (change it as you like):"
    mode.leave(pin_checked=True)


def test_tab_in_the_letter_editor_stops_only_where_something_can_be_done(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    """From the Close button Tab goes straight to the first field of the side column, not to
    the column's scroll area (a stop where no key does anything)."""
    store(paths, numbered_case(67, "Peru", 12))
    window = main_window()
    window.case_list.select_first()
    window.menu_actions.write_letter.trigger()
    dialog = window.case_actions.letter_dialog
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.buttons.print.isEnabled, timeout=10_000)  # the letter is drafted
    dialog.buttons.close.setFocus(Qt.FocusReason.TabFocusReason)
    stops = []
    for _step in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        stops.append(focused())
    assert dialog.side_scroll not in stops
    assert dialog.target_combo in stops
    dialog.mark_recorded()


# ---- printing without a mouse ----------------------------------------------------------------


@pytest.fixture
def printer_to_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The print dialog answered "Print" with a PDF file as the printer."""
    from PySide6.QtPrintSupport import QPrinter

    from app.ui import print_preview

    pdf = tmp_path / "printed.pdf"

    def to_pdf(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", to_pdf)
    return pdf


def pdf_text(pdf: Path) -> str:
    """The printed words, with single spaces and ligatures ("ﬀ") spelled out."""
    import unicodedata

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_a_letter_is_printed_from_the_preview_with_keys_only(
    qtbot, main_window, paths: AppPaths, printer_to_pdf: Path, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(66, "Peru", 12))
    window = main_window()
    wait_active(qtbot, window)
    window.case_list.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # the letter editor, focus in the letter
    dialog = window.case_actions.letter_dialog
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.buttons.print.isEnabled, timeout=10_000)  # the letter is drafted
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Print...
    qtbot.waitUntil(lambda: getattr(dialog, "print_preview", None) is not None, timeout=3000)
    preview = dialog.print_preview
    wait_active(qtbot, preview)
    assert focused() is preview.print_button  # the focus starts on Print, Enter prints
    tab_stops = set()
    for _step in range(10):
        press(qtbot, Qt.Key.Key_Tab)
        tab_stops.add(focused())
    assert {preview.print_button, preview.close_button, preview.view} <= tab_stops
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: f"Saved {printer_to_pdf}." in spoken, timeout=5000)
    assert "Invented Official 66" in pdf_text(printer_to_pdf)
    dialog.mark_recorded()


def test_a_participant_prints_and_counts_a_letter_with_keys_only(
    qtbot,
    main_window,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    spoken: list[str],
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from app.services.events import create_event, event_tally
    from app.ui import print_preview
    from app.ui.events import event_mode_window
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock

    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: True)

    def no_system_dialog(*_args: object) -> bool:
        raise AssertionError("a kiosk never opens the system's print dialog")

    monkeypatch.setattr(print_preview, "ask_printer", no_system_dialog)
    store(paths, numbered_case(67, "Peru", 12), numbered_case(68, "Chile", 20))
    window = main_window()
    event = create_event(window.context.db, "Evening (fictional)", cases=["67/26", "68/26"])
    mode = EventModeWindow(window.context.db, event, PinLock("2468"))
    mode.kiosk.printer = ""  # no printer set up: letters go to the event's folder
    qtbot.add_widget(mode)
    mode.show()
    wait_active(qtbot, mode)
    form = mode.form

    # the first participant picks the first case, reads its story, signs, tabs to "Print"
    form.case_list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.story
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.name_edit
    qtbot.keyClicks(focused(), "Kim")
    qtbot.waitUntil(lambda: "Kim" in form.text() and not form.drafting, timeout=5000)
    while focused() is not mode.print_button:
        assert focused() is not mode.next_button, "Print my letter was never reached"
        press(qtbot, Qt.Key.Key_Tab)

    def print_in_the_preview() -> None:
        preview = QApplication.activeModalWidget()
        assert preview is not None and focused() is preview.print_button
        press(qtbot, Qt.Key.Key_Return)

    QTimer.singleShot(200, print_in_the_preview)
    with qtbot.waitSignal(mode.letter_recorded, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    (printed,) = mode.kiosk.folder.glob("*.pdf")
    assert "Kim" in pdf_text(printed)
    assert any("is counted" in text for text in spoken), spoken

    # counted: the focus moves on to "Next person", which brings it back to the case list,
    # with no case chosen for them
    wait_active(qtbot, mode)
    assert focused() is mode.next_button
    press(qtbot, Qt.Key.Key_Space)
    assert focused() is form.case_list and form.case() is None
    assert "Ready for the next person. Choose a case." in spoken

    # the second participant counts a handwritten letter: Tab from the letter to "count"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert form.case() is not None and form.case().ua_number == "68/26"
    qtbot.waitUntil(lambda: not form.drafting, timeout=5000)  # drafted off the GUI thread
    form.letter_edit.setFocus(Qt.FocusReason.TabFocusReason)
    while focused() is not mode.record_button:
        press(qtbot, Qt.Key.Key_Tab)
    with qtbot.waitSignal(mode.letter_recorded, timeout=5000):
        press(qtbot, Qt.Key.Key_Space)
    assert event_tally(window.context.db, event.name).total == 2
    mode.leave(pin_checked=True)


# ---- the flows, with keys only -----------------------------------------------------------------


def tab_to(qtbot, target: QWidget, limit: int = 30) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the focus (fails if it is never reached)."""
    for _step in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.accessibleName() or target}"


def test_a_stored_letter_is_read_in_the_history_with_keys_only(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(71, "Peru", 12))
    record(paths, "71/26", "Dear Minister,\nplease free Invented Person 71.\nYours sincerely")
    window = main_window()
    wait_active(qtbot, window)
    window.case_list.table.setFocus()
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = window.case_actions.history_dialog
    assert history is not None
    wait_active(qtbot, history)
    tab_to(qtbot, history.table)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    view = history.letter_view
    assert focused() is view
    assert view.toPlainText().startswith("Dear Minister,")
    # a caret: Down moves line by line, as a screen reader reads it
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    press(qtbot, Qt.Key.Key_Down)
    assert view.textCursor().blockNumber() == 1
    press(qtbot, Qt.Key.Key_Tab)
    assert not inside(focused(), view)


def test_a_backup_is_restored_with_keys_only(
    qtbot, main_window, paths: AppPaths, shown_messages, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from app.services import backups
    from app.services.importing import save_parsed

    store(paths, numbered_case(72, "Peru", 12))
    window = main_window()
    backups.make_backup(paths, window.context.db)
    save_parsed(window.context.db, numbered_case(73, "Chile", 12), "ua-73.txt")
    window.reload_cases()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    wait_active(qtbot, window)
    action = window.findChild(type(window.menu_actions.history), "backupsAction")
    from PySide6.QtCore import QTimer

    def restore_with_keys() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert dialog is not None and dialog.windowTitle() == "Backups"
            tab_to(qtbot, dialog.table)
            press(qtbot, Qt.Key.Key_Down)  # every backup here holds the one case
            assert dialog.restore_button.isEnabled()
            tab_to(qtbot, dialog.restore_button)
            press(qtbot, Qt.Key.Key_Space)  # asked (and answered yes), then restored
            press(qtbot, Qt.Key.Key_Escape)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # a failed step must not leave the test waiting

    QTimer.singleShot(100, restore_with_keys)
    action.trigger()  # exec() returns when Escape closes the dialog
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert any(text.startswith("Restored the backup from") for text in spoken), spoken


def test_an_event_with_cases_is_created_with_keys_only(
    qtbot, main_window, paths: AppPaths, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import list_events

    store(paths, numbered_case(74, "Peru", 12), numbered_case(75, "Chile", 20))
    window = main_window()
    window.events_menu.event_mode.trigger()
    dialog = window.events_menu.dialog
    wait_active(qtbot, dialog)
    form = dialog.form
    tab_to(qtbot, form.name_edit)
    qtbot.keyClicks(focused(), "Library evening")
    tab_to(qtbot, form.case_table)
    assert form.case_table.currentRow() == 0
    press(qtbot, Qt.Key.Key_Space)  # tick the first case
    press(qtbot, Qt.Key.Key_Right)
    qtbot.keyClicks(focused(), "5")  # its goal
    press(qtbot, Qt.Key.Key_Return)  # the cell takes the number as the event loop runs
    qtbot.waitUntil(lambda: focused() is form.case_table, timeout=3000)
    first = form.case_table.item(0, 0)
    assert first.checkState() == Qt.CheckState.Checked
    assert form.cases() == {first.data(Qt.ItemDataRole.UserRole): 5}
    tab_to(qtbot, dialog.create_button)
    press(qtbot, Qt.Key.Key_Space)
    assert "Created \u201cLibrary evening\u201d." in spoken
    [event] = list_events(window.context.db)
    assert event.name == "Library evening" and len(event.cases) == 1
