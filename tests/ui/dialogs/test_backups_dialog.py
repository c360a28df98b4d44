"""File > Backups with the real window and store: what a restore shows, and what it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.paths import AppPaths
from tests.builders import numbered_case, store

PAGE = 4096


def _backups_dialog(window):  # type: ignore[no-untyped-def]
    """The dialog as File > Backups… builds it over ``window``."""
    from app.ui.dialogs.backups_dialog import BackupsDialog

    context = window.context
    return BackupsDialog(
        context.paths, lambda: context.db, context.close_store, window.use_store, window
    )


def _row_of(dialog, path: Path) -> int:  # type: ignore[no-untyped-def]
    return next(row for row, info in enumerate(dialog.entries) if info.path == path)


def _named_like_a_backup(paths: AppPaths, stamp: str, data: bytes) -> Path:
    file = paths.backups / f"appeal-desk-{stamp}-manual.sqlite3"
    file.write_bytes(data)
    return file


def _a_good_backup_beside_two_unreadable_ones(paths: AppPaths) -> tuple[Path, Path, Path]:
    """A store of one case, its backup, and two files named like backups: a text file and a
    copy of the backup cut short after its first page."""
    from app.services.backups import make_backup

    store(paths, numbered_case(150, "Peru", 12))
    good = make_backup(paths)
    text = _named_like_a_backup(paths, "20261206T190100000000Z", b"this is not a database\n")
    cut = _named_like_a_backup(paths, "20261206T190200000000Z", good.read_bytes()[: PAGE + 100])
    return good, text, cut


def test_restoring_an_older_backup_selects_its_first_case_without_an_error(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    from app.services.backups import make_backup

    store(paths, numbered_case(150, "Peru", 12))
    make_backup(paths)  # holds 150/26 only
    store(paths, numbered_case(160, "Chile", 20))
    window = main_window()
    [newer] = [c for c in window.listed_cases() if c.ua_number == "160/26"]
    assert window.select_case(newer.case_id)
    assert window.current_case().ua_number == "160/26"
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(0)

    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        dialog.restore_selected()

    assert [kind for kind, _title, _text in shown_messages] == []  # the question only
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]
    assert window.current_case() is not None and window.current_case().ua_number == "150/26"
    assert dialog.status.text().startswith("Restored the backup from")


def test_unreadable_files_in_the_backups_folder_are_listed_as_such_and_not_restored(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]

    good, text, cut = _a_good_backup_beside_two_unreadable_ones(paths)
    window = main_window()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)

    for file in (text, cut):
        row = _row_of(dialog, file)
        assert dialog.table.item(row, 3).text() == (
            "Unreadable (damaged or not a backup): cannot be restored"
        )
        dialog.table.selectRow(row)
        assert not dialog.restore_button.isEnabled()
        dialog.restore_selected()  # as a keyboard shortcut could
        kind, title, message = shown_messages.pop()
        assert kind == "warning" and "cannot be read" in message
        assert "Nothing was changed" in message
        assert "Restored" not in dialog.status.text()
    row = _row_of(dialog, good)
    assert dialog.table.item(row, 3).text() == "1 case, 0 appeals"
    dialog.table.selectRow(row)
    assert dialog.restore_button.isEnabled()
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]


def test_a_backup_found_damaged_while_restoring_is_never_reported_as_restored(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """The header is whole (so it is listed), a page inside is not: the restore is refused,
    the store is unchanged, and the status line says nothing was restored."""
    from app.services.backups import make_backup

    store(paths, numbered_case(150, "Peru", 12), numbered_case(160, "Chile", 20))
    good = make_backup(paths)
    damaged = good.with_name(good.name.replace("manual", "pre-import"))
    shutil.copyfile(good, damaged)
    sidecar = ".json"  # its description, written when it was made: it looks like any other
    shutil.copyfile(f"{good}{sidecar}", f"{damaged}{sidecar}")
    data = bytearray(damaged.read_bytes())
    data[PAGE : 2 * PAGE] = b"\xff" * PAGE
    damaged.write_bytes(bytes(data))
    window = main_window()
    [chosen] = [c for c in window.listed_cases() if c.ua_number == "160/26"]
    window.select_case(chosen.case_id)
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(_row_of(dialog, damaged))
    assert dialog.restore_button.isEnabled()

    with qtbot.waitSignal(window.context.store_opened, timeout=20_000):
        dialog.restore_selected()

    [(kind, title, message)] = shown_messages
    assert kind == "error" and title == "The backup could not be restored"
    assert "is not a usable backup" in message and "Nothing was changed" in message
    assert "Restored" not in dialog.status.text()
    assert dialog.status.text().endswith("was not restored. Nothing was changed.")
    assert sorted(c.ua_number for c in window.listed_cases()) == ["150/26", "160/26"]
    assert window.current_case().ua_number == "160/26"  # still the case the user chose


def test_why_a_backup_cannot_be_read_is_said_in_the_interface_language(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app import i18n

    _good, text, cut = _a_good_backup_beside_two_unreadable_ones(paths)
    window = main_window()
    i18n.set_language("fr")
    try:
        dialog = _backups_dialog(window)
        qtbot.add_widget(dialog)
        tips = {file: dialog.table.item(_row_of(dialog, file), 1).toolTip() for file in (text, cut)}
    finally:
        i18n.set_language("en")
    assert tips[text].endswith("\nce n'est pas un fichier de base de données SQLite")
    assert tips[cut].endswith("\nle fichier est tronqué")


def test_after_a_restore_the_edit_menu_offers_no_undo_of_an_edit_made_to_the_replaced_data(
    qtbot, main_window, paths: AppPaths, shown_messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services.backups import make_backup
    from app.ui.messages import Messages

    store(paths, numbered_case(150, "Peru", 12), numbered_case(160, "Chile", 20))
    make_backup(paths)  # holds both cases
    window = main_window()
    [chile] = [c for c in window.listed_cases() if c.ua_number == "160/26"]
    assert window.select_case(chile.case_id)
    monkeypatch.setattr(Messages, "ask", staticmethod(lambda *_args: True))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.edits.delete_current_case()
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]
    assert window.edits.undo.isEnabled()
    assert "Edit > Undo" in window.statusBar().currentMessage()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(0)

    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        dialog.restore_selected()

    assert sorted(c.ua_number for c in window.listed_cases()) == ["150/26", "160/26"]
    assert not window.edits.undo.isEnabled()
    assert window.edits.undo.text().replace("&", "") == "Undo"
    assert "Edit > Undo" not in window.statusBar().currentMessage()
    assert [kind for kind, _title, _text in shown_messages] == []


def test_after_a_restore_undo_last_import_waits_for_the_next_import(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """Import, restore an older backup, then Edit > Undo last import: the import just made is
    gone with the data it went into, and the backup's own last import (150/26, made before the
    backup) is not what the user means; the action waits, saying why, for the next import."""
    from app.services.backups import make_backup
    from app.services.undo_import import last_import
    from tests.conftest import SEED_FINAL

    store(paths, numbered_case(150, "Peru", 12))
    make_backup(paths)  # holds 150/26 and the import that brought it
    store(paths, numbered_case(160, "Chile", 20))  # the import made after the backup
    window = main_window()
    undo_import = window.edits.undo_import
    assert undo_import.isEnabled()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        dialog.restore_selected()
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]

    assert not undo_import.isEnabled()
    assert undo_import.statusTip().startswith("A backup was restored")
    undo_import.trigger()  # a disabled action does nothing, even when triggered
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]
    assert shown_messages == []

    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.imports.import_paths([SEED_FINAL])
    assert sorted(c.ua_number for c in window.listed_cases()) == ["119/21", "150/26"]
    assert undo_import.isEnabled()
    assert not undo_import.statusTip().startswith("A backup was restored")
    db = window.context.db
    assert db is not None
    pending = last_import(db)
    assert pending is not None and pending.created == ("119/21",)


def test_a_window_opened_after_a_restore_does_not_offer_the_backups_last_import(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """A backup restored by the command line (or before a restart): the window opened on it
    does not offer the backup's own last import either, and says why when its Edit menu
    opens; the store is left as it was."""
    from app.services.backups import make_backup, restore_backup

    store(paths, numbered_case(150, "Peru", 12))
    backup = make_backup(paths)  # holds 150/26 and the import that brought it
    store(paths, numbered_case(160, "Chile", 20))
    restore_backup(paths, backup)
    window = main_window()
    db = window.context.db
    assert db is not None
    db.start_engine()  # as the window does in the background once it is ready
    undo_import = window.edits.undo_import
    edit_menu = window.menu_actions.edit_menu

    edit_menu.popup(window.geometry().center())
    edit_menu.hide()

    assert not undo_import.isEnabled()
    assert undo_import.statusTip().startswith("A backup was restored")
    window.edits.undo_last_import()  # asked for all the same: refused, with the reason
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]
    assert [(kind, text) for kind, _title, text in shown_messages] == [
        (
            "info",
            "A backup was restored: the imports it holds are not undone from here. "
            "Your next import can be undone again.",
        )
    ]


def test_after_a_restore_the_backup_of_the_replaced_data_is_selected_to_take_it_back(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """The list is read again after a restore and gains a row: the row selected before
    would now be another backup. The one selected is the data just replaced ("before a
    restore"), so pressing Restore again undoes the restore."""
    from app.services.backups import make_backup

    store(paths, numbered_case(150, "Peru", 12))
    older = make_backup(paths)  # holds 150/26 only
    store(paths, numbered_case(160, "Chile", 20))
    make_backup(paths)  # holds both
    window = main_window()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(_row_of(dialog, older))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        dialog.restore_selected()
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]
    selected = dialog.selected()
    assert selected is not None and selected.reason == "pre-restore"
    assert dialog.table.item(dialog.table.currentRow(), 1).text() == "before a restore"
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        dialog.restore_selected()  # the restore taken back
    assert sorted(c.ua_number for c in window.listed_cases()) == ["150/26", "160/26"]
    again = dialog.selected()  # the data the second restore replaced: the newest backup
    assert again is not None and again.reason == "pre-restore" and again.path != selected.path
    assert again.created == max(info.created for info in dialog.entries)


def test_a_restore_whose_upgrade_fails_on_a_full_disk_says_so_and_keeps_the_data(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """An older backup whose upgrade needs more room than the disk gives (a real file-size
    limit): the restore's own message, not "An unexpected error occurred", and the cases
    the window showed before."""
    from tests.durability.mounts import file_size_limit
    from tests.durability.schema_fixtures import older_backup_with_many_imports

    store(paths, numbered_case(150, "Peru", 12))
    paths.backups.mkdir(parents=True, exist_ok=True)
    older = older_backup_with_many_imports(
        paths.backups / "appeal-desk-20261206T190100000000Z-manual.sqlite3"
    )
    window = main_window()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(_row_of(dialog, older))

    room = older.stat().st_size + 64 * 1024  # for the copy, not for its rebuilt tables
    with file_size_limit(room), qtbot.waitSignal(window.context.store_opened, timeout=20_000):
        dialog.restore_selected()

    [(kind, title, message)] = shown_messages
    assert kind == "error" and title == "The backup could not be restored"
    assert "The previous database is unchanged." in message and "unexpected" not in message
    assert dialog.status.text().endswith("was not restored. Nothing was changed.")
    assert [c.ua_number for c in window.listed_cases()] == ["150/26"]


def test_the_backups_hint_says_which_imports_are_backed_up_first_as_they_are(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """One file imported is taken back by Edit > Undo last import, with no backup; an import
    of several files is backed up first. The dialog says so, not "before every import"."""
    from app.services.backups import list_backups
    from app.services.database import open_store
    from app.services.importing import import_files

    blind = Path(__file__).resolve().parents[2] / "unit" / "importing" / "blind3"
    store(paths, numbered_case(150, "Peru", 12))
    db = open_store(paths)
    try:
        import_files(db, [blind / "615_jordan_teacher_en_public_prosecutor_2020.txt"])
        one_file = [info.reason for info in list_backups(paths)]
        import_files(
            db,
            [
                blind / "607_chad_students_fr_final_2017.txt",
                blind / "617_sri_lanka_fisherman_blog_update_2016.txt",
            ],
        )
    finally:
        db.close()
    window = main_window()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    assert "pre-import" not in one_file  # (the day's automatic one may be there)
    whys = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert whys.count("before an import") == 1
    assert "before every restore, upgrade and import of several files" in dialog.hint.text()


def test_after_a_failed_restore_the_backup_chosen_stays_selected_for_another_try(
    qtbot, main_window, paths: AppPaths, shown_messages
) -> None:  # type: ignore[no-untyped-def]
    """The failed restore kept the current data as a new, newest backup first: the list gains
    a row at its top, and pressing Restore again (once the disk has room) restores the backup
    the user chose, not the row that moved into its place."""
    from tests.durability.mounts import file_size_limit
    from tests.durability.schema_fixtures import older_backup_with_many_imports

    store(paths, numbered_case(150, "Peru", 12))
    paths.backups.mkdir(parents=True, exist_ok=True)
    older = older_backup_with_many_imports(
        paths.backups / "appeal-desk-20261206T190100000000Z-manual.sqlite3"
    )
    window = main_window()
    dialog = _backups_dialog(window)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(_row_of(dialog, older))
    rows_before = dialog.table.rowCount()

    room = older.stat().st_size + 64 * 1024  # for the copy, not for its rebuilt tables
    with file_size_limit(room), qtbot.waitSignal(window.context.store_opened, timeout=20_000):
        dialog.restore_selected()

    assert dialog.status.text().endswith("was not restored. Nothing was changed.")
    assert dialog.table.rowCount() == rows_before + 1  # the data it would have replaced
    selected = dialog.selected()
    assert selected is not None and selected.path == older
    assert dialog.restore_button.isEnabled()
