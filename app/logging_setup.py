"""Log to a size-capped file in the log directory; tracebacks go there, never to the user."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.paths import AppPaths

LOG_FILE = "appeal-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


class RotatingLogFile(logging.FileHandler):
    """``logging.handlers.RotatingFileHandler``'s behaviour - a size cap and numbered backups
    (``.1`` newest) - without importing ``logging.handlers`` (it pulls in socket, pickle and
    queue: about 6 ms of every start-up)."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._is_full(self.format(record)):
                self._roll_over()
        except OSError:
            self.handleError(record)
            return
        super().emit(record)

    def _is_full(self, message: str) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() > 0 and self.stream.tell() + len(message) + 1 > self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            older = f"{base}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{number + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)


def configure_logging(paths: AppPaths, console: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_appeal_desk", False) for h in root.handlers):
        return
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingLogFile(paths.log_dir / LOG_FILE)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._appeal_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if console:
        root.addHandler(logging.StreamHandler())
