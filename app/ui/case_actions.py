"""What the user does with a case: the letter editor, mark sent, history, settings, about.

The window hands in its context, the dialogs' parent and two narrow views of its list (the
selected case, the listed cases); results go out through the context's signals and
``status_message``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.model import FIRST_OFFICIAL, AppealStatus, CaseSummary
from app.i18n import _
from app.ui.app_context import AppContext
from app.ui.errors import report_failure
from app.ui.messages import Messages
from app.ui.models.case_columns import ua_sort_key
from app.ui.read_only import refuse_change

if TYPE_CHECKING:
    from app.domain.model import AppealRecord, CaseDetail

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the first paint
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.dialogs.letter_dialog import LetterDialog, LetterDraft
    from app.ui.dialogs.mark_sent_dialog import MarkSentChoice, MarkSentDialog
    from app.ui.dialogs.report_dialog import ReportDialog
    from app.ui.dialogs.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


class CaseActions(QObject):
    """Owns the case dialogs (kept referenced, opened non-blocking so tests can drive them)."""

    status_message = Signal(str, int)  # text, milliseconds: for the window's status bar
    ua_changed = Signal(str)  # ua_number whose appeals changed (in the history dialog)
    history_opened = Signal(object)  # the appeal history dialog, just made
    change_made = Signal(object)  # a StoreChange for the Edit menu's undo stack

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        current_case: Callable[[], CaseDetail | None],
        listed_cases: Callable[[], Sequence[CaseSummary]],
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._current_case = current_case
        self._listed_cases = listed_cases
        self.letter_dialog: LetterDialog | None = None
        self.mark_sent_dialog: MarkSentDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.reopened_draft: str | None = None  # the draft the letter editor was opened from
        self.report_dialog: ReportDialog | None = None

    # ---- the original document ---------------------------------------------------------------

    def open_original(self) -> None:
        """Open the kept original of the selected case's newest document in its own program."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from app.services.originals import original_of
        from app.ui.dialogs.letter_output import open_url

        case = self._current_case()
        db = self._context.db
        if case is None or db is None:
            return
        path = original_of(db, case.ua_number)
        if path is None:
            Messages.info(
                self._parent,
                _("Open original"),
                _(
                    "No original is kept for UA {ua_number}: it was imported before Appeal Desk "
                    "kept originals, or from a shared database on a server. Import the document "
                    "again to keep it."
                ).format(ua_number=case.ua_number),
            )
            return
        if not open_url(QDesktopServices, QUrl.fromLocalFile(str(path))):
            Messages.warning(
                self._parent,
                _("Open original"),
                _("No program could open {file}. It is kept in {folder}.").format(
                    file=path.name, folder=str(path.parent)
                ),
            )

    # ---- letters ----------------------------------------------------------------------------

    def write_letter(self) -> None:
        case = self._current_case()
        if case is None or not case.targets:
            return
        self._open_letter(case)

    def reopen_draft(self, record: AppealRecord) -> None:
        """A saved draft in the letter editor, as it was kept; keeping it again or marking it
        sent changes that same record."""
        from app.services.cases import get_case

        db = self._context.db
        if db is None:
            return
        try:
            case = get_case(db, record.ua_number)
        except Exception as error:
            report_failure(self._parent, _("The draft could not be opened"), error)
            return
        if case.targets:
            self._open_letter(case, record)

    def _open_letter(self, case: CaseDetail, reopen: AppealRecord | None = None) -> None:
        previous = self.letter_dialog
        if previous is not None:
            if not previous.close():  # offers to keep unsent work as a draft
                previous.raise_()  # the writer went back to that letter: it stays
                previous.activateWindow()
                return
            previous.deleteLater()
        from app.ui.dialogs.letter_dialog import LetterDialog

        dialog = LetterDialog(
            case,
            self._context.settings,
            self._context.paths.user_templates,
            target_index=(reopen.target_index or FIRST_OFFICIAL) if reopen else FIRST_OFFICIAL,
            parent=self._parent,
            language=reopen.language if reopen else None,
            keeps_drafts=not (self._context.db is not None and self._context.db.read_only),
        )
        self.reopened_draft = reopen.appeal_id if reopen is not None else None
        if reopen is not None:  # the kept text replaces the fresh draft once it is in
            text = reopen.text

            def put_back(ok: bool) -> None:
                dialog.letter_ready.disconnect(put_back)
                dialog.letter_edit.setPlainText(text)

            dialog.letter_ready.connect(put_back)
        dialog.mark_sent_requested.connect(self._mark_draft_sent)
        dialog.keep_draft_requested.connect(lambda draft: self._keep_draft(case, draft))
        dialog.settings_requested.connect(self.open_settings)
        dialog.about_requested.connect(lambda language: self.open_settings(language))
        self.letter_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.letter_edit.setFocus()

    def _mark_draft_sent(self, draft: LetterDraft) -> None:
        dialog = self.letter_dialog
        if dialog is None:
            return
        self.mark_sent(dialog.case, draft, parent=dialog)

    # ---- mark as sent ------------------------------------------------------------------------

    def mark_sent(
        self,
        case: CaseDetail | None = None,
        draft: LetterDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        case = case or self._current_case()
        if (
            case is None
            or not case.targets
            or refuse_change(self._context.db, parent or self._parent)
        ):
            return
        target = draft.target_index if draft else FIRST_OFFICIAL
        from app.ui.dialogs.mark_sent_dialog import MarkSentDialog

        dialog = MarkSentDialog(case, target_index=target, parent=parent or self._parent)
        self._replace(self.mark_sent_dialog)
        self.mark_sent_dialog = dialog
        dialog.destroyed.connect(lambda: self._forget_mark_sent(dialog))
        dialog.accepted.connect(lambda: self._record(case, dialog.choice(), draft))
        dialog.open()

    def _forget_mark_sent(self, dialog: MarkSentDialog) -> None:
        """The question was deleted with its parent (a letter editor replaced by another)."""
        if self.mark_sent_dialog is dialog:
            self.mark_sent_dialog = None

    def _record(self, case: CaseDetail, choice: MarkSentChoice, draft: LetterDraft | None) -> None:
        from app.services.editing import save_letter

        db = self._context.db
        if db is None:
            return
        reopened = self._reopened_for(case, draft)
        try:
            change = save_letter(
                db,
                case.ua_number,
                reopened_draft=reopened,
                target_index=choice.target_index,
                text=draft.text if draft else "",
                written_to=draft.target_index if draft else None,
                language=draft.locale if draft else "en",
                status=choice.status,
                channel=choice.channel,
                sent_on=choice.sent_on,
            )
        except Exception as error:
            report_failure(self._parent, _("The appeal was not recorded"), error)
            return
        if reopened is not None:
            self.reopened_draft = None
        if (
            draft is not None
            and self.letter_dialog is not None
            and self.letter_dialog.case.case_id == case.case_id
        ):
            self.letter_dialog.mark_recorded()
        self.status_message.emit(
            _(
                "Appeal for UA {ua_number} recorded. Thank you for writing. "
                "To take it back: Edit > Undo (Ctrl+Z)."
            ).format(ua_number=case.ua_number),
            8000,
        )
        self._context.case_changed.emit(case.case_id)
        self.change_made.emit(change)

    def _reopened_for(self, case: CaseDetail, draft: LetterDraft | None) -> str | None:
        """The stored draft the letter editor was opened from, if this is its letter."""
        dialog = self.letter_dialog
        if draft is None or dialog is None or dialog.case.case_id != case.case_id:
            return None
        return self.reopened_draft

    def _keep_draft(self, case: CaseDetail, draft: LetterDraft) -> None:
        """The letter editor closed with unsent work the user wants to keep."""
        from app.services.editing import save_letter

        db = self._context.db
        if db is None or refuse_change(db, self._parent):
            return
        reopened = self._reopened_for(case, draft)
        try:
            save_letter(
                db,
                case.ua_number,
                reopened_draft=reopened,
                target_index=draft.target_index,
                text=draft.text,
                written_to=draft.target_index,
                language=draft.locale,
                status=AppealStatus.DRAFT,
            )
        except Exception as error:
            report_failure(self._parent, _("The draft was not kept"), error)
            return
        if reopened is not None:
            self.reopened_draft = None
            self.status_message.emit(_("Your draft is updated."), 8000)
            self._context.case_changed.emit(case.case_id)
            return
        self.status_message.emit(
            _("Your letter is kept as a draft in the appeal history (Ctrl+H)."), 8000
        )
        self._context.case_changed.emit(case.case_id)

    # ---- settings and about -----------------------------------------------------------------

    def open_settings(self, about_language: str | None = None) -> None:
        """``about_language``: Settings opens on the "why I write" sentence of that language."""
        from app.services.letters import available_letter_locales

        parent = (
            self.letter_dialog
            if self.letter_dialog and self.letter_dialog.isVisible()
            else self._parent
        )
        from app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self._context.settings,
            available_letter_locales(
                self._context.paths.user_templates, including=self._context.settings.letter_language
            ),
            parent,
            about_language,
        )
        self._replace(self.settings_dialog)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self._save_settings(dialog))
        dialog.open()

    def _save_settings(self, dialog: SettingsDialog) -> None:
        from app.settings import save_settings

        # the folders file dialogs used while Settings was open are kept, not its older copy
        new = replace(dialog.settings(), last_folders=self._context.settings.last_folders)
        try:
            save_settings(self._context.paths, new)
        except Exception as error:
            report_failure(self._parent, _("Settings not saved"), error)
            return
        language_changed = new.ui_language != self._context.settings.ui_language
        self._context.set_settings(new)
        if self.letter_dialog is not None:
            self.letter_dialog.set_settings(new)
        if language_changed:
            from app.ui.language import apply_language

            apply_language(new.ui_language)

    def show_about(self) -> None:
        """Help > About: version, licence, where the data lives, and diagnostics to copy."""
        from app.ui.dialogs.about_dialog import show_about

        show_about(self._parent, self._context.paths, self.copy_diagnostics)

    def copy_diagnostics(self) -> None:
        """Help > Copy diagnostic info: versions and settings for a bug report."""
        from app.ui.diagnostics_copy import copy_diagnostic_info

        copy_diagnostic_info(self._context.paths, self._context.settings, self._context.db)
        self.status_message.emit(
            _("Diagnostic info copied. Paste it into your bug report; it holds no personal data."),
            8000,
        )

    def show_report(self) -> None:
        from app.services.outputs import output_options
        from app.ui.dialogs.report_dialog import ReportDialog

        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        context = self._context
        self.report_dialog = ReportDialog(
            lambda: context.db,
            self._parent,
            options=lambda: output_options(context.settings),
        )
        self.report_dialog.show()

    def show_history(self) -> None:
        from app.ui.dialogs.history_dialog import HistoryDialog

        current = self._current_case()
        listed = self._listed_cases()
        ua_numbers = sorted({case.ua_number for case in listed}, key=ua_sort_key)
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        samples = frozenset(case.ua_number for case in listed if case.is_sample)
        context = self._context
        dialog = HistoryDialog(
            lambda: context.db,
            ua_numbers,
            self._parent,
            samples,
            attachments_dir=context.paths.data_dir / "attachments",
        )
        if current is not None:
            dialog.case_combo.setCurrentIndex(max(0, dialog.case_combo.findData(current.ua_number)))
        dialog.appeal_changed.connect(self.ua_changed)
        self.history_dialog = dialog
        self.history_opened.emit(dialog)
        dialog.show()

    @staticmethod
    def _replace(old: QDialog | None) -> None:
        """A new dialog of the same kind replaces the old one (no pile-up of hidden dialogs)."""
        import shiboken6

        if old is not None and shiboken6.isValid(old):
            old.close()
            old.deleteLater()

    def retranslate_dialogs(self) -> None:
        """The language changed: open dialogs follow at once."""
        import shiboken6

        dialogs = (
            self.letter_dialog,
            self.mark_sent_dialog,
            self.settings_dialog,
            self.history_dialog,
            self.report_dialog,
        )
        for dialog in dialogs:
            if (
                dialog is not None
                and shiboken6.isValid(dialog)
                and hasattr(dialog, "retranslate_ui")
            ):
                dialog.retranslate_ui()

    def letter_may_close(self) -> bool:
        """The window is about to close: the letter editor's own words are offered to be
        kept (Save, Discard or Cancel). False when the writer chose to go back to the
        letter: the window stays open, the editor with it."""
        import shiboken6

        letter = self.letter_dialog
        if letter is None or not shiboken6.isValid(letter) or not letter.isVisible():
            return True
        return letter.may_close()

    def close_dialogs(self) -> None:
        """The window is closing: close what is open. A dialog may be gone already (the
        mark-sent question goes with the letter editor it was asked from)."""
        import shiboken6

        letter = self.letter_dialog
        if letter is not None and shiboken6.isValid(letter) and letter.isVisible():
            letter.close_with_the_app()  # asked already by letter_may_close: asks nothing
        for dialog in (
            self.mark_sent_dialog,
            self.settings_dialog,
            self.history_dialog,
            self.report_dialog,
        ):
            if isinstance(dialog, QDialog) and shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.close()
