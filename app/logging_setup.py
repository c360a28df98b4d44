"""Log to a size-capped file in the log directory; tracebacks go there, never to the user.

A log that cannot be written (a read-only data folder, a full disk) is given up quietly at
its first failure: the command goes on and the user never sees logging's own traceback.
The window holds the records of its start-up in memory and opens the file once it is ready
(``open_held_log``): the standard library's rotation (``logging.handlers``, with the socket,
pickle and queue modules it loads) is then imported after start-up, not before the first
screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.log_file import LogFile

LOG_FILE = "appeal-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
HELD_RECORDS = 1_000  # more records than this before the window is ready: the file opens


def log_file_handler(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> LogFile:
    """A size-capped UTF-8 log file with numbered backups (``.1`` newest), opened on first use."""
    from app.log_file import LogFile

    return LogFile(path, max_bytes, backups)


_log_path: Path | None = None  # where this process logs, once configure_logging has run


def log_file_path() -> Path | None:
    """The full path of the app's log file, for messages that send the user to it."""
    return _log_path


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


def configure_logging(paths: AppPaths, console: bool = False, *, hold: bool = False) -> None:
    """Log INFO and above to the app's log file. With ``hold`` the records are kept in memory
    until ``open_held_log``; an error, the end of the process or many records open the file
    sooner, so none is lost."""
    global _log_path
    root = logging.getLogger()
    if any(getattr(h, "_appeal_desk", False) for h in root.handlers):
        return
    _log_path = paths.log_dir / LOG_FILE
    handler = HeldLog(paths) if hold else _log_file_for(paths)
    handler._appeal_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if console:
        root.addHandler(logging.StreamHandler())


def _log_file_for(paths: AppPaths) -> logging.Handler:
    """The app's log file; when its folder cannot be made, a handler that drops the records
    (its ``unusable`` says why)."""
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = log_file_handler(paths.log_dir / LOG_FILE)
    except OSError as exc:
        handler = logging.NullHandler()
        handler.unusable = exc.strerror or str(exc)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


class HeldLog(logging.Handler):
    """The app's log file, opened when the window is ready (``open``): until then the records
    are held in memory, in order. A record of ERROR or above, the end of the process
    (``logging.shutdown`` closes every handler) or more than ``HELD_RECORDS`` records open
    the file at once, so a failure during start-up is written when it happens."""

    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self._paths = paths
        self._held: list[logging.LogRecord] = []
        self._file: logging.Handler | None = None

    @property
    def failure(self) -> str | None:
        """Why the log file could not be written (see ``LogFile.failure``)."""
        return getattr(self._file, "failure", None)

    @property
    def unusable(self) -> str | None:
        """Why the log folder could not be made."""
        return getattr(self._file, "unusable", None)

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is not None:
            self._file.handle(record)
            return
        record.msg, record.args = record.getMessage(), None  # as it reads now, not later
        self._held.append(record)
        if record.levelno >= logging.ERROR or len(self._held) > HELD_RECORDS:
            self._open_file()

    def open(self) -> None:
        """Write the held records to the log file, and each later record as it comes."""
        self.acquire()
        try:
            if self._file is None:
                self._open_file()
        finally:
            self.release()

    def _open_file(self) -> None:
        self._file = _log_file_for(self._paths)
        held, self._held = self._held, []
        for record in held:
            self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        self.open()  # the process ends: what was held is written first
        if self._file is not None:
            self._file.close()
        super().close()


def open_held_log() -> None:
    """Open the log file the window's start-up held back (see ``configure_logging``)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, HeldLog):
            handler.open()
