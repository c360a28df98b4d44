"""The Edit menu: undo and redo of the session's edits and deletions, editing and deleting
cases, undoing the last import and removing the practice cases, with context menus.

Every destructive action says what it will remove before it does. The undo stack lives for
the session only (an undo after a restart is not offered); each step is one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from app.i18n import _
from app.ui.errors import report_failure
from app.ui.main_actions import HELP_TEXT
from app.ui.messages import Messages
from app.ui.read_only import refuse_change

if TYPE_CHECKING:
    from app.domain.changes import StoreChange
    from app.domain.model import AppealRecord, CaseDetail, CaseSummary, ImportResult
    from app.services.database import Database

log = logging.getLogger(__name__)


class EditActions(QObject):
    """The Edit menu's actions and the session's undo stack."""

    store_changed = Signal(object)  # the StoreChange just done, undone or redone
    status_message = Signal(str, int)

    def __init__(
        self,
        parent: QWidget,
        database: Callable[[], Database | None],
        current_case: Callable[[], CaseSummary | CaseDetail | None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._database = database
        self._current_case = current_case
        self.stack = QUndoStack(self)
        self.undo = self.stack.createUndoAction(self)
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = self.stack.createRedoAction(self)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_case = QAction(parent)
        self.edit_case.setShortcut(QKeySequence("F2"))
        self.delete_case = QAction(parent)
        self.delete_case.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Delete acts on the list that has the focus; other lists handle their own Delete.
        self.delete_case.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_import = QAction(parent)
        # A restored backup holds imports made before it, not the one the user just made:
        # "Undo last import" waits for the next import (the store keeps which imports those
        # are, so a restart and the command line agree; this is what the menu last showed).
        self._restored_since_import = False
        self.remove_practice = QAction(parent)
        # Opens a saved draft in the letter editor (the window's case actions do that).
        self.open_draft: Callable[[AppealRecord], None] | None = None
        self.edit_case.triggered.connect(self.edit_current_case)
        self.delete_case.triggered.connect(self.delete_current_case)
        self.delete_document = QAction(parent)
        self.delete_document.triggered.connect(self.delete_a_document)
        self.undo_import.triggered.connect(self.undo_last_import)
        self.remove_practice.triggered.connect(self.remove_practice_cases)
        self.stack.undoTextChanged.connect(self._set_undo_text)
        self.stack.redoTextChanged.connect(self._set_redo_text)
        self.retranslate_ui()

    # ---- building ---------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """The Edit menu's entries, in the window's Edit menu (titled by the window)."""
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addActions([self.edit_case, self.delete_case, self.delete_document])
        menu.addSeparator()
        menu.addActions([self.undo_import, self.remove_practice])
        menu.aboutToShow.connect(self._check_undo_import)

    def attach_case_list(self, view: QAbstractItemView) -> None:
        """Right-click and the Menu key on the case list open a menu; Delete deletes."""
        view.addAction(self.delete_case)
        view.addAction(self.edit_case)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def show_menu(pos: QPoint) -> None:
            index = view.indexAt(pos)
            if index.isValid():  # right-click acts on the row under the pointer
                view.setCurrentIndex(index)
            if self._current_case() is None:
                return
            menu = QMenu(view)
            menu.addActions([self.edit_case, self.delete_case, self.delete_document])
            menu.addSeparator()
            menu.addActions([self.undo, self.redo])
            menu.popup(view.viewport().mapToGlobal(pos))

        view.customContextMenuRequested.connect(show_menu)

    def retranslate_ui(self) -> None:
        self.edit_case.setText(_("&Edit case…"))
        self.edit_case.setStatusTip(_("Correct the title, country, deadline, people or officials"))
        self.delete_case.setText(_("&Delete case…"))
        self.delete_document.setText(_("Delete one d&ocument of the case…"))
        self.delete_case.setStatusTip(_("Delete the selected case (you are told what goes first)"))
        self.undo_import.setText(_("Undo last &import…"))
        if self._restored_since_import:
            # loaded already by what found the restore (not at start-up: it loads SQLAlchemy)
            from app.services.undo_import import BACKUP_RESTORED

            self.undo_import.setStatusTip(_(BACKUP_RESTORED))
        else:
            self.undo_import.setStatusTip(
                _("Take back the last import: its new cases go, the cases it changed return")
            )
        self.remove_practice.setText(_("Remove &practice cases…"))
        self.undo.setProperty(HELP_TEXT, _("Undo"))
        self.redo.setProperty(HELP_TEXT, _("Redo"))
        # QUndoStack names its actions "Undo <text>"; here the words follow the interface language.
        self._set_undo_text(self.stack.undoText())
        self._set_redo_text(self.stack.redoText())

    def _set_undo_text(self, text: str) -> None:
        self.undo.setText(_("&Undo {action}").format(action=text) if text else _("&Undo"))

    def _set_redo_text(self, text: str) -> None:
        self.redo.setText(_("&Redo {action}").format(action=text) if text else _("&Redo"))

    def attach_history(self, dialog: QWidget) -> None:
        """Edit and delete in an appeal history dialog, on this undo stack."""
        from app.ui.dialogs.history_dialog import HistoryDialog
        from app.ui.history_editing import HistoryEditing

        if isinstance(dialog, HistoryDialog):
            dialog.editing = HistoryEditing(
                dialog, self._database, self.record, self.open_draft, (self.undo, self.redo)
            )
            # an undo or redo from the Edit menu shows in the open list at once
            self.store_changed.connect(dialog.editing.refresh)
            self._undo_keys_in(dialog)

    def attach_events(self, dialog: QWidget) -> None:
        """Edit and delete events in the events dialog, on this undo stack."""
        from app.ui.events.event_editing import EventEditing
        from app.ui.events.events_dialog import EventsDialog

        if isinstance(dialog, EventsDialog):  # called once, when the dialog is made
            editing = EventEditing(dialog, self._database, self.record)
            self.store_changed.connect(editing.refresh)
            self._undo_keys_in(dialog)

    def _undo_keys_in(self, window: QWidget) -> None:
        """Ctrl+Z and Ctrl+Shift+Z in a window of its own (the history, the events) undo and
        redo there too: its deletions say they can be undone, and it has no Edit menu."""
        window.addActions([self.undo, self.redo])

    def forget_replaced_data(self) -> None:
        """The store now holds a restored backup: no edit of the session can be undone on it,
        and its last import is not the one the user made before restoring (that one is gone
        with the data it was made to; the restore marked the backup's own imports), so
        neither is offered until the next import."""
        self.stack.clear()
        self._show_restored_since_import(True)

    def import_finished(self, results: Sequence[ImportResult]) -> None:
        """An import of this session saved something: it is the last import to undo again."""
        from app.domain.kinds import ImportOutcome

        saved = (ImportOutcome.IMPORTED, ImportOutcome.UPDATED)
        if any(r.outcome in saved for r in results):
            self._show_restored_since_import(False)

    def _check_undo_import(self) -> None:
        """Ask the store whether a backup was restored since the last import (after a
        restart, or a command run meanwhile), when the Edit menu opens. Not before the
        store's engine is made: the start-up does not wait for it, and the action itself
        checks again."""
        db = self._database()
        if db is None or not db.has_engine:
            return
        from app.services.undo_import import restored_since_last_import

        try:
            restored = restored_since_last_import(db)
        except Exception:  # the menu still opens; the action says what is wrong if used
            log.warning("could not tell whether a backup was restored", exc_info=True)
            return
        self._show_restored_since_import(restored)

    def _show_restored_since_import(self, restored: bool) -> None:
        if restored == self._restored_since_import:
            return
        self._restored_since_import = restored
        self.undo_import.setEnabled(not restored)
        self.retranslate_ui()

    def set_case_selected(self, selected: bool) -> None:
        self.edit_case.setEnabled(selected)
        self.delete_case.setEnabled(selected)
        self.delete_document.setEnabled(selected)

    # ---- the stack ----------------------------------------------------------------------

    def record(self, change: StoreChange) -> None:
        """Put a done action on the stack and tell the window the store changed."""
        if not change.changed:
            return
        from app.ui.undo_commands import StoreCommand  # once a change is made

        self.stack.push(StoreCommand(change, self._apply))
        self.store_changed.emit(change)

    def _changeable_database(self) -> Database | None:
        """The store, unless it can only be read (then the user is told why: None)."""
        db = self._database()
        return None if refuse_change(db, self._parent) else db

    def _apply(self, change: StoreChange, again: bool) -> bool:
        from app.services import editing

        db = self._changeable_database()
        if db is None:
            return False
        try:
            (editing.redo if again else editing.undo)(db, change)
        except Exception as error:
            self.status_message.emit("", 0)  # an earlier "done" message no longer holds
            report_failure(self._parent, _("This could not be undone or redone"), error)
            return False
        self.store_changed.emit(change)
        # replaces what the action said when it was done ("... To take it back: ...")
        if again:
            said = _("Redone: {action}.").format(action=change.description.translated(_))
        else:
            said = _("Undone: {action}.").format(action=change.description.translated(_))
        self.status_message.emit(said, 10_000)
        return True

    # ---- actions ------------------------------------------------------------------------

    def edit_current_case(self) -> None:
        case = self._current_case()
        db = self._changeable_database()
        if case is None or db is None:
            return
        from app.services.cases import get_case
        from app.ui.dialogs.case_edit_dialog import CaseEditDialog

        try:
            detail = get_case(db, case.ua_number)
        except Exception as error:
            report_failure(self._parent, _("The case could not be opened"), error)
            return
        dialog = CaseEditDialog(detail, self._parent)
        dialog.change_made.connect(self.record)
        dialog.bind(db)
        dialog.open()

    def delete_current_case(self) -> None:
        case = self._current_case()
        db = self._changeable_database()
        if case is None or db is None:
            return
        from app.services import editing
        from app.ui.removal_text import keep_appeals_choice, removal_text

        try:
            preview = editing.preview_case_deletion(db, case.ua_number)
            title = _("Delete UA {ua_number}?").format(ua_number=case.ua_number)
            keep = False
            if preview.appeals:  # one question: whether to delete, and what becomes of them
                delete, keep = Messages.ask_with_option(
                    self._parent,
                    title,
                    removal_text(preview, keep_appeals=None),
                    keep_appeals_choice(preview),
                    checked=True,
                )
            else:
                delete = Messages.ask(self._parent, title, removal_text(preview))
            if not delete:
                return
            change = editing.delete_case(db, case.ua_number, keep_appeals=keep)
        except Exception as error:
            report_failure(self._parent, _("The case was not deleted"), error)
            return
        self.record(change)
        self.status_message.emit(
            _("Deleted UA {ua_number}. Edit > Undo brings it back.").format(
                ua_number=case.ua_number
            ),
            10_000,
        )

    def delete_a_document(self) -> None:
        """Remove one imported document; the case is derived again from the others."""
        from PySide6.QtWidgets import QInputDialog

        from app.services import editing
        from app.services.cases import get_case
        from app.ui.formatting import format_date, output_kind_label

        case = self._current_case()
        db = self._changeable_database()
        if case is None or db is None:
            return
        try:
            detail = get_case(db, case.ua_number)
            if len(detail.outputs) < 2:
                Messages.info(
                    self._parent,
                    _("Delete a document"),
                    _("UA {ua_number} has only one document: delete the case instead.").format(
                        ua_number=detail.ua_number
                    ),
                )
                return
            names = [
                f"{output_kind_label(o.kind)} \u00b7 {format_date(o.issued_on)} \u00b7 {o.source_name}"
                for o in detail.outputs
            ]
            chosen, ok = QInputDialog.getItem(
                self._parent,
                _("Delete a document"),
                _("Which document of UA {ua_number}?").format(ua_number=detail.ua_number),
                names,
                len(names) - 1,
                False,
            )
            if not ok:
                return
            output = detail.outputs[names.index(chosen)]
            text = _(
                "This removes the document {name} from UA {ua_number}. The case is read again "
                "from its other documents; the values you corrected stay."
            ).format(name=output.source_name, ua_number=detail.ua_number)
            text += "\n\n" + _("You can undo this with Edit > Undo until you close Appeal Desk.")
            if not Messages.ask(self._parent, _("Delete this document?"), text):
                return
            change = editing.delete_document(db, detail.ua_number, output.output_id)
        except Exception as error:
            report_failure(self._parent, _("The document was not deleted"), error)
            return
        self.record(change)

    def undo_last_import(self) -> None:
        db = self._changeable_database()
        if db is None:
            return
        from app.domain.errors import InvalidInput
        from app.i18n import short_list
        from app.services.undo_import import (
            BACKUP_RESTORED,
            CANNOT_UNDO,
            NOTHING_LEFT,
            last_import,
            undo_last_import,
        )

        try:
            pending = last_import(db)
            if pending is None:
                Messages.info(self._parent, _("Undo last import"), _("There is no import to undo."))
                return
            if pending.before_restore:  # the restored backup's own import, not the user's last
                self._show_restored_since_import(True)
                Messages.info(self._parent, _("Undo last import"), _(BACKUP_RESTORED))
                return
            if pending.blocked:  # refused before anything is described as going
                raise InvalidInput(CANNOT_UNDO)
            if pending.nothing_left:  # forget the spent import, so the one before it is next
                undo_last_import(db)
                what = short_list(pending.sources, pending.more_sources)
                Messages.info(
                    self._parent, _("Undo last import"), _(NOTHING_LEFT).format(what=what)
                )
                return
            lines = [
                _("Your cases go back to how they were before importing {label}.").format(
                    label=short_list(pending.sources, pending.more_sources)
                )
            ]
            if pending.created:
                lines.append(
                    _("These cases go: {numbers}.").format(numbers=short_list(pending.created))
                )
            if pending.updated:
                lines.append(
                    _("These cases return to their earlier state: {numbers}.").format(
                        numbers=short_list(pending.updated)
                    )
                )
            if not Messages.ask(self._parent, _("Undo last import?"), "\n\n".join(lines)):
                return
            undo_last_import(db)
        except Exception as error:
            report_failure(self._parent, _("The import was not undone"), error)
            return
        self.store_changed.emit(None)
        self.status_message.emit(_("The last import was undone."), 10_000)
        self._check_undo_import()  # the import before it may be one a restored backup holds

    def remove_practice_cases(self) -> None:
        db = self._changeable_database()
        if db is None:
            return
        from app.services import editing
        from app.ui.removal_text import removal_text

        try:
            preview = editing.practice_cases(db)
            if not preview.cases:
                Messages.info(
                    self._parent,
                    _("Remove practice cases"),
                    _("You have no practice cases."),
                )
                return
            text = removal_text(preview) + "\n\n" + ", ".join(preview.cases)
            if not Messages.ask(self._parent, _("Remove the practice cases?"), text):
                return
            change = editing.remove_practice_cases(db)
        except Exception as error:
            report_failure(self._parent, _("The practice cases were not removed"), error)
            return
        self.record(change)
        self.status_message.emit(_("The practice cases were removed."), 10_000)
