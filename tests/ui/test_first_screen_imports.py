"""What the window's first screen does not show is not loaded before it: the modules below
are imported when first needed (a case opened, a letter written, a non-English name shown,
the window ready), so start-up does not wait for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

START_UP = """
import logging, sys, tempfile
from pathlib import Path
from app.logging_setup import configure_logging
from app.paths import resolve_paths
configure_logging(resolve_paths(Path(tempfile.mkdtemp())), hold=True)
logging.getLogger("app").info("a start-up record")
import app.settings
from app.ui.application import apply_language, create_application
from app.ui.main_window import MainWindow
app = create_application(with_icon=False)
apply_language(sys.argv[1])
print(" ".join(sorted(sys.modules)))
"""

NOT_BEFORE_THE_FIRST_SCREEN = (
    "babel",  # the digits of the common languages are known without its locale data
    "logging.handlers",  # the log file opens once the window is ready
    "app.domain.case_records",  # a case in full, documents, imports, letters
    "app.importing.countries",  # country names in another language than English
    "app.ui.views.case_detail_html",  # the case pane's text, once a case is shown
    "app.ui.wrapping_row",  # the case page's buttons, built just after the first frame
    "app.ui.undo_commands",
    "app.ui.removal_text",
)


def loaded_at_start_up(language: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", START_UP, language],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_the_window_and_its_start_up_load_nothing_the_first_screen_does_not_show() -> None:
    loaded = loaded_at_start_up("en")
    assert "app.ui.main_window" in loaded and "app.settings" in loaded
    assert sorted(set(NOT_BEFORE_THE_FIRST_SCREEN) & loaded) == []


def test_a_language_with_other_digits_still_asks_babel() -> None:
    assert "babel" in loaded_at_start_up("ar")  # Arabic: CLDR decides between 0-9 and ٠-٩


BEFORE_QT = """
import argparse, sys, tempfile
from app.ui.start_up import start_up
started = start_up(argparse.Namespace(data_dir=tempfile.mkdtemp(), files=[]))
started.early_list.result()
print(" ".join(sorted(sys.modules)))
"""


def test_the_start_up_before_qt_loads_no_qt() -> None:
    """Paths, log, settings, the data folder's lock and the case list's read come before
    PySide6 is imported: the read runs while Qt loads."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", BEFORE_QT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    loaded = set(done.stdout.split())
    assert "app.ui.early_list" in loaded and "app.settings" in loaded
    assert sorted(name for name in loaded if name.split(".")[0] in {"PySide6", "shiboken6"}) == []


WINDOW_CLASSES = """
import PySide6.QtWidgets
from app.ui.main_window import MainWindow
made = vars(PySide6.QtWidgets).items()
print(" ".join(sorted(name for name, value in made if isinstance(value, type))))
"""

# PySide6 makes a Qt class for Python, with the Python enums it holds, the first time a
# module takes it; these hold dozens and are needed only after the first screen.
NOT_MADE_BEFORE_THE_FIRST_SCREEN = ("QStyle",)


def test_the_window_modules_take_no_qt_class_the_first_screen_can_do_without() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_CLASSES],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    made = set(done.stdout.split())
    assert "QMainWindow" in made
    assert sorted(set(NOT_MADE_BEFORE_THE_FIRST_SCREEN) & made) == []
