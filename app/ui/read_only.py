"""A store opened to be read only (its data folder cannot be written): the window shows the
cases, letters can be written to the screen or saved elsewhere, and every change is refused
with one message that says why and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.errors import StoreProblem
from app.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.services.database import Database


def read_only_banner(db: Database) -> str:
    """The line the window shows while nothing can be changed."""
    folder = db.path.parent if db.path is not None else ""
    if db.read_only is StoreProblem.DISK_FULL:
        return _(
            "Read only: the disk of your data folder ({folder}) is full. Your cases are shown "
            "as they are; nothing can be changed."
        ).format(folder=folder)
    return _(
        "Read only: your data folder ({folder}) cannot be written to. Your cases are shown "
        "as they are; nothing can be changed."
    ).format(folder=folder)


def read_only_refusal(db: Database) -> str:
    """Why a change is refused, and what to do."""
    folder = db.path.parent if db.path is not None else ""
    if db.read_only is StoreProblem.DISK_FULL:
        return _(
            "Nothing was changed: your data folder {folder} cannot be written to, because the "
            "disk it is on is full. Your cases are shown as they are. Free some space on that "
            "disk, then start Appeal Desk again."
        ).format(folder=folder)
    return _(
        "Nothing was changed: your data folder {folder} cannot be written to, because it is "
        "read-only (its permissions, or the disk it is on). Your cases are shown as they are. "
        "Make the folder writable, then start Appeal Desk again."
    ).format(folder=folder)


def refuse_change(db: Database | None, parent: QWidget | None) -> bool:
    """True, having said why, when ``db`` can only be read: the caller changes nothing."""
    if db is None or not db.read_only:
        return False
    from app.ui.messages import Messages

    Messages.error(parent, _("Your data cannot be changed"), read_only_refusal(db))
    return True
