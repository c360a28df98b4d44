"""Event mode through the GUI (pytest-qt, offscreen): create, two participants, tally shows 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.events import EventInfo
from app.domain.model import Letter
from app.services.events import event_tally
from app.store.database import Database, row_counts
from app.ui.events import event_mode_window, events_dialog, kiosk_printing, organiser_files
from app.ui.events.event_mode_window import EventModeWindow
from app.ui.events.events_dialog import EventsDialog
from app.ui.events.pin import PinLock

EVENT = "Library evening (fictional)"


@pytest.fixture(autouse=True)
def organiser_types_the_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left open close at the end of a test: the organiser types the right PIN."""
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches("2468"))


@pytest.fixture
def dialog(db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> EventsDialog:
    monkeypatch.setattr(events_dialog, "choose_pin", lambda parent: PinLock("2468"))
    shown = EventsDialog(db)
    qtbot.add_widget(shown)
    shown.show()
    return shown


def create_event_through_the_form(dialog: EventsDialog) -> None:
    dialog.form.name_edit.setText(EVENT)
    dialog.form.place_edit.setText("Town library")
    dialog.form.tick("12/26", goal=2)
    dialog.form.tick("34/26")
    dialog.create_button.click()


def drafted(window: EventModeWindow, qtbot: QtBot) -> None:
    """The letter is drafted off the GUI thread: let events run until it is in the box."""
    qtbot.wait_until(lambda: not window.form.drafting, timeout=20_000)


def write_and_count(window: EventModeWindow, qtbot: QtBot, row: int, name: str) -> None:
    form = window.form
    form.case_list.setCurrentRow(row)
    qtbot.keyClicks(form.name_edit, name)
    drafted(window, qtbot)
    assert name in form.text()  # the letter is signed with the participant's name
    with qtbot.wait_signal(window.letter_recorded):
        window.record_button.click()
    assert "is counted" in window.thanks.text()
    assert not window.record_button.isEnabled()  # one letter, counted once


def letters_go_to_the_folder(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """As the kiosk's preview does without a printer: each printed letter is saved in the
    event's folder; the list fills with the files saved."""
    saved: list[Path] = []

    def no_printer_here(parent: object, kiosk: kiosk_printing.KioskPrinting, *rest: object) -> str:
        saved.append(kiosk_printing.save_letter_in_folder(kiosk, *rest))  # type: ignore[arg-type]
        return "Saved for the organiser to print."

    monkeypatch.setattr(kiosk_printing, "print_letter", no_printer_here)
    return saved


def test_create_event_two_participants_and_the_tally_shows_2(
    dialog: EventsDialog, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_event_through_the_form(dialog)
    assert dialog.current_event() is not None
    assert dialog.current_event().name == EVENT
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    board = dialog.open_board()
    assert board is not None and board.tally is not None and board.tally.total == 0

    write_and_count(window, qtbot, 0, "Participant One")
    window.next_person()
    form = window.form
    assert form.name_edit.text() == "" and form.text() == "" and form.case() is None
    form.name_edit.undo()
    form.letter_edit.undo()
    assert "Participant One" not in form.name_edit.text() + form.text()
    write_and_count(window, qtbot, 0, "P. T.")

    assert board.tally.total == 2  # refreshed on the recorded signal, no waiting
    assert {c.ua_number: (c.total, c.goal) for c in board.tally.cases} == {
        "12/26": (2, 2),
        "34/26": (0, None),
    }
    assert event_tally(db, EVENT).total == 2
    board.grab().save(str(Path(dialog.db.path).parent / "board.png"))  # paints without error


def test_leaving_event_mode_needs_the_pin(
    dialog: EventsDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_event_through_the_form(dialog)
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches("0000"))
    window.close()
    assert window.isVisible()  # a wrong PIN keeps the participants' screen
    monkeypatch.setattr(event_mode_window, "ask_pin", lambda parent, lock: lock.matches("2468"))
    with qtbot.wait_signal(window.left):
        window.close()
    assert not window.isVisible() and dialog.isVisible()


def test_a_letter_is_counted_without_its_text_or_the_name(
    dialog: EventsDialog, db: Database, qtbot: QtBot
) -> None:
    from app.services.appeals import list_appeals

    create_event_through_the_form(dialog)
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    write_and_count(window, qtbot, 1, "Private Person")
    (stored,) = list_appeals(db)
    assert (stored.event_name, stored.ua_number, stored.count) == (EVENT, "34/26", 1)
    assert "Private Person" not in stored.text


def test_organiser_batch_export_merge_and_report(
    dialog: EventsDialog,
    db: Database,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_event_through_the_form(dialog)

    def fill(parent: object, event: object) -> object:
        from app.ui.events.batch_dialog import BatchDialog

        batch = BatchDialog(dialog.current_event(), dialog)
        batch.count_spin.setValue(12)
        batch.note_edit.setText("table 3")
        return batch

    monkeypatch.setattr(organiser_files, "run_batch_dialog", fill)
    dialog.batch_button.click()
    assert "Counted 12 letters for UA 12/26" in dialog.status.text()
    exported = tmp_path / "laptop.json"
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: exported)
    dialog.export_button.click()
    assert exported.is_file()
    before = row_counts(db)
    monkeypatch.setattr(organiser_files, "ask_open_paths", lambda *a: [exported, exported])
    dialog.merge_button.click()
    assert dialog.status.text().count("0 added, 1 already present") == 2
    assert row_counts(db) == before
    report = tmp_path / "report.pdf"
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: report)
    dialog.report_button.click()
    assert report.is_file() and report.with_suffix(".csv").is_file()
    assert "12 letters" in dialog.status.text()

    def names(parent: object, event: object) -> object:
        from app.ui.events.batch_dialog import BatchPrintDialog

        batch = BatchPrintDialog(dialog.current_event(), dialog)
        batch.names_edit.setPlainText("Alex Example\nSam Sample")
        batch.blank_spin.setValue(1)
        return batch

    batch_pdf = tmp_path / "batch.pdf"
    monkeypatch.setattr(organiser_files, "run_batch_print_dialog", names)
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: batch_pdf)
    dialog.print_batch_button.click()
    qtbot.wait_until(lambda: not dialog.files.printing, timeout=20_000)  # drafted off the GUI
    assert "Saved 3 letters and their envelopes in batch.pdf" in dialog.status.text()
    assert batch_pdf.is_file()
    assert dialog.event_list.currentItem().text().startswith(EVENT)
    assert dialog.event_list.count() == 1


def test_a_batch_of_letters_is_written_while_the_organisers_window_stays_usable(
    dialog: EventsDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each letter of a batch is rendered in the letter worker: the window says it is writing
    them and answers meanwhile; the PDF comes when they are all drafted."""
    from pypdf import PdfReader

    from app.ui.events.batch_dialog import BatchPrintDialog

    create_event_through_the_form(dialog)

    def names(parent: object, event: object) -> object:
        batch = BatchPrintDialog(dialog.current_event(), dialog)
        batch.names_edit.setPlainText("Alex Example\nSam Sample")
        return batch

    batch_pdf = tmp_path / "batch.pdf"
    monkeypatch.setattr(organiser_files, "run_batch_print_dialog", names)
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: batch_pdf)
    dialog.print_batch_button.click()
    assert dialog.status.text() == "Writing the letters and their envelopes\u2026"
    assert not batch_pdf.exists()
    dialog.print_batch_button.click()  # a second click while writing starts nothing more
    # the file is written in the job, and the window told once the job is done
    qtbot.wait_until(lambda: batch_pdf.is_file() and not dialog.files.printing, timeout=20_000)
    assert "Saved 2 letters and their envelopes in batch.pdf" in dialog.status.text()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(batch_pdf).pages)
    assert "Alex Example" in text and "Sam Sample" in text


class HeldBatch:
    """A main window whose Events window has started a batch of letters to ``pdf`` for the
    given signers, on a one-thread pool held until ``release()``: the test decides when the
    batch may run."""

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch,
        pdf: Path,
        signers: str,
    ) -> None:
        import threading

        from PySide6.QtCore import QRunnable, QThreadPool

        from app.paths import resolve_paths
        from app.services.events import create_event
        from app.settings import load_settings
        from app.ui.app_context import AppContext
        from app.ui.events.batch_dialog import BatchPrintDialog
        from app.ui.main_window import MainWindow
        from app.ui.tasks import JobRunner

        create_event(db, EVENT, cases=["12/26"])
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._released = threading.Event()
        released = self._released

        class Hold(QRunnable):
            def run(self) -> None:
                released.wait(30)

        self._hold = Hold()
        self.pool.start(self._hold)
        self.runner = JobRunner(self.pool)
        monkeypatch.setattr(organiser_files, "batch_runner", lambda: self.runner)
        paths = resolve_paths(data_dir)
        self.window = window = MainWindow(AppContext(paths, load_settings(paths)))
        qtbot.add_widget(window)
        window.show()
        with qtbot.wait_signal(window.cases_loaded, timeout=20_000):
            window.start()
        events = window.events_menu.open_dialog()
        assert events is not None and events.current_event() is not None
        self.events = events

        def names(parent: object, event: object) -> object:
            batch = BatchPrintDialog(events.current_event(), events)
            batch.names_edit.setPlainText(signers)
            return batch

        monkeypatch.setattr(organiser_files, "run_batch_print_dialog", names)
        monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: pdf)
        events.print_batch_button.click()

    def release(self) -> None:
        self._released.set()


def test_a_batch_goes_on_to_its_file_when_the_events_window_closes_and_the_main_window_says_so(
    db: Database, data_dir: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The organiser chose the file, then closed the events window while the letters were
    written: the PDF is still written, and the main window's status bar says so."""
    import shiboken6

    batch_pdf = tmp_path / "batch.pdf"
    held = HeldBatch(db, data_dir, qtbot, monkeypatch, batch_pdf, "Alex Example\nSam Sample")
    window, events = held.window, held.events
    status = events.status
    assert status.text() == "Writing the letters and their envelopes\u2026"
    events.close()
    qtbot.wait_until(lambda: not shiboken6.isValid(status), timeout=5_000)
    held.release()
    qtbot.wait_until(
        lambda: "Saved 2 letters" in window.statusBar().currentMessage(), timeout=30_000
    )
    assert window.statusBar().currentMessage() == (
        "Saved 2 letters and their envelopes in batch.pdf. Count them once they are signed."
    )
    assert batch_pdf.is_file()
    held.pool.waitForDone(30_000)


def test_closing_the_app_while_a_batch_is_written_asks_first_and_stays_open_if_told_to(
    db: Database, data_dir: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the main window while a batch of letters is being written asks first: "No"
    keeps the window open and the batch goes on to its file; once it is written, the window
    closes without asking."""
    from app.ui.messages import Messages

    batch_pdf = tmp_path / "batch.pdf"
    held = HeldBatch(db, data_dir, qtbot, monkeypatch, batch_pdf, "Alex Example")
    asked: list[str] = []

    def keep_open(parent: object, title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        held.release()  # the batch runs once the user has been asked
        return False

    monkeypatch.setattr(Messages, "ask", staticmethod(keep_open))
    assert not held.window.close()
    assert held.window.isVisible()
    assert asked == [
        "Letters are still being written: A batch of letters is still being written to its "
        "PDF file. If you close Appeal Desk now, that file may be left unfinished.\n\n"
        "Close anyway?"
    ]
    qtbot.wait_until(lambda: batch_pdf.is_file() and not held.runner.busy, timeout=30_000)
    assert held.window.close()
    assert len(asked) == 1  # nothing left to wait for: no question
    held.pool.waitForDone(30_000)


def test_the_main_window_has_events_event_mode(
    db: Database, data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.paths import resolve_paths
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    paths = resolve_paths(data_dir)
    window = MainWindow(AppContext(paths, load_settings(paths)))
    qtbot.add_widget(window)
    window.show()
    with qtbot.wait_signal(window.cases_loaded, timeout=20_000):
        window.start()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "Even&ts" in titles
    menu = window.events_menu
    assert menu.event_mode.text() == "Event &mode\u2026"
    menu.event_mode.trigger()
    assert menu.dialog is not None and menu.dialog.isVisible()
    assert menu.dialog.form.case_table.rowCount() == 3
    menu.dialog.close()


def test_print_counts_the_letter_and_an_idle_screen_clears_itself(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.events import create_event

    event = create_event(db, EVENT, cases=["12/26"])
    printed: list[tuple[str, str]] = []

    def fake_print(parent: object, kiosk: object, letter: Letter, *rest: object) -> str:
        _case, target, _sender, _options = rest
        printed.append((letter.text, target.label))  # type: ignore[attr-defined]
        return "Sent to the printer Hall."

    monkeypatch.setattr(kiosk_printing, "print_letter", fake_print)
    window = EventModeWindow(db, event, PinLock("2468"), idle_reset_ms=50)
    qtbot.add_widget(window)
    window.show()
    window.form.case_list.setCurrentRow(0)
    qtbot.keyClicks(window.form.name_edit, "Walks Away")
    drafted(window, qtbot)
    with qtbot.wait_signal(window.letter_recorded):
        window.print_button.click()
    assert printed and "Walks Away" in printed[0][0] and "Rui Costa" in printed[0][1]
    qtbot.wait_until(lambda: window.form.name_edit.text() == "" and window.form.text() == "")
    assert window.thanks.text() == "" and window.form.case() is None
    assert event_tally(db, EVENT).total == 1


def test_the_board_picks_up_letters_from_other_laptops_on_its_timer(
    db: Database, qtbot: QtBot
) -> None:
    from app.services.events import create_event, record_event_letter
    from app.ui.events.tally_board import TallyBoard

    event = create_event(db, EVENT, cases=["12/26", "34/26"], goal=3)
    board = TallyBoard(lambda: event_tally(db, EVENT), poll_ms=20)
    qtbot.add_widget(board)
    board.show()
    assert board.tally is not None and board.tally.total == 0
    record_event_letter(db, event, "34/26", target_index=1, count=2)  # "another laptop"
    with qtbot.wait_signal(board.tally_changed) as changed:
        pass
    assert changed.args == [2]
    image = board.grab().toImage()
    assert image.width() > 0


def test_the_event_list_shows_the_day_in_the_interface_words(
    db: Database, dialog: EventsDialog
) -> None:
    from datetime import date

    from app.dates import medium_date
    from app.services.events import create_event

    create_event(db, "Dated evening", held_on=date(2026, 12, 10), cases=["12/26"])
    dialog.reload()
    texts = [dialog.event_list.item(row).text() for row in range(dialog.event_list.count())]
    assert f"Dated evening  ({medium_date(date(2026, 12, 10))})" in texts
    assert not any("2026-12-10" in text for text in texts)


def test_a_us_users_event_letters_come_out_on_letter_paper(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The paper of the user's settings reaches the letters participants print at an event."""
    from pypdf import PdfReader

    from app.domain.output_options import OutputOptions, PageSize

    saved = letters_go_to_the_folder(monkeypatch)
    monkeypatch.setattr(events_dialog, "choose_pin", lambda parent: PinLock("2468"))
    dialog = EventsDialog(db, options=lambda: OutputOptions(PageSize.LETTER), exports=tmp_path)
    qtbot.add_widget(dialog)
    dialog.show()
    create_event_through_the_form(dialog)
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    window.form.case_list.setCurrentRow(0)
    qtbot.keyClicks(window.form.name_edit, "Pat Example")
    drafted(window, qtbot)
    with qtbot.wait_signal(window.letter_recorded):
        window.print_button.click()
    [pdf] = saved
    assert pdf.is_relative_to(tmp_path)
    page = PdfReader(pdf).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_a_case_without_a_country_reads_cleanly_and_the_letter_is_signed(
    db: Database, qtbot: QtBot
) -> None:
    from app.services.events import create_event
    from tests.builders import add_cases, event_case

    stateless = event_case("78/26", "FICTIONAL DEFENDER THREATENED", "", "Di Lo")
    add_cases(db, stateless)
    event = create_event(db, EVENT, cases=["78/26"])
    window = EventModeWindow(db, event, PinLock("2468"))
    qtbot.add_widget(window)
    window.show()
    assert window.form.case_list.item(0).text() == "UA 78/26  \u2013  FICTIONAL DEFENDER THREATENED"
    window.form.case_list.setCurrentRow(0)
    drafted(window, qtbot)
    assert "()" not in window.form.story.toPlainText()
    window.form.name_edit.setText("Zo\u00eb K.")  # filled in, not typed key by key
    drafted(window, qtbot)
    assert window.form.text().rstrip().endswith("Zo\u00eb K.")  # the preview is signed
    window.grab().save("/tmp/polish/event.png")


def test_merging_names_the_event_each_file_went_to(
    dialog: EventsDialog, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from app.services.event_files import export_event
    from app.services.events import create_event, get_event, record_event_letter
    from tests.builders import laptop

    create_event_through_the_form(dialog)
    school = laptop(tmp_path, "school")  # a laptop that set up an event of its own
    create_event(school, "School evening (fictional)", cases=["34/26"])
    record_event_letter(
        school, get_event(school, "School evening (fictional)"), "34/26", target_index=1
    )
    school_file = tmp_path / "school.json"
    export_event(school, "School evening (fictional)", school_file)
    school.close()
    record_event_letter(db, get_event(db, EVENT), "12/26", target_index=1, count=2)
    mine = tmp_path / "mine.json"
    export_event(db, EVENT, mine)
    payload = json.loads(mine.read_text(encoding="utf-8"))
    payload["records"][0]["count"] = 5  # changed on the way
    # as a copy of version 1 wrote it: without edit times, neither copy is known to be newer
    payload["version"] = 1
    del payload["deleted"], payload["records"][0]["edited_at"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(payload), encoding="utf-8")

    monkeypatch.setattr(organiser_files, "ask_open_paths", lambda *a: [school_file, edited])
    dialog.merge_button.click()
    total, school_line, edited_line = dialog.status.text().splitlines()
    assert total == "2 files merged: 1 added, 0 already present, 1 conflict."
    assert school_line == (
        "school.json: 'School evening (fictional)' (event created): "
        "1 added, 0 already present, 0 conflicts"
    )
    assert edited_line.startswith(f"edited.json: '{EVENT}': 0 added, 0 already present, 1 conflict")
    assert edited_line.endswith("the copy already here was kept.")
    assert event_tally(db, EVENT).total == 2
    listed = [dialog.event_list.item(n).text() for n in range(dialog.event_list.count())]
    assert any(text.startswith("School evening (fictional)") for text in listed)


def test_the_saved_report_of_one_letter_says_one_letter(
    dialog: EventsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_event_through_the_form(dialog)

    def one(parent: object, event: object) -> object:
        from app.ui.events.batch_dialog import BatchDialog

        batch = BatchDialog(dialog.current_event(), dialog)
        batch.count_spin.setValue(1)
        return batch

    monkeypatch.setattr(organiser_files, "run_batch_dialog", one)
    dialog.batch_button.click()
    monkeypatch.setattr(organiser_files, "ask_save_path", lambda *a: tmp_path / "report.pdf")
    dialog.report_button.click()
    assert dialog.status.text() == "Saved the report (1 letter) as report.pdf and report.csv."


def close_by_its_final_ua(db: Database, ua_number: str) -> None:
    """Import the final document of one of the event's cases: no further action is requested."""
    from dataclasses import replace as replaced
    from datetime import date

    from app.domain.model import OutputKind
    from app.services.importing import save_parsed
    from tests.builders import EVENT_CASES, event_case

    ua, title, country, person = next(c for c in EVENT_CASES if c[0] == ua_number)
    final = replaced(
        event_case(ua, title, country, person),
        kind=OutputKind.FINAL,
        action_requested=False,
        issued_on=date(2026, 2, 1),
        text=f"fictional final text for {ua}: no further action is requested",
    )
    assert save_parsed(db, final, f"{ua}-final.txt").case_id is not None


def test_a_case_closed_since_the_event_was_set_up_is_not_offered_to_participants(
    dialog: EventsDialog, db: Database, qtbot: QtBot
) -> None:
    create_event_through_the_form(dialog)
    close_by_its_final_ua(db, "34/26")
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    offered = [
        window.form.case_list.item(row).text() for row in range(window.form.case_list.count())
    ]
    assert len(offered) == 1 and "12/26" in offered[0]
    assert [case.ua_number for case in window.form.cases] == ["12/26"]


def test_event_mode_does_not_start_when_every_case_of_the_event_is_closed(
    dialog: EventsDialog, db: Database, messages
) -> None:  # type: ignore[no-untyped-def]
    create_event_through_the_form(dialog)
    close_by_its_final_ua(db, "12/26")
    close_by_its_final_ua(db, "34/26")
    assert dialog.start_event_mode() is None
    assert dialog.event_window is None and dialog.isVisible()
    assert messages.texts() == [
        f"Every case of \u201c{EVENT}\u201d is closed now: their UAs ask for no further action. "
        "Add an open case to the event before starting event mode."
    ]


def test_a_batch_of_letters_is_offered_only_for_the_events_open_cases(
    dialog: EventsDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.events.batch_dialog import BatchPrintDialog

    create_event_through_the_form(dialog)
    close_by_its_final_ua(db, "34/26")
    offered: list[list[str]] = []

    def look_and_cancel(parent: object, event: EventInfo) -> None:
        batch = BatchPrintDialog(event, dialog)
        offered.append([batch.case_combo.itemText(i) for i in range(batch.case_combo.count())])

    monkeypatch.setattr(organiser_files, "run_batch_print_dialog", look_and_cancel)
    dialog.print_batch_button.click()
    assert len(offered) == 1 and len(offered[0]) == 1 and "12/26" in offered[0][0]

    close_by_its_final_ua(db, "12/26")
    dialog.print_batch_button.click()
    assert len(offered) == 1  # no dialog: nothing is left to print
    assert dialog.status.text() == (
        f"Every case of \u201c{EVENT}\u201d is closed now: their UAs ask for no further action, "
        "so there are no letters to print."
    )


def test_event_mode_for_a_case_deleted_meanwhile_says_it_did_not_start(
    dialog: EventsDialog, db: Database, messages
) -> None:  # type: ignore[no-untyped-def]
    """The events window's list was read before a case of the event was deleted (in the main
    window): starting event mode says what went wrong and starts nothing."""
    from app.services.editing import delete_case

    create_event_through_the_form(dialog)
    listed = dialog.current_event()
    assert listed is not None
    delete_case(db, "34/26")
    assert dialog.start_event_mode(listed) is None
    assert dialog.event_window is None and dialog.isVisible()
    [(kind, title, _text)] = messages.shown
    assert (kind, title) == ("error", "Event mode was not started")


def test_a_batch_for_an_event_whose_case_was_deleted_meanwhile_says_it_was_not_printed(
    dialog: EventsDialog, db: Database, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.services.editing import delete_case

    create_event_through_the_form(dialog)
    delete_case(db, "34/26")  # in the main window, after the events list was read
    dialog.print_batch_button.click()
    [(kind, title, _text)] = messages.shown
    assert (kind, title) == ("error", "The batch could not be printed")
    assert not dialog.files.printing


def test_leaving_event_mode_tells_the_organiser_that_saved_letters_carry_names(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without a printer the participants' letters wait in a folder, names and all: the
    organiser is told on leaving event mode, since nothing else of event mode keeps a name."""
    saved = letters_go_to_the_folder(monkeypatch)
    monkeypatch.setattr(events_dialog, "choose_pin", lambda parent: PinLock("2468"))
    dialog = EventsDialog(db, exports=tmp_path)
    qtbot.add_widget(dialog)
    dialog.show()
    create_event_through_the_form(dialog)
    window = dialog.start_event_mode()
    assert window is not None
    qtbot.add_widget(window)
    for name in ("Pat Example", "Sam Example"):
        window.form.case_list.setCurrentRow(0)
        qtbot.keyClicks(window.form.name_edit, name)
        drafted(window, qtbot)
        with qtbot.wait_signal(window.letter_recorded):
            window.print_button.click()
        window.next_person()
    folder = saved[0].parent

    with qtbot.wait_signal(window.left):
        window.leave(pin_checked=True)

    assert dialog.status.text() == (
        f"2 letters written in event mode wait to be printed in {folder}. They carry the "
        "participants' names: delete them once they are printed."
    )


def test_each_laptop_offers_its_own_file_name_for_its_records(
    dialog: EventsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laptops that export to one USB stick must not replace each other's file: the name
    offered carries the laptop's name, the report's name stays the event's."""
    from PySide6.QtCore import QSysInfo

    create_event_through_the_form(dialog)
    offered: list[str] = []

    def remember(parent: object, title: str, suggested: str, pattern: str) -> None:
        offered.append(suggested)

    monkeypatch.setattr(organiser_files, "ask_save_path", remember)
    dialog.export_button.click()
    dialog.report_button.click()
    laptop = QSysInfo.machineHostName()
    assert laptop
    (records, report) = offered
    assert records == f"{EVENT} \u2013 {laptop}.json"
    assert report == f"{EVENT}.pdf"
