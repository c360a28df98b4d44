"""Imports off the GUI thread: file dialog, drops, progress dialog, and the summary at the end."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.domain.model import ImportOutcome
from app.i18n import _, ngettext
from app.ui.app_context import AppContext
from app.ui.errors import report_failure
from app.ui.import_summary import (
    confirmation_text,
    declined_text,
    details_text,
    has_rejections,
    result_line,
    summary_text,
    was_cancelled,
)
from app.ui.messages import Messages
from app.ui.read_only import refuse_change
from app.ui.tasks import ProgressCallback

if TYPE_CHECKING:
    from app.domain.model import ImportResult

IMPORTABLE_SUFFIXES = (
    ".txt", ".md", ".markdown", ".rtf", ".pdf", ".htm", ".html", ".xhtml", ".eml", ".mbox",
    ".mbx",
)  # fmt: skip


PROGRESS_INTERVAL_MS = 100  # the progress dialog changes at most this often
LISTED_REJECTIONS = 5  # up to this many refused files are named in the summary itself


@dataclass(frozen=True)
class FinishedImport:
    """An import job's results and the words that report them (``worded``)."""

    results: list[ImportResult]
    summary: str  # counts per outcome
    details: str  # one line per file


def worded(results: list[ImportResult]) -> FinishedImport:
    """``results`` with their summary and details, written in the import job: a line per file
    for a thousand files takes the window several milliseconds at the moment the import ends,
    while the list of cases is read again beside it."""
    return FinishedImport(results, summary_text(results), details_text(results))


def importable(path: Path) -> bool:
    """A document the importer reads, or a folder of them (the service walks it), or a
    word-processor document, which the import refuses with how to save it as PDF or text."""
    from app.services.importing import WORD_PROCESSOR_SUFFIXES

    suffix = path.suffix.lower()
    return suffix in IMPORTABLE_SUFFIXES or suffix in WORD_PROCESSOR_SUFFIXES or path.is_dir()


def set_aside_what_lives() -> None:
    """Before an import: what is alive now (the window, its cases, the store's mappings, the
    loaded modules) outlives it, so the cyclic garbage collector is told to leave it alone
    (``gc.freeze``, as at start-up), after a pass over the young objects.

    An import allocates much, so the collector makes full passes meanwhile, in whichever
    thread allocates, holding the GIL from start to end: over the whole heap such a pass was
    the longest stall of the window during a bulk import (70-160 ms). Now it walks only what
    the import made. Objects set aside are still freed when their last reference goes."""
    gc.collect(1)
    gc.freeze()


class ImportController(QObject):
    """Runs ``import_files`` (or the sample pack) as a job; emits ``finished`` with the results."""

    started = Signal()
    finished = Signal(list)  # list[ImportResult]; empty when the job failed
    status_message = Signal(str, int)  # text, milliseconds: for the window's status bar

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._progress: QProgressDialog | None = None
        self._cancel: threading.Event | None = None
        self._last_dir = ""
        self.running = False
        self._pending_progress: tuple[int, int, str] | None = None
        self._progress_shown = 0.0  # when the dialog last changed (time.monotonic)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._show_progress)
        # Asked for while the store was still opening: done in order once the window is ready.
        self._waiting: list[Callable[[], None]] = []

    # ---- entry points ----------------------------------------------------------------------

    def choose_and_import(self) -> None:
        if refuse_change(self._context.db, self._parent):  # before any file is chosen
            return
        paths = self.ask_for_files()
        if paths:
            self.import_paths(paths)

    def ask_for_files(self) -> list[Path]:
        """The file dialog (tests monkeypatch this method or QFileDialog.getOpenFileNames)."""
        from app.ui.file_dialogs import remember_folder, start_folder

        names, _filter = QFileDialog.getOpenFileNames(
            self._parent,
            _("Import Urgent Action documents"),
            self._last_dir or str(start_folder("import")),
            _(
                "Urgent Action documents (*.txt *.md *.markdown *.rtf *.pdf *.htm *.html *.eml *.mbox)"
                ";;All files (*)"
            ),
        )
        if names:
            self._last_dir = str(Path(names[0]).parent)
            remember_folder("import", Path(names[0]))
        return [Path(name) for name in names]

    def _busy(self, later: Callable[[], None] | None = None, waiting: str = "") -> bool:
        """True (and the user is told why) while an import runs or the store is still opening.
        While it opens, ``later`` (the same request) is kept and done once the window is
        ready, and the status line says ``waiting``: what will then happen."""
        if not self.running and self._context.db is not None:
            return False
        if self.running:
            text = _("Please wait: the last import is still running.")
        elif later is not None:
            self._waiting.append(later)
            text = waiting
        else:
            text = _("Please wait: Appeal Desk is still opening your data.")
        self.status_message.emit(text, 0 if self._waiting else 8000)
        return True

    def run_waiting(self) -> None:
        """The window is ready (the store open, its cases listed): do the next request made
        while it was opening."""
        if self._waiting and not self.running and self._context.db is not None:
            self._waiting.pop(0)()

    def drop_waiting(self) -> None:
        """The store could not be opened: the requests made meanwhile are not done."""
        if self._waiting:
            self._waiting.clear()
            self.status_message.emit(
                _("Your data could not be opened, so nothing was imported."), 0
            )

    def import_paths(self, paths: Sequence[Path]) -> None:
        chosen = list(paths)
        if self._busy(
            lambda: self.import_paths(chosen),
            ngettext(
                "Appeal Desk is still opening your data; your %(count)d file is imported as "
                "soon as it is open.",
                "Appeal Desk is still opening your data; your %(count)d files are imported as "
                "soon as it is open.",
                len(chosen),
            )
            % {"count": len(chosen)},
        ):
            return
        db = self._context.db
        if db is None:  # _busy() said the store is open; it was closed meanwhile
            return
        cancel = threading.Event()

        def import_chosen(progress: ProgressCallback) -> list[ImportResult]:
            # The importer's modules load in the job the first time, not in the window.
            from app.services.importing import import_files

            return import_files(db, chosen, progress=progress, cancel=cancel)

        self._start(import_chosen, len(chosen), cancel)

    def import_clipboard(self) -> None:
        """Import a UA copied from an email or a web page (the text on the clipboard)."""
        from PySide6.QtGui import QGuiApplication

        if self.running:
            self._busy()
            return
        if refuse_change(self._context.db, self._parent):
            return
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        mime = clipboard.mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        if not text.strip() and not (html and html.strip()):
            Messages.info(
                self._parent,
                _("Paste an Urgent Action"),
                _(
                    "The clipboard holds no text. Copy the whole UA from the email or web page, then try again."
                ),
            )
            return
        self._import_pasted(text, html)

    def _import_pasted(self, text: str, html: str | None) -> None:
        """Import the text that was on the clipboard when the user pasted it."""
        if self._busy(
            lambda: self._import_pasted(text, html),
            _(
                "Appeal Desk is still opening your data; the pasted text is imported as soon as "
                "it is open."
            ),
        ):
            return
        db = self._context.db
        if db is None:  # _busy() said the store is open; it was closed meanwhile
            return
        from app.services.importing import import_pasted

        source = _("pasted text")
        cancel = threading.Event()
        self._start(
            lambda _progress: import_pasted(db, text, source, html=html, cancel=cancel), 1, cancel
        )

    def load_samples(self) -> None:
        if self._busy(
            self.load_samples,
            _(
                "Appeal Desk is still opening your data; the fictional sample pack is loaded "
                "as soon as it is open."
            ),
        ):
            return
        db = self._context.db
        if db is None:  # _busy() said the store is open; it was closed meanwhile
            return
        from app.services.samples import load_sample_pack

        self._start(lambda _progress: load_sample_pack(db), 0)

    # ---- the job -----------------------------------------------------------------------------

    def _start(
        self,
        work: Callable[[ProgressCallback], list[ImportResult]],
        count: int,
        cancel: threading.Event | None = None,
    ) -> None:
        """Run ``work`` as a job; with ``cancel``, a progress dialog (shown when the import
        lasts) whose Cancel button sets it: the service stops within a fraction of a second."""
        if refuse_change(self._context.db, self._parent):  # files dropped, samples, pasted
            return
        self.running = True
        self.started.emit()
        self._cancel = cancel
        if cancel is not None:
            self._progress = QProgressDialog(
                _("Importing documents…"), _("Cancel"), 0, max(count, 1), self._parent
            )
            self._progress.setWindowTitle(_("Import"))
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(300)
            self._progress.setAutoClose(False)
            self._progress.setAutoReset(False)
            self._progress.setAccessibleName(_("Import progress"))
            self._progress.canceled.connect(self.cancel)
            self._progress.setValue(0)
        set_aside_what_lives()
        self._context.runner.start(
            lambda progress: worded(work(progress)),
            self._on_success,
            self._on_failure,
            self._on_progress,
            name="import",
        )

    def cancel(self) -> None:
        """Stop the running import: files already saved stay, the others are skipped."""
        if self._cancel is not None and not self._cancel.is_set():
            self._cancel.set()
            self.status_message.emit(_("Cancelling the import…"), 8000)

    def _on_progress(self, done: int, total: int, current: str) -> None:
        """Show the import's progress: at once when the dialog has not changed for a tenth of
        a second, else the newest figures a tenth of a second after its last change (a
        thousand small files would otherwise redraw it a thousand times)."""
        self._pending_progress = (done, total, current)
        if self._progress_timer.isActive():
            return
        wait = PROGRESS_INTERVAL_MS - int((time.monotonic() - self._progress_shown) * 1000)
        if wait <= 0:
            self._show_progress()
        else:
            self._progress_timer.start(wait)

    def _show_progress(self) -> None:
        pending, self._pending_progress = self._pending_progress, None
        progress = self._progress  # setValue() on a modal dialog processes events: the import
        if pending is None or progress is None or progress.wasCanceled():  # may finish inside
            return
        done, total, current = pending
        self._progress_shown = time.monotonic()
        progress.setMaximum(max(total, 1))
        progress.setLabelText(_("Importing {file}…").format(file=Path(current).name))
        progress.setValue(done)

    def _close_progress(self) -> None:
        self._progress_timer.stop()
        self._pending_progress = None
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.reset()
            self._progress.hide()  # now: the summary's own event loop would not delete it
            self._progress.deleteLater()
            self._progress = None
        self._cancel = None
        self.running = False

    def _on_success(self, finished: FinishedImport) -> None:
        self._close_progress()
        results = finished.results
        self.finished.emit(list(results))
        self.report(finished)
        accepted = [r for r in results if self._confirmed(r)]
        declined = sum(
            1
            for r in results
            if r.outcome == ImportOutcome.NEEDS_CONFIRMATION and r not in accepted
        )
        if declined:  # the decision is made: the status line no longer says it waits
            self.status_message.emit(declined_text(declined), 10_000)
        if accepted:
            from app.services.importing import confirm

            db = self._context.db
            if db is None:  # the store is not open (being restored): say so, apply nothing
                self._busy()
                return
            self._start(lambda _progress: [confirm(db, r) for r in accepted], 0)

    def _confirmed(self, result: ImportResult) -> bool:
        """Show what a doubtful document would change on its case; True to apply it."""
        if result.outcome != ImportOutcome.NEEDS_CONFIRMATION or result.document is None:
            return False
        return Messages.ask(self._parent, _("Update this case?"), confirmation_text(result))

    def report(self, finished: FinishedImport) -> None:
        """One quiet status line for a clean single import; a message box otherwise."""
        results, text, details = finished.results, finished.summary, finished.details
        self.status_message.emit(text, 10_000)
        if was_cancelled(results):
            Messages.info(self._parent, _("Import cancelled"), text, details)
        elif len(results) == 1:
            [result] = results
            if result.outcome == ImportOutcome.REJECTED:
                Messages.warning(self._parent, _("Import"), result_line(result))
            elif result.outcome == ImportOutcome.UNCHANGED:
                Messages.info(self._parent, _("Import"), result_line(result))
        elif has_rejections(results):
            rejected = [r for r in results if r.outcome == ImportOutcome.REJECTED]
            if len(rejected) <= LISTED_REJECTIONS:  # few: each file and its reason in view
                text += "\n\n" + "\n".join(result_line(r) for r in rejected)
            Messages.warning(self._parent, _("Import finished"), text, details)
        elif results:
            Messages.info(self._parent, _("Import finished"), text, details)

    def _on_failure(self, error: BaseException) -> None:
        self._close_progress()
        self.finished.emit([])
        report_failure(self._parent, _("Import failed"), error)
