"""Importing through the window: the File > Import action, drops, the sample pack, summaries."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QProgressDialog

from app.domain.model import CaseStatus
from app.services.cases import list_cases
from app.ui.import_controller import ImportController
from app.ui.models.case_table_model import Column
from tests.builders import INITIAL_902
from tests.conftest import SEED_FINAL, UA_SAMPLES


def choose_files(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(ImportController, "ask_for_files", lambda _self: list(paths))


def import_with_action(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.import_files.trigger()


def test_import_action_adds_the_seed_case_to_the_table(
    make_window, monkeypatch, qtbot, open_db
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    assert window.pages.currentWidget() is window.splitter
    # UA 119/21 is a final output: closed, so the list switched "show closed" on to show it.
    assert window.case_list.show_closed_box.isChecked()
    row = window.proxy.proxy_row_of(window.detail.case.case_id)
    assert window.proxy.index(row, Column.UA_NUMBER).data() == "119/21"
    assert window.proxy.index(row, Column.COUNTRY).data() == "Peru"
    assert window.proxy.index(row, Column.DAYS_LEFT).data() == "Closed"
    assert "Adri\u00e1n Valc\u00e1rcel" in window.detail.case_page().body.toPlainText()
    [stored] = list_cases(open_db, include_closed=True)
    assert stored.status == CaseStatus.CLOSED


def visible_ua_numbers(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    return [proxy.index(row, Column.UA_NUMBER).data() for row in range(proxy.rowCount())]


def test_an_imported_closed_case_is_shown_until_an_open_one_is_chosen(
    make_window, monkeypatch, qtbot, app_paths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, INITIAL_902)
    import_with_action(window, qtbot)
    case_list = window.case_list
    assert not case_list.show_closed_box.isChecked()

    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    # The closed case just imported is shown and selected, and the list says why.
    assert case_list.show_closed_box.isChecked()
    assert window.detail.case.ua_number == "119/21"
    assert sorted(visible_ua_numbers(window)) == ["119/21", "902/27"]
    assert case_list.revealed_label.isVisible()
    assert case_list.revealed_label.text() == (
        "UA 119/21 is closed, so closed cases are shown for now; "
        "choosing an open case hides them again."
    )
    window.grab().save(str(tmp_path / "closed-case-shown.png"))

    # Clicking the open case hides the closed ones again, the user's own choice.
    table = case_list.table
    open_row = visible_ua_numbers(window).index("902/27")
    where = table.visualRect(window.proxy.index(open_row, Column.TITLE)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not case_list.show_closed_box.isChecked()
    assert not window.menu_actions.show_closed.isChecked()
    assert visible_ua_numbers(window) == ["902/27"]
    assert window.detail.case.ua_number == "902/27"
    assert case_list.current_case().ua_number == "902/27"
    assert not case_list.revealed_label.isVisible()


def test_closing_the_window_while_a_closed_case_is_shown_keeps_the_users_choice(
    make_window, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    assert window.case_list.show_closed_box.isChecked()
    window.close()
    assert not make_window().case_list.show_closed_box.isChecked()


def test_a_user_who_ticks_show_closed_cases_keeps_it_ticked(
    make_window, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, INITIAL_902)
    import_with_action(window, qtbot)
    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    case_list = window.case_list
    case_list.show_closed_box.setChecked(False)  # the user unticks it, then ticks it again
    case_list.show_closed_box.setChecked(True)
    assert not case_list.revealed_label.isVisible()
    case_list.select_case(next(c.case_id for c in window.model.cases() if c.ua_number == "902/27"))
    assert case_list.show_closed_box.isChecked()
    assert sorted(visible_ua_numbers(window)) == ["119/21", "902/27"]


def test_reimporting_the_same_file_says_nothing_changed(
    make_window, monkeypatch, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    import_with_action(window, qtbot)
    assert window.model.rowCount() == 1
    assert any("unchanged" in text for text in messages.texts("warning") + messages.texts("info"))


def test_several_files_give_a_summary_with_reasons(
    make_window, monkeypatch, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    not_a_ua = tmp_path / "shopping.txt"
    not_a_ua.write_text("Eggs, milk, bread and a newspaper.\n" * 5)
    window = make_window()
    choose_files(monkeypatch, SEED_FINAL, empty, not_a_ua)
    import_with_action(window, qtbot)
    [(kind, title, text)] = messages.shown
    assert kind == "warning" and title == "Import finished"
    assert "1 document imported." in text
    assert "2 documents could not be imported." in text
    assert "empty.txt: rejected - " in text
    assert "shopping.txt: rejected - " in text
    assert window.model.rowCount() == 1


def test_a_rejected_single_file_leaves_the_empty_state(
    make_window, monkeypatch, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "photo.pdf"
    binary.write_bytes(bytes(range(256)) * 40)
    window = make_window()
    choose_files(monkeypatch, binary)
    import_with_action(window, qtbot)
    [(kind, _title, text)] = messages.shown
    assert kind == "warning" and text.startswith("photo.pdf: rejected - ")
    assert window.pages.currentWidget() is window.empty_state


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the only QDragEnterEvent constructor
def test_dropping_a_file_on_the_window_imports_it(make_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"not a document")
    no_button, no_modifier = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    photo_mime = file_mime(photo)
    refused = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, photo_mime, no_button, no_modifier
    )
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    seed_mime = file_mime(SEED_FINAL)
    welcomed = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, seed_mime, no_button, no_modifier
    )
    window.dragEnterEvent(welcomed)
    assert welcomed.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, seed_mime, no_button, no_modifier)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.dropEvent(drop)
    assert window.model.rowCount() == 1


def test_the_sample_pack_is_labelled_fictional_everywhere(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.empty_state.content().samples_button.click()
    assert window.model.rowCount() >= 1
    for row in range(window.model.rowCount()):
        assert window.model.index(row, Column.TITLE).data().startswith("Fictional sample: ")
    banner = window.detail.case_page().sample_banner
    assert banner.isVisible()
    assert "not a real case" in banner.text()
    window.menu_actions.write_letter.trigger()
    assert window.case_actions.letter_dialog.sample_banner.isVisible()


def test_pasting_a_ua_text_imports_it(make_window, qtbot, messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    QGuiApplication.clipboard().setText("")
    window.menu_actions.paste_import.trigger()
    assert "no text" in messages.texts("info")[0]
    QGuiApplication.clipboard().setText(SEED_FINAL.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.paste_import.trigger()
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]


def test_several_files_show_a_progress_dialog_until_done(
    make_window, monkeypatch, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    copies = []
    for number in range(3):
        copy = tmp_path / f"copy-{number}.txt"
        copy.write_text(SEED_FINAL.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy)
    window = make_window()
    choose_files(monkeypatch, *copies)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.menu_actions.import_files.trigger()
        progress = window.imports._progress
        assert progress is not None and progress.maximum() == 3
        assert progress.windowTitle() == "Import"
    assert window.imports._progress is None
    assert not window.imports.running


def test_an_import_leaves_what_lives_out_of_the_collectors_passes(
    make_window, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    looped: list[object] = []
    looped.append(looped)  # alive, in a reference cycle: the collector would walk it
    assert any(o is looped for o in gc.get_objects())
    choose_files(monkeypatch, SEED_FINAL)
    import_with_action(window, qtbot)
    assert gc.is_tracked(looped)
    assert not any(o is looped for o in gc.get_objects())  # set aside: no pass walks it
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]


def test_an_unexpected_error_is_logged_and_shown_kindly(
    gui_app, messages, monkeypatch, app_paths, caplog
) -> None:  # type: ignore[no-untyped-def]
    import sys

    from app.ui.application import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(app_paths)
    try:
        raise KeyError("internal detail")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    [(kind, title, text)] = messages.shown
    assert kind == "error" and title == "Something went wrong"
    assert "internal detail" not in text and "log file" in text
    assert "KeyError" in caplog.text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the only QDragEnterEvent constructor
def test_dropping_a_folder_imports_its_documents(make_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_FINAL.read_text(encoding="utf-8"), encoding="utf-8")
    window = make_window()
    mime = file_mime(folder)
    no_button, no_modifier = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, no_button, no_modifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, no_button, no_modifier)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.dropEvent(drop)
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]


def test_a_folder_import_names_the_files_it_does_not_read_and_why(
    make_window, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_FINAL.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "UA 119-21 notes.docx").write_bytes(b"PK\x03\x04[Content_Types].xml word/")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not much of a picture")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # left by the system
    (folder / "~$ 119-21 notes.docx").write_bytes(b"lock")  # Word's lock file while open
    window = make_window()
    mime = file_mime(folder)
    no_button, no_modifier = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, no_button, no_modifier)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.dropEvent(drop)
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("warning", "Import finished")
    lines = text.splitlines()
    assert lines[0] == "1 document imported. 2 documents could not be imported."
    assert (
        "UA 119-21 notes.docx: rejected - This is a word-processor document (Word or "
        "LibreOffice), which Appeal Desk cannot read. Save it as PDF or as plain text (.txt) "
        "in your word processor, then import that file."
    ) in lines
    assert (
        "photo.jpg: rejected - This is a JPEG picture, such as a phone photo, not a document: "
        "Appeal Desk cannot read the text in a picture. Import the UA's own PDF, or its text "
        "(saved as a .txt file, or pasted)."
    ) in lines
    assert not any("DS_Store" in line or "~$" in line for line in lines)


def test_a_folder_import_lists_its_files_in_name_order_read_or_not(
    make_window, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The summary's list is the folder's, in name order: a file not read is named where its
    name comes among the documents, as the command line lists them."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-notes.docx").write_bytes(b"PK\x03\x04[Content_Types].xml word/")
    (folder / "b-seed.txt").write_text(SEED_FINAL.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not much of a picture")
    window = make_window()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.imports.import_paths([folder])
    [(kind, _title, text)] = messages.shown
    assert kind == "warning"
    named = [line.split(":")[0] for line in text.splitlines()[1:] if line.strip()]
    # the files not read, each with why, in view; then the details: every file, one list
    assert named == ["a-notes.docx", "c-photo.jpg", "a-notes.docx", "b-seed.txt", "c-photo.jpg"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the only QDragEnterEvent constructor
def test_files_dropped_beside_a_document_are_each_named_with_why_they_were_not_imported(
    make_window, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "UA 119-21.docx"
    report.write_bytes(b"PK\x03\x04[Content_Types].xml word/document.xml")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    window = make_window()
    no_button, no_modifier = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    report_mime = file_mime(report)  # kept alive while the event refers to it
    alone = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, report_mime, no_button, no_modifier
    )
    window.dragEnterEvent(alone)
    assert alone.isAccepted()  # a Word document is taken, to say how to import it
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (SEED_FINAL, report, photo)])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, no_button, no_modifier)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.dropEvent(drop)
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]
    [(kind, _title, text)] = messages.shown
    lines = text.splitlines()
    assert (
        kind == "warning" and lines[0] == "1 document imported. 2 documents could not be imported."
    )
    assert any(
        line.startswith("UA 119-21.docx: rejected - This is a word-processor document")
        and "Save it as PDF or as plain text (.txt)" in line
        for line in lines
    )
    assert any(line.startswith("photo.jpg: rejected - ") for line in lines)


def test_the_empty_state_offers_to_paste_a_ua(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    QGuiApplication.clipboard().setText(SEED_FINAL.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.empty_state.content().paste_button.click()
    assert [case.ua_number for case in window.model.cases()] == ["119/21"]


def test_a_few_refused_files_are_named_in_the_summary_once_the_progress_is_gone(
    make_window, qtbot, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.messages import Messages

    bad = []
    for number in range(4):
        path = tmp_path / f"notes-{number}.txt"
        path.write_text(f"Shopping list {number}: eggs, milk, bread.\n" * 5, encoding="utf-8")
        bad.append(path)
    window = make_window()
    shown: list[tuple[str, str, bool]] = []

    def warning(_parent, _title, text, details=""):  # type: ignore[no-untyped-def]
        visible = [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
        shown.append((text, details, bool(visible)))

    monkeypatch.setattr(Messages, "warning", staticmethod(warning))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in bad])
    no_button, no_modifier = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, no_button, no_modifier)
    window.dropEvent(drop)
    progress = window.imports._progress
    assert progress is not None
    progress.show()  # as it is once the import takes longer than a moment
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)

    [(text, _details, progress_visible)] = shown
    assert not progress_visible  # the summary is not left with "Importing ..." behind it
    lines = text.splitlines()
    assert lines[0] == "4 documents could not be imported."
    for path in bad:
        assert any(line.startswith(f"{path.name}: rejected - ") for line in lines)


def _opened_with(window, files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """What the launcher does for "Open with Appeal Desk" once the cases are loaded."""
    from app.ui.application import when_ready

    when_ready(window, window.context, files)


def test_a_file_the_window_was_opened_with_is_imported_once_the_user_agrees(
    make_window, qtbot, messages, app_paths
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings, save_settings

    save_settings(app_paths, Settings(welcome_done=True))
    window = make_window()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        _opened_with(window, [SEED_FINAL])
    [(kind, title, text)] = [shown for shown in messages.shown if shown[0] == "ask"]
    assert title == "Import documents" and str(SEED_FINAL) in text
    assert text.startswith("Import this document into Appeal Desk?")
    assert [case.ua_number for case in window.listed_cases()] == ["119/21"]


def test_a_file_the_window_was_opened_with_is_left_alone_when_the_user_declines(
    make_window, qtbot, messages, app_paths
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings, save_settings

    save_settings(app_paths, Settings(welcome_done=True))
    messages.answer = False
    window = make_window()
    _opened_with(window, [SEED_FINAL])
    qtbot.waitUntil(lambda: any(kind == "ask" for kind, _t, _x in messages.shown), timeout=20_000)
    assert not window.imports.running
    assert not window.listed_cases()


def test_files_given_to_a_new_user_are_offered_after_the_welcome(
    make_window, qtbot, messages, app_paths
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    window = make_window()  # first run: the welcome opens
    _opened_with(window, [SEED_FINAL])
    [welcome] = window.findChildren(WelcomeDialog)
    qtbot.waitUntil(lambda: "engine" not in window.context.runner.running(), timeout=20_000)
    assert messages.shown == []  # not over the welcome
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        welcome.skip_button.click()
    assert [case.ua_number for case in window.listed_cases()] == ["119/21"]


QA_WALK = Path(__file__).parents[1] / "unit" / "importing" / "qa_walk"


def test_saying_no_to_a_doubtful_document_leaves_the_case_and_says_so(
    make_window, monkeypatch, qtbot, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, QA_WALK / "905_belmont_student_fr.txt")
    import_with_action(window, qtbot)
    other = tmp_path / "other.txt"  # the same number, about someone else
    other.write_text(
        (QA_WALK / "906_belmont_student_final_fr.txt")
        .read_text(encoding="utf-8")
        .replace("Luc Ambara", "Jean Morel"),
        encoding="utf-8",
    )
    messages.answer = False
    choose_files(monkeypatch, other)
    import_with_action(window, qtbot)
    assert messages.shown[-1][0] == "ask"
    status = window.statusBar().currentMessage()
    assert "waits for your decision" not in status
    assert "not applied" in status
    [stored] = list_cases(window.context.db, include_closed=True)
    assert stored.status != CaseStatus.CLOSED


def test_a_final_naming_the_same_person_closes_the_case_without_a_question(
    make_window, monkeypatch, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choose_files(monkeypatch, QA_WALK / "905_belmont_student_fr.txt")
    import_with_action(window, qtbot)
    assert "Act before" in window.detail.case_page().facts_label.text()
    choose_files(monkeypatch, QA_WALK / "906_belmont_student_final_fr.txt")
    import_with_action(window, qtbot)
    assert not any(kind == "ask" for kind, _title, _text in messages.shown)
    [stored] = list_cases(window.context.db, include_closed=True)
    assert stored.status == CaseStatus.CLOSED
    page = window.detail.case_page()
    assert page.title_label.text() == "CONDAMNATION À MORT COMMUÉE"
    facts = page.facts_label.text()
    assert "Act before" not in facts
    assert "Closed" in facts


def test_the_sample_pack_asked_for_while_the_store_opens_is_loaded_once_it_is_open(
    qtbot, gui_app, app_paths, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    window = MainWindow(AppContext(app_paths, load_settings(app_paths)))
    qtbot.add_widget(window)
    window.show()
    window.start()
    assert window.context.db is None  # the first second: the store is still opening
    window.menu_actions.load_samples.trigger()
    assert window.statusBar().currentMessage() == (
        "Appeal Desk is still opening your data; the fictional sample pack is loaded as soon "
        "as it is open."
    )
    qtbot.wait(20)
    window.grab().save(str(tmp_path / "samples-asked-while-opening.png"))
    window.imports.import_paths([SEED_FINAL])  # a file dropped on the window meanwhile
    assert window.statusBar().currentMessage() == (
        "Appeal Desk is still opening your data; your 1 file is imported as soon as it is open."
    )
    pasted = (UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt").read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(pasted)  # and a UA pasted from an e-mail
    window.menu_actions.paste_import.trigger()
    assert window.statusBar().currentMessage() == (
        "Appeal Desk is still opening your data; the pasted text is imported as soon as it is open."
    )
    QGuiApplication.clipboard().setText("copied afterwards")  # the text pasted is imported
    qtbot.waitUntil(lambda: len(window.model.cases()) == 4, timeout=30_000)
    qtbot.waitUntil(lambda: not window.imports.running, timeout=30_000)
    assert sorted(c.ua_number for c in window.model.cases()) == [
        "119/21",
        "28/23",
        "901/27",
        "902/27",
    ]
    assert "opening your data" not in window.statusBar().currentMessage()
    window.close()


def test_a_mailbox_of_two_documents_is_summed_up_as_the_command_line_counts_it(
    make_window, monkeypatch, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    mailbox = Path(__file__).parents[1] / "unit" / "importing" / "inputs" / "three_messages.mbox"
    window = make_window()
    choose_files(monkeypatch, mailbox)
    import_with_action(window, qtbot)
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("info", "Import finished")
    # one file, two documents in it: the files read are said first, then each outcome
    assert text.splitlines()[0] == (
        "1 file read, holding more than one document. 1 document imported. 1 case updated."
    )
