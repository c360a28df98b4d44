"""The window and the command line on the same data: what the command line imports or records
while the window is open shows in the window when the user comes back to it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.main import main
from app.ui.models.case_table_model import Column
from tests.builders import INITIAL_902, fictional_document, store_documents


def sent_column(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    return {
        proxy.index(row, Column.UA_NUMBER).data(): proxy.index(row, Column.APPEALS_SENT).data()
        for row in range(proxy.rowCount())
    }


def test_a_case_imported_and_a_letter_recorded_by_the_command_line_show_on_return(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    assert sent_column(window) == {"12/26": "0"}
    assert window.catch_up is None  # a SQLite store is looked at on return only: no timer

    data = ["--data-dir", str(app_paths.data_dir)]
    assert main([*data, "import", str(INITIAL_902)]) == 0
    assert main([*data, "sent", "12/26", "--target", "1", "--channel", "post"]) == 0

    other = QWidget()  # the user looks at another window for a while
    qtbot.add_widget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5000)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.activateWindow()  # ...and comes back
    assert sent_column(window) == {"12/26": "1", "902/27": "0"}


def test_the_windows_own_changes_do_not_list_the_cases_again(make_window, app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import Channel
    from app.services.appeals import record_appeal

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    record_appeal(window.context.db, "12/26", target_index=1, channel=Channel.POST)
    from app.services.database import changed_elsewhere

    assert not changed_elsewhere(window.context.db)


def test_reads_waiting_for_a_server_leave_the_threads_that_write_letters_free(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from app.ui.app_context import SERVER_READ_THREADS
    from app.ui.catch_up import CatchUp

    store_documents(app_paths, fictional_document("12/26"))
    window = make_window()
    context = window.context
    look = CatchUp(context, window)
    look.timer.stop()
    look.look()  # the other laptops' notices are asked for on the server reads' threads
    assert "catch-up" in context.server_reads.running()
    assert "catch-up" not in context.runner.running()
    with qtbot.waitSignal(look.checked, timeout=10_000):
        pass

    server_away = threading.Event()  # every server read waits, as for a server's timeout
    for _ in range(SERVER_READ_THREADS + 1):
        context.server_reads.start(
            lambda _progress: server_away.wait(20), lambda _r: None, lambda _e: None
        )
    done: list[str] = []
    try:
        for _ in range(4):  # drafting letters, importing, listing: all still run at once
            context.runner.start(lambda _progress: "drafted", done.append, lambda _e: None)
        qtbot.waitUntil(lambda: len(done) == 4, timeout=10_000)
    finally:
        server_away.set()
    assert done == ["drafted"] * 4
    qtbot.waitUntil(lambda: not context.server_reads.busy, timeout=10_000)
