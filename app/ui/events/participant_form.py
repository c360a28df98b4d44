"""The participant's side of event mode: pick a case, say who you are, get a letter to adapt."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import AppealKind, CaseDetail, Letter, SenderProfile
from app.domain.output_options import OutputOptions
from app.i18n import _, current_language
from app.ui.accessibility import SpokenLabel

log = logging.getLogger(__name__)


def letter_locales() -> list[str]:
    """Letter languages on offer; English only until the letters engine is installed."""
    try:
        from app.services.letters import available_letter_locales
    except ImportError:
        return ["en"]
    return available_letter_locales() or ["en"]


def language_label(locale_id: str) -> str:
    try:
        from app.letters.language_names import display_name
    except ImportError:
        return locale_id
    return display_name(locale_id, locale_id).capitalize()


class ParticipantForm(QWidget):
    """One participant's choices and letter; ``reset()`` forgets all of it."""

    changed = Signal()  # any choice or the letter text changed

    def __init__(
        self,
        cases: list[CaseDetail],
        parent: QWidget | None = None,
        *,
        options: OutputOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.cases = cases
        self.options = options  # writer safety for the letters' signatures
        self.letter: Letter | None = None
        self._edited = False
        self._drafting = False
        self.case_list = QListWidget()
        self.case_list.setObjectName("eventCases")
        for case in cases:
            item = QListWidgetItem(f"UA {case.ua_number}  \u2013  {case.title}  ({case.country})")
            item.setData(Qt.ItemDataRole.UserRole, case.ua_number)
            self.case_list.addItem(item)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Your name or initials \u2013 or leave it empty"))
        self.appeal_radio = QRadioButton(_("A letter to the official"))
        self.solidarity_radio = QRadioButton(_("A card to the person at risk"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.appeal_radio)
        self.kind_group.addButton(self.solidarity_radio)
        self.appeal_radio.setChecked(True)
        self.target_combo = QComboBox()
        self.language_combo = QComboBox()
        for locale_id in letter_locales():
            self.language_combo.addItem(language_label(locale_id), locale_id)
        self.letter_edit = QPlainTextEdit()
        self.letter_edit.setObjectName("eventLetter")
        self.letter_edit.setTabChangesFocus(True)  # Tab moves on to the buttons, never types
        self.letter_edit.setPlaceholderText(_("Choose a case: your letter appears here to adapt."))
        self.restart_button = QPushButton(_("Start the letter again"))
        self.notice = SpokenLabel()  # drafting advice, said when it changes
        self.notice.setWordWrap(True)
        self._lay_out()
        self._choose_no_case()
        self.case_list.currentItemChanged.connect(lambda *_a: self._on_case_changed())
        self.name_edit.textEdited.connect(lambda _t: self._redraft(keep_edits=True))
        self.kind_group.buttonToggled.connect(lambda *_a: self._on_kind_changed())
        self.target_combo.activated.connect(lambda _i: self._redraft())
        self.language_combo.activated.connect(lambda _i: self._redraft())
        self.letter_edit.textChanged.connect(self._on_text_changed)
        self.restart_button.clicked.connect(lambda: self._redraft())

    def _lay_out(self) -> None:
        kinds = QHBoxLayout()
        kinds.addWidget(self.appeal_radio)
        kinds.addWidget(self.solidarity_radio)
        kinds.addStretch()
        form = QFormLayout()
        form.addRow(_("1. Choose a case:"), self.case_list)
        form.addRow(_("2. Your name:"), self.name_edit)
        form.addRow(_("3. You write:"), kinds)
        form.addRow(_("To:"), self.target_combo)
        form.addRow(_("Language:"), self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.letter_caption = QLabel(_("4. Your letter (change it as you like):"))
        self.letter_caption.setBuddy(self.letter_edit)  # the field's spoken name
        layout.addWidget(self.letter_caption)
        layout.addWidget(self.letter_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        row.addWidget(self.restart_button)
        layout.addLayout(row)

    def _choose_no_case(self) -> None:
        """No current row, set through the view: then taking the focus (Tab, or after "Next
        person") picks no case by itself, and Down chooses the first one."""
        QAbstractItemView.setCurrentIndex(self.case_list, QModelIndex())
        self.case_list.clearSelection()

    # ---- what the participant chose -------------------------------------------------------

    def case(self) -> CaseDetail | None:
        row = self.case_list.currentRow()
        return self.cases[row] if 0 <= row < len(self.cases) else None

    def kind(self) -> AppealKind:
        return AppealKind.SOLIDARITY if self.solidarity_radio.isChecked() else AppealKind.APPEAL

    def target_index(self) -> int | None:
        if self.kind() is AppealKind.SOLIDARITY or self.target_combo.count() == 0:
            return None
        return self.target_combo.currentIndex() + 1

    def letter_locale(self) -> str:
        return str(self.language_combo.currentData() or "en")

    def sender_profile(self) -> SenderProfile:
        return SenderProfile(name=" ".join(self.name_edit.text().split()))

    def _signature(self, case: CaseDetail) -> SenderProfile:
        """The participant's name, or its initials in a caution country (writer safety)."""
        if self.options is None:
            return self.sender_profile()
        from app.services.outputs import letter_sender

        return letter_sender(self.sender_profile(), case, self.options)

    def text(self) -> str:
        return self.letter_edit.toPlainText()

    # ---- drafting -----------------------------------------------------------------------------

    def _on_case_changed(self) -> None:
        case = self.case()
        self.target_combo.clear()
        if case is not None:
            for target in case.targets:
                self.target_combo.addItem(target.label or _("The official"))
            self._select_default_language(case)
        self._redraft()

    def _select_default_language(self, case: CaseDetail) -> None:
        try:
            from app.services.letters import default_letter_locale

            wanted = default_letter_locale(case, 1) if case.targets else current_language()
        except Exception:  # the letters engine is missing or the case has no official
            return
        index = self.language_combo.findData(wanted)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def _on_kind_changed(self) -> None:
        self.target_combo.setEnabled(self.kind() is AppealKind.APPEAL)
        self._redraft()

    def _on_text_changed(self) -> None:
        if not self._drafting:
            self._edited = True
        self.changed.emit()

    def _redraft(self, keep_edits: bool = False) -> None:
        """Draft the letter again from the case; a participant's own edits win over a new name."""
        if keep_edits and self._edited:
            return
        case = self.case()
        self.notice.clear()
        text = ""
        self.letter = None
        if case is not None:
            try:
                from app.services.letters import draft_letter

                self.letter = draft_letter(
                    case,
                    self.target_index() or 1,
                    self._signature(case),
                    locale=self.letter_locale(),
                    kind=self.kind(),
                )
                text = self.letter.text
                self.notice.setText(" ".join(self.letter.warnings))
            except ImportError:
                self.notice.setText(_("Write your letter in the box above."))
            except Exception as exc:  # a template problem must not stop the event
                log.warning("drafting failed: %s", exc)
                self.notice.setText(getattr(exc, "message", _("Write your letter yourself.")))
        self._drafting = True
        self.letter_edit.setPlainText(text)  # also clears the undo history
        self._drafting = False
        self._edited = False
        self.changed.emit()

    def reset(self) -> None:
        """Forget everything the last participant typed (no undo can bring it back)."""
        self._choose_no_case()
        self.name_edit.setText("")
        self.name_edit.setModified(False)
        self.appeal_radio.setChecked(True)
        self.target_combo.clear()
        self.letter = None
        self._drafting = True
        self.letter_edit.setPlainText("")
        self.letter_edit.document().clearUndoRedoStacks()
        self._drafting = False
        self._edited = False
        self.notice.clear()
        self.changed.emit()
