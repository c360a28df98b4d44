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
and then also prints ``peak_rss_kb=`` (its peak resident memory).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType


def run_bare() -> int:
    from paint_watch import FirstPaint
    from PySide6.QtWidgets import QApplication, QMainWindow

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
    from bare_window import QuitOnPaint
    from paint_watch import FirstPaint
    from PySide6.QtCore import (
        QAbstractTableModel,
        QModelIndex,
        QObject,
        QPersistentModelIndex,
        Qt,
    )
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QMainWindow,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

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
    """The real entry point. The probe imports nothing before the app does (neither the app
    nor PySide6), so start-up keeps its own import order: once the app has loaded
    ``PySide6.QtWidgets``, ``paint_watch.watch_case_table`` watches for the case table."""
    after_import("PySide6.QtWidgets", lambda _module: _watch_case_table())
    from app.main import main

    return main(argv)


def _watch_case_table() -> None:
    from paint_watch import watch_case_table

    watch_case_table()


def after_import(name: str, then: Callable[[ModuleType], None]) -> None:
    """Call ``then(module)`` once module ``name`` has been imported, by whomever."""

    class AfterImport(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname: str, path: object, target: object = None) -> object:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            if spec is None or spec.loader is None:
                return spec
            exec_module = spec.loader.exec_module

            def exec_then(module: ModuleType) -> None:
                exec_module(module)
                then(module)

            spec.loader.exec_module = exec_then  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, AfterImport())


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    runners = {"bare": run_bare, "table": run_table, "table-exit": lambda: run_table(True)}
    sys.exit(runners[mode]() if mode in runners else run_app(rest))
