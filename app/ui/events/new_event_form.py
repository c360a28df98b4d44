"""The organiser's form for a new event: name, date, place, cases in play and their goals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain import bounds
from app.domain.model import CaseSummary
from app.i18n import _

MAX_GOAL = bounds.MAX_GOAL


class NewEventForm(QWidget):
    """Fields of a new event; ``cases()`` gives the ticked UA numbers with their goals."""

    def __init__(self, open_cases: list[CaseSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("e.g. Write for Rights 2026, town library"))
        self.date_box = QCheckBox(_("Date:"))
        self.date_box.setChecked(True)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(QDate(*bounds.EARLIEST_DATE.timetuple()[:3]), QDate(*bounds.latest_date().timetuple()[:3]))
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
        for row, case in enumerate(open_cases):
            item = QTableWidgetItem(f"UA {case.ua_number} \u2013 {case.title}")
            item.setData(Qt.ItemDataRole.UserRole, case.ua_number)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.case_table.setItem(row, 0, item)
            goal = QSpinBox()
            goal.setRange(0, MAX_GOAL)
            goal.setSpecialValueText(_("no goal"))
            goal.setAccessibleName(_("Goal for UA %(ua)s") % {"ua": case.ua_number})
            self.case_table.setCellWidget(row, 1, goal)
        form = QFormLayout(self)
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(self.date_box, self.date_edit)
        form.addRow(_("Place:"), self.place_edit)
        form.addRow(_("Cases in play:"), self.case_table)

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
            spin = self.case_table.cellWidget(row, 1)
            goal = spin.value() if isinstance(spin, QSpinBox) else 0
            chosen[str(item.data(Qt.ItemDataRole.UserRole))] = goal or None
        return chosen

    def tick(self, ua_number: str, goal: int = 0) -> None:
        """Tick a case (used by tests and by 'same cases as last time')."""
        for row in range(self.case_table.rowCount()):
            item = self.case_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == ua_number:
                item.setCheckState(Qt.CheckState.Checked)
                spin = self.case_table.cellWidget(row, 1)
                if isinstance(spin, QSpinBox):
                    spin.setValue(goal)
