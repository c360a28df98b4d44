"""Saved web pages, e-mails, mailboxes and copied HTML through the window; a doubtful update
asks before it changes a case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData

from app.services.cases import get_case, list_cases
from app.ui.import_controller import ImportController

INPUTS = Path(__file__).parents[1] / "unit" / "importing" / "inputs"
HELDOUT = Path(__file__).parents[1] / "unit" / "importing" / "heldout"
PERU = HELDOUT / "225_peru_swiss_page_2021.txt"


def _import(window, qtbot, monkeypatch, *paths: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: list(paths))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.import_files.trigger()


def test_a_saved_web_page_and_an_e_mail_import_through_the_window(
    make_window, qtbot, monkeypatch, open_db
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _import(window, qtbot, monkeypatch, INPUTS / "de_section_page.html", INPUTS / "ua_in_body.eml")
    numbers = sorted(case.ua_number for case in list_cases(open_db, include_closed=True))
    assert numbers == ["119/21", "207/16"]
    assert get_case(open_db, "207/16").title == "Gewerkschafter in Haft"


def test_a_mailbox_gives_one_case_per_ua_and_skips_the_chatter(
    make_window, qtbot, monkeypatch, open_db
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _import(window, qtbot, monkeypatch, INPUTS / "three_messages.mbox")
    [case] = list_cases(open_db, include_closed=True)
    assert case.ua_number == "167/20"  # the UA and its follow-up: one case, two documents
    assert len(get_case(open_db, "167/20").outputs) == 2


def test_html_copied_from_a_browser_is_imported_with_its_structure(
    make_window, qtbot, open_db
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    html = (INPUTS / "de_section_page.html").read_text(encoding="utf-8")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("Gewerkschafter in Haft UA-207/2016 (the text flattened by the browser)")
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.paste_import.trigger()
    case = get_case(open_db, "207/16")
    assert case.title == "Gewerkschafter in Haft"
    assert case.country == "Belarus"


@pytest.mark.parametrize("answer", [True, False])
def test_a_doubtful_update_shows_what_would_change_and_asks(
    make_window, qtbot, monkeypatch, messages, open_db, tmp_path, answer
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _import(window, qtbot, monkeypatch, PERU)
    stray = tmp_path / "stray.txt"
    stray.write_text("URGENT ACTION\nUA 119/21\nTOTAL LETTERS: 30.\n", encoding="utf-8")
    messages.answer = answer
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        _import(window, qtbot, monkeypatch, stray)
    [question] = messages.texts("ask")
    assert "UA 119/21" in question
    assert "TOTAL LETTERS: 30." in question  # the title it would put on the case
    expected = "TOTAL LETTERS: 30." if answer else "Indigene Umweltschützerin bedroht"
    qtbot.waitUntil(lambda: get_case(open_db, "119/21").title == expected, timeout=20_000)


def test_open_original_opens_the_kept_copy_of_the_imported_file(
    make_window, qtbot, monkeypatch, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs import letter_output

    opened: list[str] = []
    monkeypatch.setattr(
        letter_output, "open_url", lambda _s, url: opened.append(url.toLocalFile()) or True
    )
    window = make_window()
    page = INPUTS / "de_section_page.html"
    _import(window, qtbot, monkeypatch, page)
    button = window.detail.case_page().original_button
    assert button.isVisible()
    button.click()
    [path] = opened
    assert Path(path).parent.name == "originals"
    assert Path(path).read_bytes() == page.read_bytes()
