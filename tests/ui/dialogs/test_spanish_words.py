"""The interface's words: Spanish names an Urgent Action "AU" everywhere (as Amnesty's sections
do), an unknown country reads naturally mid-sentence, and a language with no catalog is said."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.paths import AppPaths
from tests.builders import numbered_case, store


@pytest.fixture
def spanish() -> Iterator[None]:
    from app.ui.application import apply_language

    apply_language("es")
    yield
    apply_language("en")


def test_write_today_says_au_and_names_no_unknown_region(
    qtbot, main_window, paths: AppPaths, spanish: None
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.ui.views.write_today_view import WriteTodayDialog
    from tests.builders import TODAY

    ahead = (date.today() - TODAY).days + 40  # forty days from the real today
    store(paths, numbered_case(70, "", ahead))  # the document named no country
    window = main_window()
    window.menu_actions.write_today.trigger()
    [queue] = window.findChildren(WriteTodayDialog)
    queue.view.table.selectRow(0)
    line = queue.view.advice_label.text()
    assert line.startswith("AU 70/26: Envíe su carta por correo antes del ")
    assert "el correo aéreo al extranjero tarda unos" in line
    assert "desconocida" not in line and "UA" not in line
    queue.grab().save("/tmp/polish/write-today-es.png")


def test_the_event_screen_and_the_report_say_au(qtbot, db, spanish: None) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.domain.model import Channel
    from app.services.appeals import record_appeal
    from app.services.events import create_event
    from app.services.reports import report_page, section_report
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock
    from tests.builders import add_cases

    add_cases(db, numbered_case(71, "Peru", 40))
    event = create_event(db, "Tarde (ficticia)", cases=["71/26"])
    window = EventModeWindow(db, event, PinLock("2468"))
    qtbot.add_widget(window)
    assert window.form.case_list.item(0).text().startswith("AU 71/26  \u2013  ")
    window.leave(pin_checked=True)
    record_appeal(db, "71/26", target_index=1, channel=Channel.POST, sent_on=date.today())
    page = report_page(section_report(db), date.today())
    assert [row[0] for row in page.case_table[1]][:1] == ["AU 71/26"]


def test_a_language_without_a_catalog_is_said_in_the_window(
    qtbot, main_window, paths: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language, say_unknown_language

    window = main_window()
    used = apply_language("klingon")
    try:
        say_unknown_language(window, "klingon", used)
        window.first_painted.emit()  # as the window's first frame does
        message = window.statusBar().currentMessage()
        assert message.startswith("There is no translation for \u201cklingon\u201d: Appeal Desk")
        assert "shown in English" in message and "es, fr" in message
        window.grab().save("/tmp/polish/klingon.png")
    finally:
        apply_language("en")
    say_unknown_language(window, "es", apply_language("es"))  # a known one: nothing to say
    apply_language("en")
