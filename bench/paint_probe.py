"""Report when a window is first painted, measured from the parent's spawn time.

    BENCH_T0=<time.time() at spawn> python bench/paint_probe.py bare
    BENCH_T0=... python bench/paint_probe.py app --data-dir STORE gui

``bare``: an empty QMainWindow (the floor). ``table``: a window painting a table of text,
without the app (the floor for a first screen of rows). ``app``: the real ``appeal-desk``
entry point; the probe waits for the case table's viewport to paint with rows in it (the
first screen of open cases, the start-up preview). Each prints ``painted_ms=<ms since
spawn>`` and ends the process at once, so that interpreter teardown (a few hundred ms with
SQLAlchemy loaded) is not counted as start-up.

With ``BENCH_FULL_LIST=1`` the app run prints the preview's paint as ``first_ms=`` and goes
on until the whole list has replaced it and is painted (``painted_ms=``).

With ``BENCH_RSS=1`` it first lets the app settle (the store opened, idle work done, a
search typed and cleared; with ``BENCH_SHOW_CLOSED=1`` closed cases shown and searched too)
and then also prints ``peak_rss_kb=`` (ru_maxrss).
"""

from __future__ import annotations

import os
import resource
import sys
import time

from bare_window import QuitOnPaint
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def since_spawn_ms() -> float:
    return (time.time() - float(os.environ["BENCH_T0"])) * 1000.0


def finish(settle: object = None) -> None:
    sys.stdout.write(f"painted_ms={since_spawn_ms():.1f}\n")
    if os.environ.get("BENCH_RSS"):  # settle outside the paint event (no nested repaint)
        QTimer.singleShot(0, lambda: report_rss(settle))
        return
    sys.stdout.flush()
    os._exit(0)


def report_rss(settle: object) -> None:
    if callable(settle):
        settle()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stdout.write(f"peak_rss_kb={peak}\n")
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


def run_bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)
    probe = FirstPaint(lambda: True)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


def run_table(quit_after_paint: bool = False) -> int:
    """The floor for a window that paints a table of text: a search box over a QTableView
    of 120 rows and 7 columns (the app's first screen, without the app). With
    ``quit_after_paint`` it leaves the event loop after that paint and exits normally, the way
    ``appeal-desk gui --quit-after-first-paint`` does (teardown included)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else 120

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else 7

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Fictional case {index.row()}, column {index.column()}"
            return None

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLineEdit())
    table = QTableView()
    rows = Rows()
    table.setModel(rows)
    layout.addWidget(table)
    window.setCentralWidget(page)
    probe: QObject = QuitOnPaint() if quit_after_paint else FirstPaint(lambda: True)
    table.viewport().installEventFilter(probe)
    window.show()
    return app.exec()


def run_app(argv: list[str]) -> int:
    """The real entry point. The probe imports nothing of the app early, so start-up keeps its
    own import order: it finds the case table when the app gives the table its model (the
    search proxy) and watches that table's viewport alone."""
    from PySide6.QtWidgets import QTableView

    from app.main import main

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
        # daily backup may take minutes and hold little memory: not waited for)
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
    return main(argv)


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    runners = {"bare": run_bare, "table": run_table, "table-exit": lambda: run_table(True)}
    sys.exit(runners[mode]() if mode in runners else run_app(rest))
