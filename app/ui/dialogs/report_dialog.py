"""File > Report for your section: letters per UA x channel and per month, as CSV or on paper."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.outputs import default_output_options
from app.ui.errors import report_failure
from app.ui.file_dialogs import ask_save_path
from app.ui.style import Role, apply_role

if TYPE_CHECKING:
    from app.domain.output_options import OutputOptions
    from app.services.database import Database
    from app.services.reports import SectionReport


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A bordered table: the first column left, counts right, the last row (totals) in bold."""

    def row(cells: Sequence[str], tag: str, bold: bool = False) -> str:
        out = []
        for column, cell in enumerate(cells):
            align = "left" if column == 0 else "right"
            text = f"<b>{escape(cell)}</b>" if bold else escape(cell)
            out.append(f"<{tag} align='{align}'>{text}</{tag}>")
        return "<tr>" + "".join(out) + "</tr>"

    body = "".join(row(cells, "td", bold=i == len(rows) - 1) for i, cells in enumerate(rows))
    return f"<table cellspacing='0' cellpadding='4' border='1'>{row(header, 'th')}{body}</table>"


def report_html(report: SectionReport) -> str:
    """The page the PDF prints (same tables, same order), with a heading over each table."""
    from app.services.reports import report_page

    page = report_page(report, date.today())
    parts = [
        f"<h2>{escape(page.headline)}</h2>",
        f"<p>{escape(page.period)} {escape(page.total_line)}</p>",
        f"<p><i>{escape(page.scope_note)}</i></p>",  # the same words as the PDF and --help
    ]
    case_header, case_rows = page.case_table
    month_header, month_rows = page.month_table
    if not case_rows:
        nothing = _("No letters marked as sent in this period.")
        return "".join([*parts, f"<p>{escape(nothing)}</p>"])
    per_case_heading, per_month_heading = _("Letters per UA and channel"), _("Letters per month")
    parts += [
        f"<h3>{escape(per_case_heading)}</h3>",
        html_table(case_header, case_rows),
        f"<h3>{escape(per_month_heading)}</h3>",
        html_table(month_header, month_rows),
    ]
    return "".join(parts)


class ReportDialog(QDialog):
    """Shows the summary for a period; saves it as CSV or prints it."""

    def __init__(
        self,
        database: Callable[[], Database | None],
        parent: QWidget | None = None,
        options: Callable[[], OutputOptions] = default_output_options,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._options = options
        self.report: SectionReport | None = None
        self.period_box = QCheckBox()
        self.since_edit = QDateEdit(QDate(QDate.currentDate().year(), 1, 1))
        self.until_edit = QDateEdit(QDate.currentDate())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.period_box.toggled.connect(self.since_edit.setEnabled)
        self.period_box.toggled.connect(self.until_edit.setEnabled)
        self.period_box.toggled.connect(lambda _on: self.refresh())
        self.view = QTextBrowser()
        self.csv_button = QPushButton()
        self.pdf_button = QPushButton()
        self.print_button = QPushButton()
        self.close_button = QPushButton()
        self.pdf_button.clicked.connect(self.save_pdf)
        self.status_label = QLabel()
        apply_role(self.status_label, Role.HINT)
        self.csv_button.clicked.connect(self.save_csv)
        self.print_button.clicked.connect(self.print_report)
        self.close_button.clicked.connect(self.close)
        period = QHBoxLayout()
        period.addWidget(self.period_box)
        period.addWidget(self.since_edit)
        period.addWidget(self.until_edit)
        period.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(760, 620)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Report for your section"))
        self.period_box.setText(_("Only &between"))
        self.period_box.setAccessibleDescription(_("Limit the report to a period"))
        self.since_edit.setAccessibleName(_("From date"))
        self.until_edit.setAccessibleName(_("Until date"))
        self.view.setAccessibleName(_("Report summary"))
        for button, text, name in (
            (self.csv_button, _("Save as &CSV…"), _("Save the report as a CSV file")),
            (self.pdf_button, _("Save as P&DF…"), _("Save the one-page summary as a PDF file")),
            (self.print_button, _("&Print…"), _("Print the report")),
            (self.close_button, _("Close"), _("Close the report")),
        ):
            button.setText(text)
            button.setAccessibleDescription(name)
        if self.report is not None:
            self.view.setHtml(report_html(self.report))

    def period(self) -> tuple[date | None, date | None]:
        if not self.period_box.isChecked():
            return None, None
        return self.since_edit.date().toPython(), self.until_edit.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        from app.services.reports import section_report

        db = self._database()
        if db is None:
            return
        since, until = self.period()
        try:
            self.report = section_report(db, since=since, until=until)
        except Exception as error:
            report_failure(self, _("The report could not be made"), error)
            return
        self.view.setHtml(report_html(self.report))

    def save_csv(self) -> None:
        from app.services.reports import write_report_csv

        if self.report is None:
            return
        name = f"appeals-report-{date.today().isoformat()}.csv"
        path = ask_save_path(self, _("Save the report"), name, ".csv", _("CSV files (*.csv)"))
        if path is None:
            return
        try:
            write_report_csv(self.report, path)
        except Exception as error:
            report_failure(self, _("The report was not saved"), error)
            return
        self.status_label.setText(_("Saved {file}.").format(file=str(path)))

    def save_pdf(self) -> None:
        """The one-page summary of the services (the same page ``appeal-desk report --pdf`` writes)."""
        from app.services.reports import write_report_pdf

        if self.report is None:
            return
        name = f"appeals-report-{date.today().isoformat()}.pdf"
        path = ask_save_path(self, _("Save the report"), name, ".pdf", _("PDF files (*.pdf)"))
        if path is None:
            return
        try:
            write_report_pdf(self.report, path, options=self._options())
        except Exception as error:
            report_failure(self, _("The report was not saved"), error)
            return
        self.status_label.setText(_("Saved {file}.").format(file=str(path)))

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from app.ui.print_preview import PrintPreview

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self.view.document().clone(self)
        preview = PrintPreview(printer, document.print_, _("Print the report"), self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.print_preview = preview
        self.print_parts = (printer, document)  # the preview owns neither: keep them alive
        preview.printed.connect(lambda: self.status_label.setText(preview.outcome))
        preview.open()
