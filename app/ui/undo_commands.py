"""Edits and deletions on Qt's undo stack: one command per action, named in the Edit menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.domain.changes import StoreChange
from app.i18n import _

# Applies a change to the store: redo=True does it again, False undoes it; False if it failed.
Apply = Callable[[StoreChange, bool], bool]


class StoreCommand(QUndoCommand):
    """An action already done in the store; undo and redo move the store between its states.

    The first ``redo`` (Qt calls it when the command is pushed) does nothing: the service has
    done the work already. A command that can no longer be applied (the record was changed
    again by other means) becomes obsolete, and the stack drops it.
    """

    def __init__(self, change: StoreChange, apply: Apply) -> None:
        super().__init__(change.description.translated(_))
        self.change = change
        self._apply = apply
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self._apply(self.change, True):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._apply(self.change, False):
            self.setObsolete(True)
