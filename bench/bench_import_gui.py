"""Bulk import through the window: 1,000 files (--quick: 100) while the event loop stays live.

The app's own MainWindow (offscreen) imports the files with its background import task
(``ImportController.import_paths``, as a drop or the file dialog would). A 10 ms QTimer
heartbeat runs meanwhile; the figure is the longest gap between two beats (a stall the
user would feel), from the start of the import until the case list has been reloaded; and the
longest the window's thread worked between two beats (its CPU time: a wall-clock gap also
holds waits for the interpreter lock, which the import's thread holds much of the time, and
for the cores of a loaded machine).
The files are fictional sample UAs given distinct UA numbers; the store is a fresh copy of
a generated one (1,000 cases), so the pre-import backup has real work to do.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generate_store import store_copy
from measure import Result, benchmark_main
from PySide6.QtCore import QEventLoop, QTimer

from app.paths import resolve_paths
from app.samples import sample_paths
from app.settings import load_settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

HEARTBEAT_MS = 10


def write_documents(folder: Path, count: int) -> list[Path]:
    """``count`` fictional UAs, each with its own UA number and index."""
    templates = [p.read_text(encoding="utf-8") for p in sample_paths() if "initial" in p.name]
    written = []
    for n in range(count):
        text = templates[n % len(templates)]
        number = 1000 + n
        text = re.sub(r"UA: \d+/27", f"UA: {number}/27", text)
        text = re.sub(r"(ASA|AMR|EUR|AFR|MDE) 99/\d{4}/2027", rf"\1 99/{number:04d}/2027", text)
        path = folder / f"ua-{number}-27-initial.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


class Heartbeat:
    """Records the time between timer ticks; a gap far above the interval is a stall. Also
    the CPU time the window's thread spent between ticks (``busy``): the part of a stall that
    is the window's own work, not a wait for the interpreter lock or for a shared machine's
    cores, which the machine's load moves far less."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.busy: list[float] = []
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer.start()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now - self._last) * 1000.0)
        self.busy.append((cpu - self._last_cpu) * 1000.0)
        self._last, self._last_cpu = now, cpu


def wait_for(condition: Callable[[], object], timeout: float) -> None:
    """Run the event loop until ``condition()`` holds (checked every 10 ms)."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()  # not a processEvents() loop: see the note on PySide6 6.12.0 in run_all.py
    poll.stop()
    if not condition():
        raise RuntimeError("timed out")


def gui_without_message_boxes() -> object:
    """The app's QApplication; the end-of-import summary and other modal boxes are skipped
    (nobody is there to click them)."""
    from app.ui.application import create_application
    from app.ui.messages import Messages

    Messages.info = staticmethod(lambda *args, **kwargs: None)  # type: ignore[method-assign]
    Messages.warning = staticmethod(lambda *args, **kwargs: None)  # type: ignore[method-assign]
    app = create_application()
    assert app is not None
    return app


def open_loaded_window(data: Path) -> tuple[MainWindow, list[int]]:
    """The main window on the store in ``data``, shown, once its cases are listed; the list
    grows by one each time the window lists the cases (again)."""
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    paths = resolve_paths(data)
    window = MainWindow(AppContext(paths, load_settings(paths)))
    loads: list[int] = []
    window.cases_loaded.connect(lambda: loads.append(1))
    window.show()
    window.start()
    wait_for(lambda: loads, 60)
    return window, loads


def run(quick: bool) -> list[Result]:
    count = 100 if quick else 1_000
    app = gui_without_message_boxes()  # kept alive for the whole run
    assert app is not None
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store_copy(1_000, 10_000, into=data)
        documents = write_documents(Path(tmp), count)
        window, loads = open_loaded_window(data)
        finished: list[int] = []
        window.imports.finished.connect(lambda results: finished.append(len(results)))
        heartbeat = Heartbeat()
        heartbeat.start()
        started = time.perf_counter()
        window.imports.import_paths(documents)
        wait_for(lambda: finished and len(loads) >= 2, 600)
        took = time.perf_counter() - started
        heartbeat.timer.stop()
        window.close()
    gaps = heartbeat.gaps
    worst = max(gaps)
    p99 = statistics.quantiles(gaps, n=100)[-1] if len(gaps) > 2 else worst
    return [
        Result(
            "import_gui_max_stall",
            worst,
            "ms",
            100,
            note=f"{count} files; heartbeat every {HEARTBEAT_MS} ms, p99 gap {p99:.0f} ms",
        ),
        Result(
            "import_gui_max_busy",
            max(heartbeat.busy),
            "ms",
            None,
            note="the window's own CPU time between two beats, at most",
        ),
        Result(
            "import_gui_docs_per_s",
            finished[0] / took,
            "docs/s",
            None,
            higher_is_better=True,
            note="through the window, backup and reload included",
        ),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
