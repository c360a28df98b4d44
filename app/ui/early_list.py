"""The case list read from the first moment of start-up: its first screen at once, the rest
on a plain thread.

``appeal-desk gui`` does this read before the window's modules are imported and its widgets
built. First comes a preview (the first screen of open cases and the counts, a few
milliseconds), which the window paints at once; then the whole list (``peek_cases``, about
100 ms at 10,000 cases), which replaces it; a small store is read whole at once (a complete
preview). The preview is read before Qt loads: read while PySide6 loaded, its Python work and
the import's took the interpreter lock from each other at every row SQLite stepped to, which
stretched a 5 ms read over 100 ms and more and quadrupled its CPU time: the first screen of
10,000 cases was painted about 10 ms later than with the preview read first
(bench/bench_ready.py). It is read on the starting thread, which would only wait for it: on
a thread of its own it cost that thread's start, a wake-up of the waiting one and a heap of
its own for what the read allocates (the first screen of 300 cases came about 5 ms later on
a busy machine, median of 25 interleaved runs).
The whole list is read on the thread once the preview is painted (``go_on``): made while the
window was being built, SQLite's work (a few hundred million instructions at 10,000 cases)
took a core from that first paint on a busy machine; a complete preview needs no thread.
Both are read-only, without SQLAlchemy, and None when the fast path does not apply. The
store is still opened, checked and migrated afterwards.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

from app.paths import AppPaths
from app.services.cases import peek_cases, peek_preview

if TYPE_CHECKING:
    from app.domain.model import CaseListPreview, CaseSummary

PREVIEW_SIZE = 120  # rows: more than a maximised window shows on a tall screen
# A store of at most this many times PREVIEW_SIZE cases is read whole at once (a few ms more
# than a preview, where a preview and then the whole list cost a second read, a second fill
# of the table and a second paint before the window is ready).
WHOLE_LIST_PREVIEWS = 4


class EarlyCaseList:
    """``peek_preview`` on the starting thread, then ``peek_cases`` on a daemon thread."""

    def __init__(self, paths: AppPaths, database_url: str | None) -> None:
        self._paths = paths
        self._database_url = database_url
        self._preview: CaseListPreview | None = None
        self._previewed = False  # a preview was read: the whole list waits for its paint
        self._preview_read = threading.Event()
        self._go_on = threading.Event()
        self._cases: list[CaseSummary] | None = None
        self.listed_on = date.today()  # the day both reads put their rows in list order
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="early-case-list", daemon=True)

    @classmethod
    def start(cls, paths: AppPaths, database_url: str | None) -> EarlyCaseList:
        """Read the preview now; the whole list follows on the thread unless it is in."""
        early = cls(paths, database_url)
        if not early._read_preview():
            early._thread.start()
        return early

    def _read_preview(self) -> bool:
        """The preview; True when nothing is left to read (the whole list is in, or the read
        failed: its error is handed to whoever asks for the result)."""
        try:
            self._preview = preview = peek_preview(
                self._paths,
                PREVIEW_SIZE,
                self._database_url,
                self.listed_on,
                whole_list_at_most=WHOLE_LIST_PREVIEWS * PREVIEW_SIZE,
            )
        except Exception as error:
            self._error = error
            return True
        finally:
            self._preview_read.set()
        if preview is not None and preview.complete:  # the whole list already
            self._cases = list(preview.cases)
            return True
        self._previewed = preview is not None
        return False

    def _read(self) -> None:
        try:
            if self._previewed:  # the window paints it first, with every core it needs
                self._go_on.wait()
            self._cases = peek_cases(self._paths, self._database_url, self.listed_on)
        except Exception as error:  # handed to whoever asks for the result
            self._error = error

    def preview(self) -> CaseListPreview | None:
        """Wait for the preview (milliseconds); None when there is none (the whole list, or
        the normal path, follows)."""
        self._preview_read.wait()
        preview, self._preview = self._preview, None
        return preview

    def go_on(self) -> None:
        """Read the whole list now (after the preview is painted)."""
        self._go_on.set()

    def result(self) -> list[CaseSummary] | None:
        """Wait for the read; its rows (once), None (no fast path), or its error raised here."""
        self._go_on.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._error is not None:
            raise self._error
        cases, self._cases = self._cases, None  # the window keeps them; this holds no copy
        return cases
