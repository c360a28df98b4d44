"""Closing an editor dialog by Escape or its close box without losing what was typed in it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from app.i18n import _
from app.ui.messages import KeepChoice, Messages


def close_keeping_changes(
    dialog: QDialog, changed: bool, question: str, save: Callable[[], None]
) -> None:
    """Close ``dialog`` as Escape or the close box asks, never dropping typed changes without
    asking ``question`` first, as the letter editor does. Save calls ``save`` (which keeps the
    dialog open, saying why, when the changes cannot be saved); Discard closes without them;
    Cancel (or Escape again) goes back to the dialog with every change still in it. The
    dialog's own Cancel button drops them without a question, as it says: connect it to
    ``QDialog.reject``."""
    if changed:
        choice = Messages.ask_keep(dialog, _("Keep your changes?"), question)
        if choice is KeepChoice.KEEP:
            save()
            return
        if choice is KeepChoice.GO_BACK:
            return
    QDialog.reject(dialog)
