"""Where things live: --data-dir beats APPEAL_DESK_HOME beats the platform's user data dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "AppealDesk"
APP_ID = "org.appealdesk.AppealDesk"
HOME_ENV = "APPEAL_DESK_HOME"
DATABASE_FILE = "appeal-desk.sqlite3"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """All locations derived from one data directory (portable when overridden)."""

    data_dir: Path
    log_dir: Path
    portable: bool

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def ui_state_file(self) -> Path:
        return self.data_dir / "ui.ini"

    @property
    def user_templates(self) -> Path:
        """User-level letter templates that override the shipped ones (same names)."""
        return self.data_dir / "templates"

    @property
    def exports(self) -> Path:
        return self.data_dir / "exports"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Resolve the data directory; an explicit or environment override keeps logs inside it."""
    override = data_dir or os.environ.get(HOME_ENV)
    if override:
        root = Path(override).expanduser().resolve()
        return AppPaths(data_dir=root, log_dir=root / "logs", portable=True)
    import platformdirs  # imported here: only the default path needs it

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return AppPaths(
        data_dir=Path(dirs.user_data_path),
        log_dir=Path(dirs.user_log_path),
        portable=False,
    )


def ensure_dirs(paths: AppPaths) -> None:
    """Create the data and log directories (raises OSError when they cannot be created)."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.log_dir.mkdir(parents=True, exist_ok=True)
