"""Keyboard alone and screen readers: the main flow by keys only, and a name on every control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.domain.model import Channel
from app.paths import AppPaths
from app.settings import Settings
from tests.builders import TODAY, numbered_case, store

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gets: the accessible name, else the label whose buddy the
    control is, else a button's own text (without its &)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible, focusable controls that a screen reader could not name."""
    missing: list[str] = []
    for kind in INTERACTIVE:
        for widget in root.findChildren(kind):
            if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
                continue
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
                widget, QAbstractButton
            ):
                continue
            if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the inner line edit of a combo or spin box speaks for its parent
            if not spoken_name(widget).strip():
                missing.append(
                    f"{type(widget).__name__} {widget.objectName()!r} in {root.windowTitle()!r}"
                )
    return missing


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    """Send one key to whatever has the focus, as a keyboard would."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)


def test_find_write_and_mark_sent_with_the_keyboard_only(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.services.appeals import list_appeals
    from app.services.database import open_store

    store(
        paths,
        numbered_case(51, "Peru", 20, title="Harbour workers"),
        numbered_case(52, "Peru", 25, title="Village teacher"),
    )
    window = main_window(Settings(welcome_done=True))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.case_list.table.setFocus()

    # find the case: Ctrl+F, type, Tab to the list
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.case_list.search_box
    type_text(qtbot, "teacher")
    assert window.proxy.rowCount() == 1
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.case_list.show_closed_box
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.case_list.table
    press(qtbot, Qt.Key.Key_Down)
    assert window.current_case() is not None and window.current_case().ua_number == "52/26"

    # write the letter: Enter on the row opens the editor with the focus in the text
    press(qtbot, Qt.Key.Key_Return)
    dialog = window.case_actions.letter_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: "Invented Official 52" in dialog.text(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)

    # mark it sent: Ctrl+M in the editor, then Enter accepts post / today
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    # a button's shortcut "animates" the click, so the dialog comes a moment later
    qtbot.waitUntil(lambda: window.case_actions.mark_sent_dialog is not None, timeout=3000)
    ask = window.case_actions.mark_sent_dialog
    assert ask.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ask, timeout=3000)
    with qtbot.waitSignal(window.case_updated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)

    db = open_store(paths)
    try:
        [appeal] = list_appeals(db, ua_number="52/26")
    finally:
        db.close()
    assert appeal.channel == Channel.POST
    assert "Invented Official 52" in appeal.text
    assert TODAY.year <= appeal.sent_on.year


def test_every_control_of_the_window_and_dialogs_has_a_name(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.about_dialog import show_about
    from app.ui.dialogs.welcome_dialog import WelcomeDialog
    from app.ui.shortcuts_help import show_shortcuts, window_actions

    store(paths, numbered_case(53, "Peru", 2, email="desk@invented.example"))
    window = main_window()
    notifier = window.start_reminders(use_tray=False)
    notifier.check()
    roots: list[QWidget] = [window]
    window.menu_actions.write_letter.trigger()
    roots.append(window.case_actions.letter_dialog)
    window.menu_actions.mark_sent.trigger()
    roots.append(window.case_actions.mark_sent_dialog)
    window.menu_actions.settings.trigger()
    roots.append(window.case_actions.settings_dialog)
    roots.append(show_about(window, paths))
    roots.append(show_shortcuts(window, window_actions(window)))
    write_today = window.show_write_today()
    roots.append(write_today)
    write_today.view.edit_transit_times()
    roots.append(write_today.view.transit_dialog)
    welcome = WelcomeDialog(Settings(), window)
    qtbot.add_widget(welcome)
    welcome.show()
    roots.append(welcome)
    missing = [name for root in roots for name in unnamed_controls(root)]
    assert missing == []


def test_tables_give_screen_readers_text_for_each_cell(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(54, "Peru", 12))
    window = main_window()
    model = window.case_list.table.model()
    for column in range(model.columnCount()):
        index = model.index(0, column)
        spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole) or model.data(
            index, Qt.ItemDataRole.DisplayRole
        )
        assert str(spoken or "").strip(), f"column {column} says nothing"


def test_the_checker_catches_an_unnamed_control(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QSpinBox, QVBoxLayout

    dialog = QDialog()
    qtbot.add_widget(dialog)
    layout = QVBoxLayout(dialog)
    named, unnamed = QLineEdit(), QSpinBox()
    named.setAccessibleName("Named")
    layout.addWidget(named)
    layout.addWidget(unnamed)
    dialog.show()
    assert unnamed_controls(dialog) == ["QSpinBox '' in ''"]


def test_tab_walks_from_the_search_box_through_the_list_to_the_case_actions(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    store(paths, numbered_case(55, "Peru", 12))
    window = main_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.case_list.search_box.setFocus()
    names = []
    for _step in range(6):
        names.append(spoken_name(focused()))
        press(qtbot, Qt.Key.Key_Tab)
    assert names[:3] == ["Search cases", "Show closed cases", "Cases"]
    assert "Write a letter…" in names[3:], names  # no keyboard trap in the table


def mnemonic_clashes(root: QWidget) -> list[str]:
    """Alt+letter keys claimed twice in one window (the second one can never be reached)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QLabel, QMainWindow

    claimed: dict[str, list[str]] = {}

    def claim(text: str) -> None:
        keys = QKeySequence.mnemonic(text).toString()
        if keys:
            claimed.setdefault(keys, []).append(text)

    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.window() is root:
            claim(button.text())
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(root) and label.window() is root:
            claim(label.text())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            claim(action.text())
    return [f"{keys}: {texts}" for keys, texts in claimed.items() if len(texts) > 1]


def test_no_two_controls_share_an_alt_key(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    store(paths, numbered_case(56, "Peru", 12))
    window = main_window()
    roots: list[QWidget] = [window]
    window.menu_actions.write_letter.trigger()
    roots.append(window.case_actions.letter_dialog)
    window.menu_actions.mark_sent.trigger()
    roots.append(window.case_actions.mark_sent_dialog)
    window.case_actions.mark_sent_dialog.reject()
    window.menu_actions.settings.trigger()
    roots.append(window.case_actions.settings_dialog)
    write_today = window.show_write_today()
    roots.append(write_today)
    welcome = WelcomeDialog(Settings(), window)
    qtbot.add_widget(welcome)
    welcome.show()
    roots.append(welcome)
    assert [clash for root in roots if root is not None for clash in mnemonic_clashes(root)] == []


def test_every_dialog_reachable_from_the_menus_names_its_controls(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.services.appeals import record_appeal
    from app.services.database import open_store

    store(paths, numbered_case(57, "Peru", 9, email="desk@invented.example"))
    db = open_store(paths)
    try:
        record_appeal(db, "57/26", target_index=1, channel=Channel.POST, sent_on=TODAY)
    finally:
        db.close()
    window = main_window()
    actions = window.menu_actions
    for action in (
        actions.history,
        actions.report,
        actions.about,
        actions.shortcuts,
        window.menu_actions.write_today,
    ):
        action.trigger()
    history = window.case_actions.history_dialog
    if history is not None:
        history.reload()
        if history.current_record() is None:
            history.table.selectRow(0)
        history.record_reply()
    roots = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and (w is window or w.parent() is not None)
    ]
    assert len(roots) >= 5, [type(w).__name__ for w in roots]
    missing = [name for root in roots for name in unnamed_controls(root)]
    assert missing == []


def spoken_differently(root: QWidget) -> list[str]:
    """Buttons and tick boxes whose spoken name is not their visible label (a screen reader
    user and a sighted helper must be able to talk about the same button)."""
    differ = []
    for button in root.findChildren(QAbstractButton):
        shown = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not button.isVisibleTo(root) or not shown.strip():
            continue
        if spoken_name(button) != shown:
            differ.append(f"{shown!r} is spoken {spoken_name(button)!r} in {root.windowTitle()!r}")
    return differ


def test_buttons_are_spoken_as_their_visible_labels(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.services.appeals import record_appeal
    from app.services.database import open_store

    store(paths, numbered_case(58, "Peru", 9, email="desk@invented.example"))
    db = open_store(paths)
    try:
        record_appeal(db, "58/26", target_index=1, channel=Channel.POST, sent_on=TODAY)
    finally:
        db.close()
    window = main_window()
    actions = window.menu_actions
    for action in (
        actions.write_letter,
        actions.mark_sent,
        actions.history,
        actions.report,
        actions.about,
        actions.shortcuts,
        actions.write_today,
        actions.settings,
        window.events_menu.event_mode,
    ):
        action.trigger()
    roots = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert len(roots) >= 8, [type(w).__name__ for w in roots]
    letter = window.case_actions.letter_dialog
    assert letter is not None and letter in roots
    differ = [differ for root in roots for differ in spoken_differently(root)]
    assert differ == [], "\n".join(differ)
    # the longer wording is still there, as the description read after the name
    assert letter.buttons.mark_sent.accessibleDescription() == "Record this letter as sent"
