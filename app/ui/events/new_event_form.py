"""The organiser's form for a new event: name, date, place, cases in play and their goals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain import bounds
from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _
from app.labels import days_left_text, ua_label
from app.ui.accessibility import leave_with_tab
from app.ui.plain_text import plain_tooltip

MAX_GOAL = bounds.MAX_GOAL


class GoalDelegate(QStyledItemDelegate):
    """A goal is a whole number of letters; 0 is shown (and spoken) as "no goal"."""

    def createEditor(  # noqa: N802 - Qt override
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_GOAL)
        editor.setSpecialValueText(_("no goal"))
        editor.setAccessibleName(_("Goal (letters)"))
        return editor

    def setEditorData(  # noqa: N802 - Qt override
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().setEditorData(editor, index)
        if isinstance(editor, QSpinBox):
            editor.selectAll()  # a number typed on the cell replaces "no goal"

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:  # noqa: N802 - Qt override
        return str(value) if isinstance(value, int) and value > 0 else _("no goal")


class GoalItem(QTableWidgetItem):
    """A goal cell: holds an int, and is spoken as the words the cell shows."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )
        self.setData(Qt.ItemDataRole.EditRole, 0)

    def data(self, role: int) -> object:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            value = super().data(Qt.ItemDataRole.EditRole)
            return str(value) if isinstance(value, int) and value > 0 else _("no goal")
        return super().data(role)


class NewEventForm(QWidget):
    """Fields of a new event; ``cases()`` gives the ticked UA numbers with their goals."""

    def __init__(self, open_cases: list[CaseSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        # Closed cases ask for no letters; those past their deadline come last (the list
        # order), each saying so, since a letter then needs the section's agreement.
        open_cases = [case for case in open_cases if case.status == CaseStatus.OPEN]
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("e.g. Write for Rights 2026, town library"))
        hint_width = self.name_edit.fontMetrics().horizontalAdvance(
            self.name_edit.placeholderText()
        )
        self.name_edit.setMinimumWidth(hint_width + 16)  # the example is read whole
        self.date_box = QCheckBox(_("Date:"))
        self.date_box.setChecked(True)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(
            QDate(*bounds.EARLIEST_DATE.timetuple()[:3]),
            QDate(*bounds.latest_date().timetuple()[:3]),
        )
        self.date_box.toggled.connect(self.date_edit.setEnabled)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(bounds.MAX_TEXT)
        self.name_edit.setMaxLength(bounds.MAX_EVENT_NAME)
        self.case_table = QTableWidget(len(open_cases), 2)
        self.case_table.setObjectName("eventCaseTable")
        self.case_table.setHorizontalHeaderLabels([_("Case"), _("Goal (letters)")])
        self.case_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.case_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.case_table.verticalHeader().setVisible(False)
        # Long titles end in "..." (the whole text is the tooltip): no sideways scrolling.
        self.case_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.case_table.setWordWrap(False)
        self.case_table.setMinimumSize(420, 200)  # about six cases at once
        self.case_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Space ticks the case under the cursor; F2 (or typing a number) edits its goal.
        self.case_table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        leave_with_tab(self.case_table)
        self.case_table.setItemDelegateForColumn(1, GoalDelegate(self.case_table))
        for row, case in enumerate(open_cases):
            item = QTableWidgetItem(f"{ua_label(case.ua_number)} \u2013 {case.title}")
            days = case.days_left(today)
            if days is not None and days < 0:  # marked in words and greyed, never by colour only
                passed = days_left_text(case.deadline, case.status, today)
                item.setText(f"{ua_label(case.ua_number)} \u2013 {passed} \u2013 {case.title}")
                item.setForeground(self.palette().brush(QPalette.ColorRole.PlaceholderText))
            item.setToolTip(plain_tooltip(item.text()) or "")
            item.setData(Qt.ItemDataRole.UserRole, case.ua_number)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.case_table.setItem(row, 0, item)
            self.case_table.setItem(row, 1, GoalItem())
        if open_cases:
            self.case_table.setCurrentCell(0, 0)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(self.date_box, self.date_edit)
        form.addRow(_("Place:"), self.place_edit)
        # the list takes the form's whole width, under its label
        cases_label = QLabel(_("Cases in play:"))
        cases_label.setBuddy(self.case_table)
        form.addRow(cases_label)
        form.addRow(self.case_table)
        self.name_edit.setAccessibleName(_("Event name"))
        self.date_box.setAccessibleDescription(_("Untick for an event without a date"))
        self.date_edit.setAccessibleName(_("Event date"))
        self.place_edit.setAccessibleName(_("Place"))
        self.case_table.setAccessibleName(_("Cases in play"))
        self.case_table.setAccessibleDescription(
            _("Space ticks a case; type a number in the goal column to set its goal.")
        )

    def name(self) -> str:
        return self.name_edit.text()

    def held_on(self) -> date | None:
        if not self.date_box.isChecked():
            return None
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def place(self) -> str:
        return self.place_edit.text()

    def cases(self) -> dict[str, int | None]:
        """Ticked cases -> goal (None for no goal)."""
        chosen: dict[str, int | None] = {}
        for row in range(self.case_table.rowCount()):
            item = self.case_table.item(row, 0)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            chosen[str(item.data(Qt.ItemDataRole.UserRole))] = self._goal(row) or None
        return chosen

    def clear(self) -> None:
        """A blank form for the next event: no name or place, today's date, no case ticked
        and no goal (the last event's would otherwise be created again unnoticed)."""
        self.name_edit.clear()
        self.place_edit.clear()
        self.date_box.setChecked(True)
        self.date_edit.setDate(QDate.currentDate())
        for row in range(self.case_table.rowCount()):
            item = self.case_table.item(row, 0)
            if item is not None:
                item.setCheckState(Qt.CheckState.Unchecked)
            cell = self.case_table.item(row, 1)
            if cell is not None:
                cell.setData(Qt.ItemDataRole.EditRole, 0)

    def tick(self, ua_number: str, goal: int = 0) -> None:
        """Tick a case (used by tests and by 'same cases as last time')."""
        for row in range(self.case_table.rowCount()):
            item = self.case_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == ua_number:
                item.setCheckState(Qt.CheckState.Checked)
                cell = self.case_table.item(row, 1)
                if cell is not None:
                    cell.setData(Qt.ItemDataRole.EditRole, goal)

    def _goal(self, row: int) -> int:
        cell = self.case_table.item(row, 1)
        value = cell.data(Qt.ItemDataRole.EditRole) if cell is not None else 0
        return value if isinstance(value, int) else 0
