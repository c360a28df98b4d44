"""Ctrl+C in a terminal during ``letter``: the parent decides, the render worker stays quiet."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.letters import rendering
from app.letters.render_worker import RenderWorker
from app.paths import AppPaths

REPO = Path(__file__).resolve().parents[2]
SLOW = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n"
# The app's own command line, with the letter templates of the folder given first.
RUN_WITH_TEMPLATES = (
    "import sys\n"
    "from pathlib import Path\n"
    "from app.letters import rendering\n"
    "rendering.SHIPPED_TEMPLATES = Path(sys.argv[1])\n"
    "from app.main import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)


def _slow_templates(folder: Path) -> Path:
    """The shipped templates, with every language's letter a loop that runs for minutes."""
    shutil.copytree(rendering.SHIPPED_TEMPLATES, folder)
    for letter in folder.glob("*/letter.txt.j2"):
        letter.write_text(SLOW, encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux's /proc; empty where it cannot be read)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


def test_ctrl_c_during_letter_leaves_no_traceback(seeded: AppPaths, tmp_path: Path) -> None:
    templates = _slow_templates(tmp_path / "templates")
    out = tmp_path / "letter.pdf"
    command = [sys.executable, "-c", RUN_WITH_TEMPLATES, str(templates)]
    args = ["--data-dir", str(seeded.data_dir), "letter", "1/26", "--out", str(out)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    writing = subprocess.Popen(
        [*command, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        while not _children(writing.pid) and writing.poll() is None:
            time.sleep(0.05)  # the render worker has started (the loop runs for minutes)
        assert writing.poll() is None, writing.communicate()
        time.sleep(0.5)  # into the worker's start or its render: either must stay quiet
        os.killpg(writing.pid, signal.SIGINT)  # Ctrl+C reaches every process of the group
        printed, errors = writing.communicate(timeout=60)
    finally:
        if writing.poll() is None:
            os.killpg(writing.pid, signal.SIGKILL)
            writing.wait()
    assert "Traceback" not in errors, errors
    assert "KeyboardInterrupt" not in errors, errors
    assert "Letter interrupted" in errors
    assert "Wrote" not in printed
    assert not out.exists()
    assert writing.returncode == 1  # as an import interrupted by Ctrl+C


def test_the_render_worker_ignores_ctrl_c_and_keeps_rendering(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl+C that reaches the worker alone neither kills it nor prints anything."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "letter.txt.j2").write_text("Dear {{ 'Reader' }},\n", encoding="utf-8")
    worker = RenderWorker()
    try:
        assert worker.render(["en"], tmp_path, "letter.txt.j2", {}) == "Dear Reader,\n"
        process = worker._process
        assert process is not None and process.pid is not None
        os.kill(process.pid, signal.SIGINT)
        process.join(1.0)  # a worker that did not ignore it has ended by now
        assert process.is_alive()
        assert worker.render(["en"], tmp_path, "letter.txt.j2", {}) == "Dear Reader,\n"
        assert worker._process is process  # the same worker answered, not a fresh one
    finally:
        worker.stop()
    assert "Traceback" not in capfd.readouterr().err
