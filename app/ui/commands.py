"""The pieces that act on the user's commands, made by ``MainWindow._build_commands`` just
after the first frame (this module is loaded then too: nothing of it is painted)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.case_actions import CaseActions
    from app.ui.edit_actions import EditActions
    from app.ui.events import EventsMenu
    from app.ui.import_controller import ImportController


@dataclass(frozen=True)
class Commands:
    """The pieces that act on the user's commands (made by ``MainWindow._build_commands``)."""

    imports: ImportController
    case_actions: CaseActions
    edits: EditActions
    events_menu: EventsMenu
