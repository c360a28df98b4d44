"""The window on a data folder that cannot be written: a message that says so, never a
traceback. A read-only tmpfs binds root too (root ignores chmod); without the right to mount
one the tests are skipped, as the other mount-based fault tests are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.paths import resolve_paths
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


def test_the_window_on_a_read_only_folder_says_so_and_shows_no_traceback(
    app_paths, tmp_path: Path, qtbot, gui_app, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    store_documents(app_paths, fictional_document("12/26"))
    with small_tmpfs(tmp_path / "ro", size="8m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        shutil.copytree(app_paths.data_dir, mount / "data")
        paths = resolve_paths(mount / "data")
        assert remount_read_only(mount)

        with pytest.raises(DataFolderUnwritable):
            InstanceLock(paths.data_dir).acquire()
        assert claim_data_folder(paths)  # nothing can change there: the window goes on
        window = MainWindow(AppContext(paths, load_settings(paths)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.load_failed, timeout=20_000):
            window.start()

        [(kind, title, text)] = messages.shown
        assert kind == "error" and title == "Cannot open your data"
        assert "read-only" in text and str(paths.data_dir) in text
        assert "--data-dir" not in text  # a window user has no command line
        assert "Make it writable" in text and "start Appeal Desk again" in text
        window.close()


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


def test_the_launcher_on_a_read_only_folder_ends_without_a_traceback(
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
    assert result.returncode == 1  # the store could not be opened for writing


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
