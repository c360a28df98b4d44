"""What a screen reader gets: readable details with headings, spoken warnings and confirmations,
names that are the visible text, counts of a painted board, checked cases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from app.paths import AppPaths
from app.settings import Settings
from tests.builders import numbered_case, store


@pytest.fixture
def spoken() -> Iterator[list[str]]:
    from app.ui.accessibility import listen

    said: list[str] = []
    stop = listen(said.append)
    yield said
    stop()


def name_of(widget) -> str:  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_the_details_are_text_a_caret_walks_with_headings(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(91, "Peru", 12))
    window = main_window()
    window.case_list.select_first()
    body = window.detail.case_page().body
    assert body.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert body.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "<h2" in body.toHtml() and "Write to" in body.toPlainText()


def test_letter_editor_warnings_and_signature_are_spoken(
    qtbot, main_window, paths: AppPaths, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(92, "Peru", -3))  # the deadline has passed
    window = main_window(Settings(welcome_done=True))
    window.case_list.select_first()
    window.menu_actions.write_letter.trigger()
    dialog = window.case_actions.letter_dialog
    qtbot.waitUntil(lambda: "Invented Official 92" in dialog.text(), timeout=10_000)
    assert any("deadline of this UA has passed" in text for text in spoken), spoken
    assert name_of(dialog.sender_label).startswith("Signed by: Nobody yet")
    qtbot.waitUntil(lambda: any("model text" in text for text in spoken), timeout=5000)
    dialog.copy_to_clipboard()
    assert any("on the clipboard" in text for text in spoken)
    dialog.mark_recorded()


def test_the_deadline_reminder_speaks_its_text_and_says_when_it_appears(
    qtbot, main_window, paths: AppPaths, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    store(paths, numbered_case(93, "Peru", (date.today() - date(2026, 3, 2)).days + 2))
    window = main_window()
    notifier = window.start_reminders(use_tray=False)
    notifier.check()
    text = notifier.banner.message.text()
    assert "UA 93/26" in text and date.today() + timedelta(days=2) >= date.today()
    assert name_of(notifier.banner.message) == text
    assert text in spoken


def test_about_folders_are_read_as_their_paths(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(paths)
    qtbot.add_widget(dialog)
    assert name_of(dialog.data_path) == str(paths.data_dir)


def test_each_shortcut_row_is_read_once(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.shortcuts_help import ShortcutsDialog

    dialog = ShortcutsDialog([])
    qtbot.add_widget(dialog)
    keys, action = dialog.table.item(0, 0), dialog.table.item(0, 1)
    assert keys.data(Qt.ItemDataRole.AccessibleTextRole) is None
    assert action.data(Qt.ItemDataRole.AccessibleTextRole) is None


def test_search_matches_and_status_messages_are_announced(
    qtbot, main_window, paths: AppPaths, spoken: list[str]
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(94, "Peru", 12), numbered_case(95, "Chile", 12))
    window = main_window()
    window.case_list.search_box.setText("Chile")
    qtbot.waitUntil(lambda: "1 case matches your search." in spoken, timeout=3000)
    window.case_list.search_box.setText("nowhere at all")
    qtbot.waitUntil(lambda: "No case matches your search." in spoken, timeout=3000)
    window.statusBar().showMessage("Appeal for UA 94/26 recorded.")
    assert "Appeal for UA 94/26 recorded." in spoken


def test_the_tally_board_has_its_counts_as_text(qtbot, gui_app, spoken: list[str]) -> None:  # type: ignore[no-untyped-def]
    from app.domain.events import CaseTally, EventInfo, EventTally
    from app.ui.events.tally_board import TallyBoard

    def tally(count: int) -> EventTally:
        import inspect

        info_fields = inspect.signature(EventInfo).parameters
        info = EventInfo(**{"name": "Evening", **{k: None for k in info_fields if k != "name"}})
        return EventTally(info, count, (CaseTally("12/26", "Case", 10, count),))

    counts = [tally(3)]
    board = TallyBoard(lambda: counts[0], poll_ms=60_000)
    qtbot.add_widget(board)
    board.show()
    assert board.counts.text() == "Evening: 3 letters. UA 12/26: 3 of 10."
    assert board.findChildren(type(board.counts))
    counts[0] = tally(4)
    board.refresh()
    assert "4 letters" in spoken


def test_ticked_cases_in_play_are_checked_cells(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(96, "Peru", 12))
    window = main_window()
    window.events_menu.event_mode.trigger()
    form = window.events_menu.dialog.form
    item = form.case_table.item(0, 0)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    form.tick("96/26", goal=5)
    assert Qt.CheckState(item.data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked
    assert form.case_table.item(0, 1).data(Qt.ItemDataRole.AccessibleTextRole) == "5"
    assert form.date_edit.accessibleName() == "Event date"
    assert form.case_table.accessibleName() == "Cases in play"
