"""Report when a window is first painted, measured from the parent's spawn time.

    BENCH_T0=<time.time() at spawn> python bench/paint_probe.py bare
    BENCH_T0=... python bench/paint_probe.py app --data-dir STORE gui

``bare``: an empty QMainWindow (the floor). ``app``: the real ``appeal-desk`` entry point;
the probe waits for the case table's viewport to paint with rows in it. Either way it
prints ``painted_ms=<ms since spawn>`` and ends the process at once, so that interpreter
teardown (a few hundred ms with SQLAlchemy loaded) is not counted as start-up.

With ``BENCH_RSS=1`` it first lets the app settle (the store opened, idle work done, a
search typed and cleared) and then also prints ``peak_rss_kb=`` (ru_maxrss).
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def finish(settle: object = None) -> None:
    elapsed = (time.time() - float(os.environ["BENCH_T0"])) * 1000.0
    sys.stdout.write(f"painted_ms={elapsed:.1f}\n")
    if os.environ.get("BENCH_RSS"):
        if callable(settle):
            settle()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        sys.stdout.write(f"peak_rss_kb={peak}\n")
    sys.stdout.flush()
    os._exit(0)


class FirstPaint(QObject):
    """Calls ``finish`` on the first paint of ``target()`` once ``ready()`` holds."""

    def __init__(self, target: object, ready: object, settle: object = None) -> None:
        super().__init__()
        self._target = target
        self._ready = ready
        self._settle = settle
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._done or event.type() != QEvent.Type.Paint:
            return False
        if self._ready() and watched is self._target():
            self._done = True
            finish(self._settle)
        return False


def until(condition: object, seconds: float) -> None:
    """Run the event loop until ``condition()`` or ``seconds`` pass (no processEvents loop:
    PySide6 6.12.0 drops a reference to None on each call)."""
    loop = QEventLoop()
    deadline = time.perf_counter() + seconds

    def check() -> None:
        if condition() or time.perf_counter() > deadline:  # type: ignore[operator]
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(10)
    loop.exec()
    poll.stop()


def run_bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)
    probe = FirstPaint(lambda: window, lambda: True)
    app.installEventFilter(probe)
    window.show()
    return app.exec()


def run_app(argv: list[str]) -> int:
    """The real entry point; the window is found among the top-level widgets when it paints,
    so the probe imports nothing of the app early and start-up keeps its own import order."""
    import app.ui.application as application
    from app.main import main

    windows: list[QWidget] = []

    def find_window() -> QWidget | None:
        if not windows:
            found = [w for w in QApplication.topLevelWidgets() if hasattr(w, "case_list")]
            windows.extend(found[:1])
        return windows[0] if windows else None

    def table_viewport() -> QWidget | None:
        window = find_window()
        return window.case_list.table.viewport() if window is not None else None

    def has_rows() -> bool:
        window = find_window()
        return window is not None and window.proxy.rowCount() > 0

    def settle() -> None:
        """Wait until the store is open and idle work is done, then search once."""
        window = windows[0]
        loaded: list[bool] = []
        window.cases_loaded.connect(lambda: loaded.append(True))
        until(lambda: window.db is not None and loaded, 120)
        until(lambda: False, 2)  # idle steps: folded search texts, sort orders
        for text in ("a", "ab", ""):
            window.case_list.search_box.setText(text)
            until(lambda: False, 0.05)

    probe = FirstPaint(table_viewport, has_rows, settle)
    original_create = application.create_application

    def create(*args: object) -> QApplication:
        created = original_create(*args)
        created.installEventFilter(probe)
        return created

    application.create_application = create  # type: ignore[assignment]
    return main(argv)


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    sys.exit(run_bare() if mode == "bare" else run_app(rest))
