"""Where things live: --data-dir beats APPEAL_DESK_HOME beats the platform's user data dir."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import NamedTuple

APP_NAME = "AppealDesk"
APP_ID = "org.appealdesk.AppealDesk"
HOME_ENV = "APPEAL_DESK_HOME"
DATABASE_FILE = "appeal-desk.sqlite3"


class AppPaths(NamedTuple):
    """All locations derived from one data directory (portable when overridden). A named
    tuple: as immutable as a frozen dataclass, and made much faster at start-up."""

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
    def event_mode_file(self) -> Path:
        """Present while event mode runs: a crash or a kill returns to the event screen."""
        return self.data_dir / "event-mode.json"

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

    @property
    def cache(self) -> Path:
        """What the app works out from its own files and keeps between runs to start sooner
        (safe to delete: it is worked out again)."""
        return self.data_dir / "cache"


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


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
PRIVATE_UMASK = 0o077  # what the app creates is readable by its user only

_users_own_umask: int | None = None


def use_private_umask() -> None:
    """Make what the app creates its user's alone, remembering the user's own umask for the
    files the user exports (POSIX only)."""
    global _users_own_umask
    previous = os.umask(PRIVATE_UMASK)
    if previous != PRIVATE_UMASK or _users_own_umask is None:
        _users_own_umask = previous


def user_umask() -> int:
    """The umask the user started the app with (the current one when it was never changed)."""
    if _users_own_umask is not None:
        return _users_own_umask
    current = os.umask(PRIVATE_UMASK)
    os.umask(current)
    return current


APP_FOLDERS = ("backups", "logs", "templates", "exports", "attachments", "originals")
APP_FILES = ("settings.json", "ui.ini")


def ensure_dirs(paths: AppPaths) -> None:
    """Create the data and log directories, readable by the user only (raises OSError)."""
    for folder in (paths.data_dir, paths.log_dir):
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    secure_data_folder(paths)


def secure_data_folder(paths: AppPaths) -> int:
    """On POSIX, make what the app keeps private: its folders 0700, its files 0600.

    Letters name the people the user writes for and their own address: a shared computer's
    other accounts must not read them. Folders and files made before this rule (0755, 0644)
    are repaired. Only the app's own entries are touched (the data folder may be one the user
    chose, with other files in it), only those owned by this user, and links are never
    followed. Returns how many modes were changed.
    """
    if os.name != "posix":
        return 0
    roots: list[Path] = [paths.data_dir / name for name in APP_FOLDERS]
    roots += [paths.data_dir / name for name in APP_FILES]
    with contextlib.suppress(OSError):
        roots += [p for p in paths.data_dir.iterdir() if p.name.startswith("appeal-desk")]
    changed = _make_private(paths.data_dir, recurse=False)
    if not paths.log_dir.is_relative_to(paths.data_dir):
        changed += _make_private(paths.log_dir, recurse=True)
    for root in roots:
        changed += _make_private(root, recurse=True)
    return changed


def _make_private(top: Path, *, recurse: bool) -> int:
    changed = 0
    uid = os.getuid()
    pending = [top]
    while pending:
        current = pending.pop()
        try:
            info = os.lstat(current)
        except OSError:
            continue
        if info.st_uid != uid or stat.S_ISLNK(info.st_mode):
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        if is_dir and recurse:
            with contextlib.suppress(OSError):
                pending.extend(current / name for name in os.listdir(current))
        if not (is_dir or stat.S_ISREG(info.st_mode)) or not stat.S_IMODE(info.st_mode) & 0o077:
            continue
        with contextlib.suppress(OSError):
            os.chmod(current, PRIVATE_DIR if is_dir else PRIVATE_FILE)
            changed += 1
    return changed
