"""The paint probe's Qt side: the filter that reports a first paint, and its helpers.

Kept apart from ``paint_probe.py`` so that the probe's app mode imports it (and PySide6) only
once the app itself has loaded PySide6: the app's start-up keeps its own import order.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView


def since_spawn_ms() -> float:
    return (time.time() - float(os.environ["BENCH_T0"])) * 1000.0


def finish(settle: object = None) -> None:
    sys.stdout.write(f"painted_ms={since_spawn_ms():.1f}\n")
    if os.environ.get("BENCH_RSS"):  # settle outside the paint event (no nested repaint)
        QTimer.singleShot(0, lambda: report_rss(settle))
        return
    sys.stdout.flush()
    os._exit(0)


def peak_rss_kb() -> int:
    """This process's peak resident memory. On Linux from ``VmHWM``: ``ru_maxrss`` keeps the
    peak of the process that started this one when it was larger (it survives fork and exec),
    so a benchmark that has just generated a large store would read its own size here."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def report_rss(settle: object) -> None:
    if callable(settle):
        settle()
    sys.stdout.write(f"peak_rss_kb={peak_rss_kb()}\n")
    sys.stdout.flush()
    os._exit(0)


class FirstPaint(QObject):
    """Calls ``finish`` on the first paint of the widget it filters once ``ready()`` holds.

    It is installed on that one widget, not on the application: an application-wide filter
    makes PySide6 wrap every object and event of start-up for Python (creating the Python
    enums of each class it meets), which cost the app about 20 ms that no user pays."""

    def __init__(self, ready: object, settle: object = None) -> None:
        super().__init__()
        self._ready = ready
        self._settle = settle
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._done or event.type() != QEvent.Type.Paint:
            return False
        if self._ready():
            self._done = True
            if os.environ.get("BENCH_FULL_LIST"):  # and when the whole list is painted
                sys.stdout.write(f"first_ms={since_spawn_ms():.1f}\n")
                QTimer.singleShot(0, self._wait_for_the_whole_list)
            else:
                finish(self._settle)
        return False

    def _wait_for_the_whole_list(self) -> None:
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "case_list"))
        if window.showing_preview():
            QTimer.singleShot(1, self._wait_for_the_whole_list)
            return
        window.case_list.table.viewport().repaint()  # painted now, not at the next frame
        finish()


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


def watch_case_table() -> None:
    """Report the first paint of the app's case table with rows in it: the table is found
    when the app gives it its model (the search proxy), and its viewport alone is watched."""
    tables: list[QTableView] = []
    set_model = QTableView.setModel

    def has_rows() -> bool:
        return bool(tables) and tables[0].model().rowCount() > 0

    def settle() -> None:
        """Wait until the store is open and idle work is done, then search once."""
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "case_list"))
        loaded: list[bool] = []
        window.cases_loaded.connect(lambda: loaded.append(True))

        # The store and the job runner: on the application context, or (older checkouts,
        # timed by bench_ready.py --repo) on the window itself.
        context = getattr(window, "context", window)

        def preparing() -> bool:  # (older checkouts prepare without saying so)
            models = (window.model, window.proxy)
            return any(getattr(m, "preparing", lambda: False)() for m in models)

        def running() -> set[str]:
            jobs = getattr(context.runner, "running", set)()
            return set(jobs) - {"finish-opening"}

        def store_open_and_listed() -> bool:  # (the signal may have come before the paint)
            listed = loaded or (window.proxy.rowCount() > 0 and not window.showing_preview())
            return context.db is not None and bool(listed)

        until(store_open_and_listed, 120)
        until(lambda: False, 2)  # idle steps: folded search texts, sort orders
        # ... all of them, however busy the machine (its figure would depend on the load)
        until(lambda: not preparing(), 120)
        # the store's engine and the letter warm-up (the checks of a large store and the
        # daily backup may take minutes and hold little memory: not waited for), which start
        # once the idle work is done: given a moment to start, then waited for
        until(lambda: bool(running()), 1)
        until(lambda: not running(), 60)
        for text in ("a", "ab", ""):
            window.case_list.search_box.setText(text)
            until(lambda: False, 0.05)
        if os.environ.get("BENCH_SHOW_CLOSED"):  # closed cases' search texts are made now
            window.case_list.show_closed_box.setChecked(True)
            until(lambda: False, 2)
            until(lambda: not preparing(), 120)
            window.case_list.search_box.setText("a")
            until(lambda: False, 0.05)

    probe = FirstPaint(has_rows, settle)

    def watching_set_model(table: QTableView, model: object) -> None:
        set_model(table, model)
        if not tables and type(model).__name__ == "CaseFilterProxy":
            tables.append(table)
            table.viewport().installEventFilter(probe)

    QTableView.setModel = watching_set_model  # type: ignore[method-assign]
