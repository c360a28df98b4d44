"""Edit and delete in the appeal history: a context menu (right-click, Menu key) and the
Delete key on the list of appeals; each change goes on the Edit menu's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from app.domain.changes import StoreChange
from app.domain.model import AppealRecord, AppealStatus
from app.i18n import _
from app.services.database import Database
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.errors import report_failure
from app.ui.formatting import format_date
from app.ui.messages import Messages
from app.ui.read_only import refuse_change


class HistoryEditing(QObject):
    """The history dialog's edit and delete actions."""

    def __init__(
        self,
        dialog: HistoryDialog,
        database: Callable[[], Database | None],
        record_change: Callable[[StoreChange], None],
        open_draft: Callable[[AppealRecord], None] | None = None,
        undo_redo: tuple[QAction, ...] = (),
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._database = database
        self._record_change = record_change
        self._open_draft = open_draft
        self._undo_redo = undo_redo  # the session's Undo and Redo, at the end of the menu
        self.open_draft = QAction(_("&Open the draft in the letter editor"), dialog)
        self.open_draft.triggered.connect(self.open_current_draft)
        self.edit_appeal = QAction(_("&Edit appeal…"), dialog)
        self.delete_appeal = QAction(_("&Delete…"), dialog)
        self.delete_appeal.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_appeal.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_reply = QAction(_("Edit the reply's &note…"), dialog)
        self.delete_reply = QAction(_("Delete the &reply…"), dialog)
        dialog.table.addAction(self.delete_appeal)
        self.edit_appeal.triggered.connect(self.edit_current)
        self.delete_appeal.triggered.connect(self.delete_current)
        self.edit_reply.triggered.connect(self.edit_current_reply)
        self.delete_reply.triggered.connect(self.delete_current_reply)
        dialog.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        dialog.table.customContextMenuRequested.connect(self.show_menu)

    def refresh(self, _change: object = None) -> None:
        """List the appeals again (an undo or redo may have changed them)."""
        self.dialog.reload()

    def show_menu(self, pos: QPoint) -> None:
        record = self.dialog.current_record()
        if record is None:
            return
        has_reply = record.reply_on is not None or record.reply_attachment is not None
        self.edit_reply.setEnabled(has_reply)
        self.delete_reply.setEnabled(has_reply)
        menu = QMenu(self.dialog.table)
        if record.status is AppealStatus.DRAFT and self._open_draft is not None:
            menu.addAction(self.open_draft)
        menu.addActions([self.edit_appeal, self.delete_appeal])
        menu.addSeparator()
        menu.addActions([self.edit_reply, self.delete_reply])
        if self._undo_redo:
            menu.addSeparator()
            menu.addActions(list(self._undo_redo))
        menu.popup(self.dialog.table.viewport().mapToGlobal(pos))

    def _done(self, change: StoreChange) -> None:
        record = self.dialog.current_record()
        self._record_change(change)
        self.dialog.reload()
        if record is not None:  # the same appeal stays selected (unless it was deleted)
            self.dialog.select_appeal(record.appeal_id)
        if change.ua_number:
            self.dialog.appeal_changed.emit(change.ua_number)

    def _target(self) -> tuple[Database, AppealRecord] | None:
        db = self._database()
        record = self.dialog.current_record()
        if db is None or record is None or refuse_change(db, self.dialog):
            return None
        return db, record

    def open_current_draft(self) -> None:
        record = self.dialog.current_record()
        if record is not None and record.status is AppealStatus.DRAFT and self._open_draft:
            self._open_draft(record)

    def edit_current(self) -> None:
        from app.services.cases import get_case
        from app.ui.dialogs.appeal_edit_dialog import AppealEditDialog

        found = self._target()
        if found is None:
            return
        db, record = found
        try:
            targets = get_case(db, record.ua_number).targets
        except Exception:  # a case removed with its appeals kept: no officials to choose
            targets = ()
        editor = AppealEditDialog(record, targets, db, self.dialog)
        editor.change_made.connect(self._done)
        editor.open()

    def delete_current(self) -> None:
        from app.services.editing import delete_appeal

        found = self._target()
        if found is None:
            return
        db, record = found
        what = (
            _("the draft to {official} for UA {ua_number}")
            if record.status is AppealStatus.DRAFT
            else _("the appeal to {official} for UA {ua_number} ({date})")
        ).format(
            official=record.target_label or "\u2014",
            ua_number=record.ua_number,
            date=format_date(record.sent_on),
        )
        text = _("This removes {what}, with its text and any reply.").format(what=what)
        text += "\n\n" + _("You can undo this with Edit > Undo until you close Appeal Desk.")
        if not Messages.ask(self.dialog, _("Delete this appeal?"), text):
            return
        try:
            change = delete_appeal(db, record.appeal_id)
        except Exception as error:
            report_failure(self.dialog, _("The appeal was not deleted"), error)
            return
        self._done(change)

    def edit_current_reply(self) -> None:
        from app.services.editing import edit_reply

        found = self._target()
        if found is None:
            return
        db, record = found
        note, ok = QInputDialog.getMultiLineText(
            self.dialog,
            _("Edit the reply's note"),
            _("What the official replied:"),
            record.reply_note or "",
        )
        if not ok:
            return
        try:
            change = edit_reply(db, record.appeal_id, note=note)
        except Exception as error:
            report_failure(self.dialog, _("The reply was not changed"), error)
            return
        self._done(change)

    def delete_current_reply(self) -> None:
        from app.services.editing import delete_reply

        found = self._target()
        if found is None:
            return
        db, record = found
        text = _(
            "This removes the reply of {date} to the appeal for UA {ua_number}, with its note and scan."
        ).format(date=format_date(record.reply_on), ua_number=record.ua_number)
        if not Messages.ask(self.dialog, _("Delete this reply?"), text):
            return
        try:
            change = delete_reply(db, record.appeal_id)
        except Exception as error:
            report_failure(self.dialog, _("The reply was not deleted"), error)
            return
        self._done(change)
