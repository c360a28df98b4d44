"""The real launcher: ``appeal-desk gui`` opens the window, loads the store and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter


def launch(data_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable,
        "-m",
        "app",
        "--data-dir",
        str(data_dir),
        "gui",
        "--quit-after-first-paint",
        *extra,
    ]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_gui_starts_on_an_empty_data_dir_and_creates_the_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "portable"
    result = launch(data_dir)
    assert result.returncode == 0, result.stderr
    assert (data_dir / "appeal-desk.sqlite3").is_file()
    log = (data_dir / "logs" / "appeal-desk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and " ERROR " not in log
    assert "window closed with status 0" in log  # the log is flushed before the process ends


def test_the_gui_launcher_takes_the_global_options_after_it(tmp_path: Path) -> None:
    """``appeal-desk-gui --data-dir X --lang es`` (its entry point puts "gui" first)."""
    data_dir = tmp_path / "launcher"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = (
        "import sys; from app.main import gui_main; sys.argv[0] = 'appeal-desk-gui'; gui_main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data_dir), "--lang", "es"]
        + ["--quit-after-first-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "unrecognized" not in result.stderr
    assert (data_dir / "appeal-desk.sqlite3").is_file()


def test_gui_starts_with_cases_in_the_store(app_paths) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    result = launch(app_paths.data_dir)
    assert result.returncode == 0, result.stderr
    assert (app_paths.data_dir / "ui.ini").is_file()  # window state saved on the way out


def test_letter_warm_up_runs_quietly_in_the_background(
    make_window, app_paths, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import warm_up_letters

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    warm_up_letters(window.context, window.listed_cases())
    assert window.context.runner.busy
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=30_000)
    assert messages.shown == []
    window.menu_actions.write_letter.trigger()
    assert "Rui Costa" in wait_for_letter(window.case_actions.letter_dialog).text()


def test_a_scripted_second_copy_exits_at_once_with_a_line_on_stderr(app_paths) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import ALREADY_OPEN

    store_documents(app_paths, fictional_document("12/26"))
    hold = (
        "import sys; from pathlib import Path; from app.store.instance_lock import InstanceLock;"
        "InstanceLock(Path(sys.argv[1])).acquire(); print('held', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(app_paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        result = launch(app_paths.data_dir)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == ALREADY_OPEN
    assert "already open" in result.stderr


def test_source_lines_read_at_imports_are_let_go_once_the_window_is_ready(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import linecache

    from app.ui.application import warm_up_letters

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    linecache.getlines(__file__)  # as PySide6 reads every module imported after it
    assert __file__ in linecache.cache
    warm_up_letters(window.context, window.listed_cases())
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=30_000)
    # the lines PySide6 read stay no longer (the entry itself stays, emptied: another thread
    # may be reading it)
    assert not linecache.cache.get(__file__, (0, 0, [], ""))[2]
    linecache.checkcache(__file__)  # as a traceback does before it reads its lines
    assert "def test_source_lines_read" in "".join(linecache.getlines(__file__))  # read again


def test_a_window_ready_before_its_store_engine_shows_the_case_and_marks_a_letter_sent(
    make_window, app_paths, open_db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.appeals import list_appeals

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    db = window.context.db
    assert db is not None and not db.has_engine  # ready on sqlite3 alone
    assert window.detail.case is not None and window.detail.case.ua_number == "12/26"
    assert "Rui Costa" in window.detail.case_page().body.toPlainText()
    window.menu_actions.write_letter.trigger()
    letter = wait_for_letter(window.case_actions.letter_dialog)
    assert "Rui Costa" in letter.text()
    letter.buttons.mark_sent.click()
    ask = window.case_actions.mark_sent_dialog
    with qtbot.waitSignal(window.case_updated, timeout=10_000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert db.has_engine  # made for the write, which waited for it
    [appeal] = list_appeals(open_db, ua_number="12/26")
    assert appeal.text == letter.text()


def test_the_migration_check_after_ready_refuses_a_store_a_newer_version_replaced(
    make_window, app_paths, messages, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import closing

    from app.ui.application import when_ready

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    with closing(sqlite3.connect(app_paths.database)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    when_ready(window, window.context)  # what application.run does once the cases are loaded
    qtbot.waitUntil(lambda: window.context.db is None, timeout=20_000)
    assert any("newer version of Appeal Desk" in text for text in messages.texts())
    page = window.loading_label.text()  # the page keeps saying why once the message is closed
    assert page.startswith("Your cases could not be opened.<br>")
    assert "newer version of Appeal Desk" in page
    assert window.proxy.rowCount() == 0  # no row read from a store that cannot be used
