"""The window on a group's server that cannot be opened: a wrong password, a database that
is not there, a server away. The user reads what is wrong in the interface language, with
what to do, and tries again or corrects the address without restarting; the server's own
words stay in the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url

from app.paths import resolve_paths
from app.settings import database_address, load_settings
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
