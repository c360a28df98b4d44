"""Search and sort in the real case list: 100,000 cases (--quick: 5,000) from a store.

The cases come from a generated store through ``app.services.cases.list_cases``; the
window part is the app's own ``CaseListView`` over ``CaseTableModel`` + ``CaseFilterProxy``,
shown offscreen. One keystroke is timed from the key into the search box until the event
loop has painted the table again; one sort from the header click (``sortByColumn``) until
the repaint. Figures are medians; the first sort by each column (no cached order yet) is
reported separately from later ones.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from generate_store import store_copy
from measure import Result, benchmark_main
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.paths import resolve_paths
from app.services.cases import list_cases
from app.services.database import open_store
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel, Column
from app.ui.views.case_list_view import CaseListView


class PaintCounter(QObject):
    """Counts paint events of one widget (to check a step really repainted the view)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def until_painted(app: QApplication, view: CaseListView, counter: PaintCounter) -> None:
    """Let the event loop lay out and paint, as it would after a user's key or click."""
    before = counter.count
    app.processEvents()
    if counter.count == before:  # nothing was scheduled: paint once so the step is complete
        view.table.viewport().repaint()


CPU_MS: list[float] = []  # the GUI thread's CPU time of each timed step (steadier when shared)


def timed(
    app: QApplication, view: CaseListView, counter: PaintCounter, step: Callable[[], object]
) -> float:
    """Wall-clock ms of one step until repainted (what a user feels); CPU ms go to CPU_MS."""
    started, cpu = time.perf_counter(), time.thread_time()
    step()
    until_painted(app, view, counter)
    CPU_MS.append((time.thread_time() - cpu) * 1000.0)
    return (time.perf_counter() - started) * 1000.0


def keystrokes(view: CaseListView, words: list[str]) -> list[Callable[[], object]]:
    """Type each word a character at a time, then delete it with Backspace."""
    box = view.search_box
    steps: list[Callable[[], object]] = []
    for word in words:
        steps += [lambda ch=ch: box.insert(ch) for ch in word]
        steps += [box.backspace for _ in word]
    return steps


def run(quick: bool) -> list[Result]:
    count = 5_000 if quick else 100_000
    store = store_copy(count, count, lean=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_store(resolve_paths(store))
    try:
        cases = list_cases(db, include_closed=True)
    finally:
        db.close()
    model = CaseTableModel()
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = CaseListView(model, proxy)
    view.resize(1000, 800)
    view.show()
    counter = PaintCounter()
    view.table.viewport().installEventFilter(counter)
    app.processEvents()
    started = time.perf_counter()
    model.set_cases(cases)
    view.select_first()
    until_painted(app, view, counter)
    load_ms = (time.perf_counter() - started) * 1000.0
    # Idle time, as after a start: the proxy folds search texts, the model prepares sort
    # orders. An event loop, not a processEvents() loop (PySide6 6.12.0 on Python 3.11 drops
    # a reference to None on every void call; a tight loop of them aborts the interpreter).
    idle = QEventLoop()
    QTimer.singleShot(1000 if count < 50_000 else 3000, idle.quit)
    idle.exec()
    middle = cases[len(cases) // 2]
    words = [middle.persons[0][:6] if middle.persons else "ka", middle.country[:5], "ua 1"]
    CPU_MS.clear()
    typing = [timed(app, view, counter, step) for step in keystrokes(view, words)]
    view.show_closed_box.setChecked(True)
    app.processEvents()
    typing += [timed(app, view, counter, step) for step in keystrokes(view, words[:1])]
    typing_cpu = statistics.median(CPU_MS)
    CPU_MS.clear()
    first_sorts, later_sorts = [], []
    for column in Column:
        for attempt, order in enumerate(
            [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 2
        ):
            took = timed(
                app, view, counter, lambda c=column, o=order: view.table.sortByColumn(c, o)
            )
            (first_sorts if attempt == 0 else later_sorts).append(took)
    size = f"{len(cases):,} cases"
    sort_cpu = statistics.median(CPU_MS)
    typing_note = (
        f"{size}; p90 {statistics.quantiles(typing, n=10)[-1]:.1f} ms, {len(typing)} keys, "
        f"CPU {typing_cpu:.1f} ms"
    )
    return [
        Result("list_load_and_paint", load_ms, "ms", None, note=f"{size}: set_cases + first paint"),
        Result("search_keystroke_median", statistics.median(typing), "ms", 16, note=typing_note),
        Result(
            "sort_median",
            statistics.median(first_sorts + later_sorts),
            "ms",
            50,
            note=f"{size}, every column both ways, CPU {sort_cpu:.1f} ms",
        ),
        Result(
            "sort_first_click_max",
            max(first_sorts),
            "ms",
            50,
            note="first sort by a column (builds its order)",
        ),
        Result("sort_again_max", max(later_sorts), "ms", 50, note="later sorts (cached order)"),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
