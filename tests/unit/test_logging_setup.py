"""The log file stays under its size cap and keeps numbered backups, newest first."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.logging_setup import log_file_handler


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
        "(Not a directory), so its details were not kept."
    )
    handler.close()
