"""The main window: case list | case details, menus, drops; talks to the services layer."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget

from app.domain.model import CaseDetail, CaseStatus, CaseSummary, ImportResult
from app.i18n import _, add_language_listener, ngettext, remove_language_listener
from app.paths import AppPaths
from app.settings import Settings
from app.ui.case_actions import CaseActions
from app.ui.case_loading import CaseLoading
from app.ui.errors import report_failure
from app.ui.import_controller import ImportController, importable
from app.ui.main_actions import MainActions
from app.ui.messages import Messages
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from app.ui.tasks import JobRunner
from app.ui.views.case_detail_view import CaseDetailView
from app.ui.views.case_list_view import CaseListView
from app.ui.views.empty_state_view import EmptyStateView
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from app.services.database import Database
    from app.ui.early_list import EarlyCaseList

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shows first, then opens the store and loads the cases in the background (shown sooner)."""

    cases_loaded = Signal()  # the table holds the store's cases
    load_failed = Signal()  # the store could not be opened
    case_updated = Signal(int)  # case_id whose row and details were refreshed
    first_painted = Signal()  # the first frame is on screen (once, just after it)

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        database_url: str | None = None,
        early_list: EarlyCaseList | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.database_url = database_url
        self.db: Database | None = None
        self._painted = False
        self.runner = JobRunner(parent=self)
        self.model = CaseTableModel(parent=self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.case_list = CaseListView(self.model, self.proxy)
        self.detail = CaseDetailView()
        self.empty_state = EmptyStateView()
        self.loading_label = QLabel()
        self.loading_label.setObjectName("hint")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.pages = QStackedWidget()
        for page in (self.loading_label, self.empty_state, self.splitter):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.setAcceptDrops(True)

        self.loading = CaseLoading(self, early_list)
        self.actions = MainActions.create(self)
        self.imports = ImportController(self, self.runner, lambda: self.db)
        self.case_actions = CaseActions(self)
        from app.ui.events import install_menu  # Events > Event mode...

        self.events_menu = install_menu(self, lambda: self.db, paths)
        self._connect()
        from app.ui.dialogs.backups_dialog import install_backups_action

        install_backups_action(self)  # File > Backups…
        self.window_state = WindowState(paths.ui_state_file)
        self.window_state.restore(self)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)

    def _connect(self) -> None:
        a = self.actions
        a.import_files.triggered.connect(self.imports.choose_and_import)
        a.load_samples.triggered.connect(self.imports.load_samples)
        a.paste_import.triggered.connect(self.imports.import_clipboard)
        a.labels.triggered.connect(self._save_address_labels)
        a.envelopes.triggered.connect(self._save_envelopes)
        a.report.triggered.connect(self.case_actions.show_report)
        a.settings.triggered.connect(self.case_actions.open_settings)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.focus_search)
        a.show_closed.toggled.connect(self.case_list.show_closed_box.setChecked)
        self.case_list.show_closed_box.toggled.connect(a.show_closed.setChecked)
        self.case_list.show_closed_box.toggled.connect(lambda _on: self.update_count())
        a.write_letter.triggered.connect(self.case_actions.write_letter)
        a.mark_sent.triggered.connect(self.case_actions.mark_sent)
        a.history.triggered.connect(self.case_actions.show_history)
        a.next_case.triggered.connect(lambda: self._step_case(1))
        a.previous_case.triggered.connect(lambda: self._step_case(-1))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.case_actions.show_about)
        self.empty_state.import_requested.connect(self.imports.choose_and_import)
        self.empty_state.samples_requested.connect(self.imports.load_samples)
        self.empty_state.paste_requested.connect(self.imports.import_clipboard)
        self.detail.write_letter_requested.connect(self.case_actions.write_letter)
        self.detail.mark_sent_requested.connect(self.case_actions.mark_sent)
        self.case_list.current_case_changed.connect(self.show_case_details)
        self.case_list.activated.connect(lambda _case: self.case_actions.write_letter())
        self.imports.finished.connect(self._on_import_finished)
        self._update_case_actions(None)

    def _save_address_labels(self) -> None:
        from app.ui import batch_outputs  # imported on use: paper output is slow to import

        batch_outputs.save_address_labels(self)

    def _save_envelopes(self) -> None:
        from app.ui import batch_outputs

        batch_outputs.save_envelopes(self)

    # ---- start-up and reloads (app/ui/case_loading.py) ---------------------------------

    def start(self) -> None:
        """Show the cases read straight from the file, then open the store (seen sooner)."""
        self.loading.start()

    def showing_preview(self) -> bool:
        """True while the list shows the start-up preview, before the whole list is in."""
        return self.loading.showing_preview()

    def use_store(self, db: Database) -> None:
        """Work on ``db`` from now on (the store opened, or a backup restored)."""
        self.loading.on_store_open(db)

    def reload_cases(self, select_case_id: int | None = None) -> None:
        self.loading.reload(select_case_id)

    def _on_import_finished(self, results: list[ImportResult]) -> None:
        touched = [r.case_id for r in results if r.case_id is not None]
        self.reload_cases(select_case_id=touched[0] if touched else None)

    # ---- the selected case --------------------------------------------------------------

    def current_case(self) -> CaseDetail | None:
        return self.detail.case

    def show_case_details(self, summary: CaseSummary | None) -> None:
        detail = None
        if summary is not None and self.db is not None:
            from app.services.cases import get_case

            try:
                detail = get_case(self.db, summary.ua_number)
            except Exception as error:  # shown to the user; bugs are logged with the traceback
                report_failure(self, _("Cannot show this case"), error)
        self.detail.show_case(detail, waiting=summary is not None and self.db is None)
        self._update_case_actions(detail)

    def _update_case_actions(self, detail: CaseDetail | None) -> None:
        enabled = detail is not None and bool(detail.targets)
        self.actions.write_letter.setEnabled(enabled)
        self.actions.mark_sent.setEnabled(enabled)

    def refresh_case(self, case_id: int) -> None:
        """Re-read one case after a change: its row (one dataChanged) and, if shown, its details."""
        if self.db is None:
            return
        from app.services.cases import get_summary

        summary = get_summary(self.db, case_id)
        if summary is not None:
            self.model.replace_case(summary)
            if self.detail.case is not None and self.detail.case.case_id == case_id:
                self.show_case_details(summary)
        self.update_count()
        self.case_updated.emit(case_id)

    def refresh_case_by_ua(self, ua_number: str) -> None:
        for case in self.model.cases():
            if case.ua_number == ua_number:
                self.refresh_case(case.case_id)
                return

    def _step_case(self, step: int) -> None:
        table = self.case_list.table
        row = table.currentIndex().row() + step if table.currentIndex().isValid() else 0
        if 0 <= row < self.proxy.rowCount():
            table.selectRow(row)

    def focus_search(self) -> None:
        self.case_list.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.search_box.selectAll()

    def update_count(self) -> None:
        """The status bar's open and closed counts (the store's, while a preview shows)."""
        counts = self.loading.preview_counts
        if counts is not None:
            open_count, closed = counts
        else:
            cases = self.model.cases()
            open_count = sum(1 for c in cases if c.status == CaseStatus.OPEN)
            closed = len(cases) - open_count
        text = ngettext("%(count)d open case", "%(count)d open cases", open_count) % {
            "count": open_count
        }
        if closed:
            text += " \u00b7 " + ngettext("%(count)d closed", "%(count)d closed", closed) % {
                "count": closed
            }
        self.count_label.setText(text)

    def show_shortcuts(self) -> None:
        Messages.info(self, _("Keyboard shortcuts"), "\n".join(self.actions.shortcut_lines()))

    # ---- drag and drop ------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(importable(p) for p in self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [p for p in self._dropped_paths(event) if importable(p)]
        if paths:
            event.acceptProposedAction()
            self.imports.import_paths(paths)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the children paint in this same pass: announce it after
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    # ---- language, state, closing --------------------------------------------------------

    def _on_language_changed(self, _locale: str) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Appeal Desk"))
        self.loading_label.setText(_("Opening your cases..."))
        self.actions.retranslate_ui()
        self.model.retranslate()
        for child in (self.case_list, self.detail, self.empty_state):
            child.retranslate_ui()
        self.splitter.setAccessibleName(_("Cases and details"))
        self.update_count()
        if hasattr(self, "case_actions"):
            self.case_actions.retranslate_dialogs()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.window_state.save(self)
        remove_language_listener(self._on_language_changed)
        self.case_actions.close_dialogs()
        self.runner.wait_for_done(10_000)
        if self.db is not None:
            self.db.close()
            self.db = None
        super().closeEvent(event)
