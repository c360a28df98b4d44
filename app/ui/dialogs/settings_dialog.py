"""Settings: the sender profile that signs letters, letter page size and the languages."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.i18n import _, base_language
from app.settings import Settings, check_email
from app.settings import about_language as about_language_of
from app.ui.choice_combo import choice_combo, interface_language_combo, page_size_combo
from app.ui.errors import report_failure
from app.ui.formatting import language_name
from app.ui.style import Role, apply_role


def _text_width(edit: QLineEdit, text: str) -> int:
    """The width a line edit needs to show ``text`` whole (frame and text margins included)."""
    margins = edit.textMargins()
    return edit.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 16


def _content_width(combo: QComboBox) -> int:
    """The width ``combo`` needs to show its longest choice whole."""
    policy = combo.sizeAdjustPolicy()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    width = combo.sizeHint().width()
    combo.setSizeAdjustPolicy(policy)
    return width


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``settings()`` returns the new value once accepted."""

    def __init__(
        self,
        settings: Settings,
        letter_locales: list[str],
        parent: QWidget | None = None,
        about_language: str | None = None,
    ) -> None:
        """``about_language``: the language whose "why I write" sentence the dialog opens on
        (the letter editor's, when it asks for one); else the writer's own."""
        super().__init__(parent)
        self._original = settings
        sender = settings.sender
        # each "why I write" sentence under the language it is written in
        self._abouts = dict(sender.abouts)
        about_languages = sorted(
            {base_language(code) for code in letter_locales} | set(self._abouts)
        )
        shown_about = about_language or about_language_of(settings)
        self.about_language_combo = QComboBox()
        for code in about_languages:
            self.about_language_combo.addItem(language_name(code), code)
        found = self.about_language_combo.findData(shown_about)
        self.about_language_combo.setCurrentIndex(max(0, found))
        self._about_shown = str(self.about_language_combo.currentData() or shown_about)
        self.about_language_combo.currentIndexChanged.connect(self._show_about_language)
        self.name_edit = QLineEdit(sender.name)
        self.address_edit = QPlainTextEdit(sender.address)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(64)
        self.city_edit = QLineEdit(sender.city)
        self.country_edit = QLineEdit(sender.country)
        self.email_edit = QLineEdit(sender.email)
        self.about_edit = QLineEdit(self._abouts.get(self._about_shown, ""))
        self.about_row = QWidget()
        about_layout = QHBoxLayout(self.about_row)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.addWidget(self.about_edit, 1)
        about_layout.addWidget(self.about_language_combo)
        self.caution_edit = QLineEdit(", ".join(settings.caution_countries))
        # a value longer than its field shows its beginning (a filled field puts the cursor last)
        for edit in (
            self.name_edit,
            self.city_edit,
            self.country_edit,
            self.email_edit,
            self.about_edit,
            self.caution_edit,
        ):
            edit.setCursorPosition(0)
        self.page_combo = page_size_combo(settings.page_size)
        self.ui_language_combo = interface_language_combo(settings.ui_language)
        self.letter_language_combo = choice_combo(
            ((language_name(code), code) for code in letter_locales), settings.letter_language
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        self.sender_group = QGroupBox()
        self.sender_form = QFormLayout(self.sender_group)
        self.sender_labels = [QLabel() for _i in range(6)]
        sender_fields = (
            self.name_edit,
            self.address_edit,
            self.city_edit,
            self.country_edit,
            self.email_edit,
            self.about_edit,
        )
        for label, field in zip(self.sender_labels, sender_fields, strict=True):
            label.setBuddy(field)
            self.sender_form.addRow(label, self.about_row if field is self.about_edit else field)
        self.sender_note = QLabel()
        apply_role(self.sender_note, Role.HINT)
        self.sender_note.setWordWrap(True)
        self.sender_form.addRow(self.sender_note)
        self.safety_group = QGroupBox()
        safety_layout = QVBoxLayout(self.safety_group)
        self.caution_label = QLabel()
        self.caution_label.setWordWrap(True)
        self.caution_label.setBuddy(self.caution_edit)
        safety_layout.addWidget(self.caution_label)
        safety_layout.addWidget(self.caution_edit)
        self.output_group = QGroupBox()
        self.output_form = QFormLayout(self.output_group)
        self.output_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.output_labels = [QLabel() for _i in range(3)]
        for label, field in zip(
            self.output_labels,
            (self.page_combo, self.letter_language_combo, self.ui_language_combo),
            strict=True,
        ):
            label.setBuddy(field)
            self.output_form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sender_group)
        layout.addWidget(self.safety_group)
        layout.addWidget(self.output_group)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Settings"))
        self.sender_group.setTitle(_("Who signs your letters"))
        texts = (
            _("&Name:"),
            _("&Address:"),
            _("Ci&ty:"),
            _("C&ountry:"),
            _("&Email:"),
            _("&Why I write:"),
        )
        names = (
            _("Your name"),
            _("Your street address"),
            _("Your city"),
            _("Your country"),
            _("Your email address"),
            _("Why you write (optional)"),
        )
        for label, text, name in zip(self.sender_labels, texts, names, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(name)
        self.about_edit.setPlaceholderText(
            _("Optional: a sentence about who you are and why you care")
        )
        for index in range(self.about_language_combo.count()):
            code = str(self.about_language_combo.itemData(index))
            self.about_language_combo.setItemText(index, language_name(code))
        self.about_language_combo.setAccessibleName(_("Language of your sentence"))
        self.about_language_combo.setToolTip(
            _(
                "Letters in this language carry the sentence; letters in another language leave it out."
            )
        )
        # the town has its own field: written in both, it would be printed twice
        self.address_edit.setPlaceholderText(_("Street and number (the town goes below)"))
        self.city_edit.setPlaceholderText(_("Postcode and town, e.g. 28013 Madrid"))
        self.sender_note.setText(
            _("Officials reply to the address on the letter. Only your name is required.")
        )
        self.safety_group.setTitle(_("Writer safety"))
        self.caution_label.setText(
            _(
                "&Countries you have ties to or plan to visit (separated by commas). For cases "
                "there, Appeal Desk suggests signing with initials and town only."
            )
        )
        self.caution_edit.setAccessibleName(_("Countries you have ties to"))
        self.caution_edit.setPlaceholderText(_("for example: Peru, Nepal"))
        self.output_group.setTitle(_("Letters and language"))
        for label, text in zip(
            self.output_labels,
            (_("&Page size:"), _("&Letter language:"), _("&Interface language:")),
            strict=True,
        ):
            label.setText(text)
        self.page_combo.setItemText(0, _("From my region (automatic)"))
        self.letter_language_combo.setItemText(
            0, _("The official's preferred language when possible")
        )
        self.ui_language_combo.setItemText(0, _("As my system (automatic)"))
        self.page_combo.setAccessibleName(_("Page size"))
        self.letter_language_combo.setAccessibleName(_("Letter language"))
        self.ui_language_combo.setAccessibleName(_("Interface language"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleDescription(
            _("Save settings")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        for edit in (self.about_edit, self.caution_edit):  # the hint is read whole
            edit.setMinimumWidth(_text_width(edit, edit.placeholderText()))
        for combo in (
            self.page_combo,
            self.letter_language_combo,
            self.ui_language_combo,
            self.about_language_combo,
        ):
            # at least as wide as its longest choice in this language ("...wenn möglich")
            combo.setMinimumWidth(_content_width(combo))
        # every choice and hint whole, in this language: the dialog grows to its new size
        self.resize(self.size().expandedTo(self.sizeHint()))

    def _accept_if_valid(self) -> None:
        """Save closes the dialog unless the e-mail address is not one: then it says so and
        stays open on that field, with everything typed still there."""
        try:
            check_email(self.email_edit.text())
        except InvalidInput as error:
            report_failure(self, _("Settings not saved"), error)
            self.email_edit.setFocus()
            self.email_edit.selectAll()
            return
        self.accept()

    def _show_about_language(self) -> None:
        """Keeps the sentence typed for the language shown, and shows the chosen one's."""
        self._keep_about()
        self._about_shown = str(self.about_language_combo.currentData())
        self.about_edit.setText(self._abouts.get(self._about_shown, ""))
        self.about_edit.setCursorPosition(0)

    def _keep_about(self) -> None:
        sentence = self.about_edit.text().strip()
        if sentence:
            self._abouts[self._about_shown] = sentence
        else:
            self._abouts.pop(self._about_shown, None)

    def settings(self) -> Settings:
        self._keep_about()
        sender = SenderProfile(
            name=self.name_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            city=self.city_edit.text().strip(),
            country=self.country_edit.text().strip(),
            email=self.email_edit.text().strip(),
            abouts=tuple(sorted(self._abouts.items())),
        )
        chosen = replace(
            self._original,
            sender=sender,
            page_size=PageSize.parse(self.page_combo.currentData()),
            ui_language=self.ui_language_combo.currentData(),
            letter_language=self.letter_language_combo.currentData(),
            caution_countries=tuple(
                country.strip()
                for country in self.caution_edit.text().split(",")
                if country.strip()
            ),
        )
        own = about_language_of(chosen)
        return replace(chosen, sender=replace(sender, about=self._abouts.get(own, "")))
