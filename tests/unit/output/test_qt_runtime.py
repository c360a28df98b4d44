"""The Qt runtime of paper output: None's reference count, and who creates the application."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFont

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_void_qt_calls_do_not_exhaust_none(qapp) -> None:
    before = sys.getrefcount(None)
    font = QFont()
    for _ in range(5000):
        font.setFamily("DejaVu Serif")
    assert before - sys.getrefcount(None) < 100  # PySide6 6.12.0 lost one per call


def test_a_worker_thread_never_creates_the_application(tmp_path) -> None:
    script = (
        "import threading\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.output.qt_runtime import ensure_gui_application\n"
        "seen = []\n"
        "def work():\n"
        "    try:\n"
        "        ensure_gui_application()\n"
        "    except RuntimeError as error:\n"
        "        seen.append(str(error))\n"
        "worker = threading.Thread(target=work)\n"
        "worker.start(); worker.join()\n"
        "print(seen[0] if seen else 'created')\n"
        "print(QCoreApplication.instance() is None)\n"
        "print(type(ensure_gui_application()).__name__)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "worker thread needs the Qt application first" in lines[0]
    assert lines[1:] == ["True", "QGuiApplication"]
