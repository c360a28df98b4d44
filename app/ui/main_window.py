"""The main window: case list | case details, menus, drops; a view over the application context.

The window builds its widgets and the pieces that act for it (loading, imports, case actions,
menus, reminders), hands each the context and the narrow views it needs, and connects them:
what the first frame shows in ``_connect_signals``, the pieces that act on the user's commands
(imports, case actions, the Edit and Events menus) in ``_build_commands``, just after the first
frame or at the first command that needs them if that comes sooner. No piece holds the window;
none imports this module.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _, add_language_listener, ngettext, remove_language_listener
from app.ui.accessibility import QuietStack, speak_status_messages
from app.ui.app_context import AppContext
from app.ui.case_loading import CaseLoading, Page
from app.ui.main_actions import MainActions
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from app.ui.style import Role, apply_role
from app.ui.views.case_detail_view import CaseDetailView
from app.ui.views.case_list_view import CaseListView
from app.ui.views.empty_state_view import EmptyStateView
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from pathlib import Path

    from app.domain.changes import StoreChange
    from app.domain.model import CaseDetail, ImportResult
    from app.services.database import Database
    from app.ui.case_actions import CaseActions
    from app.ui.catch_up import CatchUp
    from app.ui.commands import Commands
    from app.ui.early_list import EarlyCaseList
    from app.ui.edit_actions import EditActions
    from app.ui.events import EventsMenu
    from app.ui.import_controller import ImportController
    from app.ui.notifications import DeadlineNotifier
    from app.ui.server_connection import ConnectionProblem
    from app.ui.views.write_today_view import WriteTodayDialog

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shows first, then opens the store and loads the cases in the background."""

    cases_loaded = Signal()  # the table holds the store's cases
    load_failed = Signal()  # the store could not be opened
    case_updated = Signal(int)  # case_id whose row and details were refreshed
    first_painted = Signal()  # the first frame is on screen (once, just after it)

    def __init__(self, context: AppContext, early_list: EarlyCaseList | None = None) -> None:
        super().__init__()
        self.context = context
        self._painted = False
        self.reminders: DeadlineNotifier | None = None
        self.model = CaseTableModel(parent=self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # Built from the window down: under the app's style sheet a widget moved into another
        # has its style worked out again with all its children, at every level it moves up
        # (the case list three times when it was built first: about 4 ms at start-up).
        self.pages = QuietStack()  # no "layered pane" said on the way to every control
        self.setCentralWidget(self.pages)
        self.loading_label = QLabel()
        apply_role(self.loading_label, Role.HINT)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)  # the advice after damage fits a narrow window
        # its one link, shown after a failure to open the cases, opens them again
        self.loading_label.linkActivated.connect(lambda _link: self._retry_opening())
        self.empty_state = EmptyStateView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for page in (self.loading_label, self.empty_state, self.splitter):
            self.pages.addWidget(page)
        self.case_list = CaseListView(self.model, self.proxy)
        self.detail = CaseDetailView()
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.setAcceptDrops(True)

        self.menu_actions = MainActions(self)
        self.loading = CaseLoading(context, self.case_list, early_list, self)
        self._commands: Commands | None = None
        self.catch_up: CatchUp | None = None  # made when a server's store opens
        self.read_only_banner: QLabel | None = None  # made when a store can only be read
        self.connection_problem: ConnectionProblem | None = None  # a server failed to open
        self._connect_signals()
        self.window_state = WindowState(context.paths.ui_state_file)
        self.window_state.restore(self, self.splitter, self.case_list)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)

    def _connect_signals(self) -> None:
        """Every connection between the window's widgets, its pieces and the context."""
        a, context = self.menu_actions, self.context
        status = self.statusBar()
        speak_status_messages(status)  # "Appeal recorded", "1 document imported": said aloud

        # menus and toolbar (the commands go through the properties below, which make the
        # pieces that carry them out if a command comes before the first frame is painted)
        a.import_files.triggered.connect(lambda: self.imports.choose_and_import())
        a.load_samples.triggered.connect(lambda: self.imports.load_samples())
        a.paste_import.triggered.connect(lambda: self.imports.import_clipboard())
        a.labels.triggered.connect(self._save_address_labels)
        a.envelopes.triggered.connect(self._save_envelopes)
        a.report.triggered.connect(lambda: self.case_actions.show_report())
        a.backups.triggered.connect(self._show_backups)
        a.settings.triggered.connect(lambda: self.case_actions.open_settings())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.focus_search)
        a.show_closed.toggled.connect(self.case_list.show_closed_box.setChecked)
        a.write_letter.triggered.connect(lambda: self.case_actions.write_letter())
        a.mark_sent.triggered.connect(lambda: self.case_actions.mark_sent())
        a.history.triggered.connect(lambda: self.case_actions.show_history())
        a.next_case.triggered.connect(lambda: self._step_case(1))
        a.previous_case.triggered.connect(lambda: self._step_case(-1))
        a.write_today.triggered.connect(self.show_write_today)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.copy_diagnostics.triggered.connect(lambda: self.case_actions.copy_diagnostics())
        a.about.triggered.connect(lambda: self.case_actions.show_about())
        for filled_later in (a.edit_menu, a.events_menu):  # opened before the first frame
            filled_later.aboutToShow.connect(self._build_commands)

        # the case list, the details and the empty state
        self.case_list.show_closed_box.toggled.connect(a.show_closed.setChecked)
        self.case_list.show_closed_box.toggled.connect(lambda _on: self.update_count())
        self.case_list.current_case_changed.connect(self.show_case_details)
        self.case_list.activated.connect(lambda _case: self.case_actions.write_letter())
        self.detail.write_letter_requested.connect(lambda: self.case_actions.write_letter())
        self.detail.mark_sent_requested.connect(lambda: self.case_actions.mark_sent())
        self.detail.open_original_requested.connect(lambda: self.case_actions.open_original())
        self.empty_state.import_requested.connect(lambda: self.imports.choose_and_import())
        self.empty_state.samples_requested.connect(lambda: self.imports.load_samples())
        self.empty_state.paste_requested.connect(lambda: self.imports.import_clipboard())

        # loading
        self.loading.page_wanted.connect(self._show_page)
        self.loading.counts_changed.connect(self.update_count)
        self.loading.cases_loaded.connect(self.cases_loaded)
        self.loading.load_failed.connect(self._on_load_failed)
        # the first frame is painted: the pieces for the commands now, not later
        self.first_painted.connect(self._build_commands, Qt.ConnectionType.SingleShotConnection)

        # the context
        context.store_opened.connect(self._on_store_opened)
        context.case_changed.connect(self.refresh_case)
        context.cases_changed.connect(self.reload_cases)
        self._update_case_actions(None)

    def _build_commands(self) -> Commands:
        """Make and connect the pieces that act on the user's commands (once): imports, case
        actions, the Edit menu and its undo stack, the Events menu; the menus' actions get
        their keyboard shortcuts first. Their modules are loaded here, after the first frame,
        as nothing of them is painted in it."""
        if self._commands is not None:
            return self._commands
        self.menu_actions.give_shortcuts()
        self._keep_folders()
        from app.ui.case_actions import CaseActions
        from app.ui.commands import Commands
        from app.ui.edit_actions import EditActions
        from app.ui.events import EventsMenu
        from app.ui.import_controller import ImportController

        context, a, status = self.context, self.menu_actions, self.statusBar()
        imports = ImportController(context, self)
        case_actions = CaseActions(context, self, self.current_case, self.listed_cases)
        edits = EditActions(self, lambda: context.db, self.current_case)
        events_menu = EventsMenu(context, self, a.events_menu)
        edits.fill_menu(a.edit_menu)
        edits.attach_case_list(self.case_list.table)
        edits.set_case_selected(self.current_case() is not None)
        edits.open_draft = case_actions.reopen_draft
        case_actions.change_made.connect(edits.record)
        imports.finished.connect(self._on_import_finished)
        imports.finished.connect(edits.import_finished)
        imports.status_message.connect(status.showMessage)
        self.cases_loaded.connect(imports.run_waiting)
        self.load_failed.connect(imports.drop_waiting)
        case_actions.status_message.connect(status.showMessage)
        case_actions.ua_changed.connect(self.refresh_case_by_ua)
        case_actions.history_opened.connect(edits.attach_history)
        events_menu.on_dialog_opened = edits.attach_events
        edits.store_changed.connect(self._on_store_edited)
        edits.status_message.connect(status.showMessage)
        self._commands = Commands(imports, case_actions, edits, events_menu)
        return self._commands

    def _keep_folders(self) -> None:
        """File dialogs open where the user left off, after a restart too (the folders are kept
        in the settings). Done before the first dialog can open, not before the first frame,
        which shows none: the file dialogs' module loads with the commands."""
        from app.ui.file_dialogs import keep_folders_in

        keep_folders_in(self.context)

    @property
    def imports(self) -> ImportController:
        return self._build_commands().imports

    @property
    def case_actions(self) -> CaseActions:
        return self._build_commands().case_actions

    @property
    def edits(self) -> EditActions:
        return self._build_commands().edits

    @property
    def events_menu(self) -> EventsMenu:
        return self._build_commands().events_menu

    # ---- start-up and reloads (app/ui/case_loading.py) ---------------------------------

    def start(self) -> None:
        """Show the cases read straight from the file, then open the store."""
        self.loading.start()

    def showing_preview(self) -> bool:
        """True while the list shows the start-up preview, before the whole list is in."""
        return self.loading.showing_preview()

    def use_store(self, db: Database, replaced: bool = False) -> None:
        """Work on ``db`` from now on (the store opened, or a backup restored). ``replaced``:
        it holds other data than the list shows (a restored backup), so the list is read
        afresh and its first case selected, never a case of the data that was replaced."""
        if replaced:
            self.loading.forget_listed_cases()
            # The session's edits were made to the data that was replaced: none can be undone
            # on the restored data, and the status line's "Edit > Undo brings it back" is void.
            self.edits.forget_replaced_data()
            self.statusBar().clearMessage()
        self.loading.on_store_open(db)

    def reload_cases(self, select_case_id: int | None = None) -> None:
        self.loading.reload(select_case_id)

    def _show_page(self, page: Page) -> None:
        widgets: dict[Page, QWidget] = {
            Page.LOADING: self.loading_label,
            Page.EMPTY: self.empty_state,
            Page.LIST: self.splitter,
        }
        self.pages.setCurrentWidget(widgets[page])

    def _on_store_opened(self, db: Database) -> None:
        if db.on_server and self.catch_up is None:  # what other laptops write shows by itself
            from app.ui.catch_up import CatchUp

            self.catch_up = CatchUp(self.context, self)
        self.menu_actions.set_store_actions_enabled(True)  # after a failure, a restore
        self.empty_state.setEnabled(True)
        self._show_read_only_banner(db)
        self.show_case_details(self.case_list.current_case())

    def _show_read_only_banner(self, db: Database) -> None:
        """A line above the cases while they can only be read (their folder cannot be
        written); gone once a writable store is in use."""
        if not db.read_only:
            if self.read_only_banner is not None:
                self.read_only_banner.hide()
            return
        from PySide6.QtWidgets import QSizePolicy, QToolBar  # a rare bar: not at start-up

        from app.ui.read_only import read_only_banner

        if self.read_only_banner is None:
            self.read_only_banner = QLabel()
            apply_role(self.read_only_banner, Role.WARNING)
            self.read_only_banner.setWordWrap(True)
            self.read_only_banner.setSizePolicy(
                QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
            )
            self.read_only_banner.setObjectName("readOnlyBanner")
            bar = QToolBar(self)
            bar.setObjectName("readOnlyBar")
            bar.setMovable(False)
            bar.addWidget(self.read_only_banner)
            self.addToolBarBreak()
            self.addToolBar(bar)
        self.read_only_banner.setText(read_only_banner(db))
        self.read_only_banner.show()

    def _offers_retry(self) -> bool:
        """A local store that could not be opened, and not for damage: why, where, and a link
        to open it again once that is put right (a server's has its own page)."""
        loading = self.loading
        return not loading.damaged and not loading.on_server and loading.failure is not None

    def _load_failed_text(self) -> str:
        if self.loading.damaged:  # the recovery dialog was closed: the way back is here
            return _(
                "Your cases could not be opened: the database is damaged.\nRestore a backup "
                "with File > Backups…, or start Appeal Desk again to see the ways out."
            )
        failure = self.loading.failure
        if not self._offers_retry() or failure is None:
            return _("Your cases could not be opened.")
        from html import escape  # (the page of a failure: not at start-up)

        from app.domain.errors import AppealDeskError
        from app.ui.errors import error_text, unexpected_error_text

        reason = error_text(failure) if isinstance(failure, AppealDeskError) else None
        lines = [
            _("Your cases could not be opened."),
            reason or unexpected_error_text(),
            _("Your data folder: %(folder)s") % {"folder": self.context.paths.data_dir},
        ]
        retry = _("Open my cases again")
        return "<br>".join(escape(line).replace("\n", "<br>") for line in lines) + (
            f'<br><br><a href="retry">{escape(retry)}</a>'
        )

    def _on_load_failed(self) -> None:
        """No store: say so, and leave no button that looks as if it could work; a local store
        that could not be opened: why, where, and a link to try again once that is put right.
        A server's: why, with Try again and Connection settings."""
        self._show_load_failed_text()
        self.menu_actions.set_store_actions_enabled(False)
        self.empty_state.setEnabled(False)
        self.update_count()
        if self.loading.on_server and self.loading.failure is not None:
            if self.connection_problem is None:
                from app.ui.server_connection import ConnectionProblem

                self.connection_problem = ConnectionProblem(
                    self.context, self.pages, self._retry_opening, self
                )
            self.connection_problem.show_failure(self.loading.failure)
        self.load_failed.emit()

    def _show_load_failed_text(self) -> None:
        rich = self._offers_retry()
        self.loading_label.setTextFormat(
            Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText
        )
        self.loading_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            if rich
            else Qt.TextInteractionFlag.NoTextInteraction
        )
        self.loading_label.setText(self._load_failed_text())

    def _retry_opening(self) -> None:
        self.loading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.loading_label.setText(_("Opening your cases…"))
        self.loading.retry_opening()

    def _on_import_finished(self, results: list[ImportResult]) -> None:
        touched = [r.case_id for r in results if r.case_id is not None]
        self.reload_cases(select_case_id=touched[0] if touched else None)

    # ---- the selected and the listed cases ---------------------------------------------

    def current_case(self) -> CaseDetail | None:
        return self.detail.case

    def listed_cases(self) -> Sequence[CaseSummary]:
        """Every case the table holds (open and closed, whatever the search)."""
        return self.model.cases()

    def shown_cases(self) -> list[CaseSummary]:
        """The cases the list shows right now (search and "show closed" apply)."""
        found = (self.proxy.case_at(row) for row in range(self.proxy.rowCount()))
        return [case for case in found if case is not None]

    def show_case_details(self, summary: CaseSummary | None) -> None:
        detail = None
        db = self.context.db
        if summary is not None and db is not None:
            from app.services.cases import get_case

            try:
                detail = get_case(db, summary.ua_number)
            except Exception as error:  # shown to the user; bugs are logged with the traceback
                from app.ui.errors import report_failure

                report_failure(self, _("Cannot show this case"), error)
        self.detail.show_case(detail, waiting=summary is not None and db is None)
        self._update_case_actions(detail)

    def _update_case_actions(self, detail: CaseDetail | None) -> None:
        enabled = detail is not None and bool(detail.targets)
        self.menu_actions.write_letter.setEnabled(enabled)
        self.menu_actions.mark_sent.setEnabled(enabled)
        if self._commands is not None:  # else set as they are made
            self._commands.edits.set_case_selected(detail is not None)

    def refresh_case(self, case_id: int) -> bool:
        """Re-read one case after a change: its row (one dataChanged) and, if shown, its details.
        False when the store is not open or no longer has the case (its row stays as it was)."""
        db = self.context.db
        if db is None:
            return False
        from app.services.cases import get_summary

        summary = get_summary(db, case_id)
        if summary is not None:
            self.model.replace_case(summary)
            if self.detail.case is not None and self.detail.case.case_id == case_id:
                self.show_case_details(summary)
        self.update_count()
        self.case_updated.emit(case_id)
        return summary is not None

    def _on_store_edited(self, change: StoreChange | None) -> None:
        """An edit, deletion, undo or redo. The case it names shows the change at once (its row
        is read again right here, not behind a listing of every case in the background, which
        waits while other jobs hold the threads); a case gone or come back, or a change of
        many cases, lists them all again."""
        number = change.ua_number if change is not None else None
        if not number or not self._refresh_listed_case(number):
            self.context.cases_changed.emit()
        elif "list" in self.context.runner.running():
            self.context.cases_changed.emit()  # a listing read before the edit: read it anew

    def _refresh_listed_case(self, ua_number: str) -> bool:
        """Re-read the listed case ``ua_number`` in place; False when it is not listed or no
        longer in the store."""
        listed = next((c for c in self.model.cases() if c.ua_number == ua_number), None)
        return listed is not None and self.refresh_case(listed.case_id)

    def refresh_case_by_ua(self, ua_number: str) -> None:
        for case in self.model.cases():
            if case.ua_number == ua_number:
                self.refresh_case(case.case_id)
                return

    def select_case(self, case_id: int) -> bool:
        """Select ``case_id`` in the list, clearing a search that could hide it."""
        self.case_list.search_box.clear()
        return self.case_list.select_case(case_id)

    def _step_case(self, step: int) -> None:
        table = self.case_list.table
        row = table.currentIndex().row() + step if table.currentIndex().isValid() else 0
        if 0 <= row < self.proxy.rowCount():
            self.case_list.select_row(row)

    def focus_search(self) -> None:
        self.case_list.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.search_box.selectAll()

    def update_count(self) -> None:
        """The status bar's open and closed counts (the store's, while a preview shows)."""
        if self.loading.load_failed_once:  # no store: no count to give
            self.count_label.clear()
            return
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

    # ---- windows and files opened from the menus ---------------------------------------

    def _save_address_labels(self) -> None:
        self._keep_folders()
        from app.ui import batch_outputs  # imported on use: paper output

        message = batch_outputs.save_address_labels(self.context, self, self.shown_cases())
        if message:
            self.statusBar().showMessage(message, 10_000)

    def _save_envelopes(self) -> None:
        self._keep_folders()
        from app.ui import batch_outputs

        message = batch_outputs.save_envelopes(self.context, self, self.shown_cases())
        if message:
            self.statusBar().showMessage(message, 10_000)

    def _show_backups(self) -> None:
        self._keep_folders()
        from app.ui.dialogs.backups_dialog import BackupsDialog

        context = self.context
        dialog = BackupsDialog(
            context.paths, lambda: context.db, context.close_store, self.use_store, self
        )
        dialog.exec()

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts: every menu entry with its keys."""
        from app.ui.shortcuts_help import show_shortcuts, window_actions

        self._build_commands()  # the Edit menu's entries are among them
        show_shortcuts(self, window_actions(self))

    def show_write_today(self) -> WriteTodayDialog:
        """View > Write today: the queue beside the window; choosing a case selects it here."""
        # Imported on use: it pulls in the store (SQLAlchemy) and the importer's country tables.
        from app.ui.views.write_today_view import show_write_today

        return show_write_today(
            self.context,
            self,
            self.select_case,
            self.case_actions.write_letter,
            (self.case_updated, self.cases_loaded),
        )

    def start_reminders(self, use_tray: bool | None = None) -> DeadlineNotifier:
        """Deadline reminders: a banner above the list (and the tray), checked after every
        load and change of the cases; its button opens Write today."""
        from app.ui.notifications import DeadlineNotifier

        if self.reminders is not None:
            return self.reminders
        context = self.context
        notifier = DeadlineNotifier(
            self,
            data_dir=lambda: context.paths.data_dir,
            cases=self.model.cases,
            sender_country=lambda: context.settings.sender.country or None,
            use_tray=use_tray,
        )
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, notifier.toolbar)
        notifier.write_today_requested.connect(self.show_write_today)
        self.cases_loaded.connect(notifier.check)
        self.case_updated.connect(lambda _case_id: notifier.check())
        self.reminders = notifier
        return notifier

    # ---- drag and drop ------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        # Named here, on a drop: PySide6 reads the whole source of each module an import
        # statement names once it has loaded (to look for ``__feature__``), and the window's
        # first frame is spared pathlib's.
        from pathlib import Path

        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from app.ui.import_controller import importable

        if any(importable(p) for p in self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from app.ui.import_controller import importable

        paths = self._dropped_paths(event)
        if any(importable(p) for p in paths):
            event.acceptProposedAction()
            # every file dropped: one the import does not read is named with why
            self.imports.import_paths(paths)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.list_again_if_changed_elsewhere()

    def list_again_if_changed_elsewhere(self) -> None:
        """Back in the window: cases imported or letters recorded meanwhile by the command
        line (or any other program on the same data) show without a restart."""
        db = self.context.db
        if db is None:
            return  # still opening: the first listing reads it all
        if self.catch_up is not None and db.on_server:
            # a server may be slow to answer or away: its notices are read off this thread
            self.catch_up.look()
            return
        from app.services.database import changed_elsewhere

        if changed_elsewhere(db):
            log.info("the store was changed by another program: listing the cases again")
            self.context.cases_changed.emit()

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
        if self.loading.load_failed_once:
            self._show_load_failed_text()
        else:
            self.loading_label.setText(_("Opening your cases…"))
        if self.context.db is not None and self.read_only_banner is not None:
            self._show_read_only_banner(self.context.db)
        self.menu_actions.retranslate_ui()
        commands = self._commands
        if commands is not None:  # else translated as they are made
            commands.edits.retranslate_ui()
            commands.case_actions.retranslate_dialogs()
        self.model.retranslate()
        for child in (self.case_list, self.detail, self.empty_state):
            child.retranslate_ui()
        self.splitter.setAccessibleName(_("Cases and details"))
        self.update_count()

    def closeEvent(self, event: QCloseEvent) -> None:
        commands = self._commands
        if not self._may_close_now() or (
            commands is not None and not commands.case_actions.letter_may_close()
        ):
            event.ignore()  # the app stays open, an unsaved letter in its editor
            return
        self.window_state.save(self, self.splitter, self.case_list)
        from app.ui.file_dialogs import release_folders

        release_folders(self.context)
        remove_language_listener(self._on_language_changed)
        if commands is not None:
            commands.case_actions.close_dialogs()
            commands.imports.cancel()  # what was saved stays; closing never waits for a long batch
        self.context.shutdown()
        super().closeEvent(event)

    def _may_close_now(self) -> bool:
        """False when a batch of letters is still being written and the user chose to wait
        for it: closing waits a few seconds for running work, then closes the store, so a
        long batch would be left unfinished."""
        # A batch runs only once the Events window's file actions are loaded; importing them
        # here, at every close, cost about 300 ms of CPU time on the way out.
        organiser = sys.modules.get("app.ui.events.organiser_files")
        if organiser is None or not organiser.batch_being_written():
            return True
        from app.ui.messages import Messages

        return Messages.ask(
            self,
            _("Letters are still being written"),
            _(
                "A batch of letters is still being written to its PDF file. If you close "
                "Appeal Desk now, that file may be left unfinished.\n\nClose anyway?"
            ),
        )
