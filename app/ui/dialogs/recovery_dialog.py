"""When the database is damaged at start: explain, then restore a backup or start empty.

The damaged file is never opened for writing here: the services restore or move it aside and
keep it byte for byte, then the store is opened afresh.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.dates import date_time
from app.domain.errors import AppealDeskError
from app.i18n import _
from app.paths import AppPaths
from app.services import backups
from app.ui.app_icon import app_icon
from app.ui.errors import report_failure

if TYPE_CHECKING:
    from app.services.database import Database

log = logging.getLogger(__name__)


class RecoveryDialog(QDialog):
    """Three ways out: restore the newest good backup, start empty, or quit."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.database: Database | None = None
        self.kept_copy: str | None = None
        self.quit_chosen = False
        self.backup = backups.newest_good_backup(paths)
        self.setWindowTitle(_("Your data could not be opened"))
        self.setWindowIcon(app_icon())  # it may come before the app's icon is set (at ready)
        self.setModal(True)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(_("Restore the newest good backup"))
        self.empty_button = QPushButton(
            _("Start with an empty database (the damaged file is kept)")
        )
        self.quit_button = QPushButton(_("Quit"))
        self.restore_button.setEnabled(self.backup is not None)
        self.restore_button.setDefault(self.backup is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        for button in (self.restore_button, self.empty_button, self.quit_button):
            layout.addWidget(button)
        self.restore_button.clicked.connect(self.restore_newest)
        self.empty_button.clicked.connect(self.start_empty)
        self.quit_button.clicked.connect(self.quit)

    def _explanation(self) -> str:
        text = _(
            "The database {file} is damaged, so Appeal Desk cannot open it. It has been left "
            "exactly as it was: nothing in it was changed or deleted."
        ).format(file=self.paths.database)
        if self.backup is None:
            return (
                text
                + "\n\n"
                + _(
                    "There is no usable backup. You can start with an empty database; the damaged "
                    "file is kept beside it so that it can still be rescued."
                )
            )
        when = date_time(self.backup.created)
        counts = self.backup.counts
        return (
            text
            + "\n\n"
            + _(
                "The newest good backup is from {when} ({cases} cases, {appeals} appeals). "
                "Restoring it keeps the damaged file beside it."
            ).format(when=when, cases=counts.get("cases", 0), appeals=counts.get("appeals", 0))
        )

    def quit(self) -> None:
        """Quit: close Appeal Desk, the damaged file as it was."""
        self.quit_chosen = True
        self.reject()

    def restore_newest(self) -> None:
        if self.backup is None:
            return
        try:
            outcome = backups.restore_backup(self.paths, self.backup.path)
            self.kept_copy = str(outcome.damaged_copy) if outcome.damaged_copy else None
            self._open()
        except AppealDeskError as exc:
            report_failure(self, _("The backup could not be restored"), exc)

    def start_empty(self) -> None:
        try:
            kept = backups.start_empty(self.paths)
            self.kept_copy = str(kept) if kept else None
            self._open()
        except AppealDeskError as exc:
            report_failure(self, _("An empty database could not be started"), exc)

    def _open(self) -> None:
        from app.services.database import open_store

        self.database = open_store(self.paths)
        log.warning("recovered the store; damaged file kept as %s", self.kept_copy)
        self.accept()


@dataclass(frozen=True)
class Recovery:
    """What came of a store that could not be opened: the store recovered, or whether the
    recovery dialog was shown (it explained the damage) and the user chose to quit."""

    database: Database | None = None
    offered: bool = False
    quit: bool = False


def handle_unavailable_store(
    exc: BaseException, paths: AppPaths, parent: QWidget | None = None
) -> Recovery:
    """Offer recovery when the store is damaged; nothing is offered when it is not.

    Other reasons (in use by another copy, read-only folder, full disk) are not damage: the
    caller shows ``exc``'s message as usual, and nothing is touched.
    """
    if not isinstance(exc, AppealDeskError) or not backups.store_is_damaged(paths):
        return Recovery()
    dialog = RecoveryDialog(paths, parent)
    dialog.exec()
    return Recovery(dialog.database, offered=True, quit=dialog.quit_chosen)
