"""Count a batch of handwritten letters or cards ("12 letters for UA 71/20 from table 3")."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain.events import EventInfo
from app.domain.model import AppealKind, Channel
from app.i18n import _, pgettext
from app.labels import ua_label
from app.services.events import MAX_BATCH


class BatchDialog(QDialog):
    """The organiser types how many letters a table wrote for which case."""

    def __init__(self, event: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Count handwritten letters"))
        self.case_combo = QComboBox()
        for case in event.cases:
            self.case_combo.addItem(
                f"{ua_label(case.ua_number)} \u2013 {case.title}", case.ua_number
            )
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(pgettext("appeal kind", "Appeal"), AppealKind.APPEAL.value)
        self.kind_combo.addItem(
            pgettext("appeal kind", "Solidarity message"), AppealKind.SOLIDARITY.value
        )
        self.channel_combo = QComboBox()
        for channel, label in (
            (Channel.POST, pgettext("channel", "Post")),
            (Channel.EMAIL, pgettext("channel", "Email")),
            (Channel.FAX, pgettext("channel", "Fax")),
            (Channel.SOCIAL_MEDIA, pgettext("channel", "Social media")),
            (Channel.HAND_DELIVERED, pgettext("channel", "Hand-delivered")),
        ):
            self.channel_combo.addItem(label, channel.value)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_BATCH)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(_("e.g. table 3 (no names, please)"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Case:"), self.case_combo)
        form.addRow(_("Letters or cards:"), self.kind_combo)
        form.addRow(_("Sent by:"), self.channel_combo)
        form.addRow(_("How many:"), self.count_spin)
        form.addRow(_("Note:"), self.note_edit)
        form.addRow(buttons)

    def ua_number(self) -> str:
        return str(self.case_combo.currentData())

    def kind(self) -> AppealKind:
        return AppealKind(self.kind_combo.currentData())

    def channel(self) -> Channel:
        return Channel(self.channel_combo.currentData())


class BatchPrintDialog(QDialog):
    """Letters for one case, one per name (or blank to sign by hand), and their envelopes."""

    def __init__(self, event: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print a batch of letters"))
        self.case_combo = QComboBox()
        for case in event.cases:
            self.case_combo.addItem(
                f"{ua_label(case.ua_number)} \u2013 {case.title}", case.ua_number
            )
        self.names_edit = QPlainTextEdit()
        self.names_edit.setPlaceholderText(_("One name per line (people who agreed to sign)"))
        self.blank_spin = QSpinBox()
        self.blank_spin.setRange(0, 500)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Case:"), self.case_combo)
        form.addRow(_("Names:"), self.names_edit)
        form.addRow(_("Blank letters to sign by hand:"), self.blank_spin)
        form.addRow(buttons)

    def ua_number(self) -> str:
        return str(self.case_combo.currentData())

    def names(self) -> list[str]:
        return self.names_edit.toPlainText().splitlines()
