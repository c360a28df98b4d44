"""The log file stays under its size cap and keeps numbered backups, newest first."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.logging_setup import LOG_FILE, HeldLog, log_file_handler
from app.paths import AppPaths, resolve_paths


def _logger(handler: logging.Handler, name: str) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger


def test_a_full_log_rolls_over_into_numbered_backups(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    handler = log_file_handler(path, max_bytes=200, backups=2)
    logger = _logger(handler, "test.rotation")
    try:
        for number in range(30):
            logger.info("line %02d %s", number, "x" * 40)
    finally:
        handler.close()
        logger.removeHandler(handler)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["app.log", "app.log.1", "app.log.2"]
    for name in files:
        assert (tmp_path / name).stat().st_size <= 200
    newest = path.read_text(encoding="utf-8")
    assert "line 29" in newest
    assert "line 29" not in (tmp_path / "app.log.1").read_text(encoding="utf-8")
    assert "line 00" not in "".join((tmp_path / n).read_text(encoding="utf-8") for n in files)


def test_nothing_is_written_or_created_until_something_is_logged(tmp_path: Path) -> None:
    handler = log_file_handler(tmp_path / "quiet.log")
    handler.close()
    assert list(tmp_path.iterdir()) == []


def test_a_log_below_the_cap_is_appended_to(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    path.write_text("earlier session\n", encoding="utf-8")
    handler = log_file_handler(path, max_bytes=10_000, backups=3)
    logger = _logger(handler, "test.append")
    try:
        logger.info("this session")
    finally:
        handler.close()
        logger.removeHandler(handler)
    assert path.read_text(encoding="utf-8") == "earlier session\nthis session\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.log"]


def test_the_unexpected_error_line_says_when_the_log_could_not_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.errors import unexpected_error_text

    blocker = tmp_path / "logs"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    handler = log_file_handler(blocker / "appeal-desk.log")
    handler._appeal_desk = True  # type: ignore[attr-defined]
    monkeypatch.setattr(logging.getLogger(), "handlers", [handler])
    assert "the details are in the log file" in unexpected_error_text(blocker)

    logging.getLogger("test.kept").error("the command failed")

    assert capsys.readouterr().err == ""
    assert unexpected_error_text(blocker) == (
        f"An unexpected error occurred, and the log file in {blocker} could not be written "
        "(a folder in its path is a file), so its details were not kept."
    )
    handler.close()


def _log_lines(paths: AppPaths) -> list[str]:
    log = paths.log_dir / LOG_FILE
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_window_start_up_is_logged_once_the_log_opens_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    handler = HeldLog(paths)
    logger = _logger(handler, "test.held")
    try:
        logger.info("store %s opened", "A")
        logger.warning("an old SQLite")
        assert _log_lines(paths) == []  # held: no file yet, not even its folder
        assert not paths.log_dir.exists()
        handler.open()
        logger.info("window ready")
    finally:
        handler.close()
        logger.removeHandler(handler)
    lines = _log_lines(paths)
    assert [line.split(" test.held: ")[1] for line in lines] == [
        "store A opened",
        "an old SQLite",
        "window ready",
    ]
    assert " WARNING " in lines[1]


def test_an_error_during_start_up_is_written_at_once_after_what_came_before(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    handler = HeldLog(paths)
    logger = _logger(handler, "test.held_error")
    try:
        logger.info("starting")
        logger.error("the store could not be opened")
        lines = _log_lines(paths)
        assert [line.split(": ", 1)[1] for line in lines] == [
            "starting",
            "the store could not be opened",
        ]
    finally:
        handler.close()
        logger.removeHandler(handler)


def test_the_end_of_the_process_writes_what_was_held(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    handler = HeldLog(paths)
    logger = _logger(handler, "test.held_exit")
    logger.info("window closed with status %s", 0)
    handler.close()  # as logging.shutdown does at exit
    logger.removeHandler(handler)
    assert [line.split(": ", 1)[1] for line in _log_lines(paths)] == ["window closed with status 0"]


def test_the_reason_the_log_could_not_be_kept_is_said_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english: None
) -> None:
    from app.cli.errors import unexpected_error_text
    from app.i18n import set_language

    blocker = tmp_path / "logs"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    handler = log_file_handler(blocker / "appeal-desk.log")
    handler._appeal_desk = True  # type: ignore[attr-defined]
    monkeypatch.setattr(logging.getLogger(), "handlers", [handler])
    logging.getLogger("test.kept_fr").error("the command failed")
    set_language("fr")
    try:
        line = unexpected_error_text(blocker)
    finally:
        handler.close()
    assert "(un dossier de son chemin est un fichier)" in line
    assert "Not a directory" not in line
