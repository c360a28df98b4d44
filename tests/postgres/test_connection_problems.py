"""The window on a group's server that cannot be opened: a wrong password, a database that
is not there, a server away. The user reads what is wrong in the interface language, with
what to do, and tries again or corrects the address without restarting; the server's own
words stay in the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url

from app.main import main
from app.paths import resolve_paths
from app.settings import Settings, database_address, load_settings, save_settings
from tests.builders import INITIAL_902
from tests.postgres.conftest import server_comes_back, server_goes_away
from tests.ui.conftest import gui_app, messages  # noqa: F401 - the window's fixtures


def open_failing_window(qtbot, url: str, data_dir: Path):  # type: ignore[no-untyped-def]
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    paths = resolve_paths(data_dir)
    window = MainWindow(AppContext(paths, load_settings(paths), url))
    qtbot.add_widget(window)
    window.show()
    with qtbot.waitSignal(window.load_failed, timeout=30_000):
        window.start()
    return window


def problem_shown(window) -> str:  # type: ignore[no-untyped-def]
    problem = window.connection_problem
    assert problem is not None and problem.page.isVisible()
    return problem.page.problem.text()


def test_a_wrong_password_is_said_and_corrected_in_the_window(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # type: ignore[no-untyped-def]
    wrong = make_url(pg_url).set(password="not-the-password")
    given = wrong.render_as_string(hide_password=False)  # as a shortcut's --database-url
    window = open_failing_window(qtbot, given, tmp_path / "laptop")

    said = problem_shown(window)
    assert said.startswith("The database server 127.0.0.1:")
    assert "refused the user name or the password (user appeal_desk)" in said
    assert "Correct it with Connection settings" in said and "Try again" in said
    assert "FATAL" not in said and "authentication failed" not in said
    assert "password authentication failed" in caplog.text  # the technical words: the log
    assert messages.shown == []  # the page says it: no box on top

    window.connection_problem.page.settings_button.click()
    dialog = window.connection_problem.dialog
    assert dialog is not None and dialog.user.text() == "appeal_desk"
    dialog.password.setText(make_url(pg_url).password)
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        dialog.accept()
    assert window.empty_state.isVisible()  # the group's (empty) database, open
    assert window.context.db is not None and window.context.db.dialect == "postgresql"
    settings = load_settings(resolve_paths(tmp_path / "laptop"))
    assert settings.database_url is not None
    assert make_url(settings.database_url) == make_url(pg_url)
    # the next start from the same shortcut opens the corrected address
    assert database_address(given, settings) == settings.database_url
    assert database_address(None, settings) == settings.database_url
    window.close()


def correct_the_password(qtbot, window, pg_url: str):  # type: ignore[no-untyped-def]
    """Connection settings: the right password typed, Connect; returns the dialog's note on
    when the correction is used."""
    window.connection_problem.page.settings_button.click()
    dialog = window.connection_problem.dialog
    assert dialog is not None
    kept_for = dialog.kept_for.text() if dialog.kept_for.isVisibleTo(dialog) else ""
    dialog.password.setText(make_url(pg_url).password)
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        dialog.accept()
    return kept_for


def test_the_command_line_opens_the_address_corrected_in_the_window(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # type: ignore[no-untyped-def]
    organiser = ["--data-dir", str(tmp_path / "organiser"), "--database-url", pg_url]
    assert main([*organiser, "import", str(INITIAL_902)]) == 0
    laptop = tmp_path / "laptop"
    given = make_url(pg_url).set(password="not-the-password").render_as_string(False)
    window = open_failing_window(qtbot, given, laptop)
    assert correct_the_password(qtbot, window, pg_url) == ""  # every start opens it now
    window.close()
    capsys.readouterr()

    # the same laptop's command line, without an address and with the one corrected
    for address in ([], ["--database-url", given]):
        assert main(["--data-dir", str(laptop), *address, "list"]) == 0
        listed = capsys.readouterr().out
        assert "902/27" in listed, address


def test_a_correction_of_a_start_up_address_keeps_the_address_of_a_normal_start(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # type: ignore[no-untyped-def]
    """The laptop's own address (a start without --database-url) is another group's server,
    or another database on it: correcting the shortcut's address keeps it, and says so."""
    organiser = ["--data-dir", str(tmp_path / "organiser"), "--database-url", pg_url]
    assert main([*organiser, "import", str(INITIAL_902)]) == 0
    laptop = resolve_paths(tmp_path / "laptop")
    own = make_url(pg_url).set(database="other_group").render_as_string(False)
    save_settings(laptop, Settings(database_url=own))
    given = make_url(pg_url).set(password="not-the-password").render_as_string(False)
    window = open_failing_window(qtbot, given, laptop.data_dir)

    kept_for = correct_the_password(qtbot, window, pg_url)
    assert "started with the address it corrects" in kept_for
    assert "still opens other_group (127.0.0.1:" in kept_for
    assert window.proxy.rowCount() == 1  # the group's case, from the corrected address
    window.close()
    settings = load_settings(laptop)
    assert settings.database_url == own  # not silently replaced
    assert database_address(given, settings) == settings.corrected_database_url
    assert make_url(settings.corrected_database_url) == make_url(pg_url)
    capsys.readouterr()
    assert main(["--data-dir", str(laptop.data_dir), "--database-url", given, "list"]) == 0
    assert "902/27" in capsys.readouterr().out


def test_a_missing_database_is_said_in_the_users_language(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    missing = make_url(pg_url).set(database="no_such_appeals")
    apply_language("fr")
    try:
        window = open_failing_window(
            qtbot, missing.render_as_string(hide_password=False), tmp_path / "laptop"
        )
        said = problem_shown(window)
        assert "n'a pas de base de données nommée no_such_appeals" in said
        assert window.connection_problem.page.retry_button.text() == "&Réessayer"
        assert "does not exist" not in said
    finally:
        apply_language("en")
    window.close()


def test_a_server_away_at_start_is_tried_again_once_it_is_back(
    qtbot,
    gui_app,  # noqa: F811
    messages,  # noqa: F811
    pg_url: str,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from app.store.database import open_database

    open_database(resolve_paths(tmp_path / "organiser"), url=pg_url).close()  # tables made
    server_goes_away(pg_url)
    try:
        window = open_failing_window(qtbot, pg_url, tmp_path / "laptop")
        said = problem_shown(window)
        assert "cannot be reached" in said and "connected to the network" in said
    finally:
        server_comes_back(pg_url)
    with qtbot.waitSignal(window.cases_loaded, timeout=30_000):
        window.connection_problem.page.retry_button.click()
    assert window.empty_state.isVisible()
    assert messages.shown == []
    window.close()
