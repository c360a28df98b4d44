"""First-run welcome: who signs the letters, the page size and the interface language; skippable."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppealDeskError, FolderUnwritable
from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.i18n import _, add_language_listener, remove_language_listener
from app.paths import AppPaths
from app.settings import Settings, about_language, save_settings, with_about
from app.ui.app_icon import app_icon
from app.ui.choice_combo import interface_language_combo, page_size_combo
from app.ui.messages import KeepChoice, Messages
from app.ui.style import Role, apply_role

log = logging.getLogger(__name__)
SettingsSaved = Callable[[Settings], None]


class WelcomeDialog(QDialog):
    """``result_settings()`` gives the settings to keep, whether the user saved or skipped."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        save: SettingsSaved | None = None,
    ) -> None:
        """``save`` writes the settings after Save (or after keeping typed details); when it
        fails, the user is told and the dialog stays open with everything typed."""
        super().__init__(parent)
        self._original = settings
        self._save = save
        self.saved = False
        self.skipped = False
        sender = settings.sender
        self.icon_label = QLabel()
        self.icon_label.setPixmap(app_icon().pixmap(48, 48))
        self.heading = QLabel()
        apply_role(self.heading, Role.DIALOG_HEADING)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(sender.name)
        self.address_edit = QPlainTextEdit(sender.address)
        self.address_edit.setTabChangesFocus(True)  # Tab leaves the field: keyboard users
        self.address_edit.setFixedHeight(64)
        self.city_edit = QLineEdit(sender.city)
        self.country_edit = QLineEdit(sender.country)
        self.about_edit = QLineEdit(sender.about)
        self.page_combo = page_size_combo(settings.page_size)
        self.language_combo = interface_language_combo(settings.ui_language)
        self.language_combo.currentIndexChanged.connect(self._preview_language)
        self.privacy_note = QLabel()
        apply_role(self.privacy_note, Role.HINT)
        self.privacy_note.setWordWrap(True)
        self.skip_button = QPushButton()
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        # our own button, not the standard Save: Qt names standard buttons again from its own
        # catalog after a language change, which would drop "and start"
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)

        self.form = QFormLayout()
        self.labels = [QLabel() for _i in range(7)]
        fields = (
            self.name_edit,
            self.address_edit,
            self.city_edit,
            self.country_edit,
            self.about_edit,
            self.page_combo,
            self.language_combo,
        )
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        header = QHBoxLayout()
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.privacy_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)
        self.setWindowIcon(app_icon())
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)
        self.finished.connect(lambda _r: remove_language_listener(self._on_language_changed))
        for edit in (self.name_edit, self.city_edit, self.country_edit, self.about_edit):
            edit.setCursorPosition(0)  # a value longer than its field shows its beginning
        self.name_edit.setFocus()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        # showing a dialog selects the text of the field that has the focus, with the cursor
        # after its last letter, so a long name would show only its end; the same selection
        # made from the end back to the start keeps it selected and its first letters in view
        name = self.name_edit.text()
        if visible and self.name_edit.selectedText() == name and name:
            self.name_edit.setSelection(len(name), -len(name))

    def _on_language_changed(self, _locale: str) -> None:
        if shiboken6.isValid(self):
            self.retranslate_ui()

    def _preview_language(self) -> None:
        """Show the dialog (and the window behind it) in the chosen language at once."""
        from app.ui.language import apply_language

        apply_language(self.language_combo.currentData())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Welcome to Appeal Desk"))
        self.heading.setText(_("Welcome to Appeal Desk"))
        self.intro.setText(
            _(
                "Letters from people like you help protect those at risk. Tell Appeal Desk who "
                "signs your letters, and it will fill in your details each time. You can change "
                "everything later in Settings."
            )
        )
        texts = (
            _("&Your name:"),
            _("&Address:"),
            _("Ci&ty:"),
            _("C&ountry:"),
            _("&Why I write:"),
            _("&Page size:"),
            _("&Interface language:"),
        )
        names = (
            _("Your name"),
            _("Your street address"),
            _("Your city"),
            _("Your country"),
            _("Why you write (optional)"),
            _("Letter page size"),
            _("Interface language"),
        )
        for label, text, name in zip(self.labels, texts, names, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(name)
        self.about_edit.setPlaceholderText(
            _("Optional: a sentence about who you are and why you care")
        )
        self.page_combo.setItemText(0, _("From my region (automatic)"))
        self.language_combo.setItemText(0, _("As my system (automatic)"))
        self.privacy_note.setText(
            _(
                "Your details stay on this computer. Officials reply to the address on the "
                "letter; only your name is needed."
            )
        )
        self.save_button.setText(_("&Save and start"))
        self.save_button.setAccessibleName(_("Save and start"))
        self.skip_button.setText(_("S&kip for now"))
        self.skip_button.setAccessibleName(_("Skip for now"))
        self.icon_label.setAccessibleName(_("Appeal Desk icon"))

    def skip(self) -> None:
        self.skipped = True
        self.reject()

    def accept(self) -> None:
        """Save what was entered; a failed save (a full disk, a read-only folder) is shown and
        the dialog stays open, so nothing typed is lost without a word."""
        if self._save is not None:
            try:
                self._save(self._chosen_settings(accepted=True))
            except Exception as error:
                if isinstance(error, FolderUnwritable):  # no later click could save: go on
                    self._report_read_only_folder(error)
                    super().reject()
                    return
                self._report_not_saved(error)
                return
            self.saved = True
        super().accept()

    def _report_not_saved(self, error: BaseException) -> None:
        from app.ui.errors import error_text, unexpected_error_text

        if isinstance(error, AppealDeskError):
            log.info("welcome settings not saved: %s", error.message)
            problem = error_text(error)
        else:
            log.error("welcome settings not saved", exc_info=error)
            problem = unexpected_error_text()
        advice = _(
            "Your details are still in the window. Make room on the disk or fix the folder, "
            "then choose Save and start again."
        )
        Messages.error(self, _("Your details were not saved"), f"{problem}\n\n{advice}")

    def _report_read_only_folder(self, error: BaseException) -> None:
        from app.ui.errors import error_text

        log.info("welcome settings not saved: the data folder cannot be written")
        problem = error_text(error) if isinstance(error, AppealDeskError) else ""
        way_on = _(
            "Nothing can be saved while your data folder cannot be written to, so the welcome "
            "closes and the window shows your cases as they are. Make the folder writable and "
            "start Appeal Desk again: the welcome will ask for your details then."
        )
        Messages.error(self, _("Your details cannot be saved"), f"{problem}\n\n{way_on}".strip())

    def reject(self) -> None:
        """Skip, Escape or the close button: details typed but not saved are never dropped
        without asking; keeping them saves them as with Save, and Cancel (or Escape again)
        goes back to the welcome with them."""
        if self._entered_sender() != self._original.sender:
            choice = Messages.ask_keep(
                self,
                _("Keep your details?"),
                _(
                    "You typed your details but did not save them. Keep them for your "
                    "letters? You can change them later in Settings."
                ),
            )
            if choice is KeepChoice.GO_BACK:
                self.skipped = False  # not skipped after all: the welcome is still open
                return
            if choice is KeepChoice.KEEP:
                self.skipped = False
                self.accept()
                return
        super().reject()

    def _entered_sender(self) -> SenderProfile:
        return SenderProfile(
            name=self.name_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            city=self.city_edit.text().strip(),
            country=self.country_edit.text().strip(),
            email=self._original.sender.email,
            abouts=self._original.sender.abouts,
        )

    def result_settings(self) -> Settings:
        """After Save: everything entered, and the welcome is done. After Skip: only the
        language choice, and the welcome is done. Closed otherwise (Escape, the close button):
        only the language choice, and the welcome returns at the next start."""
        return self._chosen_settings(self.result() == QDialog.DialogCode.Accepted)

    def _chosen_settings(self, accepted: bool) -> Settings:
        chosen = replace(
            self._original,
            ui_language=self.language_combo.currentData(),
            welcome_done=accepted or self.skipped,
        )
        if not accepted:
            return chosen
        entered = replace(
            chosen,
            sender=self._entered_sender(),
            page_size=PageSize.parse(self.page_combo.currentData()),
        )
        # the sentence is in the language the writer chose (or kept) for the interface
        return with_about(entered, about_language(entered), self.about_edit.text())


def maybe_show_welcome(
    parent: QWidget | None,
    paths: AppPaths,
    settings: Settings,
    on_saved: SettingsSaved | None = None,
) -> WelcomeDialog | None:
    """On first run, open the welcome (non-blocking); when it closes, save and report back."""
    if settings.welcome_done:
        return None
    dialog = WelcomeDialog(settings, parent, lambda new: save_settings(paths, new))

    def finish(_result: int) -> None:
        new = dialog.result_settings()
        if not dialog.saved:
            # closed without details to keep: only the language choice; the welcome must
            # never stop the app, and it greets the user again next time
            try:
                save_settings(paths, new)
            except Exception:
                log.warning("welcome settings not saved", exc_info=True)
        if on_saved is not None:
            on_saved(new)

    dialog.finished.connect(finish)
    dialog.open()
    return dialog
