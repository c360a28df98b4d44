"""Log to a rotating file in the log directory; tracebacks go there, never to the user."""

from __future__ import annotations

import logging
import logging.handlers

from app.paths import AppPaths

LOG_FILE = "appeal-desk.log"


def configure_logging(paths: AppPaths, console: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_appeal_desk", False) for h in root.handlers):
        return
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._appeal_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if console:
        root.addHandler(logging.StreamHandler())
