"""Closing an editor dialog by Escape or its close box without losing what was typed in it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from app.i18n import _
from app.ui.messages import Messages


def close_keeping_changes(
    dialog: QDialog, changed: bool, question: str, save: Callable[[], None]
) -> None:
    """Close ``dialog`` as Escape or the close box asks, never dropping typed changes without
    asking ``question`` first, as the letter editor does. Yes calls ``save`` (which keeps the
    dialog open, saying why, when the changes cannot be saved); No closes without them. The
    Cancel button drops them without a question, as it says: connect it to ``QDialog.reject``."""
    if changed and Messages.ask(dialog, _("Keep your changes?"), question):
        save()
        return
    QDialog.reject(dialog)
