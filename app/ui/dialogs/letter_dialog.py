"""The letter editor: choose official and language, add your own sentences, edit, copy, send."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QCloseEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import CaseDetail, Letter, SenderProfile
from app.i18n import _, base_language
from app.services import writer_safety
from app.settings import Settings
from app.ui.accessibility import SpokenLabel
from app.ui.dialogs.letter_advice import case_notices, caution_text, personal_touch_hint
from app.ui.dialogs.letter_buttons import LetterButtons
from app.ui.dialogs.letter_side_panel import BILINGUAL_SEPARATOR, LetterSidePanel
from app.ui.dialogs.letter_text_edit import LetterTextEdit
from app.ui.errors import notice_text, report_failure
from app.ui.formatting import isolated, language_name
from app.ui.messages import KeepChoice, Messages
from app.ui.style import Role, apply_role
from app.ui.tasks import JobRunner


@dataclass(frozen=True, slots=True)
class LetterDraft:
    """What the editor holds right now: the text as edited, and for whom."""

    text: str
    target_index: int
    locale: str
    subject: str
    right_to_left: bool


class LetterDialog(QDialog):
    """Non-modal editor for one case; ``mark_sent_requested`` carries the text as it stands.

    Letters are drafted off the GUI thread (templates render in a guarded worker process, which
    may take a moment to start): while a draft is on its way the editor is read-only and the
    output buttons wait; ``letter_ready`` says when it is in (or could not be written).
    """

    mark_sent_requested = Signal(object)  # LetterDraft
    keep_draft_requested = Signal(object)  # LetterDraft: closed with unsent work to keep
    settings_requested = Signal()
    # Settings opened on the "why I write" sentence of this language (a base language)
    about_requested = Signal(str)
    letter_ready = Signal(bool)  # the draft asked for last is in the editor (False: it failed)

    def __init__(
        self,
        case: CaseDetail,
        settings: Settings,
        user_templates: Path | None = None,
        target_index: int = 1,
        parent: QWidget | None = None,
        runner: JobRunner | None = None,
        language: str | None = None,
        keeps_drafts: bool = True,
    ) -> None:
        """``keeps_drafts`` False: the store can only be read, so the editor says that the
        letter will not be kept and closing asks nothing."""
        super().__init__(parent)
        self.keeps_drafts = keeps_drafts
        self._runner = runner or JobRunner(parent=self)
        self._draft_generation = 0
        self._asks_changed = False  # the writer ticked or unticked a demand of the UA
        self.drafting = False  # a draft was asked for and is not in the editor yet
        self.case = case
        self.settings = settings
        self.user_templates = user_templates
        self.letter: Letter | None = None
        self.print_preview: QDialog | None = None  # the open print preview, if any
        self._written_to: int | None = None  # the official the letter in the editor greets
        self._signed_safely = False  # ...and whether it is signed with initials and town only
        self._signed_by: SenderProfile | None = None  # ...and the profile it was drafted with
        self._edited = False
        self._filling = False
        self._recorded = False  # marked sent (or kept) since the last change
        self._build(target_index, language)
        self.retranslate_ui()
        self.render_letter()

    def _build(self, target_index: int, language: str | None) -> None:
        from app.services.letters import available_letter_locales, default_letter_locale

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the UA's title, never markup
        apply_role(self.heading, Role.DIALOG_HEADING)
        self.heading.setWordWrap(True)
        self.sample_banner = QLabel()
        apply_role(self.sample_banner, Role.SAMPLE_BANNER)
        self.sample_banner.setWordWrap(True)
        self.sample_banner.setVisible(self.case.is_sample)
        self.not_kept_label = QLabel()
        apply_role(self.not_kept_label, Role.WARNING)
        self.not_kept_label.setWordWrap(True)
        self.not_kept_label.setVisible(not self.keeps_drafts)
        side = LetterSidePanel(
            self.case,
            available_letter_locales(self.user_templates, including=self.settings.letter_language),
        )
        self.side = side
        # Short names for the controls the rest of the app and the tests use.
        self.target_combo, self.language_combo = side.target_combo, side.language_combo
        self.note_edit, self.sender_label = side.note_edit, side.sender_label
        self.regenerate_button, self.warnings_label = side.regenerate_button, side.warnings_label
        self.safety_box, self.large_print_box = side.safety_box, side.large_print_box
        self.nudge_label = side.nudge_label
        self.target_combo.setCurrentIndex(max(0, min(target_index, len(self.case.targets)) - 1))
        wanted = self.settings.letter_language or default_letter_locale(
            self.case, self.target_index(), self.user_templates
        )
        # a kept draft opens in the language it was written in, when that one is offered
        found = self.language_combo.findData(language) if language else -1
        found = found if found >= 0 else self.language_combo.findData(wanted)
        self.language_combo.setCurrentIndex(max(0, found))
        caution = writer_safety.is_caution_country(
            self.case.country, self.settings.caution_countries
        )
        self.safety_box.setChecked(caution)
        side.caution_label.setVisible(caution)

        self.letter_edit = LetterTextEdit()
        self.letter_edit.setObjectName("letterText")
        self.letter_edit.setTabChangesFocus(True)
        font = QFont(self.letter_edit.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.letter_edit.setFont(font)
        self.letter_edit.document().setDocumentMargin(18)
        self.status_label = SpokenLabel()  # "Saved ...", "on the clipboard": said aloud
        apply_role(self.status_label, Role.HINT)
        self.status_label.setWordWrap(True)
        self.buttons = LetterButtons(self)
        self._connect_buttons()

        self._note_timer = QTimer(self, singleShot=True, interval=400)
        self._note_timer.timeout.connect(self._on_note_settled)
        self._nudge_timer = QTimer(self, singleShot=True, interval=600)
        self._nudge_timer.timeout.connect(self.update_nudge)
        self.letter_edit.textChanged.connect(self._on_letter_edited)
        self.note_edit.textChanged.connect(self._note_timer.start)
        self.target_combo.currentIndexChanged.connect(lambda _i: self._on_choice_changed())
        self.language_combo.currentIndexChanged.connect(lambda _i: self._on_choice_changed())
        self.safety_box.toggled.connect(lambda _on: self._on_choice_changed())
        side.sender_button.clicked.connect(self.settings_requested)
        side.about_button.clicked.connect(lambda: self.about_requested.emit(self.about_language()))
        self.language_combo.currentIndexChanged.connect(lambda _i: self._show_about_notice())
        self.regenerate_button.clicked.connect(self._on_regenerate)

        # The column scrolls when a notice, many asks and the UA's own words outgrow the
        # window: squeezed instead, its widgets would overlap and cut each other's text.
        self.side_scroll = _SideScroll()
        self.side_scroll.setWidget(side)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no Tab stop of its own: Tab goes to its fields, and it scrolls each one into view
        self.side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side_scroll)
        self.splitter.addWidget(self.letter_edit)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 640])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sample_banner)
        layout.addWidget(self.not_kept_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(self.buttons.layout)
        self.resize(1040, 700)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Letter for UA {ua_number}").format(ua_number=self.case.ua_number))
        self.heading.setText(
            _("Letter for UA {ua_number}: {title}").format(
                ua_number=self.case.ua_number, title=isolated(self.case.title)
            )
        )
        self.sample_banner.setText(
            _("Fictional sample - not a real case. Practise with this letter; do not send it.")
        )
        self.not_kept_label.setText(
            _(
                "Your data cannot be changed, so this letter will not be kept when you close "
                "it. To keep it, copy it, print it or save it as a file."
            )
        )
        self.side.retranslate_ui()
        self.side.caution_label.setText(caution_text(self.case))
        notices = case_notices(self.case, date.today())
        self.side.case_notice_label.setText("\n".join(notice_text(n) for n in notices))
        self.side.case_notice_label.setVisible(bool(notices))
        self._show_warnings()
        self.letter_edit.setAccessibleName(_("Letter text"))
        self.letter_edit.setAccessibleDescription(
            _("The letter as it will be sent; you can edit it.")
        )
        self.buttons.retranslate_ui()
        self._show_sender()

    def _show_warnings(self) -> None:
        """The letter's warnings in the interface language as it is now."""
        warnings = self.letter.warnings if self.letter else ()
        self.warnings_label.setText("\n".join(notice_text(w) for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _show_sender(self) -> None:
        sender = self.sender_profile()
        if sender.is_complete:
            where = ", ".join(part for part in (sender.city, sender.country) if part)
            self.sender_label.setText(f"{sender.name}" + (f"\n{where}" if where else ""))
        else:
            self.sender_label.setText(_("Nobody yet: add your name in Settings."))
        # Spoken with its caption: "Signed by: Nobody yet..." (a label alone has no caption).
        self.sender_label.setAccessibleName(
            f"{self.side.sender_caption.text()} {self.sender_label.text()}"
        )
        self._show_about_notice()

    def _show_about_notice(self) -> None:
        """One line when the writer's "why I write" sentence is written in another language
        than the letter's, which leaves it out, and a button to write one in this language."""
        sender = self.settings.sender
        language = self.about_language()
        left_out = bool(sender.abouts) and not sender.about_in(language)
        if left_out:
            written = ", ".join(language_name(code) for code, _text in sender.abouts)
            self.side.about_label.setText(
                _(
                    "This letter is in {language}: your “Why I write” sentence, written in "
                    "{written}, is left out."
                ).format(language=language_name(language), written=written)
            )
            self.side.about_button.setText(
                _("Write one in {language}…").format(language=language_name(language))
            )
        self.side.about_label.setVisible(left_out)
        self.side.about_button.setVisible(left_out)

    # ---- state ------------------------------------------------------------------------------

    def sender_profile(self) -> SenderProfile:
        """The signature in use: the profile, or initials and town for writer safety."""
        sender = self.settings.sender
        return writer_safety.protected(sender) if self.safety_box.isChecked() else sender

    def mark_recorded(self) -> None:
        """The letter as it stands is in the store: closing needs no question."""
        self._recorded = True

    def has_unsaved_work(self) -> bool:
        """Own sentences or edits that were neither marked sent nor kept as a draft."""
        return not self._recorded and (self._edited or bool(self.note_edit.toPlainText().strip()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._offer_to_keep():
            event.ignore()  # the writer went back to the letter
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape leaves the editor as Close does: the writer's own words are offered to be
        kept as a draft first (QDialog's Escape rejects without a close event)."""
        if self._offer_to_keep():
            super().reject()

    def may_close(self) -> bool:
        """Before the main window closes: the writer's own words are offered to be kept
        (Save, Discard or Cancel); False when the writer went back to the letter."""
        return self._offer_to_keep()

    def close_with_the_app(self) -> None:
        """The main window is closing and takes the editor with it. Its words were offered
        already (:meth:`may_close`); any written since are offered with no way back to the
        letter (Escape keeps them)."""
        self._offer_to_keep(can_go_back=False)
        self.close()

    def _offer_to_keep(self, can_go_back: bool = True) -> bool:
        """False when the writer chose to go back to the letter: the editor stays open."""
        if not self.keeps_drafts:  # nothing can be kept: the editor said so from the start
            return True
        if self.has_unsaved_work():
            choice = Messages.ask_keep(
                self,
                _("Keep this letter?"),
                _(
                    "You wrote your own words into this letter. Keep it as a draft in your "
                    "appeal history?"
                ),
                can_go_back=can_go_back,
            )
            if choice is KeepChoice.GO_BACK:
                return False
            if choice is KeepChoice.KEEP:
                self.keep_draft_requested.emit(self.draft())
        self._recorded = True  # asked once; the answer stands
        return True

    def target_index(self) -> int:
        return int(self.target_combo.currentData() or 1)

    def written_to(self) -> int:
        """The official (1-based) the letter in the editor is written to: the one it was
        drafted for. Another official chosen while the writer kept their edits is not it: the
        letter still names and greets the first, so it goes to them (by post, e-mail or in the
        record) until it is written again."""
        return self._written_to or self.target_index()

    def letter_locale(self) -> str | None:
        """The letter's (first) language."""
        data = self.language_combo.currentData()
        return str(data).split(BILINGUAL_SEPARATOR)[0] if data else None

    def second_language(self) -> str | None:
        """The writer's own language when a bilingual letter is chosen."""
        data = str(self.language_combo.currentData() or "")
        first, _sep, second = data.partition(BILINGUAL_SEPARATOR)
        return second or None

    def about_language(self) -> str:
        """The language of the "why I write" sentence the letter carries: its own, or in a
        bilingual letter the second (the writer's), whose part carries the sentence."""
        return base_language(self.second_language() or self.letter_locale() or "en")

    def text(self) -> str:
        return self.letter_edit.toPlainText()

    def draft(self) -> LetterDraft:
        letter = self.letter
        return LetterDraft(
            text=self.text(),
            target_index=self.written_to(),
            locale=letter.locale if letter else (self.letter_locale() or "en"),
            subject=letter.subject if letter else f"UA {self.case.ua_number}",
            right_to_left=letter.right_to_left if letter else False,
        )

    def set_settings(self, settings: Settings) -> None:
        new_sender = settings.sender != self.settings.sender
        self.settings = settings
        self._show_sender()
        if not self._edited:
            self.render_letter()
        elif new_sender:  # another name or address: asked like another official or language
            self._on_choice_changed()

    def signed_by(self) -> SenderProfile:
        """The writer's profile the letter in the editor was drafted with: its head and
        signature name them until it is written again, so paper and mail follow it."""
        return self._signed_by or self.settings.sender

    # ---- rendering --------------------------------------------------------------------------

    def render_letter(self) -> None:
        """Draft the letter from the current choices, off the GUI thread; the editor takes it
        when it comes (``letter_ready``). A newer request replaces one still on its way."""
        from app.services.letters import draft_letter

        case, target, sender = self.case, self.target_index(), self.sender_profile()
        signed_safely, signed_by = self.safety_box.isChecked(), self.settings.sender
        locale, templates = self.letter_locale(), self.user_templates
        note, second = self.note_edit.toPlainText().strip(), self.second_language()
        asks = self.side.ticked_asks()
        # once the writer changes the ticks, the body is written from the ticked asks
        as_printed = not self._asks_changed

        def draft(_progress: object) -> Letter:
            return draft_letter(
                case,
                target,
                sender,
                locale=locale,
                user_templates=templates,
                personal_note=note,
                bilingual_with=second,
                asks=asks,
                model_letter=as_printed,
            )

        self._draft_generation += 1
        generation = self._draft_generation
        self._set_drafting(True)
        self._runner.start(
            draft,
            lambda letter: self._on_drafted(generation, letter, target, signed_safely, signed_by),
            lambda error: self._on_draft_failed(generation, error),
            name="draft",
        )

    def _set_drafting(self, drafting: bool) -> None:
        self.drafting = drafting
        self.letter_edit.setReadOnly(drafting)
        for button in (
            self.buttons.copy,
            self.buttons.more,
            self.buttons.mark_sent,
            self.regenerate_button,
        ):
            button.setEnabled(not drafting)
        from app.ui.dialogs import letter_output

        self.buttons.print.setEnabled(not drafting and letter_output.paper_available())
        self.buttons.pdf.setEnabled(not drafting and letter_output.paper_available())
        self._update_email_button()
        self.letter_edit.setPlaceholderText(_("Writing the letter…") if drafting else "")
        if drafting:
            self.status_label.setText(_("Writing the letter…"))

    def _current(self, generation: int) -> bool:
        """The answer belongs to the newest request, and the dialog still exists."""
        return shiboken6.isValid(self) and generation == self._draft_generation

    def _on_draft_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self._set_drafting(False)
        self.status_label.clear()
        report_failure(self, _("Cannot write this letter"), error)
        self.letter_ready.emit(False)

    def _on_drafted(
        self,
        generation: int,
        letter: Letter,
        written_to: int,
        signed_safely: bool,
        signed_by: SenderProfile,
    ) -> None:
        if not self._current(generation):
            return
        self._set_drafting(False)
        self.letter = letter
        self._written_to = written_to
        self._signed_safely = signed_safely
        self._signed_by = signed_by
        self._filling = True
        direction = (
            Qt.LayoutDirection.RightToLeft
            if letter.right_to_left
            else Qt.LayoutDirection.LeftToRight
        )
        self.letter_edit.setLayoutDirection(direction)
        # Every paragraph takes the letter's direction and side, also a line that starts with a
        # Latin name inside an Arabic letter (bidi alone puts it left). The editor reads this.
        option = self.letter_edit.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(
            Qt.AlignmentFlag.AlignRight if letter.right_to_left else Qt.AlignmentFlag.AlignLeft
        )
        self.letter_edit.document().setDefaultTextOption(option)
        self.letter_edit.setPlainText(letter.text)
        self.letter_edit.set_paragraph_sides(letter.right_to_left)
        self._filling = False
        self._edited = False
        self._show_asks(letter.asks)
        self._show_warnings()
        self.status_label.clear()
        self._show_sender()
        self._update_email_button()
        self.update_nudge()
        self.letter_ready.emit(True)

    def _connect_buttons(self) -> None:
        """The button row's clicks: the outputs run through ``run_output``."""
        from app.ui.dialogs import letter_output

        b = self.buttons
        b.copy.clicked.connect(self.copy_to_clipboard)
        outputs = (
            (b.print.clicked, letter_output.print_letter, _("The letter could not be printed")),
            (b.pdf.clicked, letter_output.save_pdf, _("The letter could not be saved as PDF")),
            (b.email.clicked, letter_output.email_letter, None),
            (
                b.eml_action.triggered,
                letter_output.save_eml,
                _("The email draft could not be saved"),
            ),
            (
                b.envelope_action.triggered,
                letter_output.save_envelope,
                _("The envelope could not be saved"),
            ),
            (b.social_action.triggered, letter_output.copy_social_post, None),
        )
        for signal, output, failed in outputs:
            signal.connect(self._runs_output(output, failed))
        b.mark_sent.clicked.connect(self.request_mark_sent)
        b.close.clicked.connect(self.close)
        b.print.setEnabled(letter_output.paper_available())
        b.pdf.setEnabled(letter_output.paper_available())
        b.email.setEnabled(letter_output.mail_available())

    def _update_email_button(self) -> None:
        from app.ui.dialogs import letter_output

        has_email = (
            bool(self.case.targets[self.written_to() - 1].email) if self.case.targets else False
        )
        self.buttons.email.setEnabled(
            not self.drafting and letter_output.mail_available() and has_email
        )
        if has_email:
            self.buttons.email.setToolTip(self.buttons.email.accessibleName())
        else:
            self.buttons.email.setToolTip(_("This official has no email address in the UA."))

    def update_nudge(self) -> None:
        generated = self.letter.text if self.letter else ""
        from_model = self.letter.from_model_letter if self.letter else False
        hint = personal_touch_hint(
            generated,
            self.text(),
            self.note_edit.toPlainText(),
            from_model_letter=from_model,
            about=self.settings.sender.about_in(self.about_language()),
        )
        self.nudge_label.setText(hint)
        self.nudge_label.setVisible(bool(hint))

    def _on_letter_edited(self) -> None:
        if not self._filling:
            # Edits undone to the last word leave the letter as it was written: not edited
            drafted = self.letter.text if self.letter is not None else None
            self._edited = self.letter_edit.toPlainText() != drafted
            self._recorded = False
            self._nudge_timer.start()

    def _confirm_discard(self) -> bool:
        return not self._edited or Messages.ask(
            self,
            _("Replace the letter?"),
            _("You have edited the letter. Write it again from the template and lose your edits?"),
        )

    def _on_choice_changed(self) -> None:
        self._show_sender()
        if self._confirm_discard():
            self.render_letter()
        elif self.written_to() != self.target_index() and self.case.targets:
            self.status_label.setText(
                _(
                    "Your edits are kept, and this letter still goes to {official}. Use "
                    "Regenerate letter to write it to the official you chose."
                ).format(official=self.case.targets[self.written_to() - 1].label)
            )
        elif self.safety_box.isChecked() and not self._signed_safely:
            self.status_label.setText(
                _(
                    "Your edits are kept, and this letter is still signed with your full name. "
                    "Use Regenerate letter to sign it with your initials and town only."
                )
            )
        else:
            self.status_label.setText(
                _("Your edits are kept; use Regenerate letter to apply the new choice.")
            )

    def _show_asks(self, asks: tuple[str, ...]) -> None:
        new = [key for key in asks if key not in self.side.ask_boxes]
        self.side.show_asks(asks)
        for key in new:
            self.side.ask_boxes[key].toggled.connect(lambda _on: self._on_asks_changed())

    def _on_asks_changed(self) -> None:
        self._asks_changed = True
        self._on_choice_changed()

    def _on_note_settled(self) -> None:
        if not self._edited:
            self.render_letter()
        else:
            self.status_label.setText(
                _("Your edits are kept; use Regenerate letter to add your sentences.")
            )

    def _on_regenerate(self) -> None:
        if self._confirm_discard():
            self.render_letter()

    # ---- actions ------------------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        from app.output.bidi_text import plain_text

        clipboard = QGuiApplication.clipboard()
        text = plain_text(self.text())  # pasted into mail programs and editors
        clipboard.setText(text)
        if clipboard.supportsSelection():
            clipboard.setText(text, QClipboard.Mode.Selection)
        self.status_label.setText(
            _("The letter is on the clipboard. Paste it before you close Appeal Desk.")
        )

    def say_done(self, outcome: str) -> None:
        """What an output did ("Sent to the printer X."), under the letter."""
        if shiboken6.isValid(self):
            self.status_label.setText(outcome)

    def request_mark_sent(self) -> None:
        self.mark_sent_requested.emit(self.draft())

    def _runs_output(
        self, output: Callable[[LetterDialog], str | None], failed: str | None
    ) -> Callable[[], None]:
        """A slot that runs ``output`` on this letter through ``run_output``."""
        return lambda: self.run_output(lambda: output(self), failed)

    def run_output(self, action: Callable[[], str | None], failed: str | None = None) -> None:
        """Run a print/PDF/email action; its return value (if any) becomes the status line.
        ``failed`` titles the message when it fails (what was not done: saved, printed...)."""
        try:
            message = action()
        except Exception as error:
            title = failed or _("The letter could not be sent to its destination")
            report_failure(self, title, error)
            return
        if message:
            self.status_label.setText(message)


class _SideScroll(QScrollArea):
    """Scrolls the column up and down only: as wide as the column needs (its combo boxes name
    the official in full), as the column was before it could scroll."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), inner.minimumSizeHint().width() + bar), hint.height())
