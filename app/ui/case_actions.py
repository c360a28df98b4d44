"""What the main window does with a case: open the letter editor, mark sent, settings, about."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from app import __version__
from app.domain.model import AppealStatus, CaseDetail
from app.i18n import _
from app.ui.errors import report_failure
from app.ui.messages import Messages
from app.ui.models.case_table_model import ua_sort_key

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the first paint
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.dialogs.letter_dialog import LetterDialog, LetterDraft
    from app.ui.dialogs.mark_sent_dialog import MarkSentChoice, MarkSentDialog
    from app.ui.dialogs.report_dialog import ReportDialog
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class CaseActions:
    """Owns the window's dialogs (kept referenced, opened non-blocking so tests can drive them)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.letter_dialog: LetterDialog | None = None
        self.mark_sent_dialog: MarkSentDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.report_dialog: ReportDialog | None = None

    # ---- letters ----------------------------------------------------------------------------

    def write_letter(self) -> None:
        case = self.window.current_case()
        if case is None or not case.targets:
            return
        previous = self.letter_dialog
        if previous is not None:
            previous.close()  # offers to keep unsent work as a draft
            previous.deleteLater()
        from app.ui.dialogs.letter_dialog import LetterDialog

        dialog = LetterDialog(
            case, self.window.settings, self.window.paths.user_templates, parent=self.window
        )
        dialog.mark_sent_requested.connect(self._mark_draft_sent)
        dialog.keep_draft_requested.connect(lambda draft: self._keep_draft(case, draft))
        dialog.settings_requested.connect(self.open_settings)
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
        case = case or self.window.current_case()
        if case is None or not case.targets:
            return
        target = draft.target_index if draft else 1
        from app.ui.dialogs.mark_sent_dialog import MarkSentDialog

        dialog = MarkSentDialog(case, target_index=target, parent=parent or self.window)
        self._replace(self.mark_sent_dialog)
        self.mark_sent_dialog = dialog
        dialog.accepted.connect(lambda: self._record(case, dialog.choice(), draft))
        dialog.open()

    def _record(self, case: CaseDetail, choice: MarkSentChoice, draft: LetterDraft | None) -> None:
        from app.services.appeals import record_appeal

        db = self.window.db
        if db is None:
            return
        text = draft.text if draft and draft.target_index == choice.target_index else ""
        try:
            record_appeal(
                db,
                case.ua_number,
                target_index=choice.target_index,
                channel=choice.channel,
                text=text,
                language=draft.locale if draft else "en",
                status=choice.status,
                sent_on=choice.sent_on if choice.status == AppealStatus.SENT else None,
            )
        except Exception as error:
            report_failure(self.window, _("The appeal was not recorded"), error)
            return
        if (
            draft is not None
            and self.letter_dialog is not None
            and self.letter_dialog.case.case_id == case.case_id
        ):
            self.letter_dialog.mark_recorded()
        self.window.statusBar().showMessage(
            _("Appeal for UA {ua_number} recorded. Thank you for writing.").format(
                ua_number=case.ua_number
            ),
            8000,
        )
        self.window.refresh_case(case.case_id)

    def _keep_draft(self, case: CaseDetail, draft: LetterDraft) -> None:
        """The letter editor closed with unsent work the user wants to keep."""
        from app.services.appeals import record_appeal

        db = self.window.db
        if db is None:
            return
        try:
            record_appeal(
                db,
                case.ua_number,
                target_index=draft.target_index,
                channel=None,
                text=draft.text,
                language=draft.locale,
                status=AppealStatus.DRAFT,
            )
        except Exception as error:
            report_failure(self.window, _("The draft was not kept"), error)
            return
        self.window.statusBar().showMessage(
            _("Your letter is kept as a draft in the appeal history (Ctrl+H)."), 8000
        )
        self.window.refresh_case(case.case_id)

    # ---- settings and about -----------------------------------------------------------------

    def open_settings(self) -> None:
        from app.services.letters import available_letter_locales

        parent = (
            self.letter_dialog
            if self.letter_dialog and self.letter_dialog.isVisible()
            else self.window
        )
        from app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.window.settings, available_letter_locales(self.window.paths.user_templates), parent
        )
        self._replace(self.settings_dialog)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self._save_settings(dialog))
        dialog.open()

    def _save_settings(self, dialog: SettingsDialog) -> None:
        from app.settings import save_settings

        new = dialog.settings()
        try:
            save_settings(self.window.paths, new)
        except Exception as error:
            report_failure(self.window, _("Settings not saved"), error)
            return
        language_changed = new.ui_language != self.window.settings.ui_language
        self.window.settings = new
        if self.letter_dialog is not None:
            self.letter_dialog.set_settings(new)
        if language_changed:
            from app.ui.application import apply_language

            apply_language(new.ui_language)

    def show_about(self) -> None:
        paths = self.window.paths
        text = _(
            "Appeal Desk {version}\n\nWrite, print, send and track appeal letters for Urgent Actions.\n"
            "Free software under the GNU General Public Licence, version 3 or later.\n\n"
            "Your data: {data_dir}\nLog files: {log_dir}\n\n"
            "The sample cases are fictional: invented for practice, not real people."
        ).format(version=__version__, data_dir=paths.data_dir, log_dir=paths.log_dir)
        Messages.info(self.window, _("About Appeal Desk"), text)

    def show_report(self) -> None:
        from app.services.outputs import output_options
        from app.ui.dialogs.report_dialog import ReportDialog

        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        self.report_dialog = ReportDialog(
            lambda: self.window.db,
            self.window,
            options=lambda: output_options(self.window.settings),
        )
        self.report_dialog.show()

    def show_history(self) -> None:
        from app.ui.dialogs.history_dialog import HistoryDialog

        current = self.window.current_case()
        ua_numbers = sorted({case.ua_number for case in self.window.model.cases()}, key=ua_sort_key)
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        samples = frozenset(case.ua_number for case in self.window.model.cases() if case.is_sample)
        dialog = HistoryDialog(
            lambda: self.window.db,
            ua_numbers,
            self.window,
            samples,
            attachments_dir=self.window.paths.data_dir / "attachments",
        )
        if current is not None:
            dialog.case_combo.setCurrentIndex(max(0, dialog.case_combo.findData(current.ua_number)))
        dialog.appeal_changed.connect(self.window.refresh_case_by_ua)
        self.history_dialog = dialog
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

    def close_dialogs(self) -> None:
        for dialog in (
            self.letter_dialog,
            self.mark_sent_dialog,
            self.settings_dialog,
            self.history_dialog,
            self.report_dialog,
        ):
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.close()
