"""Tooltips in item views show document and user text literally, never as HTML."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTableView, QToolTip

from app.domain.model import Person
from app.ui.models.case_table_model import Column
from tests.builders import make_document, store

CRAFTED = "<img src=x><b>bold</b>"


def _shown_tooltip(view: QAbstractItemView, row: int, column: int) -> str:
    """Hover a cell the way Qt does (a ToolTip help event on the viewport) and return the text
    the tooltip label shows a user, rendered as that label renders it."""
    QToolTip.hideText()
    index = view.model().index(row, column)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where))
    QApplication.sendEvent(view.viewport(), event)
    [label] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QLabel) and w.objectName() == "qtooltip_label" and w.isVisible()
    ]
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    assert "<img" not in document.toHtml()  # no image loaded, whatever the wording
    assert "font-weight:700" not in document.toHtml()  # and nothing turned bold
    return document.toPlainText()


def test_a_crafted_case_title_shows_literally_in_the_case_list_tooltip(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store(
        app_paths,
        make_document(
            title=CRAFTED,
            persons=(Person("<b>Ana</b> & co"),),
        ),
    )
    window = make_window()
    view = window.case_list.table
    row = window.proxy.proxy_row_of(window.detail.case.case_id)

    assert _shown_tooltip(view, row, Column.TITLE) == CRAFTED
    persons = _shown_tooltip(view, row, Column.PERSONS)
    assert persons.startswith("At risk: <b>Ana</b> & co\nWrite to: ")
    QToolTip.hideText()


def test_a_reply_note_shows_literally_in_the_history_tooltip(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.domain.model import AppealKind, AppealRecord, AppealStatus, Channel
    from app.ui.models.appeal_table_model import AppealColumn, AppealTableModel

    note = "<a href='http://x'>click</a> <big>now</big>\nThey replied."
    model = AppealTableModel(None)
    record = AppealRecord(
        appeal_id="00000000-0000-0000-0000-000000000001",
        ua_number="12/26",
        target_label="Minister",
        target_index=1,
        kind=AppealKind.APPEAL,
        status=AppealStatus.SENT,
        channel=Channel.POST,
        sent_on=date(2026, 1, 12),
        language="en",
        text="Fictional letter.",
        reply_on=date(2026, 2, 1),
        reply_note=note,
    )
    model.set_records([record])
    view = QTableView()
    qtbot.add_widget(view)
    view.setModel(model)
    view.resize(900, 200)
    view.show()
    qtbot.waitExposed(view)

    assert _shown_tooltip(view, 0, AppealColumn.REPLY) == note
    QToolTip.hideText()


def test_plain_text_tooltips_are_left_as_they_are() -> None:
    from app.ui.plain_text import plain_tooltip

    assert plain_tooltip("UA 12/26: 3 < 4") == "UA 12/26: 3 < 4"
    assert plain_tooltip(None) is None
    assert plain_tooltip(CRAFTED) == (
        "<p style='white-space:pre-wrap'>&lt;img src=x&gt;&lt;b&gt;bold&lt;/b&gt;</p>"
    )
