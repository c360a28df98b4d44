"""Two laptops on one server: what one imports or records shows on the other when its user
comes back to the window, without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.main import main
from app.paths import resolve_paths
from app.services.database import changed_elsewhere
from app.settings import load_settings
from tests.builders import INITIAL_902
from tests.postgres.conftest import server_comes_back, server_goes_away
from tests.ui.conftest import gui_app, messages  # noqa: F401 - the window's fixtures
from tests.ui.test_changes_made_elsewhere import sent_column


def open_window(qtbot, pg_url: str, data_dir: Path):  # type: ignore[no-untyped-def]
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    paths = resolve_paths(data_dir)
    window = MainWindow(AppContext(paths, load_settings(paths), pg_url))
    qtbot.add_widget(window)
    window.show()
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def look_away_and_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    other = QWidget()
    qtbot.add_widget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def test_a_case_imported_and_letters_counted_on_another_laptop_show_on_return(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, pg_url, tmp_path / "laptop-b")
    assert window.proxy.rowCount() == 0

    laptop_a = ["--data-dir", str(tmp_path / "laptop-a"), "--database-url", pg_url]
    assert main([*laptop_a, "import", str(INITIAL_902)]) == 0
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        look_away_and_back(qtbot, window)
    assert sent_column(window) == {"902/27": "0"}

    assert main([*laptop_a, "sent", "902/27", "--target", "1", "--channel", "post"]) == 0
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        look_away_and_back(qtbot, window)
    assert sent_column(window) == {"902/27": "1"}
    window.close()


def test_the_laptops_own_letters_and_other_laptops_reads_do_not_list_the_cases_again(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import Channel
    from app.services.appeals import record_appeal

    laptop_a = ["--data-dir", str(tmp_path / "laptop-a"), "--database-url", pg_url]
    assert main([*laptop_a, "import", str(INITIAL_902)]) == 0
    window = open_window(qtbot, pg_url, tmp_path / "laptop-b")
    record_appeal(window.context.db, "902/27", target_index=1, channel=Channel.POST)
    assert main([*laptop_a, "list"]) == 0
    assert not changed_elsewhere(window.context.db)
    window.close()


def test_a_case_imported_on_another_laptop_shows_while_the_user_stays_in_the_window(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from app.domain.model import Channel
    from app.services.appeals import record_appeal

    laptop_a = ["--data-dir", str(tmp_path / "laptop-a"), "--database-url", pg_url]
    assert main([*laptop_a, "import", str(INITIAL_902)]) == 0
    window = open_window(qtbot, pg_url, tmp_path / "laptop-b")
    assert window.catch_up is not None

    # Nothing written elsewhere (the window's own letter, another laptop's reads): the
    # looks at the notices list nothing again.
    record_appeal(window.context.db, "902/27", target_index=1, channel=Channel.POST)
    assert main([*laptop_a, "list"]) == 0
    with qtbot.assertNotEmitted(window.cases_loaded):
        for _ in range(2):
            with qtbot.waitSignal(window.catch_up.checked, timeout=20_000) as looked:
                pass
            assert looked.args == [False]

    # Another laptop records a letter: it shows without the user leaving the window.
    assert main([*laptop_a, "sent", "902/27", "--target", "1", "--channel", "post"]) == 0
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        pass
    assert sent_column(window) == {"902/27": "2"}
    assert window.isActiveWindow()
    window.close()


def test_coming_back_to_the_window_reads_the_servers_notices_off_the_windows_thread(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """A server that is slow or away never holds the window up when its user comes back:
    the look at the other laptops' notices is made in the background, as the periodic one."""
    window = open_window(qtbot, pg_url, tmp_path / "laptop-b")
    assert window.catch_up is not None
    window.catch_up.timer.stop()  # only coming back to the window looks now

    laptop_a = ["--data-dir", str(tmp_path / "laptop-a"), "--database-url", pg_url]
    assert main([*laptop_a, "import", str(INITIAL_902)]) == 0
    with (
        qtbot.waitSignal(window.catch_up.checked, timeout=20_000) as looked,
        qtbot.waitSignal(window.cases_loaded, timeout=20_000),
    ):
        look_away_and_back(qtbot, window)
    assert looked.args == [True]
    assert sent_column(window) == {"902/27": "0"}

    server_goes_away(pg_url)
    with qtbot.waitSignal(window.catch_up.checked, timeout=20_000):
        look_away_and_back(qtbot, window)
    assert window.isActiveWindow()
    server_comes_back(pg_url)
    window.close()


def test_after_the_server_restarts_the_list_catches_up_and_never_goes_back(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """The server restarts (every connection closed) between two imports on another laptop:
    the window lists what was imported meanwhile and never shows an older list on the way."""
    from tests.builders import INITIAL_901
    from tests.postgres.test_server_comes_and_goes import close_every_connection

    laptop_a = ["--data-dir", str(tmp_path / "laptop-a"), "--database-url", pg_url]
    assert main([*laptop_a, "import", str(INITIAL_902)]) == 0
    window = open_window(qtbot, pg_url, tmp_path / "laptop-b")
    assert window.catch_up is not None
    listed: list[dict[str, str]] = [sent_column(window)]
    window.cases_loaded.connect(lambda: listed.append(sent_column(window)))
    assert listed == [{"902/27": "0"}]

    close_every_connection(pg_url)  # what a restart does to the laptop's connections
    assert main([*laptop_a, "import", str(INITIAL_901)]) == 0
    assert main([*laptop_a, "sent", "902/27", "--target", "1", "--channel", "post"]) == 0
    qtbot.waitUntil(lambda: listed[-1] == {"902/27": "1", "901/27": "0"}, timeout=30_000)
    sizes = [len(rows) for rows in listed]
    assert sizes == sorted(sizes)  # no list older than the one before it
    assert messages.shown == []  # no box: the window carried on by itself
    window.close()
