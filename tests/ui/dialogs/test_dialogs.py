"""About, welcome, shortcuts, Write today, transit times, reminders and diagnostics, as seen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app import __version__
from app.domain.model import SenderProfile
from app.paths import AppPaths
from app.settings import Settings, load_settings
from tests.builders import TODAY, numbered_case, store


def test_about_shows_version_licence_places_and_fictional_samples(
    qtbot, gui_app, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.about_dialog import show_about

    dialog = show_about(None, paths)
    qtbot.add_widget(dialog)
    texts = " ".join(
        label.text()
        for label in (
            dialog.version_label,
            dialog.licence_label,
            dialog.samples_label,
            dialog.data_path,
            dialog.log_path,
        )
    )
    assert __version__ in texts
    assert "GPL-3.0-or-later" in texts
    assert str(paths.data_dir) in texts and str(paths.log_dir) in texts
    assert "fictional" in texts
    assert not dialog.windowIcon().isNull()


def test_welcome_saves_the_sender_and_never_shows_again(qtbot, gui_app, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome

    saved: list[Settings] = []
    dialog = maybe_show_welcome(None, paths, Settings(), saved.append)
    assert dialog is not None
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ada Writer")
    dialog.address_edit.setPlainText("7 Quiet Lane")
    qtbot.keyClicks(dialog.city_edit, "Hometown")
    qtbot.keyClicks(dialog.country_edit, "Germany")
    qtbot.keyClicks(dialog.about_edit, "I teach history.")
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.save_button.click()
    settings = load_settings(paths)
    assert settings.welcome_done
    assert settings.sender.name == "Ada Writer"
    assert settings.sender.city == "Hometown" and settings.sender.about == "I teach history."
    assert settings.page_size == "Letter"
    assert saved == [settings]
    assert maybe_show_welcome(None, paths, settings) is None


def test_a_welcome_that_cannot_be_saved_says_so_and_keeps_the_typed_details(
    qtbot, gui_app, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """The settings file cannot be written (a folder stands where it goes, as a full disk
    refuses it): the user is told, and the dialog stays open with everything typed."""
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome

    paths.settings_file.mkdir(parents=True)
    saved: list[Settings] = []
    dialog = maybe_show_welcome(None, paths, Settings(), saved.append)
    assert dialog is not None
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ada Writer")
    qtbot.keyClicks(dialog.city_edit, "Hometown")
    dialog.save_button.click()
    [(kind, title, text)] = shown_messages
    assert kind == "error" and title == "Your details were not saved"
    assert "could not be saved" in text and "not a regular file" in text
    assert "still in the window" in text
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "Ada Writer" and dialog.city_edit.text() == "Hometown"
    assert saved == []
    # the disk has room again: the same click saves what was typed
    paths.settings_file.rmdir()
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.save_button.click()
    settings = load_settings(paths)
    assert settings.welcome_done and settings.sender.name == "Ada Writer"
    assert saved == [settings]


def test_keeping_typed_details_that_cannot_be_saved_says_so_and_stays_open(
    qtbot, gui_app, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome

    paths.settings_file.mkdir(parents=True)
    dialog = maybe_show_welcome(None, paths, Settings())
    assert dialog is not None
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ana Example")
    dialog.skip_button.click()  # "Keep your details?" is answered yes
    assert [title for _kind, title, _text in shown_messages] == ["Your details were not saved"]
    assert dialog.isVisible() and dialog.name_edit.text() == "Ana Example"
    dialog.done(0)


def test_skipping_an_empty_welcome_marks_it_done_without_a_question(
    qtbot, gui_app, paths: AppPaths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome
    from app.ui.messages import Messages

    asked: list[str] = []
    monkeypatch.setattr(
        Messages, "ask_keep", staticmethod(lambda _p, title, _t, **_k: asked.append(title))
    )
    dialog = maybe_show_welcome(None, paths, Settings())
    qtbot.add_widget(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.skip_button.click()
    settings = load_settings(paths)
    assert settings.welcome_done and settings.sender.name == ""
    assert asked == []
    assert maybe_show_welcome(None, paths, settings) is None


def test_closing_the_welcome_with_typed_details_asks_and_keeps_them(
    qtbot, gui_app, paths: AppPaths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome
    from app.ui.messages import KeepChoice, Messages

    asked: list[str] = []

    def keep(_parent, title, text, can_go_back=True):  # type: ignore[no-untyped-def]
        asked.append(text)
        return KeepChoice.KEEP

    monkeypatch.setattr(Messages, "ask_keep", staticmethod(keep))
    dialog = maybe_show_welcome(None, paths, Settings())
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ana Example")
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "did not save" in asked[0]
    settings = load_settings(paths)
    assert settings.sender.name == "Ana Example"
    assert settings.welcome_done


def test_declining_to_keep_typed_details_brings_the_welcome_back_next_time(
    qtbot, gui_app, paths: AppPaths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome
    from app.ui.messages import KeepChoice, Messages

    asked: list[str] = []

    def discard(_parent, title, text, can_go_back=True):  # type: ignore[no-untyped-def]
        asked.append(title)
        return KeepChoice.DISCARD

    monkeypatch.setattr(Messages, "ask_keep", staticmethod(discard))
    dialog = maybe_show_welcome(None, paths, Settings())
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Not kept")
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.close()  # the title bar's close button
    assert asked == ["Keep your details?"]
    settings = load_settings(paths)
    assert settings.sender.name == ""
    assert not settings.welcome_done  # closed, not finished: it greets the user again
    again = maybe_show_welcome(None, paths, settings)
    assert again is not None
    qtbot.add_widget(again)
    again.close()


def test_shortcuts_list_names_the_main_flow_keys(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.shortcuts_help import show_shortcuts, window_actions

    window = main_window()
    dialog = show_shortcuts(window, window_actions(window))
    rows = dialog.rows()
    keys: dict[str, str] = {}
    for key, label in rows:
        keys.setdefault(key, label)  # the window's action first, then the letter editor's
    assert keys["Ctrl+L"] == "Write a letter"
    assert keys["Ctrl+M"] == "Mark as sent"
    assert keys["Ctrl+F"] == "Find a case"
    table = dialog.table
    assert table.rowCount() == len(rows)
    index = table.model().index(0, 1)
    # each cell is read as its own text under its column header: a row is read once
    assert table.model().data(index, Qt.ItemDataRole.AccessibleTextRole) is None
    assert table.model().data(index) == rows[0][1]


def test_write_today_lists_the_most_pressing_case_first_and_says_why(
    qtbot, gui_app, paths: AppPaths, db
) -> None:  # type: ignore[no-untyped-def]
    from app.services.database import Database
    from app.ui.views.write_today_view import WriteTodayView
    from tests.builders import add_cases

    assert isinstance(db, Database)
    add_cases(
        db,
        numbered_case(31, "Germany", 20),
        numbered_case(32, "Peru", 5, email="desk@invented.example"),
    )
    view = WriteTodayView(paths, lambda: db, Settings, today=lambda: TODAY)
    qtbot.add_widget(view)
    view.reload()
    model = view.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "32/26"
    assert model.index(0, 5).data() == "Too late for post"
    assert "email" in view.advice_label.text() and "embassy of Peru" in view.advice_label.text()
    assert model.index(1, 5).data() == "Post within 13 days"
    with qtbot.waitSignal(view.write_requested, timeout=1000) as signal:
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args[0] == view.model.item_at(0).case.case_id


def test_write_today_model_passes_the_model_tester(qtmodeltester, gui_app, paths, db) -> None:  # type: ignore[no-untyped-def]
    from app.services.transit_times import shipped_table
    from app.services.urgency import write_today
    from app.ui.models.write_today_model import WriteTodayModel
    from tests.builders import add_cases

    add_cases(db, numbered_case(33, "Iran", 4, fax="+0"), numbered_case(34, "Peru", None))
    model = WriteTodayModel()
    model.set_items(write_today(db, shipped_table(), TODAY))
    qtmodeltester.check(model)


def test_new_transit_times_change_the_advice(qtbot, gui_app, paths: AppPaths, db) -> None:  # type: ignore[no-untyped-def]
    from app.ui.views.write_today_view import WriteTodayView
    from tests.builders import add_cases

    add_cases(db, numbered_case(35, "Peru", 9))
    view = WriteTodayView(paths, lambda: db, Settings, today=lambda: TODAY)
    qtbot.add_widget(view)
    view.reload()
    assert view.model.index(0, 5).data() == "Too late for post"
    view.edit_transit_times()
    dialog = view.transit_dialog
    dialog.days_spins["latin_america_caribbean"].setValue(5)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert view.model.index(0, 5).data() == "Post within 4 days"
    assert (paths.data_dir / "transit_times.json").is_file()


def test_near_deadlines_show_a_banner_in_the_window(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]

    today = date.today()  # the window reminds against the real clock
    store(
        paths,
        replace(numbered_case(41, "Peru", 30), deadline=today),
        replace(numbered_case(42, "Peru", 30), deadline=today + timedelta(days=60)),
    )
    window = main_window()
    notifier = window.start_reminders(use_tray=False)
    due = notifier.check()
    assert [item.case.ua_number for item in due] == ["41/26"]
    assert notifier.toolbar.isVisible()
    assert "UA 41/26 (Due today)" in notifier.banner.message.text()
    notifier.banner.dismiss_button.click()
    assert not notifier.toolbar.isVisible()
    assert notifier.check() == []


def test_copy_diagnostic_info_puts_a_report_on_the_clipboard(gui_app, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.diagnostics_copy import copy_diagnostic_info

    text = copy_diagnostic_info(paths, Settings(), None)
    assert QGuiApplication.clipboard().text() == text
    assert "Qt platform" in text and __version__ in text


def test_menus_reach_write_today_about_shortcuts_and_diagnostics(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.about_dialog import AboutDialog
    from app.ui.shortcuts_help import ShortcutsDialog
    from app.ui.views.write_today_view import WriteTodayDialog

    store(paths, numbered_case(61, "Peru", 40))
    window = main_window()
    polish = window.menu_actions
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&View") < titles.index("&Help")
    assert polish.write_today.shortcut().toString() == "Ctrl+T"
    polish.write_today.trigger()
    [queue] = window.findChildren(WriteTodayDialog)
    assert queue.view.model.index(0, 0).data() == "61/26"
    queue.view.write_button.click()
    letter = window.case_actions.letter_dialog
    assert letter is not None and letter.case.ua_number == "61/26"
    letter.close()
    window.menu_actions.about.trigger()
    assert len(window.findChildren(AboutDialog)) == 1
    window.menu_actions.shortcuts.trigger()
    [shortcuts] = window.findChildren(ShortcutsDialog)
    assert ("Ctrl+T", "Write today") in shortcuts.rows()
    polish.copy_diagnostics.trigger()
    assert "cases open" in QGuiApplication.clipboard().text()
    assert "no personal data" in window.statusBar().currentMessage()


def test_the_shortcut_list_names_the_letter_editor_keys_it_really_has(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from app.ui.shortcuts_help import letter_editor_keys

    store(paths, numbered_case(62, "Peru", 40))
    window = main_window()
    window.menu_actions.write_letter.trigger()
    buttons = window.case_actions.letter_dialog.buttons
    real = {k.toString(QKeySequence.SequenceFormat.NativeText) for k in buttons.keys.values()}
    listed = {keys for keys, _label in letter_editor_keys()}
    assert listed == real


def test_a_tray_reminder_does_not_disturb_the_window(qtbot, main_window, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]

    store(paths, replace(numbered_case(63, "Peru", 30), deadline=date.today()))
    window = main_window()
    notifier = window.start_reminders(use_tray=True)
    assert notifier.tray is not None
    assert [item.case.ua_number for item in notifier.check()] == ["63/26"]
    assert notifier.toolbar.isVisible()  # the window says it too, tray or not
    with qtbot.waitSignal(notifier.write_today_requested, timeout=1000):
        notifier.tray.messageClicked.emit()


def test_choosing_a_language_in_the_welcome_shows_it_at_once(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from app.i18n import available_languages
    from app.ui.application import apply_language
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    if "de" not in available_languages():
        return
    dialog = WelcomeDialog(Settings())
    qtbot.add_widget(dialog)
    english = dialog.windowTitle()
    try:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
        assert dialog.windowTitle() != english
    finally:
        apply_language("en")
    assert dialog.windowTitle() == english


def test_choosing_a_language_in_the_welcome_over_the_window_keeps_it_open_and_filled(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.i18n import available_languages
    from app.ui.application import apply_language, when_ready
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    if "de" not in available_languages():
        return
    window = main_window(Settings())
    when_ready(window, window.context)
    [welcome] = window.findChildren(WelcomeDialog)
    qtbot.keyClicks(welcome.name_edit, "Ana Example")
    qtbot.keyClicks(welcome.city_edit, "Leeds")
    try:
        welcome.language_combo.setFocus()
        qtbot.keyClick(welcome.language_combo, Qt.Key.Key_Down)  # one keypress: "As my system"
        welcome.language_combo.setCurrentIndex(welcome.language_combo.findData("de"))
        assert welcome.isVisible() and welcome.result() == 0
        assert welcome.windowTitle() == "Willkommen bei Appeal Desk"
        assert welcome.name_edit.text() == "Ana Example" and welcome.city_edit.text() == "Leeds"
        save = welcome.save_button
        QGuiApplication.processEvents()  # Qt's own catalog arrives: its LanguageChange events
        assert save.text() == "&Speichern und loslegen"
        assert not load_settings(paths).welcome_done  # nothing saved until the user says so
        with qtbot.waitSignal(welcome.finished, timeout=3000):
            welcome.save_button.click()
    finally:
        apply_language("en")
    settings = load_settings(paths)
    assert settings.sender.name == "Ana Example" and settings.sender.city == "Leeds"
    assert settings.ui_language == "de" and settings.welcome_done


def test_start_up_hooks_remind_at_once_and_welcome_a_new_user(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import when_ready
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    store(paths, replace(numbered_case(64, "Peru", 30), deadline=date.today()))
    window = main_window(Settings())  # first run: welcome not done yet
    when_ready(window, window.context)  # what application.run does once the cases are loaded
    assert window.reminders is not None and window.reminders.toolbar.isVisible()
    [welcome] = window.findChildren(WelcomeDialog)
    qtbot.keyClicks(welcome.name_edit, "Ada Writer")
    with qtbot.waitSignal(welcome.finished, timeout=3000):
        qtbot.keyClick(welcome.name_edit, Qt.Key.Key_Return)
    assert window.context.settings.sender.name == "Ada Writer"
    assert load_settings(paths).welcome_done


def test_the_welcome_waits_for_a_file_dialog_opened_before_the_cases_were_loaded(
    qtbot, main_window
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from app.ui.application import when_ready
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    window = main_window(Settings())  # first run: welcome not done yet

    def welcomes_shown() -> list[WelcomeDialog]:
        return [dialog for dialog in window.findChildren(WelcomeDialog) if dialog.isVisible()]

    file_dialog = QFileDialog(window, "Import Urgent Action documents")
    file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    over_the_file_dialog: list[list[WelcomeDialog]] = []

    def ready_while_choosing() -> None:
        when_ready(window, window.context)  # the cases came in while the user was choosing
        QTimer.singleShot(600, lambda: over_the_file_dialog.append(welcomes_shown()))
        QTimer.singleShot(700, file_dialog.reject)

    QTimer.singleShot(0, ready_while_choosing)
    file_dialog.exec()

    assert over_the_file_dialog == [[]]  # nothing opened on top of the file dialog
    qtbot.waitUntil(lambda: len(welcomes_shown()) == 1, timeout=5000)
    [welcome] = welcomes_shown()
    with qtbot.waitSignal(welcome.finished, timeout=3000):
        welcome.reject()


def test_a_long_name_in_the_welcome_shows_from_its_first_letter(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    """The welcome opens with the name selected, ready to be typed over, and its start in view."""
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    long_name = (
        "Maria-Magdalena Hohenzollern-Sigmaringen von und zu Wittelsbach-Oberammergau"
        " (Amnesty International, grupo de Vila Nova de Famalicão)"
    )
    sender = SenderProfile(name=long_name, city="Vila Nova de Famalicão", country="Portugal")
    dialog = WelcomeDialog(Settings(sender=sender))
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.name_edit
    assert edit.selectedText() == long_name, "typing replaces the name, as in any dialog"
    assert edit.fontMetrics().horizontalAdvance(long_name) > edit.width(), "the name is longer"
    start = edit.fontMetrics().horizontalAdvance(long_name[: edit.cursorPosition()])
    assert start < edit.width(), "the text is scrolled to show its first letters"


def test_cancel_on_keep_your_details_goes_back_to_the_welcome_with_them(
    qtbot, gui_app, paths: AppPaths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Escape by mistake, then Cancel: the welcome stays with the name typed in it, and
    nothing is saved until the user chooses."""
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome
    from app.ui.messages import KeepChoice, Messages

    asked: list[str] = []

    def go_back(_parent, title, text, can_go_back=True):  # type: ignore[no-untyped-def]
        asked.append(title)
        return KeepChoice.GO_BACK

    monkeypatch.setattr(Messages, "ask_keep", staticmethod(go_back))
    dialog = maybe_show_welcome(None, paths, Settings())
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ana Example")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.skip_button.click()
    assert asked == ["Keep your details?", "Keep your details?"]
    assert dialog.isVisible() and dialog.name_edit.text() == "Ana Example"
    assert not load_settings(paths).welcome_done
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.save_button.click()
    assert load_settings(paths).sender.name == "Ana Example"
