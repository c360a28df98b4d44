"""The window on a data folder that cannot be written: a message that says so, never a
traceback. A read-only tmpfs binds root too (root ignores chmod); without the right to mount
one the tests are skipped, as the other mount-based fault tests are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.paths import AppPaths, resolve_paths
from app.services.single_copy import claim_data_folder
from app.store.instance_lock import DataFolderUnwritable, InstanceLock
from tests.builders import fictional_document, store_documents
from tests.durability.mounts import fill_up, remount_read_only, small_tmpfs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX filesystem")


def launch(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "gui"]
    return subprocess.run(
        [*command, "--quit-after-first-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@contextmanager
def read_only_copy(source: Path, tmp_path: Path) -> Iterator[AppPaths]:
    """A copy of the data folder ``source`` that cannot be written: chmod 0500 (the files
    0400), on a tmpfs remounted read-only where one can be mounted, as root ignores chmod."""
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None and os.geteuid() == 0:
            pytest.skip("root ignores chmod and cannot mount a tmpfs here")
        folder = mount or tmp_path / "ro"
        shutil.copytree(source, folder / "data")
        paths = resolve_paths(folder / "data")
        for path in paths.data_dir.rglob("*"):
            path.chmod(0o500 if path.is_dir() else 0o400)
        paths.data_dir.chmod(0o500)
        if mount is not None:
            assert remount_read_only(mount)
        try:
            yield paths
        finally:
            if mount is None:
                paths.data_dir.chmod(0o700)


def test_the_window_on_a_read_only_folder_shows_the_cases_and_refuses_every_change(
    app_paths, tmp_path: Path, qtbot, gui_app, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.import_controller import ImportController
    from app.ui.main_window import MainWindow
    from tests.ui.conftest import wait_for_letter

    store_documents(app_paths, fictional_document("12/26"), fictional_document("13/26"))
    with read_only_copy(app_paths.data_dir, tmp_path) as paths:
        with pytest.raises(DataFolderUnwritable):
            InstanceLock(paths.data_dir).acquire()
        assert claim_data_folder(paths)  # nothing can change there: the window goes on
        before = paths.database.read_bytes()
        window = MainWindow(AppContext(paths, load_settings(paths)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.start()

        # The cases, their details and a letter, as they are; a line says why nothing changes.
        assert messages.shown == []
        assert sorted(case.ua_number for case in window.model.cases()) == ["12/26", "13/26"]
        window.case_list.select_first()
        assert window.detail.case is not None and window.detail.case.ua_number in ("12/26", "13/26")
        banner = window.read_only_banner
        assert banner is not None and banner.isVisible()
        assert "Read only" in banner.text() and str(paths.data_dir) in banner.text()
        window.menu_actions.write_letter.trigger()
        letter = wait_for_letter(window.case_actions.letter_dialog)
        assert "Rui Costa" in letter.text()
        letter.reject()

        # Every change: one message that says the folder cannot be written, why, what to do.
        asked_for_files: list[bool] = []
        monkeypatch.setattr(
            ImportController, "ask_for_files", lambda _self: asked_for_files.append(True) or []
        )
        window.menu_actions.import_files.trigger()
        window.menu_actions.load_samples.trigger()
        window.menu_actions.mark_sent.trigger()
        window.edits.edit_current_case()
        window.edits.delete_current_case()
        events = window.events_menu.open_dialog()
        assert events is not None
        events.form.name_edit.setText("Write for Rights")
        assert events.create_event() is None
        events.close()
        assert asked_for_files == []  # refused before a file is chosen
        assert window.case_actions.mark_sent_dialog is None
        assert len(messages.shown) == 6
        for kind, title, text in messages.shown:
            assert (kind, title) == ("error", "Your data cannot be changed")
            assert f"your data folder {paths.data_dir} cannot be written to" in text
            assert "read-only" in text and "Make the folder writable" in text
            assert "--data-dir" not in text  # a window user has no command line
        window.close()
        assert paths.database.read_bytes() == before


def test_the_window_on_an_empty_read_only_folder_says_what_to_do_in_the_window(
    tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        (mount / "data").mkdir()
        paths = resolve_paths(mount / "data")
        assert remount_read_only(mount)
        window = MainWindow(AppContext(paths, Settings(welcome_done=True)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.load_failed, timeout=20_000):
            window.start()

        [(kind, _title, text)] = messages.shown
        assert kind == "error"
        assert f"The data folder {paths.data_dir} is read-only" in text
        assert "--data-dir" not in text and "cannot be created" not in text
        window.close()


def test_the_launcher_on_a_read_only_folder_opens_without_a_traceback(
    app_paths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    InstanceLock(app_paths.data_dir).acquire().release()  # the lock file of an earlier run
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(app_paths.data_dir, mount / "data")
        assert remount_read_only(mount)

        with InstanceLock(mount / "data") as lock:  # a read-only handle holds the lock too
            assert lock.acquired
        result = launch(mount / "data")

    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert result.returncode == 0  # the store is opened to be read only


def test_a_full_disk_still_takes_the_lock_and_opens_the_window(app_paths, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    with small_tmpfs(tmp_path / "full", size="2m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(app_paths.data_dir, mount / "data")
        (mount / "data" / "appeal-desk.lock").unlink(missing_ok=True)
        fill_up(mount)

        with InstanceLock(mount / "data") as lock:
            assert lock.acquired
        result = launch(mount / "data")

    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize("leave", ["save and start", "close and keep"])
def test_the_welcome_on_a_read_only_folder_says_nothing_can_be_saved_and_lets_the_user_on(
    app_paths, tmp_path: Path, qtbot, gui_app, messages, leave: str
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome

    store_documents(app_paths, fictional_document("12/26"))
    with read_only_copy(app_paths.data_dir, tmp_path) as paths:
        dialog = maybe_show_welcome(None, paths, Settings())
        assert dialog is not None
        qtbot.add_widget(dialog)
        qtbot.keyClicks(dialog.name_edit, "Ana Example")
        with qtbot.waitSignal(dialog.finished, timeout=3000):
            if leave == "save and start":
                dialog.save_button.click()
            else:
                dialog.close()  # "Keep your details?" is answered yes
        titles = [title for _kind, title, _text in messages.shown]
        asked = ["Keep your details?"] if leave == "close and keep" else []
        assert titles == [*asked, "Your details cannot be saved"]
        text = messages.shown[-1][2]
        assert "The settings could not be saved to" in text
        assert "the welcome closes and the window shows your cases as they are" in text
        assert "Make the folder writable and start Appeal Desk again" in text
        assert not dialog.isVisible()
        assert not paths.settings_file.exists()


def test_the_window_that_could_not_open_the_data_says_why_and_where_and_tries_again(
    tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    """Once the error is closed, the window still says why and which folder, and its link
    opens the cases when the folder can be written again, without a restart."""
    from app.settings import Settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        (mount / "data").mkdir()
        paths = resolve_paths(mount / "data")
        assert remount_read_only(mount)
        window = MainWindow(AppContext(paths, Settings(welcome_done=True)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.load_failed, timeout=20_000):
            window.start()

        page = window.loading_label.text()
        assert "Your cases could not be opened." in page
        assert f"The data folder {paths.data_dir} is read-only" in page
        assert f"Your data folder: {paths.data_dir}" in page
        assert 'href="retry">Open my cases again</a>' in page
        assert not window.menu_actions.import_files.isEnabled()

        assert (
            subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=False).returncode == 0
        )
        with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
            window.loading_label.linkActivated.emit("retry")
        assert window.menu_actions.import_files.isEnabled()
        assert paths.database.exists()
        window.close()
