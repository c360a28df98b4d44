"""How the case list gets its cases: a preview, the whole list, then the store.

At start-up the first screen of open cases is painted from a read of a few milliseconds
(``EarlyCaseList.preview``); after that first frame the whole list, read straight from the
file, replaces it while the store is opened, both off the GUI thread (bench/bench_ready.py).
A small store's whole list is that first read (a complete preview): the store opens after
its first frame, and nothing replaces it.
A SQLite store whose schema is current opens without SQLAlchemy (its locks and revision read
with ``sqlite3``); the engine is made, and the migration check run, once the window is
ready (``finish_opening``). A store to create or migrate is opened with SQLAlchemy at once.
Later reloads (after an import) read the list through the open store.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.model import CaseListPreview, CaseStatus, CaseSummary
from app.i18n import _
from app.ui.app_context import AppContext
from app.ui.views.case_list_view import CaseListView

if TYPE_CHECKING:
    from app.services.database import Database
    from app.ui.early_list import EarlyCaseList


ASK_WORDS_FILE = "ask-words.marshal"  # in the data folder's cache (AppPaths.cache)


class Page(enum.Enum):
    """What the window's central area shows."""

    LOADING = "loading"  # "Opening your cases..." (or why they could not be opened)
    EMPTY = "empty"  # no case yet: import or try the samples
    LIST = "list"  # the case list and the selected case's details


class CaseLoading(QObject):
    """Fills the case list from the first frame to every later reload, and opens the store."""

    page_wanted = Signal(object)  # Page
    counts_changed = Signal()  # the status bar's counts should be read again
    cases_loaded = Signal()  # the list holds the store's cases and the store is open
    load_failed = Signal()  # the store could not be opened

    def __init__(
        self,
        context: AppContext,
        case_list: CaseListView,
        early_list: EarlyCaseList | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._case_list = case_list
        self._dialog_parent = parent
        self._early_list = early_list  # the list read while the window was being built
        self.peeked = False  # the list shown was read before the store was opened
        self.preview_counts: tuple[int, int] | None = None  # (open, closed) of a preview
        self.load_failed_once = False  # the store could not be opened (and none is open)
        self.failure: BaseException | None = None  # ...and why
        self.damaged = False  # ...because it is damaged: the recovery dialog was offered
        self._generation = 0
        self._peeking = False  # the start-up read of the whole list is on its way
        self._discard_peek = False  # ...but the store failed: its rows are not to be shown
        self._peek_generation = 0  # reloads begun before it (a later one makes it stale)
        self._changed_while_peeking = False  # a case was written meanwhile: stale too
        # The store opened (and in use) before that read came back: the selected case's
        # details fill while the whole list is still being read; cases_loaded waits for it.
        self._opened_meanwhile: Database | None = None
        # After a reload: the selected case's details (a timer, not a posted call, so that
        # the list's paint, posted before, comes first)
        self._details_timer = QTimer(self, singleShot=True, interval=0)
        self._details_timer.timeout.connect(self._details_after_reload)
        context.case_changed.connect(self._on_case_changed)

    def start(self) -> None:
        """Paint the preview if there is one, then read the whole list and open the store.

        The whole list and the store come side by side, after the preview's first paint: the
        read is mostly SQLite's work (without the interpreter lock), the opening mostly
        imports. Whichever comes second makes the window ready (``cases_loaded``); when that
        is the list, once it is painted."""
        self.page_wanted.emit(Page.LOADING)
        # Until the store is open, the interpreter is better spent opening it than folding
        # search texts and sorting columns ahead of the user (about as long, at 10,000 cases).
        self._case_list.hold_idle_work(True)
        self.cases_loaded.connect(
            lambda: self._case_list.hold_idle_work(False), Qt.ConnectionType.SingleShotConnection
        )
        self.load_failed.connect(
            lambda: self._case_list.hold_idle_work(False), Qt.ConnectionType.SingleShotConnection
        )
        early, self._early_list = self._early_list, None
        if early is not None and self._preview_matches_view():
            preview = early.preview()
            if preview is not None and preview.complete:  # a small store: no other read
                self._show_whole_list(preview, early.listed_on)
                self._case_list.table.after_next_paint(self._open_store)  # the list first
                return
            if preview is not None and preview.cases:
                self._show_preview(preview)
        if self.preview_counts is not None:  # the preview's first paint comes first
            self._case_list.table.after_next_paint(lambda: self._read_and_open(early))
        else:
            self._read_and_open(early)

    def _read_and_open(self, early: EarlyCaseList | None) -> None:
        paths, url = self._context.paths, self._context.database_url

        def peek_in_background(_progress: object) -> tuple[list[CaseSummary] | None, date]:
            if early is not None:  # started by application.run before the window was built
                return early.result(), early.listed_on
            from app.services.cases import peek_cases

            day = date.today()
            return peek_cases(paths, url, day), day  # None: no store yet, to migrate, damaged

        self._peeking = True
        self._peek_generation = self._generation
        self._changed_while_peeking = False
        self._context.runner.start(
            peek_in_background,
            self._on_peeked,
            lambda _error: self._on_peeked((None, date.today())),
            name="peek",
        )
        self._open_store()

    def showing_preview(self) -> bool:
        return self.preview_counts is not None

    def _preview_matches_view(self) -> bool:
        """The preview holds the first open cases in list order: the view must show that."""
        model, case_list = self._case_list.model, self._case_list
        return (
            model.sort_column is None
            and not case_list.show_closed_box.isChecked()
            and not case_list.search_box.text()
        )

    def _show_preview(self, preview: CaseListPreview) -> None:
        self._case_list.model.set_cases(preview.cases)
        self.preview_counts = (preview.open_count, preview.closed_count)
        self.page_wanted.emit(Page.LIST)
        self._case_list.select_first()
        self.counts_changed.emit()

    def _show_whole_list(self, preview: CaseListPreview, listed_on: date) -> None:
        """Every case, read before the store opened (it makes the window ready when it opens:
        the list is painted by then)."""
        self.peeked = True
        self._on_cases(list(preview.cases), None, listed_on=listed_on)

    def _on_peeked(self, listed: tuple[list[CaseSummary] | None, date]) -> None:
        """``listed``: the whole list (None: not read) and the day it is in list order for."""
        cases, listed_on = listed
        self._peeking = False
        # A reload begun meanwhile (the store was in use) reads fresher rows and announces
        # them itself: these are then dropped. So they are when a case was written meanwhile
        # (they may predate it): the list is then read through the store.
        reloaded = self._generation != self._peek_generation
        if self._discard_peek:  # the store failed meanwhile: these rows cannot be trusted
            self._discard_peek = False
        elif cases is not None and not reloaded and not self._changed_while_peeking:
            self.peeked = True
            current = self._case_list.current_case()  # the preview's selection stays
            keep = current.case_id if current is not None else None
            # cases_loaded waits for the store; the details shown (read through the store
            # when it opened first) stay as they are if the same case is still selected
            with self._case_list.same_case_kept():
                self._on_cases(cases, keep, listed_on=listed_on)
        opened, self._opened_meanwhile = self._opened_meanwhile, None
        if opened is not None and not reloaded:
            # Ready once the whole list is painted: what readiness sets off (the store's
            # engine, reminders, the search and sort work ahead of the user) would otherwise
            # take the interpreter from that paint.
            self._case_list.table.after_next_paint(self._listed_unless_reloaded())

    def _listed_unless_reloaded(self) -> Callable[[], None]:
        """``_listed_or_reload``, to be called later: skipped if a reload was begun meanwhile
        (it announces its own rows)."""
        generation = self._generation

        def listed() -> None:
            if self._generation == generation:
                self._listed_or_reload()
            else:
                self.peeked = False

        return listed

    def _on_case_changed(self, _case_id: int) -> None:
        if self._peeking:
            self._changed_while_peeking = True

    def _open_store(self) -> None:
        paths, url = self._context.paths, self._context.database_url
        details_shown = self._case_list.current_case() is not None

        def open_in_background(_progress: object) -> Database:
            # One window per data folder (instance lock). A current SQLite store opens
            # without SQLAlchemy, which loads once the window is ready (finish_opening).
            from app.domain.errors import StoreUnavailable
            from app.services.database import open_store_exclusively, open_to_read_only

            try:
                db = open_store_exclusively(paths, url)
            except StoreUnavailable as refused:  # a folder that cannot be written is read
                return open_to_read_only(paths, url, refused)  # as it is: nothing is hidden
            db.listen_to_other_laptops()  # what they import shows when the user comes back
            if details_shown:  # they show a long date and the case's asks: Babel's date
                from app.dates import long_date  # formatting, the interface language's CLDR
                from app.services.asks import read_ask_words  # data and the asks files load

                long_date(date.today())  # here rather than on the GUI thread (0.1-0.3 s)
                read_ask_words(paths.cache / ASK_WORDS_FILE)
            return db

        self._context.runner.start(
            open_in_background, self.on_store_open, self._on_store_failed, name="open"
        )

    def on_store_open(self, db: Database) -> None:
        """Work on ``db`` (opened at start-up, recovered, or restored from a backup)."""
        self.load_failed_once = False
        if self._peeking:  # the start-up read of the whole list is still on its way: the
            self._opened_meanwhile = db  # store is used at once (the selected case's
            self._context.use_store(db)  # details show), the list follows
            return
        self._context.use_store(db)
        self._listed_or_reload()

    def forget_listed_cases(self) -> None:
        """Empty the list (nothing selected): its rows came from data that was replaced."""
        self.peeked = False
        self.preview_counts = None
        self._case_list.model.set_cases([])

    def _listed_or_reload(self) -> None:
        """The store is in use: the list read before it opened is current (same file, same
        schema), or the list is read through it."""
        peeked, self.peeked = self.peeked, False
        if peeked:
            self.cases_loaded.emit()
        else:
            self.reload()

    def on_store_lost(self, error: BaseException) -> None:
        """The open store turned out unusable (damage found by the check after opening):
        close it, clear the list read from it, and offer recovery as at start-up."""
        self._context.close_store()
        self._case_list.model.set_cases([])
        self.preview_counts = None
        self.page_wanted.emit(Page.LOADING)
        self.counts_changed.emit()
        self._on_store_failed(error)

    def _on_store_failed(self, error: BaseException) -> None:
        from app.ui.dialogs.recovery_dialog import handle_unavailable_store

        if self._peeking:
            self._discard_peek = True
        if self.peeked or self.preview_counts is not None:  # rows read before the store
            self.peeked = False  # was opened, from a store that cannot be used as it is
            self.preview_counts = None
            self._case_list.model.set_cases([])
            self.page_wanted.emit(Page.LOADING)
        if self.on_server:  # the window says why, with a way to try again or correct it
            self.load_failed_once, self.failure = True, error
            self.load_failed.emit()
            return
        recovery = handle_unavailable_store(error, self._context.paths, self._dialog_parent)
        if recovery.database is not None:
            self.on_store_open(recovery.database)
            return
        self.load_failed_once, self.failure = True, error
        self.damaged = recovery.offered
        self.load_failed.emit()
        if recovery.quit:  # the user chose Quit in the recovery dialog
            self._dialog_parent.window().close()
        elif not recovery.offered:  # the recovery dialog said it all already
            from app.ui.errors import report_failure  # (message boxes: on failure only)

            report_failure(self._dialog_parent, _("Cannot open your data"), error)

    @property
    def on_server(self) -> bool:
        """The window's store is a database server's (its address was given)."""
        from app.services.database import server_address

        return server_address(self._context.database_url) is not None

    def retry_opening(self) -> None:
        """Open the store again: a server that was out of reach, or an address corrected."""
        self.load_failed_once, self.failure = False, None
        self.page_wanted.emit(Page.LOADING)
        self._open_store()

    @staticmethod
    def _report_list_failure(parent: QWidget, error: BaseException) -> None:
        from app.ui.errors import report_failure  # (message boxes: on failure only)

        report_failure(parent, _("Cannot list your cases"), error)

    def reload(self, select_case_id: int | None = None) -> None:
        """Read the list again through the store, keeping (or moving to) a selected case."""
        db = self._context.db
        if db is None:
            return

        def list_in_background(_progress: object) -> tuple[list[CaseSummary], date]:
            from app.services.cases import list_cases  # imported off the GUI thread

            day = date.today()
            return list_cases(db, include_closed=True, today=day), day

        current = self._case_list.current_case()
        keep = (
            select_case_id if select_case_id is not None else (current.case_id if current else None)
        )
        self._generation += 1
        generation = self._generation
        parent = self._dialog_parent
        self._context.runner.start(
            list_in_background,
            lambda listed: self._on_reloaded(listed[0], keep, generation, listed[1]),
            lambda error: self._report_list_failure(parent, error),
            name="list",
        )

    def _on_reloaded(
        self, cases: list[CaseSummary], select_case_id: int | None, generation: int, day: date
    ) -> None:
        """The list read again: its rows, the selection and the counts now; the selected case's
        details, then ``cases_loaded``, in a later turn of the event loop, once the list is
        painted. Reading and drawing a case's details takes about as long as painting the
        list; after an import both came in one go, the longest stall of the window then."""
        if generation != self._generation:
            return  # a newer reload is on its way; its rows are fresher than these
        case_list = self._case_list
        with case_list.case_signal_held():
            self._on_cases(cases, select_case_id, listed_on=day)
        # the search texts and sort orders made in idle time wait for the details too
        case_list.hold_idle_work(True)
        self._details_timer.start()

    def _details_after_reload(self) -> None:
        case_list = self._case_list
        case_list.hold_idle_work(False)
        case_list.announce_current_case()
        self.cases_loaded.emit()

    def _on_cases(
        self, cases: list[CaseSummary], select_case_id: int | None, listed_on: date | None = None
    ) -> None:
        """Show ``cases`` (in list order for ``listed_on``, when given); the caller says when
        the cases are loaded."""
        case_list = self._case_list
        self.preview_counts = None
        case_list.model.set_cases(cases, listed_on)
        self.page_wanted.emit(Page.LIST if cases else Page.EMPTY)
        if select_case_id is not None and any(c.case_id == select_case_id for c in cases):
            selected = next(c for c in cases if c.case_id == select_case_id)
            if selected.status == CaseStatus.CLOSED:
                case_list.show_closed_case(selected)
            case_list.select_case(select_case_id)
        elif case_list.proxy.rowCount():
            case_list.select_first()
        self.counts_changed.emit()
