"""Log to a size-capped file in the log directory; tracebacks go there, never to the user."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import AppPaths

LOG_FILE = "appeal-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


def log_file_handler(
    path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> logging.handlers.RotatingFileHandler:
    """A size-capped UTF-8 log file with numbered backups (``.1`` newest), opened on first use."""
    return logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
    )


def configure_logging(paths: AppPaths, console: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_appeal_desk", False) for h in root.handlers):
        return
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = log_file_handler(paths.log_dir / LOG_FILE)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._appeal_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if console:
        root.addHandler(logging.StreamHandler())
