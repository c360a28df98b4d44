"""View > Write today: open cases by the last day to post, with advice when post is too slow."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, add_language_listener, remove_language_listener
from app.labels import ua_label
from app.paths import AppPaths
from app.services.urgency import QueueItem
from app.settings import Settings
from app.ui.app_context import AppContext
from app.ui.errors import report_failure
from app.ui.models.write_today_model import QueueColumn, WriteTodayModel, advice_sentence
from app.ui.style import Role, apply_role
from app.ui.table_rows import select_row

if TYPE_CHECKING:
    from app.services.database import Database


class WriteTodayView(QWidget):
    """The queue table, the advice for the selected case and the buttons that act on it."""

    write_requested = Signal(int)  # case_id
    show_requested = Signal(int)  # case_id

    def __init__(
        self,
        paths: AppPaths,
        database: Callable[[], Database | None],
        settings: Callable[[], Settings],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self._database, self._settings, self._today = paths, database, settings, today
        self.model = WriteTodayModel(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.unwritten_box = QCheckBox()
        self.unwritten_box.toggled.connect(lambda _on: self.reload())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QueueColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)
        self.advice_label = QLabel()
        self.advice_label.setObjectName("adviceText")
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.empty_label = QLabel()
        apply_role(self.empty_label, Role.HINT)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.write_button = QPushButton()
        apply_role(self.write_button, Role.PRIMARY_BUTTON)
        self.write_button.clicked.connect(lambda: self._emit_for_current(self.write_requested))
        self.show_button = QPushButton()
        self.show_button.clicked.connect(lambda: self._emit_for_current(self.show_requested))
        self.transit_button = QPushButton()
        self.transit_button.clicked.connect(self.edit_transit_times)

        buttons = QHBoxLayout()
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.transit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.unwritten_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.advice_label)
        layout.addLayout(buttons)
        self.setTabOrder(self.unwritten_box, self.table)
        self.setTabOrder(self.table, self.write_button)
        self.setTabOrder(self.write_button, self.show_button)
        self.setTabOrder(self.show_button, self.transit_button)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)
        self.destroyed.connect(lambda: remove_language_listener(self._on_language_changed))

    def _on_language_changed(self, _locale: str) -> None:
        if shiboken6.isValid(self):
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Open cases, most pressing first: the deadline minus the days a posted letter "
                "needs to reach the country. When post is too slow, Appeal Desk says what to "
                "do instead."
            )
        )
        self.unwritten_box.setText(_("&Only cases I have not written to yet"))
        self.unwritten_box.setAccessibleName(_("Only cases I have not written to yet"))
        self.table.setAccessibleName(_("Write today queue"))
        self.table.setAccessibleDescription(_("Open cases ordered by the last day to post."))
        self.advice_label.setAccessibleName(_("What to do for the selected case"))
        self.empty_label.setText(_("Nothing waiting: no open case needs a letter from you."))
        for button, text, name in (
            (self.write_button, _("&Write a letter…"), _("Write a letter for the selected case")),
            (self.show_button, _("Show in &case list"), _("Show the selected case in the list")),
            (self.transit_button, _("&Transit times…"), _("Edit airmail transit times")),
        ):
            button.setText(text)
            button.setAccessibleDescription(name)
        self.model.retranslate()
        self._on_current_changed(self.table.currentIndex(), QModelIndex())

    # ---- data ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Recompute the queue (cheap: one list query, details only where post is too late)."""
        db = self._database()
        if db is None:
            self.model.set_items([])
            self._update_empty()
            return
        from app.services.transit_times import load_transit_table
        from app.services.urgency import write_today

        current = self.current_item()
        keep = current.case.case_id if current else None
        try:
            items = write_today(
                db,
                load_transit_table(self.paths.data_dir),
                self._today(),
                sender_country=self._settings().sender.country or None,
                only_unwritten=self.unwritten_box.isChecked(),
            )
        except Exception as error:
            report_failure(self, _("Cannot build the Write today list"), error)
            items = []
        self.model.set_items(items)
        rows = [i for i, item in enumerate(items) if item.case.case_id == keep]
        if items:
            select_row(self.table, rows[0] if rows else 0)
        self._update_empty()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        for button in (self.write_button, self.show_button):
            button.setEnabled(not empty)
        if empty:
            self.advice_label.clear()

    def current_item(self) -> QueueItem | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    # ---- gestures ------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row()) if current.isValid() else None
        self.advice_label.setText(
            f"{ua_label(item.case.ua_number)}: {advice_sentence(item)}" if item else ""
        )

    def _on_activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.write_requested.emit(item.case.case_id)

    def _emit_for_current(self, signal: SignalInstance) -> None:
        item = self.current_item()
        if item is not None:
            signal.emit(item.case.case_id)

    def edit_transit_times(self) -> None:
        from app.services.transit_times import load_transit_table, save_transit_table
        from app.ui.dialogs.transit_times_dialog import TransitTimesDialog

        dialog = TransitTimesDialog(load_transit_table(self.paths.data_dir), self)
        self.transit_dialog = dialog

        def save() -> None:
            try:
                save_transit_table(self.paths.data_dir, dialog.table())
            except Exception as error:
                report_failure(self, _("Transit times not saved"), error)
                return
            self.reload()

        dialog.accepted.connect(save)
        dialog.open()


class WriteTodayDialog(QDialog):
    """A non-modal window around the view, so the main window stays usable beside it."""

    def __init__(self, view: WriteTodayView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        self.retranslate_ui()
        add_language_listener(self._on_language_changed)
        self.finished.connect(lambda _r: remove_language_listener(self._on_language_changed))

    def _on_language_changed(self, _locale: str) -> None:
        if shiboken6.isValid(self):
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Write today"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setAccessibleDescription(_("Close Write today"))


def show_write_today(
    context: AppContext,
    parent: QWidget,
    select_case: Callable[[int], bool],
    write_letter: Callable[[], None],
    reload_on: Iterable[SignalInstance],
) -> WriteTodayDialog:
    """Open the queue beside ``parent``; ``select_case`` selects a chosen case in the list,
    ``write_letter`` opens the letter editor on it, and each of ``reload_on`` reloads the queue
    (a letter marked sent, the cases loaded again)."""
    view = WriteTodayView(context.paths, lambda: context.db, lambda: context.settings)
    dialog = WriteTodayDialog(view, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def write(case_id: int) -> None:
        if select_case(case_id):
            write_letter()

    view.write_requested.connect(write)
    view.show_requested.connect(lambda case_id: select_case(case_id) and dialog.close())
    for signal in reload_on:
        signal.connect(view.reload)
    dialog.show()
    view.reload()
    view.table.setFocus()
    return dialog
