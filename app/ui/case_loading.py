"""How the main window gets its cases: a preview, the whole list, then the store.

At start-up the first screen of open cases is painted from a read of a few milliseconds
(``EarlyCaseList.preview``), the whole list read straight from the file replaces it after
the first frame, and only then is the store opened, checked and migrated with SQLAlchemy,
all off the GUI thread (bench/bench_startup.py). Later reloads (after an import) read the
list through the open store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from app.domain.model import CaseListPreview, CaseStatus, CaseSummary
from app.i18n import _
from app.ui.errors import report_failure
from app.ui.models.case_table_model import Column

if TYPE_CHECKING:
    from app.services.database import Database
    from app.ui.early_list import EarlyCaseList
    from app.ui.main_window import MainWindow


class CaseLoading:
    """The window's list and store, from the first frame to every later reload."""

    def __init__(self, window: MainWindow, early_list: EarlyCaseList | None) -> None:
        self.window = window
        self._early_list = early_list  # the list read while the window was being built
        self.peeked = False  # the list shown was read before the store was opened
        self.preview_counts: tuple[int, int] | None = None  # (open, closed) of a preview
        self._generation = 0

    def start(self) -> None:
        """Paint the preview if there is one, read the whole list, then open the store."""
        window = self.window
        window.pages.setCurrentWidget(window.loading_label)
        paths, url = window.paths, window.database_url
        early, self._early_list = self._early_list, None
        if early is not None and self._preview_matches_view():
            preview = early.preview()
            if preview is not None and preview.cases:
                self._show_preview(preview)

        def peek_in_background(_progress: object) -> list[CaseSummary] | None:
            if early is not None:  # started by application.run before the window was built
                return early.result()
            from app.services.cases import peek_cases

            return peek_cases(paths, url)  # None: no store yet, to migrate, or damaged

        def read_the_rest() -> None:
            window.runner.start(
                peek_in_background, self._on_peeked, lambda _error: self._open_store(), name="peek"
            )

        if self.preview_counts is not None:  # let the preview paint first
            QTimer.singleShot(0, read_the_rest)
        else:
            read_the_rest()

    def showing_preview(self) -> bool:
        return self.preview_counts is not None

    def _preview_matches_view(self) -> bool:
        """The preview holds the first open cases by deadline: the view must show that."""
        model, case_list = self.window.model, self.window.case_list
        return (
            model.sort_column in (Column.DEADLINE, Column.DAYS_LEFT)
            and model.sort_order == Qt.SortOrder.AscendingOrder
            and not case_list.show_closed_box.isChecked()
            and not case_list.search_box.text()
        )

    def _show_preview(self, preview: CaseListPreview) -> None:
        window = self.window
        window.model.set_cases(preview.cases)
        self.preview_counts = (preview.open_count, preview.closed_count)
        window.pages.setCurrentWidget(window.splitter)
        window.case_list.select_first()
        window.update_count()

    def _on_peeked(self, cases: list[CaseSummary] | None) -> None:
        if cases is not None:
            self.peeked = True
            current = self.window.case_list.current_case()  # the preview's selection stays
            keep = current.case_id if current is not None else None
            self._on_cases(cases, keep, announce=False)  # cases_loaded waits for the store
        self._open_store()

    def _open_store(self) -> None:
        paths, url = self.window.paths, self.window.database_url

        def open_in_background(_progress: object) -> Database:
            # SQLAlchemy loads off the GUI thread; one window per data folder (instance lock)
            from app.services.backups import open_store_exclusively

            return open_store_exclusively(paths, url)

        self.window.runner.start(
            open_in_background, self.on_store_open, self._on_store_failed, name="open"
        )

    def on_store_open(self, db: Database) -> None:
        window = self.window
        window.db = db
        if self.peeked:  # the list is current (same file, same schema): show the details
            self.peeked = False
            window.show_case_details(window.case_list.current_case())
            window.cases_loaded.emit()
        else:
            self.reload()

    def _on_store_failed(self, error: BaseException) -> None:
        from app.ui.dialogs.recovery_dialog import handle_unavailable_store

        window = self.window
        if self.peeked or self.preview_counts is not None:  # rows read before the store
            self.peeked = False  # was opened, from a store that cannot be used as it is
            self.preview_counts = None
            window.model.set_cases([])
            window.pages.setCurrentWidget(window.loading_label)
        recovered = handle_unavailable_store(error, window.paths, window)  # damaged: restore
        if recovered is not None:
            self.on_store_open(recovered)
            return
        window.loading_label.setText(_("Your cases could not be opened."))
        window.load_failed.emit()
        report_failure(window, _("Cannot open your data"), error)

    def reload(self, select_case_id: int | None = None) -> None:
        """Read the list again through the store, keeping (or moving to) a selected case."""
        window = self.window
        db = window.db
        if db is None:
            return

        def list_in_background(_progress: object) -> list[CaseSummary]:
            from app.services.cases import list_cases  # imported off the GUI thread

            return list_cases(db, include_closed=True)

        current = window.case_list.current_case()
        keep = (
            select_case_id if select_case_id is not None else (current.case_id if current else None)
        )
        self._generation += 1
        generation = self._generation
        window.runner.start(
            list_in_background,
            lambda cases: self._on_cases(cases, keep, generation),
            lambda error: report_failure(window, _("Cannot list your cases"), error),
            name="list",
        )

    def _on_cases(
        self,
        cases: list[CaseSummary],
        select_case_id: int | None,
        generation: int = 0,
        announce: bool = True,
    ) -> None:
        if generation and generation != self._generation:
            return  # a newer reload is on its way; its rows are fresher than these
        window = self.window
        self.preview_counts = None
        window.model.set_cases(cases)
        window.pages.setCurrentWidget(window.splitter if cases else window.empty_state)
        if select_case_id is not None and any(c.case_id == select_case_id for c in cases):
            selected = next(c for c in cases if c.case_id == select_case_id)
            if selected.status == CaseStatus.CLOSED:
                window.case_list.show_closed_box.setChecked(True)
            window.case_list.select_case(select_case_id)
        elif window.proxy.rowCount():
            window.case_list.select_first()
        window.update_count()
        if announce:
            window.cases_loaded.emit()
