"""Event mode for letter-writing evenings: the Events menu, dialog, participant screen, board."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.i18n import _, add_language_listener, pgettext
from app.ui.app_context import AppContext

if TYPE_CHECKING:
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.events_dialog import EventsDialog


class EventsMenu:
    """The "Events" menu's entries, in ``menu`` (the window's, titled there; a menu of its own
    when none is given); opens one Events dialog at a time."""

    def __init__(self, context: AppContext, parent: QWidget, menu: QMenu | None = None) -> None:
        self._context = context
        self._parent = parent
        self.dialog: EventsDialog | None = None
        # Called with each new events dialog (the Edit menu adds editing and deleting to it).
        self.on_dialog_opened: Callable[[EventsDialog], None] | None = None
        self.menu = menu if menu is not None else QMenu(parent)
        self.event_mode = QAction(parent)
        self.event_mode.triggered.connect(self.open_dialog)
        self.menu.addAction(self.event_mode)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)

    def _on_language_changed(self, _locale: str) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.event_mode.setText(pgettext("menu", "Event &mode\u2026"))
        self.event_mode.setStatusTip(_("Create or run a letter-writing event"))

    def open_dialog(self) -> EventsDialog | None:
        from app.ui.events.events_dialog import EventsDialog
        from app.ui.messages import Messages

        db = self._context.db
        if db is None:
            Messages.info(
                self._parent, _("Events"), _("Appeal Desk is still opening your data; try again.")
            )
            return None
        if self.dialog is None:
            from app.services.outputs import output_options

            context = self._context
            self.dialog = EventsDialog(
                db,
                self._parent,
                options=lambda: output_options(context.settings),
                exports=context.paths.exports,
                paths=context.paths,
                runner=context.server_reads,  # the tally board's reads
            )
            self.dialog.store_changed.connect(context.cases_changed)
            self.dialog.finished.connect(self._forget_dialog)
            if self.on_dialog_opened is not None:
                self.on_dialog_opened(self.dialog)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()  # already open behind the window: the keyboard goes to it
        return self.dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def resume_event_mode(self) -> EventModeWindow | None:
        """Event mode that was running when Appeal Desk stopped (a crash, a kill, a power
        cut) comes back at once, behind the PIN chosen then; None when there was none."""
        from app.services.event_mode import end_event_mode, kept_event_mode

        kept = kept_event_mode(self._context.paths)
        db = self._context.db
        if kept is None or db is None:
            return None
        from app.domain.errors import InvalidInput
        from app.services.events import get_event
        from app.ui.events.pin import PinLock

        try:
            event = get_event(db, kept.event_name)
        except InvalidInput:  # the event is gone (a backup restored meanwhile): nothing to resume
            end_event_mode(self._context.paths)
            return None
        dialog = self.open_dialog()
        if dialog is None:
            return None
        return dialog.start_event_mode(event, PinLock.from_hash(kept.salt, kept.digest))
