"""The new-event side of the events dialog reads well: whole texts, the cases one can act on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app.domain.model import OutputKind
from app.services.importing import save_parsed
from app.store.database import Database
from app.ui.events.events_dialog import EventsDialog
from app.ui.language import apply_language
from tests.builders import fictional_document


def _store(db: Database) -> None:
    today = date.today()
    documents = [
        fictional_document("98/95", title="LONG EXPIRED APPEAL", deadline=date(1995, 9, 1)),
        fictional_document("233/26", title="OPEN APPEAL", deadline=today + timedelta(days=9)),
        fictional_document("7/26", title="CLOSED APPEAL", deadline=today + timedelta(days=3)),
        fictional_document("7/26", title="CLOSED APPEAL", kind=OutputKind.FINAL),
    ]
    for number, document in enumerate(documents):
        save_parsed(db, document, f"fictional-{number}.txt")


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [None, (1400, 900)])
def test_cases_in_play_read_whole_without_sideways_scrolling(
    db: Database, qtbot: QtBot, language: str, size: tuple[int, int] | None
) -> None:
    _store(db)
    apply_language(language)
    try:
        dialog = EventsDialog(db)
        qtbot.add_widget(dialog)
        dialog.show()
        if size is not None:
            dialog.resize(*size)
        qtbot.waitExposed(dialog)
        form, table = dialog.form, dialog.form.case_table
        rows = [table.item(row, 0).text() for row in range(table.rowCount())]
        # closed cases are not offered; the expired one comes last and says so in words
        numbers = [text.split(" \u2013 ")[0] for text in rows]
        assert "UA 7/26" not in numbers and numbers[-1] == "UA 98/95"
        assert "UA 233/26" in numbers
        passed = "Deadline passed" if language == "en" else "Frist abgelaufen"
        assert passed in rows[-1] and not any(passed in text for text in rows[:-1])
        # the UA numbers and the example name are seen whole, no sideways scroll bar
        assert not table.horizontalScrollBar().isVisible()
        metrics = table.fontMetrics()
        assert table.columnWidth(0) > metrics.horizontalAdvance("UA 233/26 \u2013 OPEN APPEAL")
        hint = form.name_edit.placeholderText()
        assert form.name_edit.fontMetrics().horizontalAdvance(hint) < form.name_edit.width()
        assert table.viewport().height() >= 4 * table.rowHeight(0)
    finally:
        apply_language("en")
