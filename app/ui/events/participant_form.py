"""The participant's side of event mode: pick a case, read its story and what it asks for, say
who you are, get a letter to adapt (drafted off the GUI thread, as in the letter editor)."""

from __future__ import annotations

import html
import logging

import shiboken6
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
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppealDeskError
from app.domain.model import FIRST_OFFICIAL, AppealKind, CaseDetail, Letter, SenderProfile
from app.domain.output_options import OutputOptions
from app.i18n import _, current_language
from app.labels import ua_label
from app.services.country_names import shown_country_name
from app.ui.accessibility import SpokenLabel, readable_by_keyboard
from app.ui.dialogs.letter_side_panel import ASK_LABELS
from app.ui.errors import error_text, notice_text
from app.ui.tasks import JobRunner

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


def case_asks(case: CaseDetail) -> list[str]:
    """The demands recognised in the case's own text; none when the letters engine is missing."""
    try:
        from app.services.asks import recognise_asks
    except ImportError:
        return []
    return recognise_asks(case)


def case_label(case: CaseDetail) -> str:
    """A row of the case list; a fictional practice case says so first."""
    label = f"{ua_label(case.ua_number)}  \u2013  {case.title}"
    if case.country.strip():  # a case with no country shows no empty brackets
        label = f"{label}  ({shown_country_name(case.country)})"
    if case.is_sample:
        from app.services.samples import sample_marking

        label = f"{sample_marking()}: {label}"
    return label


def story_html(case: CaseDetail, asks: list[str]) -> str:
    """What a participant reads before writing: the case's story, then what the UA asks for.

    The story is the UA's own summary, in the language it was issued in; the demands are named
    in the interface language."""
    parts = [f"<h3>{html.escape(case_label(case))}</h3>"]
    people = ", ".join(person.name for person in case.persons)
    if people:
        line = _("For: {people}").format(people=people)
        parts.append(f"<p>{html.escape(line)}</p>")
    if case.summary and case.summary.strip():
        for paragraph in case.summary.strip().split("\n\n"):
            parts.append(f"<p>{html.escape(paragraph).replace(chr(10), '<br>')}</p>")
    else:
        missing = _("This case has no summary.")
        parts.append(f"<p><i>{html.escape(missing)}</i></p>")
    # The demands named in the interface language when they are recognised; else the UA's
    # own bullets as printed, so a participant always reads what the letter is to ask for.
    labels = [_(ASK_LABELS.get(key, key)) for key in asks]
    labels = labels or [bullet for bullet in case.recommended_actions if bullet.strip()]
    if labels:
        heading = _("The UA asks for:")
        parts.append(f"<p><b>{html.escape(heading)}</b></p><ul>")
        for label in labels:
            parts.append(f"<li>{html.escape(label)}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ParticipantForm(QWidget):
    """One participant's choices and letter; ``reset()`` forgets all of it."""

    changed = Signal()  # any choice or the letter text changed
    letter_ready = Signal(bool)  # a draft reached the letter box (False: drafting failed)

    def __init__(
        self,
        cases: list[CaseDetail],
        parent: QWidget | None = None,
        *,
        options: OutputOptions | None = None,
        runner: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.cases = cases
        self.options = options  # writer safety for the letters' signatures
        self.letter: Letter | None = None
        self._runner = runner or JobRunner(parent=self)
        self._generation = 0  # the newest draft asked for; older answers are dropped
        self.drafting = False  # a draft was asked for and is not in the letter box yet
        self._edited = False
        self._filling = False  # the program, not the participant, is changing the letter box
        self.case_list = QListWidget()
        self.case_list.setObjectName("eventCases")
        # Long titles wrap inside the list instead of running off its edge.
        self.case_list.setWordWrap(True)
        self.case_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for case in cases:
            item = QListWidgetItem(case_label(case))
            item.setData(Qt.ItemDataRole.UserRole, case.ua_number)
            self.case_list.addItem(item)
        self.story = QTextEdit()
        self.story.setObjectName("eventStory")
        self.story.setReadOnly(True)
        self.story.setTabChangesFocus(True)
        readable_by_keyboard(self.story)
        self.story_caption = QLabel()
        self.story_caption.setBuddy(self.story)
        self.name_edit = QLineEdit()
        self.appeal_radio = QRadioButton()
        self.solidarity_radio = QRadioButton()
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
        self.restart_button = QPushButton()
        self.notice = SpokenLabel()  # drafting advice, said when it changes
        self.notice.setWordWrap(True)
        self.case_caption = QLabel()
        self.case_caption.setBuddy(self.case_list)  # names the list for screen readers
        self.name_caption = QLabel()
        self.name_caption.setBuddy(self.name_edit)
        self.kind_caption = QLabel()
        self.target_caption = QLabel()
        self.target_caption.setBuddy(self.target_combo)
        self.language_caption = QLabel()
        self.language_caption.setBuddy(self.language_combo)
        self.letter_caption = QLabel()
        self.letter_caption.setBuddy(self.letter_edit)  # the field's spoken name
        self._lay_out()
        self.retranslate_ui()
        self._choose_no_case()
        self.case_list.currentItemChanged.connect(lambda *_a: self._on_case_changed())
        self.name_edit.textChanged.connect(lambda _t: self._redraft(keep_edits=True))
        self.kind_group.buttonToggled.connect(lambda *_a: self._on_kind_changed())
        self.target_combo.activated.connect(lambda _i: self._redraft())
        self.language_combo.activated.connect(lambda _i: self._redraft())
        self.letter_edit.textChanged.connect(self._on_text_changed)
        self.restart_button.clicked.connect(lambda: self._redraft())

    def _lay_out(self) -> None:
        # One under the other: side by side, a long translation is cut off in a narrow window
        kinds = QVBoxLayout()
        kinds.setContentsMargins(0, 0, 0, 0)
        kinds.addWidget(self.appeal_radio)
        kinds.addWidget(self.solidarity_radio)
        story = QVBoxLayout()
        story.setContentsMargins(0, 0, 0, 0)
        story.addWidget(self.story_caption)
        story.addWidget(self.story, 1)
        choice = QHBoxLayout()
        choice.addWidget(self.case_list, 2)
        choice.addLayout(story, 3)
        form = QFormLayout()
        form.addRow(self.case_caption, choice)
        form.addRow(self.name_caption, self.name_edit)
        form.addRow(self.kind_caption, kinds)
        form.addRow(self.target_caption, self.target_combo)
        form.addRow(self.language_caption, self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.letter_caption)
        layout.addWidget(self.letter_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        row.addWidget(self.restart_button)
        layout.addLayout(row)

    def retranslate_ui(self) -> None:
        """Every word of the form in the interface language; what the participant chose and
        wrote stays (the letter's own language is theirs to choose)."""
        self.story_caption.setText(_("About this case:"))
        self.name_edit.setPlaceholderText(_("Your name or initials \u2013 or leave it empty"))
        self.appeal_radio.setText(_("A letter to the official"))
        self.solidarity_radio.setText(_("A card to the person at risk"))
        self.restart_button.setText(_("Start the letter again"))
        self.case_caption.setText(_("1. Choose a case:"))
        self.name_caption.setText(_("2. Your name:"))
        self.kind_caption.setText(_("3. You write:"))
        self.target_caption.setText(_("To:"))
        self.language_caption.setText(_("Language:"))
        self.letter_caption.setText(_("4. Your letter (change it as you like):"))
        self._set_placeholder()
        for row, listed in enumerate(self.cases):
            item = self.case_list.item(row)
            if item is not None:
                item.setText(case_label(listed))  # the practice marking is translated
        case = self.case()
        if case is None:
            self._show_no_story()
            return
        self.story.setHtml(story_html(case, case_asks(case)))
        for index, target in enumerate(case.targets[: self.target_combo.count()]):
            if not target.label:
                self.target_combo.setItemText(index, _("The official"))

    def _choose_no_case(self) -> None:
        """No current row, set through the view: then taking the focus (Tab, or after "Next
        person") picks no case by itself, and Down chooses the first one."""
        QAbstractItemView.setCurrentIndex(self.case_list, QModelIndex())
        self.case_list.clearSelection()
        self._show_no_story()

    def _show_no_story(self) -> None:
        hint = _("Choose a case to read its story and what it asks for.")
        self.story.setHtml(f"<p>{html.escape(hint)}</p>")

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

    def signature(self, case: CaseDetail) -> SenderProfile:
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
        if case is None:
            self._show_no_story()
        else:
            for target in case.targets:
                self.target_combo.addItem(target.label or _("The official"))
            self._select_default_language(case)
            self.story.setHtml(story_html(case, case_asks(case)))
        self._redraft(clear=True)

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
        if not self._filling:
            self._edited = True
        self.changed.emit()

    def _redraft(self, keep_edits: bool = False, *, clear: bool = False) -> None:
        """Draft the letter again from the case, off the GUI thread; a participant's own edits
        win over a new name. ``clear`` empties the box at once (another case was chosen)."""
        if keep_edits and self._edited:
            return
        self._generation += 1
        self.letter = None
        self.notice.clear()
        case = self.case()
        if case is None or clear:
            self._fill("")
        if case is None:
            self._set_drafting(False)
            return
        target, sender = self.target_index() or FIRST_OFFICIAL, self.signature(case)
        locale, kind = self.letter_locale(), self.kind()

        def draft(_progress: object) -> Letter:
            from app.services.letters import draft_letter

            return draft_letter(case, target, sender, locale=locale, kind=kind)

        generation = self._generation
        self._set_drafting(True)
        self._runner.start(
            draft,
            lambda letter: self._on_drafted(generation, letter),
            lambda error: self._on_draft_failed(generation, error),
            name="event draft",
        )

    def _set_drafting(self, drafting: bool) -> None:
        self.drafting = drafting
        self.letter_edit.setReadOnly(drafting)
        self.restart_button.setEnabled(not drafting)
        self._set_placeholder()
        self.changed.emit()

    def _set_placeholder(self) -> None:
        placeholder = (
            _("Writing your letter…")
            if self.drafting
            else _("Choose a case: your letter appears here to adapt.")
        )
        self.letter_edit.setPlaceholderText(placeholder)

    def _current(self, generation: int) -> bool:
        """The answer belongs to the newest request, and the form still exists."""
        return shiboken6.isValid(self) and generation == self._generation

    def _on_drafted(self, generation: int, letter: Letter) -> None:
        if not self._current(generation):
            return
        self.letter = letter
        direction = (
            Qt.LayoutDirection.RightToLeft
            if letter.right_to_left
            else Qt.LayoutDirection.LeftToRight
        )
        self.letter_edit.setLayoutDirection(direction)
        self._fill(letter.text)
        self.notice.setText(" ".join(notice_text(w) for w in letter.warnings))
        self._set_drafting(False)
        self.letter_ready.emit(True)

    def _on_draft_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        if isinstance(error, ImportError):
            self.notice.setText(_("Write your letter in the box above."))
        elif isinstance(error, AppealDeskError):  # a template problem must not stop the event
            log.warning("drafting failed: %s", error.message)
            self.notice.setText(error_text(error))
        else:
            log.warning("drafting failed", exc_info=(type(error), error, error.__traceback__))
            self.notice.setText(_("Write your letter yourself."))
        self._fill("")
        self._set_drafting(False)
        self.letter_ready.emit(False)

    def _fill(self, text: str) -> None:
        """Put the program's text in the letter box (also clears its undo history)."""
        self._filling = True
        self.letter_edit.setPlainText(text)
        self._filling = False
        self._edited = False

    def reset(self) -> None:
        """Forget everything the last participant typed (no undo can bring it back)."""
        self._generation += 1  # a draft still on its way is for the last participant
        self._choose_no_case()
        self.name_edit.setText("")
        self.name_edit.setModified(False)
        self.appeal_radio.setChecked(True)
        self.target_combo.clear()
        self.letter = None
        self._fill("")
        self.letter_edit.document().clearUndoRedoStacks()
        self.notice.clear()
        self._set_drafting(False)
