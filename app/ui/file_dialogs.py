"""File dialogs, shared by the letter editor, the batch outputs, imports and event files.

A dialog opens in the folder last used for that kind of file in this session, else in the
user's Documents folder (never in the folder the app happened to be started from).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_folders: dict[str, Path] = {}  # kind of file ("pdf", "import"...) -> folder last used


def documents_folder() -> Path:
    """The user's Documents folder (their home when the platform names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` of file opens: the folder last used for it, else Documents."""
    folder = _last_folders.get(kind)
    return folder if folder is not None and folder.is_dir() else documents_folder()


def remember_folder(kind: str, chosen: Path) -> None:
    """``chosen`` (a file) was picked for ``kind``: the next dialog for it opens beside it."""
    _last_folders[kind] = chosen.parent


def suggested_path(kind: str, name: str) -> str:
    """``name`` in the start folder of ``kind`` (a name with its own folder is kept)."""
    path = Path(name)
    return str(path if path.is_absolute() else start_folder(kind) / path)


def ask_save_path(
    parent: QWidget | None, title: str, name: str, suffix: str, filter_text: str
) -> Path | None:
    """The save dialog; the chosen name gets ``suffix`` when the user left it off."""
    kind = suffix.lstrip(".").lower()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, suggested_path(kind, name), filter_text
    )
    if not chosen:
        return None
    path = Path(chosen)
    path = path if path.suffix.lower() == suffix else path.with_suffix(suffix)
    remember_folder(kind, path)
    return path
