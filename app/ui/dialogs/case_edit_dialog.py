"""Edit a case: title, country, deadline, status, language, people and officials; and answer
later documents that say otherwise (take their value, or keep yours)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import CaseEdits
from app.domain.model import CaseDetail, CaseStatus, Person, Target
from app.i18n import _
from app.services.database import Database
from app.ui.dialogs.unsaved_changes import close_keeping_changes
from app.ui.errors import report_failure
from app.ui.style import Role, apply_role
from app.ui.views.case_detail_html import field_label

# Official columns: (Target attribute, header)
OFFICIAL_COLUMNS = (
    "title",
    "name_as_printed",
    "gender",
    "salutation",
    "address",
    "email",
    "fax",
)


def parse_persons(text: str) -> tuple[Person, ...]:
    """One person a line, pronouns in brackets at the end: "Ana Lima (she/her)"."""
    persons = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        pronouns = None
        if line.endswith(")") and "(" in line:
            name, _sep, rest = line.rpartition("(")
            line, pronouns = name.strip(), rest[:-1].strip() or None
        persons.append(Person(line, pronouns))
    return tuple(persons)


def persons_text(persons: tuple[Person, ...]) -> str:
    return "\n".join(f"{p.name} ({p.pronouns})" if p.pronouns else p.name for p in persons)


class CaseEditDialog(QDialog):
    """Saves in one transaction on OK; each change goes on the Edit menu's undo stack."""

    change_made = Signal(object)  # a StoreChange

    def __init__(self, case: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.db: Database | None = None
        self.setWindowTitle(_("Edit UA {ua_number}").format(ua_number=case.ua_number))
        self.setObjectName("caseEditDialog")
        self.title = QLineEdit(case.title)
        self.country = QLineEdit(case.country)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.no_deadline = QCheckBox(_("No deadline"))
        self.no_deadline.toggled.connect(lambda on: self.deadline.setEnabled(not on))
        if case.deadline is not None:
            self.deadline.setDate(QDate(case.deadline.year, case.deadline.month, case.deadline.day))
        else:
            self.deadline.setDate(QDate.currentDate())
            self.no_deadline.setChecked(True)
        self.status = QComboBox()
        self.status.addItem(_("Open"), CaseStatus.OPEN.value)
        self.status.addItem(_("Closed"), CaseStatus.CLOSED.value)
        self.status.setCurrentIndex(0 if case.status is CaseStatus.OPEN else 1)
        self.language = QLineEdit(case.document_language)
        self.preferred = QLineEdit(", ".join(case.preferred_languages))
        self.persons = QPlainTextEdit(persons_text(case.persons))
        self.persons.setTabChangesFocus(True)
        self.persons.setMaximumHeight(90)
        self.officials = QTableWidget(0, len(OFFICIAL_COLUMNS))
        self.officials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.officials.setTabKeyNavigation(False)
        self.officials.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for target in case.targets:
            self._add_official(target)
        self.add_official = QPushButton(_("Add an official"))
        self.add_official.clicked.connect(lambda: self._add_official(None))
        self.remove_official = QPushButton(_("Remove the selected official"))
        self.remove_official.clicked.connect(self._remove_official)

        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(self.no_deadline)
        deadline_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("C&ountry:"), self.country)
        deadline_label = QLabel(_("&Deadline:"))
        deadline_label.setBuddy(self.deadline)  # the row is a layout: Alt+D needs a buddy
        form.addRow(deadline_label, deadline_row)
        # Who decided the status: the UA's documents (an "action ended" output) or the user.
        self.status_source = QLabel(
            _("Set by you") if "status" in case.corrected_fields else _("As the UA's documents say")
        )
        apply_role(self.status_source, Role.HINT)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.status_source)
        status_label = QLabel(_("&Status:"))
        status_label.setBuddy(self.status)  # the row is a layout: Alt+S needs a buddy
        form.addRow(status_label, status_row)
        form.addRow(_("&Language of the documents:"), self.language)
        form.addRow(_("&Preferred languages:"), self.preferred)
        form.addRow(_("&At risk (one a line):"), self.persons)
        for label, field in (
            (form.labelForField(self.title), "title"),
            (form.labelForField(self.country), "country"),
            (form.labelForField(deadline_row), "deadline"),
            (status_label, "status"),
        ):
            if field in case.corrected_fields and isinstance(label, QLabel):
                label.setText(label.text() + " \u270e")
                label.setToolTip(_("Changed by you"))
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_official)
        buttons_row.addWidget(self.remove_official)
        buttons_row.addStretch(1)
        layout = QVBoxLayout(self)
        note = QLabel(_("Values you change here stay when a later document of the case arrives."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Officials:")))
        layout.addWidget(self.officials)
        layout.addLayout(buttons_row)
        self.difference_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        for difference in case.differences:
            layout.addWidget(self._difference_row(difference.field, difference.document_value))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self._discard)
        layout.addWidget(self.buttons)
        self._set_official_headers()
        self.resize(760, 620)

    def bind(self, db: Database) -> None:
        self.db = db

    # ---- officials ----------------------------------------------------------------------

    def _set_official_headers(self) -> None:
        headers = {
            "title": _("Office"),
            "name_as_printed": _("Name"),
            "gender": _("Gender (f, m)"),
            "salutation": _("Salutation"),
            "address": _("Address"),
            "email": _("Email"),
            "fax": _("Fax"),
        }
        self.officials.setHorizontalHeaderLabels([headers[c] for c in OFFICIAL_COLUMNS])

    def _add_official(self, target: Target | None) -> None:
        row = self.officials.rowCount()
        self.officials.insertRow(row)
        for column, key in enumerate(OFFICIAL_COLUMNS):
            value = ""
            if target is not None:
                value = getattr(target, key) or ""
                if key == "name_as_printed":
                    value = target.display_name
            self.officials.setItem(row, column, QTableWidgetItem(value))

    def _remove_official(self) -> None:
        rows = sorted({index.row() for index in self.officials.selectedIndexes()}, reverse=True)
        for row in rows:
            self.officials.removeRow(row)

    def official_values(self) -> tuple[Target, ...]:
        found = []
        for row in range(self.officials.rowCount()):
            cells = {}
            for column, key in enumerate(OFFICIAL_COLUMNS):
                item = self.officials.item(row, column)
                cells[key] = (item.text().strip() if item else "") or None
            if not any(cells.values()):
                continue
            before = self.case.targets[row] if row < len(self.case.targets) else None
            printed = cells["name_as_printed"]
            name = printed
            if before is not None and (printed or "") == before.display_name:
                name, printed = before.name, before.name_as_printed  # the name was not touched
            found.append(
                Target(
                    title=cells["title"],
                    name=name,
                    salutation=cells["salutation"],
                    address=cells["address"],
                    email=cells["email"],
                    name_as_printed=printed,
                    fax=cells["fax"],
                    phone=before.phone if before else None,
                    social=before.social if before else (),
                    gender=(cells["gender"] or "").lower() or None,
                )
            )
        return tuple(found)

    # ---- differences --------------------------------------------------------------------

    def _difference_row(self, field: str, value: object) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        shown = value if isinstance(value, str) else str(value)
        text = _("A later document says {field}: {value}").format(
            field=field_label(field), value=shown
        )
        label = QLabel(text)
        label.setWordWrap(True)
        take = QPushButton(_("Take the document's"))
        keep = QPushButton(_("Keep mine"))
        take.clicked.connect(lambda: self._resolve(field, accept=True))
        keep.clicked.connect(lambda: self._resolve(field, accept=False))
        layout.addWidget(label, 1)
        layout.addWidget(take)
        layout.addWidget(keep)
        self.difference_buttons[field] = (take, keep)
        return row

    def _resolve(self, field: str, *, accept: bool) -> None:
        from app.services.editing import resolve_difference

        if self.db is None:
            return
        try:
            change = resolve_difference(self.db, self.case.ua_number, field, accept=accept)
        except Exception as error:
            report_failure(self, _("The case was not changed"), error)
            return
        self.change_made.emit(change)
        self.accept()

    # ---- saving -------------------------------------------------------------------------

    def edits(self) -> CaseEdits:
        """Only the fields the user changed."""
        case = self.case
        deadline: date | None = None
        clear = False
        if self.no_deadline.isChecked():
            clear = case.deadline is not None
        else:
            chosen = self.deadline.date().toPython()
            assert isinstance(chosen, date)
            deadline = chosen if chosen != case.deadline else None
        persons = parse_persons(self.persons.toPlainText())
        officials = self.official_values()
        preferred = tuple(x.strip() for x in self.preferred.text().split(",") if x.strip())
        status = self.status.currentData()
        return CaseEdits(
            title=self.title.text() if self.title.text() != case.title else None,
            country=self.country.text() if self.country.text() != case.country else None,
            deadline=deadline,
            clear_deadline=clear,
            status=status if status != case.status.value else None,
            language=(
                self.language.text() if self.language.text() != case.document_language else None
            ),
            preferred_languages=preferred if preferred != case.preferred_languages else None,
            persons=persons if persons != case.persons else None,
            targets=officials if officials != case.targets else None,
        )

    def _discard(self) -> None:
        """Cancel: the changes go, as the button says (Escape and the close box ask first)."""
        QDialog.reject(self)

    def reject(self) -> None:
        """Escape or the window's close box: asks before dropping the changes typed here."""
        close_keeping_changes(
            self,
            self.edits() != CaseEdits(),
            _("You changed this case. Save your changes?"),
            self.save,
        )

    def save(self) -> None:
        from app.services.editing import edit_case

        edits = self.edits()
        if edits == CaseEdits() or self.db is None:
            self.accept()
            return
        try:
            change = edit_case(self.db, self.case.ua_number, edits)
        except Exception as error:
            report_failure(self, _("The case was not changed"), error)
            return
        self.change_made.emit(change)
        self.accept()
