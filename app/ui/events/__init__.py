"""Event mode for letter-writing evenings: the Events menu, dialog, participant screen, board."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import _, add_language_listener, pgettext
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.services.database import Database
    from app.ui.events.events_dialog import EventsDialog


class EventsMenu:
    """The "Events" menu of the main window; opens one Events dialog at a time."""

    def __init__(
        self,
        window: QMainWindow,
        database: Callable[[], Database | None],
        paths: AppPaths,
        options: Callable[[], OutputOptions] | None = None,
    ) -> None:
        self.window = window
        self.database = database
        self.paths = paths
        self.options = options or self._options_from_settings
        self.dialog: EventsDialog | None = None
        self.menu = QMenu(window)
        self.event_mode = QAction(window)
        self.event_mode.triggered.connect(self.open_dialog)
        self.menu.addAction(self.event_mode)
        bar = window.menuBar()
        help_menu = getattr(getattr(window, "actions", None), "help_menu", None)
        if isinstance(help_menu, QMenu):
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)

    def _options_from_settings(self) -> OutputOptions:
        """Paper and writer safety as the settings say now (read at each use)."""
        from app.services.outputs import output_options
        from app.settings import load_settings

        return output_options(load_settings(self.paths))

    def _on_language_changed(self, _locale: str) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(pgettext("menu", "&Events"))
        self.event_mode.setText(pgettext("menu", "Event &mode\u2026"))
        self.event_mode.setStatusTip(_("Create or run a letter-writing event"))

    def open_dialog(self) -> EventsDialog | None:
        from app.ui.events.events_dialog import EventsDialog
        from app.ui.messages import Messages

        db = self.database()
        if db is None:
            Messages.info(self.window, _("Events"), _("The store is still opening; try again."))
            return None
        if self.dialog is None:
            self.dialog = EventsDialog(db, self.window, options=self.options)
            reload = getattr(self.window, "reload_cases", None)
            if callable(reload):
                self.dialog.store_changed.connect(lambda: reload())
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def install_menu(
    window: QMainWindow,
    database: Callable[[], Database | None],
    paths: AppPaths,
    options: Callable[[], OutputOptions] | None = None,
) -> EventsMenu:
    """Add "Events > Event mode..." to ``window``; ``database()`` gives the open store or None."""
    return EventsMenu(window, database, paths, options)
