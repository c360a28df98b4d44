"""The case list read on a plain thread from the first moment of start-up (QT-8).

``appeal-desk gui`` starts this read before the window's modules are imported and its
widgets built, so the two overlap: SQLite releases the interpreter lock while it reads,
and the list is usually ready by the time the window asks for it (bench/bench_startup.py).
The read is ``peek_cases``: read-only, no SQLAlchemy, None when the fast path does not
apply. The store is still opened, checked and migrated afterwards, exactly as before.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.domain.model import CaseSummary


class EarlyCaseList:
    """``peek_cases(paths, database_url)`` running on its own daemon thread."""

    def __init__(self, paths: AppPaths, database_url: str | None) -> None:
        self._paths = paths
        self._database_url = database_url
        self._cases: list[CaseSummary] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="early-case-list", daemon=True)

    @classmethod
    def start(cls, paths: AppPaths, database_url: str | None) -> EarlyCaseList:
        early = cls(paths, database_url)
        early._thread.start()
        return early

    def _read(self) -> None:
        try:
            from app.services.cases import peek_cases

            self._cases = peek_cases(self._paths, self._database_url)
        except Exception as error:  # handed to whoever asks for the result
            self._error = error

    def result(self) -> list[CaseSummary] | None:
        """Wait for the read; its rows (once), None (no fast path), or its error raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        cases, self._cases = self._cases, None  # the window keeps them; this holds no copy
        return cases
