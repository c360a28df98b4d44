"""Documents a second copy is started with (the desktop's "Open with", the entry's %F) while
Appeal Desk runs on the same data reach the running window, which offers them for import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.services.single_copy import claim_data_folder
from app.settings import Settings, save_settings
from app.ui.application import ALREADY_OPEN, listen_for_documents
from app.ui.open_files_channel import hand_over, parse_message
from tests.conftest import SEED_FINAL


def second_copy(data_dir: Path, *args: str | Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "gui"]
    return subprocess.Popen(
        [*command, *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_copy_started_with_a_document_hands_it_to_the_running_window(
    make_window, app_paths, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    save_settings(app_paths, Settings(welcome_done=True))
    assert claim_data_folder(app_paths)  # this process is the copy that runs
    window = make_window()
    listen_for_documents(window, app_paths)
    started = second_copy(app_paths.data_dir, SEED_FINAL)
    try:
        with qtbot.waitSignal(window.cases_loaded, timeout=60_000):
            qtbot.waitUntil(lambda: messages.texts("ask") != [], timeout=60_000)
        assert started.wait(timeout=60) == 0  # it handed the document over and left
    finally:
        started.kill()
    [question] = messages.texts("ask")
    assert question.startswith("Import this document into Appeal Desk?")
    assert str(SEED_FINAL) in question
    assert [case.ua_number for case in window.listed_cases()] == ["119/21"]
    assert "already open" not in (started.stderr.read() if started.stderr else "")


def test_documents_handed_over_are_left_alone_when_the_user_declines(
    make_window, app_paths, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    save_settings(app_paths, Settings(welcome_done=True))
    messages.answer = False
    window = make_window()
    listener = listen_for_documents(window, app_paths)
    assert listener.listening
    assert hand_over(app_paths, [SEED_FINAL])
    qtbot.waitUntil(lambda: messages.texts("ask") != [], timeout=10_000)
    assert list(window.listed_cases()) == []


def test_a_second_copy_with_no_window_to_take_its_documents_says_the_data_is_open(
    app_paths,
) -> None:  # type: ignore[no-untyped-def]
    hold = (
        "import sys; from pathlib import Path; from app.store.instance_lock import InstanceLock;"
        "InstanceLock(Path(sys.argv[1])).acquire(); print('held', flush=True); sys.stdin.read()"
    )
    app_paths.data_dir.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(app_paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        # scripted, so that the message is a line on stderr rather than a box to click
        started = second_copy(app_paths.data_dir, "--quit-after-first-paint", SEED_FINAL)
        _out, err = started.communicate(timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert started.returncode == ALREADY_OPEN
    assert "already open" in err


def test_only_a_hand_over_message_is_read_as_documents() -> None:
    assert parse_message(b'{"files": ["/tmp/ua.pdf", 7, ""]}') == [Path("/tmp/ua.pdf")]
    for stray in (b"", b"GET / HTTP/1.1\r\n", b"[1, 2]", b'{"files": "ua.pdf"}', b"\xff\xfe"):
        assert parse_message(stray) == []


def test_a_second_copy_started_without_documents_brings_the_running_window_forward(
    make_window, app_paths, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    """The user starts Appeal Desk again from the menu: the window that has their data comes
    to the front and says why, and the second copy leaves without a box of its own."""
    save_settings(app_paths, Settings(welcome_done=True))
    assert claim_data_folder(app_paths)
    window = make_window()
    listen_for_documents(window, app_paths)
    window.showMinimized()
    started = second_copy(app_paths.data_dir)
    try:
        qtbot.waitUntil(
            lambda: "already open" in window.statusBar().currentMessage(), timeout=60_000
        )
        assert started.wait(timeout=60) == ALREADY_OPEN
    finally:
        started.kill()
    assert window.statusBar().currentMessage() == (
        "Appeal Desk is already open: this is its window, with your data."
    )
    assert not window.isMinimized()
    assert messages.shown == []


def test_a_notice_with_no_window_to_stand_on_stays_on_top() -> None:
    """The second copy's "already open" notice, when no running window answers, is not
    hidden behind the other windows; a notice inside our window stays with it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QWidget

    from app.ui.messages import _box

    alone = _box(QMessageBox.Icon.Information, "t", "x", QMessageBox.StandardButton.Ok, None)
    assert alone.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    parent = QWidget()
    inside = _box(QMessageBox.Icon.Information, "t", "x", QMessageBox.StandardButton.Ok, parent)
    assert not inside.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    parent.deleteLater()
