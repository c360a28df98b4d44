"""On a store that can only be read, every change the events window, event mode, the letter
editor and the Backups dialog start is refused with the read-only message (never the store's
write error), and what can still be done (lists, letters on screen) still works."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.paths import AppPaths, resolve_paths
from tests.builders import fictional_document, store_documents
from tests.durability.mounts import fill_up, small_tmpfs
from tests.ui.test_read_only_start import read_only_copy

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX filesystem")

EVENT = "Library evening (fictional)"
REFUSED = ("error", "Your data cannot be changed")


def seeded(app_paths: AppPaths) -> None:
    """Two invented cases and an event for them, in the store at ``app_paths``."""
    from app.services.database import open_store
    from app.services.events import create_event

    store_documents(app_paths, fictional_document("12/26"), fictional_document("13/26"))
    db = open_store(app_paths)
    try:
        create_event(db, EVENT, cases=["12/26", "13/26"])
    finally:
        db.close()


@contextmanager
def window_on(paths: AppPaths, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window on the data folder ``paths``, its cases listed."""
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    window = MainWindow(AppContext(paths, load_settings(paths)))
    qtbot.add_widget(window)
    window.show()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.start()
    try:
        yield window
    finally:
        window.close()


def assert_refused_as_read_only(shown: list[tuple[str, str, str]], paths: AppPaths) -> None:
    assert shown, "nothing was said"
    for kind, title, text in shown:
        assert (kind, title) == REFUSED
        assert f"your data folder {paths.data_dir} cannot be written to" in text
        assert "read-only" in text and "Make the folder writable" in text


def test_the_organisers_counting_merging_and_event_letters_are_refused_as_read_only(
    app_paths, tmp_path: Path, qtbot, gui_app, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.events import event_mode_window, organiser_files
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock

    seeded(app_paths)
    asked: list[str] = []
    monkeypatch.setattr(
        organiser_files, "run_batch_dialog", lambda *a: asked.append("batch") or None
    )
    monkeypatch.setattr(organiser_files, "ask_open_paths", lambda *a: asked.append("files") or [])
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: True)
    with read_only_copy(app_paths.data_dir, tmp_path) as paths, window_on(paths, qtbot) as window:
        before = paths.database.read_bytes()
        events = window.events_menu.open_dialog()
        assert events is not None
        assert events.current_event() is not None and events.current_event().name == EVENT
        events.files.count_batch()
        events.files.merge_records()
        assert asked == []  # refused before the batch or the files are asked for
        assert len(messages.shown) == 2
        assert_refused_as_read_only(messages.shown, paths)

        # Event mode kept from a run before the folder became read-only: a letter is refused
        # before it is printed or counted, with the same message.
        messages.shown.clear()
        kiosk = EventModeWindow(window.context.db, events.current_event(), PinLock("2468"))
        qtbot.add_widget(kiosk)
        kiosk.show()
        kiosk.form.case_list.setCurrentRow(0)
        qtbot.wait_until(lambda: not kiosk.form.drafting, timeout=20_000)
        assert kiosk.record() is None
        kiosk.print_and_record()
        assert len(messages.shown) == 2
        assert_refused_as_read_only(messages.shown, paths)
        assert "is counted" not in kiosk.thanks.text()
        kiosk.leave(pin_checked=True)
        events.close()
        assert paths.database.read_bytes() == before


def test_the_letter_editor_on_a_read_only_store_says_the_letter_is_not_kept_and_asks_nothing(
    app_paths, tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import wait_for_letter

    seeded(app_paths)
    with read_only_copy(app_paths.data_dir, tmp_path) as paths, window_on(paths, qtbot) as window:
        window.case_list.select_first()
        window.menu_actions.write_letter.trigger()
        letter = wait_for_letter(window.case_actions.letter_dialog)
        assert letter.not_kept_label.isVisible()
        assert "this letter will not be kept" in letter.not_kept_label.text()
        letter.note_edit.setPlainText("I think of you every day.")
        letter.letter_edit.appendPlainText("A line of my own.")
        assert letter.has_unsaved_work()
        letter.close()
        assert messages.shown == []  # no "Keep this letter?" it could not honour
        assert not letter.isVisible()


def test_the_letter_editor_on_a_writable_store_still_offers_to_keep_the_letter(
    app_paths, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import wait_for_letter

    seeded(app_paths)
    messages.answer = False
    with window_on(app_paths, qtbot) as window:
        window.case_list.select_first()
        window.menu_actions.write_letter.trigger()
        letter = wait_for_letter(window.case_actions.letter_dialog)
        assert not letter.not_kept_label.isVisible()
        letter.letter_edit.appendPlainText("A line of my own.")
        letter.close()
        assert [title for _kind, title, _text in messages.shown] == ["Keep this letter?"]


def test_the_backups_dialog_on_a_read_only_store_lists_the_backups_and_refuses_to_change_them(
    app_paths, tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.services.backups import make_backup
    from app.ui.dialogs.backups_dialog import BackupsDialog

    seeded(app_paths)
    made = make_backup(app_paths)
    with read_only_copy(app_paths.data_dir, tmp_path) as paths, window_on(paths, qtbot) as window:
        before = sorted(p.name for p in paths.backups.iterdir())
        context = window.context
        dialog = BackupsDialog(
            context.paths, lambda: context.db, context.close_store, window.use_store, window
        )
        qtbot.add_widget(dialog)
        assert made.name in [info.path.name for info in dialog.entries]  # listing still works
        assert "none can be made or restored" in dialog.hint.text()
        dialog.table.selectRow(0)
        dialog.back_up_now()
        dialog.restore_selected()
        assert len(messages.shown) == 2  # no restore question first: it could not be done
        assert_refused_as_read_only(messages.shown, paths)
        assert sorted(p.name for p in paths.backups.iterdir()) == before
        assert context.db is not None and context.db.read_only  # the window keeps its data
        assert sorted(c.ua_number for c in window.model.cases()) == ["12/26", "13/26"]
        dialog.close()


def test_a_store_on_a_full_disk_is_shown_read_only_and_says_the_disk_is_full(
    app_paths, tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    import io

    from app.cli.context import CliContext
    from app.domain.errors import StoreProblem

    seeded(app_paths)
    with small_tmpfs(tmp_path / "full", size="4m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(app_paths.data_dir, mount / "data")
        (mount / "data" / "appeal-desk.lock").unlink(missing_ok=True)
        paths = resolve_paths(mount / "data")
        fill_up(mount)

        err = io.StringIO()
        cli = CliContext(paths, err=err, reads_only=True)
        assert cli.database().read_only is StoreProblem.DISK_FULL
        assert f"the disk of {paths.data_dir} is full" in err.getvalue()
        cli.database().close()

        with window_on(paths, qtbot) as window:
            banner = window.read_only_banner
            assert banner is not None and banner.isVisible()
            assert f"the disk of your data folder ({paths.data_dir}) is full" in banner.text()
            window.menu_actions.load_samples.trigger()
            [(kind, title, text)] = messages.shown
            assert (kind, title) == REFUSED
            assert "because the disk it is on is full" in text
            assert "Free some space on that disk" in text


@pytest.mark.parametrize(
    ("problem", "banner_says", "refusal_says"),
    [
        (
            "DISK_FULL",
            "the disk of your data folder ({folder}) is full",
            "because the disk it is on is full. Your cases are shown as they are. Free some "
            "space on that disk, then start Appeal Desk again.",
        ),
        (
            "READ_ONLY",
            "your data folder ({folder}) cannot be written to",
            "because it is read-only (its permissions, or the disk it is on). Your cases are "
            "shown as they are. Make the folder writable, then start Appeal Desk again.",
        ),
    ],
)
def test_the_banner_and_the_refusal_say_why_the_store_is_read_only_on_any_machine(
    app_paths, gui_app, messages, problem: str, banner_says: str, refusal_says: str
) -> None:  # type: ignore[no-untyped-def]
    """Where no full disk can be made (no tmpfs without root), the store opened read only for
    that reason still gets the full-disk wording, in the banner and in the refusal."""
    from app.domain.errors import StoreProblem
    from app.store.database import open_read_only
    from app.ui.read_only import read_only_banner, refuse_change

    seeded(app_paths)
    db = open_read_only(app_paths, StoreProblem[problem])
    try:
        assert banner_says.format(folder=app_paths.data_dir) in read_only_banner(db)
        assert refuse_change(db, None)
        [(kind, title, text)] = messages.shown
        assert (kind, title) == REFUSED
        assert text.startswith(f"Nothing was changed: your data folder {app_paths.data_dir} ")
        assert text.endswith(refusal_says)
    finally:
        db.close()
