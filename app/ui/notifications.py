"""Deadline reminders for cases not written to yet: a banner in the window, and the tray if any."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _, add_language_listener, ngettext, remove_language_listener
from app.services.urgency import QueueItem
from app.ui.accessibility import announce
from app.ui.app_icon import app_icon
from app.ui.formatting import days_left_text

log = logging.getLogger(__name__)
LISTED_CASES = 3


def reminder_text(items: list[QueueItem], today: date) -> str:
    """ "2 deadlines are near and you have not written yet: UA 3/26 (2 days left), ..."."""
    head = ngettext(
        "{count} deadline is near and you have not written yet:",
        "{count} deadlines are near and you have not written yet:",
        len(items),
    ).format(count=len(items))
    listed = [
        _("UA {ua_number} ({when})").format(
            ua_number=item.case.ua_number,
            when=days_left_text(item.case.deadline, CaseStatus.OPEN, today),
        )
        for item in items[:LISTED_CASES]
    ]
    more = len(items) - LISTED_CASES
    if more > 0:
        listed.append(ngettext("and {count} more", "and {count} more", more).format(count=more))
    return f"{head} {', '.join(listed)}."


class ReminderBanner(QFrame):
    """The in-window reminder: plain text (not colour alone), a button to act, one to dismiss."""

    open_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # dark text on pale amber: 11.9:1, and the words say what it is
        self.setStyleSheet(
            "QFrame#reminderBanner { background: #fff4ce; color: #3d2e00; border: 1px solid #8a6d00;"
            " border-radius: 4px; } QFrame#reminderBanner QLabel { color: #3d2e00; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Deadline reminder"))
        self.open_button.setText(_("Open &Write today"))
        self.open_button.setAccessibleDescription(_("Open Write today"))
        self.dismiss_button.setText(_("&Dismiss"))
        self.dismiss_button.setAccessibleDescription(_("Dismiss the deadline reminder"))


class DeadlineNotifier(QObject):
    """Checks the loaded cases after each load or change; tells the user once per session.

    Its ``toolbar`` holds the banner; the window that owns the notifier places it."""

    write_today_requested = Signal()

    def __init__(
        self,
        parent: QObject,
        data_dir: Callable[[], object],
        cases: Callable[[], Sequence[CaseSummary]],
        sender_country: Callable[[], str | None] = lambda: None,
        today: Callable[[], date] = date.today,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir, self._cases, self._sender_country, self._today = (
            data_dir,
            cases,
            sender_country,
            today,
        )
        self.banner = ReminderBanner()
        self.banner.open_requested.connect(self.write_today_requested)
        self.banner.dismissed.connect(self.dismiss)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("reminderBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)
        self.toolbar.addWidget(self.banner)
        self.toolbar.hide()
        available = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if available:
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.messageClicked.connect(self.write_today_requested)
            self.tray.activated.connect(lambda _reason: self.write_today_requested.emit())
        self._told: set[str] = set()  # UA numbers already announced in the tray
        self._dismissed: set[str] = set()
        self.due: list[QueueItem] = []
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)
        self.destroyed.connect(lambda: remove_language_listener(self._on_language_changed))

    def _on_language_changed(self, _locale: str) -> None:
        if shiboken6.isValid(self.toolbar):  # the window may be gone before the listener
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.toolbar.setWindowTitle(_("Deadline reminder"))
        self.banner.retranslate_ui()
        if self.tray is not None:
            self.tray.setToolTip(_("Appeal Desk"))
        if self.due:
            self.banner.message.setText(reminder_text(self.due, self._today()))

    def check(self) -> list[QueueItem]:
        """Find near deadlines not written to; update the banner and the tray."""
        from pathlib import Path

        from app.services.transit_times import load_transit_table
        from app.services.urgency import due_for_reminder

        today = self._today()
        try:
            table = load_transit_table(Path(str(self._data_dir())))
            due = due_for_reminder(
                list(self._cases()),
                table,
                today,
                sender_country=self._sender_country(),
            )
        except Exception:  # a reminder must never break the window
            log.warning("deadline check failed", exc_info=True)
            return []
        self.due = [item for item in due if item.case.ua_number not in self._dismissed]
        if not self.due:
            self.toolbar.hide()
            return []
        text = reminder_text(self.due, today)
        shown_before = self.toolbar.isVisible() and self.banner.message.text() == text
        self.banner.message.setText(text)
        self.toolbar.show()
        if not shown_before:  # it appears, or says something new: a screen reader says it too
            announce(self.banner, text)
        fresh = {item.case.ua_number for item in self.due} - self._told
        if self.tray is not None and fresh:
            self._told |= fresh
            self.tray.show()
            self.tray.showMessage(
                _("Deadlines are near"), text, QSystemTrayIcon.MessageIcon.Information, 15_000
            )
        return self.due

    def dismiss(self) -> None:
        """Hide the banner until another case comes due (this session)."""
        self._dismissed |= {item.case.ua_number for item in self.due}
        self.due = []
        self.toolbar.hide()
