"""The letter editor's left column: official, language, signature, own sentences, advice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import CaseDetail
from app.i18n import N_, _, current_language
from app.ui.accessibility import SpokenLabel
from app.ui.formatting import language_name
from app.ui.plain_text import plain_tooltip
from app.ui.style import Role, apply_role

# What each demand of a UA is called beside the letter (the keys of app/letters/asks.py).
ASK_LABELS = {
    "halt_execution": N_("Halt the execution"),
    "release": N_("Release"),
    "whereabouts": N_("Reveal the whereabouts"),
    "quash_conviction": N_("Quash the conviction"),
    "drop_charges": N_("Drop the charges"),
    "fair_trial": N_("A fair trial"),
    "no_torture": N_("Protection from torture and ill-treatment"),
    "protection": N_("Protection and safety"),
    "lawyer": N_("Access to a lawyer"),
    "family": N_("Contact with family"),
    "medical": N_("Medical care"),
    "humane_conditions": N_("Humane conditions of detention"),
    "stop_deportation": N_("No deportation"),
    "stop_eviction": N_("Halt the eviction"),
    "travel_ban": N_("Lift the travel ban"),
    "end_harassment": N_("End the harassment"),
    "investigation": N_("An investigation"),
    "accountability": N_("Those responsible brought to justice"),
    "peaceful_rights": N_("Respect for peaceful expression and assembly"),
}

BILINGUAL_SEPARATOR = "+"


def writer_language(letter_locales: list[str]) -> str:
    """The interface language's letter locale (the writer's own), else English."""
    base = current_language().split("_")[0]
    return base if base in letter_locales else "en"


OFFICIAL_LETTERS_SHOWN = 32  # of the official's office and name, before the combo box elides


class LetterSidePanel(QWidget):
    """Plain widgets; the dialog connects them and decides what they mean."""

    def __init__(
        self, case: CaseDetail, letter_locales: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target_combo = QComboBox()
        for position, target in enumerate(case.targets, start=1):
            self.target_combo.addItem(target.label or str(position), position)
        # An official's office and name run to 90 letters ("Administrateur général de
        # l'Agence nationale de renseignements, ..."): sized to them, the column left the
        # letter a third of the editor. It shows their start; the list and the tip show all.
        self.target_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target_combo.setMinimumContentsLength(OFFICIAL_LETTERS_SHOWN)
        self.target_combo.currentTextChanged.connect(self._show_whole_official)
        self._show_whole_official(self.target_combo.currentText())
        self.language_combo = QComboBox()
        for locale_id in letter_locales:
            self.language_combo.addItem(language_name(locale_id), locale_id)
        # Bilingual letters: the official's language followed by the writer's own.
        own = writer_language(letter_locales)
        for locale_id in letter_locales:
            if locale_id != own:
                label = f"{language_name(locale_id)} + {language_name(own)}"
                self.language_combo.addItem(label, f"{locale_id}{BILINGUAL_SEPARATOR}{own}")
        self.sender_label = QLabel()
        self.sender_label.setTextFormat(Qt.TextFormat.PlainText)  # the user's own text
        self.sender_label.setWordWrap(True)
        self.sender_button = QPushButton()
        self.safety_box = QCheckBox()
        self.large_print_box = QCheckBox()
        # Warnings and advice are said when they appear: a screen reader never visits labels
        # in this column on its own.
        self.case_notice_label = SpokenLabel()
        apply_role(self.case_notice_label, Role.WARNING)
        self.case_notice_label.setWordWrap(True)
        self.case_notice_label.hide()
        self.caution_label = SpokenLabel()
        apply_role(self.caution_label, Role.WARNING)
        self.caution_label.setWordWrap(True)
        self.caution_label.hide()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(120)
        self.regenerate_button = QPushButton()
        self.warnings_label = SpokenLabel()
        apply_role(self.warnings_label, Role.WARNING)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.hide()
        # said when the writer's "why I write" sentence is in another language than the letter
        self.about_label = SpokenLabel()
        apply_role(self.about_label, Role.HINT)
        self.about_label.setWordWrap(True)
        self.about_label.hide()
        self.about_button = QPushButton()
        self.about_button.hide()
        self.nudge_label = SpokenLabel()
        apply_role(self.nudge_label, Role.HINT)
        self.nudge_label.setWordWrap(True)
        self.asks_caption = QLabel()
        self.asks_caption.setWordWrap(True)
        self.asks_caption.hide()
        self.asks_layout = QVBoxLayout()
        self.asks_layout.setContentsMargins(0, 0, 0, 0)
        self.ask_boxes: dict[str, QCheckBox] = {}
        # the UA's demands in its own words, under the tick boxes (plain text: document text)
        self.demands = case.recommended_actions
        self.demands_label = QLabel()
        apply_role(self.demands_label, Role.HINT)
        self.demands_label.setTextFormat(Qt.TextFormat.PlainText)
        self.demands_label.setWordWrap(True)
        self.demands_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demands_label.setVisible(bool(self.demands))

        form = QFormLayout()
        self.target_caption = QLabel()
        self.language_caption = QLabel()
        self.sender_caption = QLabel()
        self.note_caption = QLabel()
        self.target_caption.setBuddy(self.target_combo)
        self.language_caption.setBuddy(self.language_combo)
        self.note_caption.setBuddy(self.note_edit)
        form.addRow(self.target_caption, self.target_combo)
        form.addRow(self.language_caption, self.language_combo)
        sender_row = QVBoxLayout()
        sender_row.addWidget(self.sender_label)
        sender_row.addWidget(self.sender_button, 0, Qt.AlignmentFlag.AlignLeft)
        sender_row.addWidget(self.about_label)
        sender_row.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.sender_caption, sender_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addLayout(form)
        layout.addWidget(self.case_notice_label)
        layout.addWidget(self.caution_label)
        layout.addWidget(self.safety_box)
        layout.addWidget(self.large_print_box)
        layout.addSpacing(6)
        layout.addWidget(self.note_caption)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.asks_caption)
        layout.addLayout(self.asks_layout)
        layout.addWidget(self.demands_label)
        layout.addWidget(self.regenerate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.nudge_label)
        layout.addWidget(self.warnings_label)
        layout.addStretch(1)

    def _show_whole_official(self, text: str) -> None:
        """The whole office and name in the tip, as printed (imported text is never markup)."""
        self.target_combo.setToolTip(plain_tooltip(text) or "")

    def retranslate_ui(self) -> None:
        self.target_caption.setText(_("&Official:"))
        self.language_caption.setText(_("&Language:"))
        self.sender_caption.setText(_("Signed by:"))
        self.note_caption.setText(_("&Your own sentences (who you are, why you care):"))
        self.note_edit.setPlaceholderText(
            _("A personal sentence or two makes a letter much harder to ignore.")
        )
        self.sender_button.setText(_("Change sender…"))
        self.regenerate_button.setText(_("&Regenerate letter"))
        self.safety_box.setText(_("Sign with my &initials and town only"))
        self.large_print_box.setText(_("Lar&ge print when printing"))
        # Spoken names are the visible labels (the captions are the fields' buddies); the
        # longer wording is the description a screen reader adds after them.
        for widget, text in (
            (self.target_combo, _("Official to write to")),
            (self.language_combo, _("Letter language")),
            (self.sender_button, _("Change sender details")),
            (self.note_edit, _("Your own sentences")),
            (self.regenerate_button, _("Regenerate letter")),
            (self.safety_box, _("Sign with initials and town only")),
            (self.large_print_box, _("Large print")),
        ):
            widget.setAccessibleDescription(text)
        self.asks_caption.setText(_("The UA asks for (untick what your letter leaves out):"))
        if self.demands:
            bullets = "\n".join(f"\u2022 {demand}" for demand in self.demands)
            caption = _("In the UA's own words:")
            self.demands_label.setText(f"{caption}\n{bullets}")
        for key, box in self.ask_boxes.items():
            box.setText(_(ASK_LABELS.get(key, key)))

    def show_asks(self, asks: tuple[str, ...]) -> None:
        """One tick box per demand recognised in the UA, all ticked (built once per letter)."""
        for key in asks:
            if key in self.ask_boxes:
                continue
            box = QCheckBox(_(ASK_LABELS.get(key, key)))
            box.setChecked(True)
            self.ask_boxes[key] = box
            self.asks_layout.addWidget(box)
            box.show()  # now, not when the layout's queued show comes round
        # Tab reaches the boxes where they are shown: after the own sentences, before
        # Regenerate (made later than the dialog's buttons, they would come after them)
        previous: QWidget = self.note_edit
        for box in self.ask_boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.regenerate_button)
        self.asks_caption.setVisible(bool(self.ask_boxes))

    def ticked_asks(self) -> list[str] | None:
        """The demands the writer keeps, in letter order; None before any was recognised."""
        if not self.ask_boxes:
            return None
        return [
            key for key in ASK_LABELS if key in self.ask_boxes and self.ask_boxes[key].isChecked()
        ]
