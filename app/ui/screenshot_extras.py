"""More README pictures: the event-mode screen of a fictional letter-writing evening."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.database import Database


def save_event_mode(
    db: Database, ua_numbers: list[str], path: Path, settle: Callable[[], None]
) -> Path | None:
    """The participant's screen of a (fictional) letter-writing evening; ``settle`` lets
    the window lay itself out and paint before it is grabbed."""
    from app.services.events import create_event
    from app.ui.events.event_mode_window import EventModeWindow
    from app.ui.events.pin import PinLock

    if not ua_numbers:
        return None
    event = create_event(db, "Letter-writing evening (sample)", cases=ua_numbers[:3], goal=20)
    window = EventModeWindow(db, event, PinLock("2468"))
    window.resize(1100, 720)
    window.show()
    window.form.case_list.setCurrentRow(0)
    for _turn in range(200):  # the letter is drafted off the GUI thread: wait for it
        settle()
        if not window.form.drafting:
            break
    settle()
    window.grab().save(str(path))
    print(path)
    window.hide()
    window.deleteLater()
    return path
