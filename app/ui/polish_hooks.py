"""Wires View > Write today, the Help entries, the welcome and reminders into the main window."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.i18n import _, add_language_listener, pgettext, remove_language_listener
from app.settings import Settings
from app.ui.app_icon import app_icon

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.notifications import DeadlineNotifier

log = logging.getLogger(__name__)


@dataclass
class PolishActions:
    """The actions this module adds; kept on the window as ``window.polish``."""

    view_menu: QMenu
    write_today: QAction
    copy_diagnostics: QAction
    notifier: DeadlineNotifier | None = None

    def retranslate_ui(self) -> None:
        self.view_menu.setTitle(pgettext("menu", "&View"))
        for action, text, tip in (
            (
                self.write_today,
                _("&Write today..."),
                _("Open cases by the last day to post, with advice when post is too slow"),
            ),
            (
                self.copy_diagnostics,
                _("Copy &diagnostic info"),
                _("Copy versions and settings for a bug report (no personal data)"),
            ),
        ):
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)


def install_polish(window: MainWindow) -> PolishActions:
    """Add the menu entries and point Help > About / Keyboard shortcuts at the full dialogs."""
    from app.ui.dialogs.about_dialog import show_about
    from app.ui.shortcuts_help import show_shortcuts, window_actions

    window.setWindowIcon(app_icon())
    menu_bar = window.menuBar()
    view_menu = QMenu(window)
    menu_bar.insertMenu(window.actions.help_menu.menuAction(), view_menu)
    write_today = QAction(window)
    write_today.setShortcut(QKeySequence("Ctrl+T"))
    view_menu.addAction(write_today)
    copy_diagnostics = QAction(window)
    help_menu = window.actions.help_menu
    help_menu.insertAction(window.actions.about, copy_diagnostics)
    help_menu.insertSeparator(window.actions.about)
    polish = PolishActions(view_menu, write_today, copy_diagnostics)

    write_today.triggered.connect(lambda: _show_write_today(window))
    copy_diagnostics.triggered.connect(lambda: _copy_diagnostics(window))
    for action, slot in (
        (
            window.actions.about,
            lambda: show_about(window, window.paths, lambda: _copy_diagnostics(window)),
        ),
        (window.actions.shortcuts, lambda: show_shortcuts(window, window_actions(window))),
    ):
        with contextlib.suppress(RuntimeError, TypeError):
            action.triggered.disconnect()  # the window's plain message boxes
        action.triggered.connect(slot)

    def on_language(_locale: str) -> None:
        if shiboken6.isValid(view_menu):
            polish.retranslate_ui()

    polish.retranslate_ui()
    add_language_listener(on_language)
    window.destroyed.connect(lambda: remove_language_listener(on_language))
    window.polish = polish  # type: ignore[attr-defined]
    return polish


def _show_write_today(window: MainWindow) -> None:
    # Imported on use: it pulls in the store (SQLAlchemy) and the importer's country tables,
    # about 0.5 s that would otherwise pass before the window first appears.
    from app.ui.views.write_today_view import show_write_today

    show_write_today(window)


def _copy_diagnostics(window: MainWindow) -> None:
    from app.ui.diagnostics_copy import copy_diagnostic_info

    copy_diagnostic_info(window.paths, window.settings, window.db)
    window.statusBar().showMessage(
        _("Diagnostic info copied. Paste it into your bug report; it holds no personal data."),
        8000,
    )


def after_window_shown(window: MainWindow) -> None:
    """At start-up only (not in tests of the window): first-run welcome and deadline reminders."""
    from app.ui.dialogs.welcome_dialog import maybe_show_welcome
    from app.ui.notifications import install_notifications

    polish: PolishActions | None = getattr(window, "polish", None)
    notifier = install_notifications(window)
    notifier.check()  # the cases may be loaded already (this often runs on cases_loaded)
    if polish is not None:
        polish.notifier = notifier

    def saved(settings: Settings) -> None:
        window.settings = settings

    maybe_show_welcome(window, window.paths, window.settings, saved)
