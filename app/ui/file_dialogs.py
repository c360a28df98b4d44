"""File dialogs, shared by the letter editor, the batch outputs, imports and event files.

A dialog opens in the folder last used for that kind of file, else in the user's Documents
folder (never in the folder the app happened to be started from). The window keeps those
folders in the settings, so after a restart its dialogs open where the user left off.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.errors import AppealDeskError

if TYPE_CHECKING:
    from app.ui.app_context import AppContext

log = logging.getLogger(__name__)


class LastFolders:
    """The folder last used for each kind of file ("pdf", "import"...): for this session, and
    in the settings of the window's context while one is kept (saved at once, atomically)."""

    def __init__(self) -> None:
        self._session: dict[str, Path] = {}
        self._context: weakref.ref[AppContext] | None = None  # the window owns its context

    def keep_in(self, context: AppContext) -> None:
        """Keep the folders in ``context``'s settings from now on (the window opened)."""
        self._context = weakref.ref(context)

    def release(self, context: AppContext) -> None:
        """``context``'s window closed: remember for this session only again."""
        if self._kept_in() is context:
            self._context = None

    def _kept_in(self) -> AppContext | None:
        """The context that keeps the folders; none once its window is gone."""
        import shiboken6

        context = self._context() if self._context is not None else None
        if context is None or not shiboken6.isValid(context):
            self._context = None
            return None
        return context

    def folder(self, kind: str) -> Path | None:
        from app.settings import last_folder

        folder = self._session.get(kind)
        if folder is not None and folder.is_dir():
            return folder
        context = self._kept_in()
        return last_folder(context.settings, kind) if context is not None else None

    def remember(self, kind: str, folder: Path) -> None:
        from app.settings import save_settings, with_last_folder

        self._session[kind] = folder
        context = self._kept_in()
        if context is None:
            return
        new = with_last_folder(context.settings, kind, folder)
        if new == context.settings:
            return
        try:
            save_settings(context.paths, new)
        except AppealDeskError as error:  # a folder not kept is no reason to stop the user
            log.warning("last folder not kept: %s", error.message)
            return
        context.set_settings(new)


last_folders = LastFolders()


def keep_folders_in(context: AppContext) -> None:
    """The window of ``context`` opened: its file dialogs' folders are kept in its settings."""
    last_folders.keep_in(context)


def release_folders(context: AppContext) -> None:
    """The window of ``context`` closed."""
    last_folders.release(context)


def documents_folder() -> Path:
    """The user's Documents folder (their home when the platform names none)."""
    from PySide6.QtCore import QStandardPaths  # its Python enums: made when a dialog opens

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` of file opens: the folder last used for it, else Documents."""
    return last_folders.folder(kind) or documents_folder()


def remember_folder(kind: str, chosen: Path) -> None:
    """``chosen`` (a file) was picked for ``kind``: the next dialog for it opens beside it."""
    last_folders.remember(kind, chosen.parent)


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
