"""The app's log file: size-capped, with numbered backups, given up at its first write failure."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from app.domain.errors import os_problem


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
        self.failure = os_problem(error)  # words the window and command line translate
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
