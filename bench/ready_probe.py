"""Ready, then at once a unit of work on the GUI thread: how long a first write would wait.

    BENCH_T0=<time.time() at spawn> python bench/ready_probe.py --data-dir STORE gui

Runs the real entry point without ``--quit-after-first-paint``. When the window says it is
ready (``cases_loaded``: cases listed, store open) it prints ``ready_ms=``; right after the
window's own reaction to that signal it begins and commits one unit of work on the GUI thread
(what "Mark as sent" does before its insert: the engine is made then if it is not yet) and
prints ``transaction_ms=``. Both are ms since spawn; then the process ends at once. Nothing is
written to the store (the unit of work is empty).
"""

from __future__ import annotations

import os
import sys
import time
import traceback

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView


def since_spawn_ms() -> float:
    return (time.time() - float(os.environ["BENCH_T0"])) * 1000.0


def failed() -> None:
    """A probe that cannot do its work ends the app with an error instead of leaving it open."""
    traceback.print_exc()
    sys.stderr.flush()
    os._exit(1)


def first_transaction(window: object) -> None:
    try:
        # The window's store: on its application context, or (older checkouts) on the window.
        db = getattr(window, "context", window).db
        with db.unit_of_work():
            pass
    except Exception:
        failed()
    sys.stdout.write(f"transaction_ms={since_spawn_ms():.1f}\n")
    sys.stdout.flush()
    os._exit(0)


def on_ready(window: object) -> None:
    sys.stdout.write(f"ready_ms={since_spawn_ms():.1f}\n")
    QTimer.singleShot(0, lambda: first_transaction(window))  # after the window's own slots


def main() -> int:
    from app.main import main as app_main

    set_model = QTableView.setModel
    hooked: list[bool] = []

    def watching_set_model(table: QTableView, model: object) -> None:
        set_model(table, model)
        if not hooked and type(model).__name__ == "CaseFilterProxy":
            hooked.append(True)
            QTimer.singleShot(0, lambda: watch(table.window()))  # in its window by then

    def watch(window: object) -> None:
        try:
            window.cases_loaded.connect(lambda: on_ready(window))  # type: ignore[attr-defined]
        except Exception:
            failed()

    QTableView.setModel = watching_set_model  # type: ignore[method-assign]
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
