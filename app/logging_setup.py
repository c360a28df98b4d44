"""Log to a size-capped file in the log directory; tracebacks go there, never to the user.

A log that cannot be written (a read-only data folder, a full disk) is given up quietly at
its first failure: the command goes on and the user never sees logging's own traceback.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from app.paths import AppPaths

LOG_FILE = "appeal-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


class LogFile(logging.handlers.RotatingFileHandler):
    """A rotating log file that stops at its first write failure instead of printing
    ``--- Logging error ---`` and a traceback on stderr for every record after it."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(
            path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
        )
        self.failure: str | None = None  # why the file could not be written, once it failed

    def emit(self, record: logging.LogRecord) -> None:
        if self.failure is None:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a bad format string is a bug: logging says so
            super().handleError(record)
            return
        self.failure = error.strerror or str(error)
        stream, self.stream = self.stream, None
        if stream is not None:  # its buffer cannot be written either: drop it
            with contextlib.suppress(OSError, ValueError):
                stream.close()

    def flush(self) -> None:
        if self.failure is None:
            with contextlib.suppress(OSError):
                super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # a buffer the full disk cannot take
            super().close()


def log_file_handler(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> LogFile:
    """A size-capped UTF-8 log file with numbered backups (``.1`` newest), opened on first use."""
    return LogFile(path, max_bytes, backups)


def log_file_problem() -> str | None:
    """Why the app's log file could not be written (None while it works or was never used)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_appeal_desk", False):
            return getattr(handler, "failure", None) or getattr(handler, "unusable", None)
    return None


def quiet_until_configured() -> None:
    """Records logged before the log file is set up (reading the settings for the language)
    are dropped: without a handler, Python would print them on the user's terminal."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def configure_logging(paths: AppPaths, console: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_appeal_desk", False) for h in root.handlers):
        return
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = log_file_handler(paths.log_dir / LOG_FILE)
    except OSError as exc:
        handler = logging.NullHandler()
        handler.unusable = exc.strerror or str(exc)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._appeal_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if console:
        root.addHandler(logging.StreamHandler())
