"""The organiser's file work: count a handwritten batch, export, merge, save the report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QSysInfo, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMainWindow, QWidget

from app.domain.errors import InvalidInput
from app.domain.events import EventInfo
from app.i18n import _, ngettext
from app.ui.errors import error_text, report_failure
from app.ui.events.batch_dialog import BatchDialog, BatchPrintDialog
from app.ui.read_only import refuse_change
from app.ui.tasks import JobRunner

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.services.database import Database


def ask_save_path(parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
    """A save dialog (tests replace this function)."""
    from app.ui.file_dialogs import remember_folder, suggested_path

    name, _filter = QFileDialog.getSaveFileName(
        parent, title, suggested_path("event", suggested), pattern
    )
    if not name:
        return None
    remember_folder("event", Path(name))
    return Path(name)


def ask_open_paths(parent: QWidget, title: str) -> list[Path]:
    """An open dialog for several files (tests replace this function)."""
    from app.ui.file_dialogs import remember_folder, start_folder

    names, _filter = QFileDialog.getOpenFileNames(
        parent, title, str(start_folder("event")), _("Event files (*.json);;All files (*)")
    )
    if names:
        remember_folder("event", Path(names[0]))
    return [Path(n) for n in names]


def run_batch_dialog(parent: QWidget, event: EventInfo) -> BatchDialog | None:
    """The batch dialog, accepted or None (tests replace this function)."""
    dialog = BatchDialog(event, parent)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_batch_print_dialog(parent: QWidget, event: EventInfo) -> BatchPrintDialog | None:
    """The batch-print dialog, accepted or None (tests replace this function)."""
    dialog = BatchPrintDialog(event, parent)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None


_batch_jobs: JobRunner | None = None


def batch_runner() -> JobRunner:
    """The runner of the organiser's batches: not the events window's own, so that a batch
    whose file was chosen is written to it even when that window is closed meanwhile."""
    global _batch_jobs
    if _batch_jobs is None:
        _batch_jobs = JobRunner()
    return _batch_jobs


def batch_being_written() -> bool:
    """Whether an organiser's batch of letters is still being written to its file."""
    return batch_runner().busy


def _stem(event: EventInfo) -> str:
    from app.output.export_names import safe_file_stem

    return safe_file_stem(event.name, fallback="event")


def _records_file_name(event: EventInfo) -> str:
    """The name offered for this laptop's records: the event's, then the laptop's name, so
    that laptops exporting to one USB stick never replace each other's file."""
    from app.output.export_names import safe_file_stem

    laptop = safe_file_stem(QSysInfo.machineHostName(), fallback="")
    return f"{_stem(event)} \u2013 {laptop}.json" if laptop else f"{_stem(event)}.json"


class OrganiserFiles(QObject):
    """Runs each file action for the chosen event and says what it did in ``status``."""

    changed = Signal()  # records were added to the store
    counted = Signal(object)  # AppealRecord: a handwritten batch was counted

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        current_event: Callable[[], EventInfo | None],
        status: QLabel,
        options: Callable[[], OutputOptions],
        runner: JobRunner | None = None,
    ) -> None:
        """``runner`` writes a batch off the GUI thread (by default ``batch_runner``)."""
        super().__init__(parent)
        self._options = options
        self._parent = parent
        self.db = db
        self._current_event = current_event
        self.status = status
        self._runner = runner or batch_runner()
        self.printing = False  # a batch is being written: a second one waits for it

    def count_batch(self) -> None:
        from app.services.appeals import default_target
        from app.services.events import record_event_letter

        event = self._current_event()
        if event is None or not event.cases or refuse_change(self.db, self._parent):
            return
        dialog = run_batch_dialog(self._parent, event)
        if dialog is None:
            return
        try:
            record = record_event_letter(
                self.db,
                event,
                dialog.ua_number(),
                target_index=default_target(dialog.kind()),
                kind=dialog.kind(),
                channel=dialog.channel(),
                count=dialog.count_spin.value(),
                note=dialog.note_edit.text(),
            )
        except Exception as exc:
            report_failure(self._parent, _("The letters could not be counted"), exc)
            return
        self.status.setText(
            ngettext(
                "Counted %(n)d letter for UA %(ua)s.",
                "Counted %(n)d letters for UA %(ua)s.",
                record.count,
            )
            % {"n": record.count, "ua": record.ua_number}
        )
        self.counted.emit(record)
        self.changed.emit()

    def print_batch(self) -> None:
        """Ask for the signers and the file; then, off the GUI thread, the letters are drafted
        (each one rendered in the letter worker) and laid out in one PDF with their envelopes
        (QtGui's text layout and PDF writer, which need no widget). The file is written even
        if the events window is closed meanwhile; the main window then says how it went."""
        from app.services.event_batch import draft_event_batch, write_event_batch
        from app.services.events import event_with_open_cases

        event = self._current_event()
        if self.printing or event is None or not event.cases:
            return
        try:  # a case closed by its final UA since the event was set up is left out
            event = event_with_open_cases(self.db, event)
        except Exception as exc:  # a case deleted since the list was read, a store out of reach
            report_failure(self._parent, _("The batch could not be printed"), exc)
            return
        if not event.cases:
            self.status.setText(
                _(
                    "Every case of \u201c{event}\u201d is closed now: their UAs ask for no "
                    "further action, so there are no letters to print."
                ).format(event=event.name)
            )
            return
        dialog = run_batch_print_dialog(self._parent, event)
        if dialog is None:
            return
        path = ask_save_path(
            self._parent,
            _("Save the letters and envelopes"),
            f"{_stem(event)} UA {dialog.ua_number().replace('/', '-')}.pdf",
            _("PDF files (*.pdf)"),
        )
        if path is None:
            return
        db, name, ua_number, options = self.db, event.name, dialog.ua_number(), self._options()
        names, blank = dialog.names(), dialog.blank_spin.value()

        def write(_progress: object) -> int:
            batch = draft_event_batch(
                db, name, ua_number, names=names, blank=blank, options=options
            )
            return write_event_batch(batch, path, options=options)

        main_window = self._parent.parentWidget()  # says how it went if this window is gone
        self.printing = True
        self.status.setText(_("Writing the letters and their envelopes\u2026"))
        self._runner.start(
            write,
            lambda count: self._batch_written(count, path, main_window),
            lambda exc: self._batch_failed(exc, main_window),
            name="event-batch",
        )

    def _batch_written(self, count: int, path: Path, main_window: QWidget | None) -> None:
        self.printing = False
        text = ngettext(
            "Saved %(n)d letter and its envelope in %(file)s. Count it once it is signed.",
            "Saved %(n)d letters and their envelopes in %(file)s. Count them once they are signed.",
            count,
        ) % {"n": count, "file": path.name}
        if shiboken6.isValid(self.status):
            self.status.setText(text)
            return
        log.info("event batch written to %s after its window closed", path)
        if isinstance(main_window, QMainWindow) and shiboken6.isValid(main_window):
            main_window.statusBar().showMessage(text)

    def _batch_failed(self, exc: BaseException, main_window: QWidget | None) -> None:
        self.printing = False
        if shiboken6.isValid(self.status):
            self.status.clear()
            report_failure(self._parent, _("The batch could not be printed"), exc)
            return
        shown = main_window if main_window is not None and shiboken6.isValid(main_window) else None
        report_failure(shown, _("The batch could not be printed"), exc)

    def export_records(self) -> None:
        from app.services.event_files import export_event

        event = self._current_event()
        if event is None:
            return
        path = ask_save_path(
            self._parent,
            _("Export this laptop's records"),
            _records_file_name(event),
            _("Event files (*.json)"),
        )
        if path is None:
            return
        try:
            count = export_event(self.db, event.name, path)
        except Exception as exc:
            report_failure(self._parent, _("The records could not be exported"), exc)
            return
        self.status.setText(
            ngettext("Wrote %(n)d record to %(file)s.", "Wrote %(n)d records to %(file)s.", count)
            % {"n": count, "file": path}
        )

    def merge_records(self) -> None:
        """Merge the chosen files; the status says what each did, and with several files,
        first, what they did together (in plain counts: added, updated, removed)."""
        from app.domain.events import MergeResult
        from app.labels import merge_summary, merge_totals
        from app.services.event_files import merge_files

        if refuse_change(self.db, self._parent):  # refused before a file is chosen
            return
        paths = ask_open_paths(self._parent, _("Merge files from other laptops"))
        if not paths:
            return
        lines = []
        try:
            results = merge_files(self.db, paths)
        except Exception as exc:
            report_failure(self._parent, _("The files could not be merged"), exc)
            return
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, InvalidInput):
                lines.append(error_text(result))
                continue
            line = merge_summary(path.name, result)
            if result.conflicts:
                line += " " + _("Where they differ, the copy already here was kept.")
            lines.append(line)
        merged = [result for result in results if isinstance(result, MergeResult)]
        if len(results) > 1 and merged:
            lines.insert(0, merge_totals(merged))
        self.status.setText("\n".join(lines))
        self.changed.emit()

    def save_report(self) -> None:
        from app.services.event_reports import write_event_report

        event = self._current_event()
        if event is None:
            return
        path = ask_save_path(
            self._parent, _("Save the report"), f"{_stem(event)}.pdf", _("PDF and CSV (*.pdf)")
        )
        if path is None:
            return
        pdf_path = path.with_suffix(".pdf")
        csv_path = path.with_suffix(".csv")
        try:
            tally = write_event_report(
                self.db, event.name, csv_path, pdf_path, options=self._options()
            )
        except Exception as exc:
            report_failure(self._parent, _("The report could not be saved"), exc)
            return
        self.status.setText(
            ngettext(
                "Saved the report (%(n)d letter) as %(pdf)s and %(csv)s.",
                "Saved the report (%(n)d letters) as %(pdf)s and %(csv)s.",
                tally.total,
            )
            % {"n": tally.total, "pdf": pdf_path.name, "csv": csv_path.name}
        )
