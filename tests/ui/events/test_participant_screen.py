"""The participant's screen with the shipped fictional pack: the case's story and asks in the
interface language, letters drafted off the GUI thread, kiosk printing without a file browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.paths import resolve_paths
from app.services.events import create_event, event_tally
from app.services.samples import load_sample_pack
from app.store.database import Database, open_database
from app.ui import print_preview
from app.ui.events import event_mode_window
from app.ui.events.event_mode_window import EventModeWindow
from app.ui.events.kiosk_printing import KioskPrinting, kiosk_preview
from app.ui.events.pin import PinLock
from tests.unit.output.pdf_reading import fragments, pdf_text

RADIO_HOST = "902/27"  # the pack's case of a threatened radio host in Colombia


@pytest.fixture
def pack(tmp_path: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path / "data"))
    load_sample_pack(database)
    yield database
    database.close()


@pytest.fixture
def window(
    pack: Database, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EventModeWindow]:
    from app.ui.application import apply_language

    apply_language("en")
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: True)
    event = create_event(pack, "Evening (fictional)", cases=[RADIO_HOST])
    kiosk = KioskPrinting(tmp_path / "kiosk")  # no printer: letters go to this folder
    shown = EventModeWindow(pack, event, PinLock("2468"), kiosk=kiosk)
    qtbot.add_widget(shown)
    shown.show()
    yield shown
    shown.leave(pin_checked=True)
    apply_language("en")


def choose_and_sign(window: EventModeWindow, qtbot: QtBot, name: str) -> None:
    window.form.case_list.setCurrentRow(0)
    qtbot.keyClicks(window.form.name_edit, name)
    qtbot.wait_until(lambda: not window.form.drafting, timeout=20_000)


def test_the_participant_reads_the_story_and_the_asks_in_their_language(
    window: EventModeWindow, qtbot: QtBot
) -> None:
    from app.ui.application import apply_language

    form = window.form
    assert "Choose a case to read its story" in form.story.toPlainText()
    item = form.case_list.item(0).text()
    assert item.startswith("FICTIONAL SAMPLE - DO NOT SEND: UA 902/27")  # practice, marked
    apply_language("fr")
    form.case_list.setCurrentRow(0)
    story = form.story.toPlainText()
    assert "Ipsum Delgado" in story and "community radio programme" in story
    assert "L\u2019AU demande :" in story and "Pour : Ipsum Delgado" in story
    assert "Une enquête" in story  # "An investigation", named in the interface language
    assert "An investigation" not in story


def test_the_letter_is_drafted_off_the_gui_thread(window: EventModeWindow, qtbot: QtBot) -> None:
    form = window.form
    with qtbot.wait_signal(form.letter_ready, timeout=20_000) as ready:
        form.case_list.setCurrentRow(0)
        # the GUI thread went on at once: the box waits, and nothing can be printed yet
        assert form.drafting and form.letter_edit.isReadOnly()
        assert not window.print_button.isEnabled() and not window.record_button.isEnabled()
    assert ready.args == [True]
    assert "Dear Attorney General" in form.text()
    assert window.print_button.isEnabled() and not form.letter_edit.isReadOnly()


def test_a_draft_for_the_last_participant_never_reaches_the_next(
    window: EventModeWindow, qtbot: QtBot
) -> None:
    form = window.form
    form.case_list.setCurrentRow(0)
    assert form.drafting
    window.next_person()  # the participant walked away before the letter came
    qtbot.wait(300)
    assert form.text() == "" and form.case() is None and not form.drafting


def test_kiosk_printing_saves_in_the_folder_without_any_dialog(
    window: EventModeWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_system_dialog(*_args: object) -> bool:
        raise AssertionError("a kiosk never opens the system's print dialog")

    monkeypatch.setattr(print_preview, "ask_printer", no_system_dialog)
    choose_and_sign(window, qtbot, "Maria Participant")
    case = window.form.case()
    assert case is not None
    letter = window.form.letter
    assert letter is not None
    preview = kiosk_preview(
        window,
        window.kiosk,
        letter,
        case,
        case.targets[0],
        window.form.signature(case),
        window.options,
    )
    qtbot.add_widget(preview)
    preview.show()
    assert preview.print_button.text() == "&Print"  # no "..." : nothing more is asked
    preview.print_button.click()
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
    assert opened == []
    (pdf,) = window.kiosk.folder.glob("*.pdf")
    assert preview.outcome == f"Saved for the organiser to print: {pdf.name}."
    assert "FICTIONAL SAMPLE - DO NOT SEND" in pdf_text(pdf)

    # the name heads the page and signs the letter; no stray line of it above the subject
    placed = fragments(pdf)
    address_end = min(y for _x, y, text in placed if "COLOMBIA" in text)
    dear = max(y for _x, y, text in placed if text.startswith("Dear"))
    names = [y for _x, y, text in placed if "Maria Participant" in text]
    assert max(names) > address_end  # the sender block, above the official's address
    assert min(names) < dear  # the signature
    assert not [y for y in names if dear < y < address_end]


def test_print_my_letter_counts_it_and_says_where_it_went(
    window: EventModeWindow, pack: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.events import kiosk_printing

    def press_print(parent, kiosk, *rest):  # type: ignore[no-untyped-def]
        preview = kiosk_preview(parent, kiosk, *rest)
        qtbot.add_widget(preview)
        preview.print_button.click()
        return preview.outcome or None

    monkeypatch.setattr(kiosk_printing, "print_letter", press_print)
    choose_and_sign(window, qtbot, "Kim")
    with qtbot.wait_signal(window.letter_recorded):
        window.print_button.click()
    assert window.thanks.text().startswith("Saved for the organiser to print: 0001 UA 902-27.pdf.")
    assert "is counted" in window.thanks.text()
    assert event_tally(pack, "Evening (fictional)").cases[0].total == 1
    assert window.kiosk.folder.name == "kiosk" and len(list(window.kiosk.folder.iterdir())) == 1


def test_the_organiser_sees_where_letters_go_and_changes_the_pin(
    window: EventModeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_mode_window, "choose_new_pin", lambda parent: PinLock("9753"))
    menu = window.organiser_menu()
    entries = {action.text(): action for action in menu.actions() if action.text()}
    folder = str(window.kiosk.folder)
    assert f"No printer is set up: letters are saved as PDF files in {folder}." in entries
    entries["Change the PIN\u2026"].trigger()
    assert window._lock.matches("9753") and not window._lock.matches("2468")
    assert window.thanks.text() == "The new PIN is set."


def test_the_open_event_screen_follows_a_change_of_language(
    window: EventModeWindow, qtbot: QtBot
) -> None:
    from app.ui.application import apply_language

    form = window.form
    choose_and_sign(window, qtbot, "Ana")
    form.letter_edit.appendPlainText("My own sentence.")
    letter = form.letter_edit.toPlainText()
    with qtbot.wait_signal(window.letter_recorded):
        window.record_button.click()
    assert window.next_button.text() == "Next person"
    assert "is counted" in window.thanks.text()
    apply_language("fr")  # as Settings does while the screen is open
    qtbot.wait_until(lambda: window.next_button.text() == "Personne suivante")
    assert window.windowTitle() == "Mode événement : Evening (fictional)"
    assert form.story_caption.text() == "À propos de ce dossier :"
    assert form.name_caption.text() == "2. Votre nom :"
    assert "L\u2019AU demande :" in form.story.toPlainText()
    assert "The UA asks for" not in form.story.toPlainText()
    assert "is counted" not in window.thanks.text() and "902/27" in window.thanks.text()
    # what the participant chose and wrote stays
    assert form.case() is not None and form.case().ua_number == RADIO_HOST
    assert form.name_edit.text() == "Ana"
    assert form.letter_edit.toPlainText() == letter
    apply_language("en")
    qtbot.wait_until(lambda: window.next_button.text() == "Next person")
    assert "The UA asks for:" in form.story.toPlainText()


def test_a_participant_reads_the_printed_demands_when_none_is_recognised() -> None:
    from app.ui.events.participant_form import story_html
    from tests.builders import make_case

    bullets = ("Ask the governor to let the fishers go home.", "Ask that the nets be returned.")
    case = make_case(summary="Three fishers were held at the harbour.", recommended_actions=bullets)
    html = story_html(case, [])
    assert "The UA asks for:" in html and all(bullet in html for bullet in bullets)
    assert "The UA asks for:" not in story_html(make_case(recommended_actions=()), [])


def test_a_counted_letter_corrected_and_printed_again_is_counted_once(
    window: EventModeWindow, pack: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A participant who fixes a typo after their letter was counted prints the corrected copy
    without counting a second letter; a card to the person at risk is a letter of its own."""
    from app.ui.events import kiosk_printing

    def press_print(parent, kiosk, *rest):  # type: ignore[no-untyped-def]
        preview = kiosk_preview(parent, kiosk, *rest)
        qtbot.add_widget(preview)
        preview.print_button.click()
        return preview.outcome or None

    monkeypatch.setattr(kiosk_printing, "print_letter", press_print)
    choose_and_sign(window, qtbot, "Kim")
    with qtbot.wait_signal(window.letter_recorded):
        window.print_button.click()
    form = window.form
    form.letter_edit.appendPlainText("With my best wishes.")  # the typo fixed after printing
    assert window.print_button.isEnabled()  # the corrected copy can be printed
    assert not window.record_button.isEnabled()  # but it is the same letter
    with qtbot.assert_not_emitted(window.letter_recorded):
        window.print_button.click()
    assert window.thanks.text() == (
        "Saved for the organiser to print: 0002 UA 902-27.pdf. "
        "Your letter for UA 902/27 was already counted."
    )
    assert event_tally(pack, "Evening (fictional)").cases[0].total == 1

    form.solidarity_radio.click()  # then a card to the person at risk: a new letter
    qtbot.wait_until(lambda: not form.drafting, timeout=20_000)
    assert window.record_button.isEnabled()
    with qtbot.wait_signal(window.letter_recorded):
        window.record_button.click()
    assert event_tally(pack, "Evening (fictional)").cases[0].total == 2


def test_a_name_typed_over_the_last_participants_counts_a_new_letter(
    window: EventModeWindow, pack: Database, qtbot: QtBot
) -> None:
    """The next participant who signs over the last one's name without pressing Next person
    writes a letter of their own: it is counted, not taken for a corrected copy."""
    choose_and_sign(window, qtbot, "Kim")
    with qtbot.wait_signal(window.letter_recorded):
        window.record_button.click()
    assert not window.record_button.isEnabled()
    form = window.form
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, "Lee")
    qtbot.wait_until(lambda: not form.drafting, timeout=20_000)
    assert window.record_button.isEnabled()
    with qtbot.wait_signal(window.letter_recorded):
        window.record_button.click()
    assert event_tally(pack, "Evening (fictional)").cases[0].total == 2
