"""File > Backups: list the backups, make one now, restore one (the current data is kept first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dates import date_time
from app.domain.errors import AppealDeskError, Phrase
from app.i18n import _
from app.labels import (
    backup_contents_text,
    backup_reason_label,
    file_size_text,
    unusable_backup_text,
)
from app.paths import AppPaths
from app.ui.accessibility import SpokenLabel, leave_with_tab, select_the_current_row
from app.ui.errors import report_failure
from app.ui.messages import Messages
from app.ui.plain_text import plain_tooltip
from app.ui.read_only import refuse_change

if TYPE_CHECKING:
    from pathlib import Path

    from app.services import backups
    from app.services.database import Database


class BackupsDialog(QDialog):
    """The backup list; ``close_store`` and ``reopen`` let a restore swap the open database
    (``reopen`` is told whether the store now holds the restored backup or is unchanged)."""

    def __init__(
        self,
        paths: AppPaths,
        database: Callable[[], Database | None],
        close_store: Callable[[], None],
        reopen: Callable[[Database, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self._database = paths, database
        self._close_store, self._reopen = close_store, reopen
        self.setWindowTitle(_("Backups"))
        self.resize(720, 380)
        self.hint = QLabel(
            _(
                "Appeal Desk backs up your data every day you change it, and before every "
                "restore, upgrade and import of several files. Backups are kept in {folder}."
            ).format(folder=paths.backups)
        )
        self.hint.setWordWrap(True)
        db = database()
        if db is not None and db.read_only:  # the backups folder is in the data folder
            self.hint.setText(
                self.hint.text()
                + " "
                + _(
                    "Your data can only be read now: the backups are listed, but none can be "
                    "made or restored until the data folder can be written again."
                )
            )
        self.status = SpokenLabel()  # what the last action did, also said aloud
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Date"), _("Why"), _("Size"), _("Contents")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        leave_with_tab(self.table)
        self.table.setAccessibleName(_("Backups"))
        self.backup_button = QPushButton(_("Back up now"))
        self.restore_button = QPushButton(_("Restore selected backup…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        select_the_current_row(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        from app.services import backups  # SQLAlchemy: not while the main window is built

        self.entries = backups.list_backups(self.paths)
        self.table.setRowCount(len(self.entries))
        for row, info in enumerate(self.entries):
            counts = {key: info.counts.get(key, 0) for key in ("cases", "appeals")}
            cells = (
                date_time(info.created),
                backup_reason_label(info.reason),
                file_size_text(info.size),
                unusable_backup_text() if info.problem else backup_contents_text(counts),
            )
            problem = (
                info.problem.translated(_) if isinstance(info.problem, Phrase) else info.problem
            )
            tip = str(info.path) + (f"\n{problem}" if problem else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(tip) or "")
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and not info.problem)

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _select(self, backup: Path | None) -> None:
        """Select the row of ``backup``: the list has just been read again, and the row
        selected before may now hold another backup."""
        rows = [row for row, info in enumerate(self.entries) if info.path == backup]
        if rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()

    def back_up_now(self) -> None:
        from app.services import backups

        if refuse_change(self._database(), self):  # the backups folder is in the data folder
            return
        try:
            backups.make_backup(self.paths, self._database())
        except AppealDeskError as exc:
            report_failure(self, _("No backup was made"), exc)
            self.refresh()
            return
        self.refresh()
        self.status.setText(_("Backup made."))

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or refuse_change(self._database(), self):
            return
        when = date_time(info.created)
        if info.problem:
            Messages.warning(
                self,
                _("The backup could not be restored"),
                _(
                    "The backup from {when} cannot be read: it is damaged or not a backup "
                    "Appeal Desk made. Nothing was changed; choose another backup."
                ).format(when=when),
            )
            return
        question = _(
            "Replace your current data with the backup from {when}? Your current data is "
            "backed up first, so this can be undone."
        ).format(when=when)
        if not Messages.ask(self, _("Restore a backup"), question):
            return
        self._close_store()
        from app.services import backups

        restored = False
        undo_point: Path | None = None
        try:
            undo_point = backups.restore_backup(self.paths, info.path).safety_backup
            restored = True
        except AppealDeskError as exc:
            report_failure(self, _("The backup could not be restored"), exc)
        from app.services.database import open_store

        try:
            self._reopen(open_store(self.paths), restored)
        except AppealDeskError as exc:
            report_failure(self, _("Your data could not be opened"), exc)
            self.refresh()
            self._select(undo_point if restored else info.path)
            if restored:
                self.status.setText(
                    _("Restored the backup from {when}, but it could not be opened.").format(
                        when=when
                    )
                )
            return
        self.refresh()
        # Restored: "Restore selected backup" now takes the restore back. Not restored: the
        # backup chosen stays selected for another try, though the list may have gained the
        # copy of the current data made before the attempt, at its top.
        self._select(undo_point if restored else info.path)
        if restored:
            self.status.setText(_("Restored the backup from {when}.").format(when=when))
        else:
            self.status.setText(
                _("The backup from {when} was not restored. Nothing was changed.").format(when=when)
            )
