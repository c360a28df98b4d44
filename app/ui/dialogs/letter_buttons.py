"""The letter editor's button row: copy, print, PDF, email, mark as sent, close."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from app.i18n import _
from app.ui.style import Role, apply_role


class LetterButtons:
    """Builds the buttons, their keys (on ``dialog``) and their row; the dialog connects them."""

    def __init__(self, dialog: QWidget) -> None:
        self.copy = QPushButton()
        self.print = QPushButton()
        self.pdf = QPushButton()
        self.email = QPushButton()
        self.mark_sent = QPushButton()
        apply_role(self.mark_sent, Role.PRIMARY_BUTTON)
        # QShortcut, not setShortcut: setText("&...") would replace these by the Alt+letter
        # mnemonic; this way both the underlined letter and the Ctrl key work.
        self.keys: dict[QPushButton, QKeySequence] = {
            self.copy: QKeySequence("Ctrl+Shift+C"),
            self.print: QKeySequence(QKeySequence.StandardKey.Print),
            self.pdf: QKeySequence("Ctrl+Shift+S"),
            self.email: QKeySequence("Ctrl+E"),
            self.mark_sent: QKeySequence("Ctrl+M"),
        }
        self.shortcuts = [
            QShortcut(keys, dialog, button.animateClick) for button, keys in self.keys.items()
        ]
        self.more = QPushButton()
        self.more_menu = QMenu(self.more)
        self.eml_action = self.more_menu.addAction("")
        self.envelope_action = self.more_menu.addAction("")
        self.social_action = self.more_menu.addAction("")
        self.more.setMenu(self.more_menu)
        self.close = QPushButton()
        for button in (
            self.copy,
            self.print,
            self.pdf,
            self.email,
            self.more,
            self.mark_sent,
            self.close,
        ):
            button.setAutoDefault(False)

        self.layout = QHBoxLayout()
        for button in (self.copy, self.print, self.pdf, self.email, self.more):
            self.layout.addWidget(button)
        self.layout.addStretch(1)
        self.layout.addWidget(self.mark_sent)
        self.layout.addWidget(self.close)

    def retranslate_ui(self) -> None:
        for button, text, name in (
            (self.copy, _("&Copy"), _("Copy the letter to the clipboard")),
            (self.print, _("&Print…"), _("Print the letter")),
            (self.pdf, _("Save as P&DF…"), _("Save the letter as a PDF file")),
            (self.email, _("E&mail…"), _("Email the letter to the official")),
            (self.mark_sent, _("Mark as &sent…"), _("Record this letter as sent")),
            (self.more, _("Mor&e"), _("More ways to send the letter")),
            (self.close, _("Close"), _("Close the letter editor")),
        ):
            button.setText(text)
            button.setAccessibleDescription(name)  # the name is the visible label
            keys = self.keys.get(button, QKeySequence())
            shortcut = keys.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{name} ({shortcut})" if shortcut else name)
        self.eml_action.setText(_("Save as an &email draft (.eml)…"))
        self.envelope_action.setText(_("Save the &envelope as PDF…"))
        self.social_action.setText(_("Copy a &social media post"))
