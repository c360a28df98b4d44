"""Edit the typical airmail days per region that the "Write today" queue subtracts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.transit_times import MAX_DAYS, TransitTable, shipped_table
from app.ui.models.write_today_model import region_label
from app.ui.style import Role, apply_role


def _spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_DAYS)
    spin.setValue(value)
    return spin


class TransitTimesDialog(QDialog):
    """One row per region: days from elsewhere, days within the region; ``table()`` once accepted."""

    def __init__(self, table: TransitTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.region_header, self.days_header, self.within_header = QLabel(), QLabel(), QLabel()
        for header in (self.region_header, self.days_header, self.within_header):
            apply_role(header, Role.HINT)
        self.region_labels: dict[str, QLabel] = {}
        self.days_spins: dict[str, QSpinBox] = {}
        self.within_spins: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(self.region_header, 0, 0)
        grid.addWidget(self.days_header, 0, 1)
        grid.addWidget(self.within_header, 0, 2)
        for row, region in enumerate(table.regions, start=1):
            label = QLabel()
            days, within = _spin(region.days), _spin(region.within_days)
            label.setBuddy(days)
            self.region_labels[region.key] = label
            self.days_spins[region.key] = days
            self.within_spins[region.key] = within
            grid.addWidget(label, row, 0)
            grid.addWidget(days, row, 1)
            grid.addWidget(within, row, 2)
        self.default_label = QLabel()
        self.default_spin = _spin(table.default_days)
        self.default_label.setBuddy(self.default_spin)
        last = len(table.regions) + 1
        grid.addWidget(self.default_label, last, 0)
        grid.addWidget(self.default_spin, last, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Airmail transit times"))
        self.intro.setText(
            _(
                "How many days a posted letter usually needs to arrive. Appeal Desk subtracts "
                "them from each deadline to tell you the last day to post. Use what your post "
                "office tells you."
            )
        )
        self.region_header.setText(_("Region"))
        self.days_header.setText(_("Days from elsewhere"))
        self.within_header.setText(_("Days within the region"))
        for region in self._table.regions:
            name = region_label(region.key)
            self.region_labels[region.key].setText(name)
            self.days_spins[region.key].setAccessibleName(
                _("{region}: days from elsewhere").format(region=name)
            )
            self.within_spins[region.key].setAccessibleName(
                _("{region}: days within the region").format(region=name)
            )
        self.default_label.setText(_("Any other country"))
        self.default_spin.setAccessibleName(_("Days to any other country"))
        for spin in (*self.days_spins.values(), *self.within_spins.values(), self.default_spin):
            spin.setSuffix(_(" days"))
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, _("Save")),
            (QDialogButtonBox.StandardButton.Cancel, _("Cancel")),
            (QDialogButtonBox.StandardButton.RestoreDefaults, _("Restore defaults")),
        ):
            button = self.buttons.button(which)
            button.setText(text)
            button.setAccessibleName(text)

    def restore_defaults(self) -> None:
        shipped = shipped_table()
        for region in shipped.regions:
            if region.key in self.days_spins:
                self.days_spins[region.key].setValue(region.days)
                self.within_spins[region.key].setValue(region.within_days)
        self.default_spin.setValue(shipped.default_days)

    def table(self) -> TransitTable:
        days = {
            key: (self.days_spins[key].value(), self.within_spins[key].value())
            for key in self.days_spins
        }
        return self._table.with_days(days, self.default_spin.value())
