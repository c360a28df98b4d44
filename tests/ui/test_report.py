"""The report for the section: counts per UA x channel and month, no names, CSV and print."""

from __future__ import annotations

import csv
import io
from datetime import date

from app.domain.model import AppealStatus, Channel
from app.services.appeals import record_appeal
from app.services.reports import report_csv, section_report
from app.ui.dialogs import report_dialog
from tests.builders import fictional_document, store_documents


def seed(paths, db) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        paths,
        fictional_document("12/26", person="Ana Lima"),
        fictional_document("3/26", person="Tomas Brel"),
    )
    record_appeal(
        db,
        "12/26",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 3, 2),
        text="Ana Lima letter",
    )
    record_appeal(
        db, "12/26", target_index=2, channel=Channel.POST, sent_on=date(2026, 3, 9), count=3
    )
    record_appeal(db, "12/26", target_index=1, channel=Channel.EMAIL, sent_on=date(2026, 4, 1))
    record_appeal(db, "3/26", target_index=1, channel=Channel.FAX, sent_on=date(2026, 4, 5))
    record_appeal(db, "3/26", target_index=1, channel=Channel.POST, status=AppealStatus.DRAFT)


def test_report_counts_sent_letters_without_names(app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    seed(app_paths, open_db)
    report = section_report(open_db)
    assert report.total == 6  # the draft does not count; the handwritten batch counts 3
    assert report.per_case_and_channel() == {
        ("12/26", "post"): 4,
        ("12/26", "email"): 1,
        ("3/26", "fax"): 1,
    }
    assert report.per_month() == {"2026-03": 4, "2026-04": 2}
    text = report_csv(report)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0] == {
        "month": "2026-03",
        "ua_number": "12/26",
        "channel": "post",
        "kind": "appeal",
        "letters": "4",
        "replies": "0",
        "event": "",  # written outside any event
    }
    for secret in ("Ana Lima", "Tomas Brel", "Rui Costa", "Fictional Avenue", "TEACHER"):
        assert secret not in text


def test_report_dialog_shows_saves_and_prints(
    make_window, app_paths, open_db, tmp_path, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    seed(app_paths, open_db)
    window = make_window()
    window.menu_actions.report.trigger()
    dialog = window.case_actions.report_dialog
    summary = dialog.view.toPlainText()
    assert "Total letters: 6." in summary
    assert "leaves out every name and address" in summary
    assert "Ana Lima" not in summary
    target = tmp_path / "report.csv"
    monkeypatch.setattr(report_dialog, "ask_save_path", lambda *_args: target)
    dialog.csv_button.click()
    assert target.read_text(encoding="utf-8").startswith("month,ua_number,channel,kind,letters")
    pdf = tmp_path / "report.pdf"
    monkeypatch.setattr(report_dialog, "ask_save_path", lambda *_args: pdf)
    dialog.pdf_button.click()
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    assert len(pages) == 1
    assert "12/26" in pages[0].extract_text() and "Ana Lima" not in pages[0].extract_text()
    dialog.print_button.click()
    assert dialog.print_preview.isVisible()
    dialog.print_preview.close()


def test_report_for_a_period(qtbot, gui_app, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    seed(app_paths, open_db)
    dialog = report_dialog.ReportDialog(lambda: open_db)
    qtbot.add_widget(dialog)
    dialog.since_edit.setDate(QDate(2026, 4, 1))
    dialog.until_edit.setDate(QDate(2026, 4, 30))
    dialog.period_box.setChecked(True)
    assert dialog.report.total == 2
    assert "Total letters: 2." in dialog.view.toPlainText()


def test_the_dialog_shows_the_tables_the_pdf_prints(qtbot, gui_app, app_paths, open_db) -> None:  # type: ignore[no-untyped-def]
    from app.services.reports import report_page

    seed(app_paths, open_db)
    dialog = report_dialog.ReportDialog(lambda: open_db)
    qtbot.add_widget(dialog)
    shown = [line.strip() for line in dialog.view.toPlainText().splitlines() if line.strip()]
    page = report_page(section_report(open_db), date.today())
    for header, rows in (page.case_table, page.month_table):
        for cells in (header, *rows):  # one cell a line, each row as the PDF prints it
            run = list(cells)
            assert any(shown[at : at + len(run)] == run for at in range(len(shown))), run
    assert shown.index("UA 3/26") < shown.index("UA 12/26")  # by year, then number
    assert "March 2026" in shown and "2026-03" not in shown  # months in words


def test_the_dialog_counts_a_solidarity_card_apart_from_the_posted_appeals(
    qtbot, gui_app, app_paths, open_db
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import AppealKind

    seed(app_paths, open_db)
    record_appeal(
        open_db,
        "3/26",
        target_index=1,
        channel=Channel.POST,
        sent_on=date(2026, 4, 6),
        kind=AppealKind.SOLIDARITY,
    )
    dialog = report_dialog.ReportDialog(lambda: open_db)
    qtbot.add_widget(dialog)
    shown = [line.strip() for line in dialog.view.toPlainText().splitlines() if line.strip()]
    header = ["UA", "Post", "Email", "Fax", "Solidarity message", "Total", "Replies"]
    at = shown.index("UA")
    assert shown[at : at + len(header)] == header
    row = shown.index("UA 3/26")
    assert shown[row : row + 7] == ["UA 3/26", "0", "0", "1", "1", "2", "0"]  # not under Post
