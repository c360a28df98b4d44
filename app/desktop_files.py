"""The files that put Appeal Desk on a desktop: the icon, the menu entry and the AppStream
metadata. Each exists once, in the checkout's ``resources/``; this module finds it wherever
the program runs from.

A wheel carries them inside the package (``app/resources/``, copied there by ``setup.py``),
the standalone bundle beside the program (``share/``, from ``.ci/bundle/appeal-desk.spec``),
and a checkout or an editable install in ``resources/`` beside ``app/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.domain.errors import N_, AppealDeskError
from app.paths import APP_ID

ICON_FILE = f"{APP_ID}.svg"
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


class ShippedFileMissing(AppealDeskError):
    """One of the desktop files is not where this installation should have it."""

    def __init__(self, name: str) -> None:
        super().__init__(
            N_("The file %(name)s is missing from this installation; reinstall Appeal Desk."),
            name=name,
        )
        self.name = name


def source_folders() -> list[Path]:
    """Where the shipped copies may be, in the order they are looked for."""
    package = Path(__file__).resolve().parent
    folders = [package / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / "share")
    folders.append(package.parent / "resources")
    return folders


def shipped_file(name: str) -> Path:
    """The path of the desktop file ``name`` in this installation."""
    for folder in source_folders():
        if (folder / name).is_file():
            return folder / name
    raise ShippedFileMissing(name)


def icon_svg() -> bytes:
    """The application icon, as SVG: the same file the menu entry installs."""
    return shipped_file(ICON_FILE).read_bytes()
