"""Put Appeal Desk in the user's application menu (and take it out again) on Linux desktops.

The menu entry, its icon and the AppStream metadata are copied into the user's XDG data
folder (``~/.local/share`` unless ``XDG_DATA_HOME`` says otherwise). The entry's ``Exec``
line names the program that is running now, so the same command serves a standalone
bundle, a pipx or ``pip install --user`` installation and a checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.atomic_files import replace_file_contents
from app.desktop_files import DESKTOP_FILE, ICON_FILE, METAINFO_FILE, shipped_file
from app.domain.errors import N_, AppealDeskError, os_problem


class DesktopEntryError(AppealDeskError):
    """The menu entry could not be written or its source files are missing."""


@dataclass(frozen=True)
class DesktopPlaces:
    """Where each file of the menu entry goes in the user's data folder."""

    desktop: Path
    icon: Path
    metainfo: Path

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop, self.icon, self.metainfo)


def user_places(environ: Mapping[str, str] | None = None) -> DesktopPlaces:
    """The user's XDG locations for a menu entry, an icon and AppStream metadata."""
    env = os.environ if environ is None else environ
    data_home = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", "~")) / ".local" / "share")
    root = Path(data_home).expanduser()
    return DesktopPlaces(
        desktop=root / "applications" / DESKTOP_FILE,
        icon=root / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE,
        metainfo=root / "metainfo" / METAINFO_FILE,
    )


def launch_command() -> list[str]:
    """The command that opens the window with the program running now."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve()), "gui"]
    scripts = Path(sys.executable).parent
    for name in ("appeal-desk-gui", "appeal-desk"):
        candidate = scripts / name
        if candidate.is_file():
            return [str(candidate)] + (["gui"] if name == "appeal-desk" else [])
        found = shutil.which(name)
        if found:
            return [found] + (["gui"] if name == "appeal-desk" else [])
    return [sys.executable, "-m", "app", "gui"]


def desktop_file_text(template: str, command: list[str]) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` pointing at ``command``.

    ``Exec`` ends in ``%F``: a file manager's "Open with Appeal Desk" passes the chosen
    documents, which the window offers to import."""
    exec_line = " ".join(_quote_exec(word) for word in command) + " %F"
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line}"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _quote_exec(word: str) -> str:
    """Quote one argument as the Desktop Entry specification asks (double quotes, with
    backslash before ``"``, `` ` ``, ``$`` and ``\\``); ``%`` is doubled."""
    word = word.replace("%", "%%")
    if word and not any(ch in word for ch in " \t\n\"'\\><~|&;$*?#()`"):
        return word
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
    return f'"{escaped}"'


def install_entry(places: DesktopPlaces | None = None) -> DesktopPlaces:
    """Write the menu entry, icon and metadata for this user; returns where they went."""
    places = places or user_places()
    template = shipped_file(DESKTOP_FILE).read_text(encoding="utf-8")
    contents = {
        places.desktop: desktop_file_text(template, launch_command()).encode("utf-8"),
        places.icon: shipped_file(ICON_FILE).read_bytes(),
        places.metainfo: shipped_file(METAINFO_FILE).read_bytes(),
    }
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_file_contents(path, data)
    except OSError as exc:
        raise DesktopEntryError(
            N_(
                "Could not write %(path)s: %(reason)s. Check that your home folder is writable "
                "and has free space."
            ),
            path=str(exc.filename or places.desktop),
            reason=os_problem(exc),
        ) from exc
    _refresh_menu(places.desktop.parent)
    return places


def remove_entry(places: DesktopPlaces | None = None) -> list[Path]:
    """Remove the files ``install_entry`` wrote; returns the ones that were there."""
    places = places or user_places()
    removed = []
    for path in places.all():
        if path.is_file() or path.is_symlink():
            try:
                path.unlink()
            except OSError as exc:
                raise DesktopEntryError(
                    N_("Could not remove %(path)s: %(reason)s."),
                    path=str(path),
                    reason=os_problem(exc),
                ) from exc
            removed.append(path)
    _refresh_menu(places.desktop.parent)
    return removed


def _refresh_menu(applications: Path) -> None:
    """Ask the desktop to re-read the menu where the tool exists; menus notice anyway."""
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run(
            [tool, "-q", str(applications)], check=False, timeout=30, capture_output=True
        )


__all__ = [
    "DesktopEntryError",
    "DesktopPlaces",
    "desktop_file_text",
    "install_entry",
    "launch_command",
    "remove_entry",
    "user_places",
]
