"""What an edit or a deletion did, kept so it can be undone and redone within the session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.errors import N_, Phrase
from app.domain.model import Person, Target

# What deleting a case removes, as a deletion's message names it: "UA 61/15"
CASE_TO_DELETE = N_("UA {ua_number}")

# table name -> primary key -> column values (the rows an action touched)
RowState = dict[str, dict[int, dict[str, object]]]


@dataclass(frozen=True, slots=True)
class StoreChange:
    """One user action on the store: the touched rows before and after it.

    ``description`` names the action for the Edit menu ("delete UA 61/15"), in English with
    its template: the window translates it; ``ua_number`` is the case it concerns (to refresh
    the view), when there is one.
    """

    description: Phrase
    before: RowState
    after: RowState
    ua_number: str | None = None
    changed: bool = True  # False: the values asked for were already there


@dataclass(frozen=True, slots=True)
class CaseEdits:
    """The case fields a user changes; None leaves a field as it is."""

    title: str | None = None
    country: str | None = None
    deadline: date | None = None
    clear_deadline: bool = False
    status: str | None = None  # "open" or "closed"
    language: str | None = None
    preferred_languages: tuple[str, ...] | None = None
    persons: tuple[Person, ...] | None = None
    targets: tuple[Target, ...] | None = None


@dataclass(frozen=True, slots=True)
class AppealEdits:
    """The appeal fields a user changes; None leaves a field as it is."""

    channel: str | None = None
    sent_on: date | None = None
    status: str | None = None
    target_index: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class EventEdits:
    """The event fields a user changes; ``cases`` (UA number -> goal) replaces the list."""

    new_name: str | None = None
    held_on: date | None = None
    clear_date: bool = False
    place: str | None = None
    cases: dict[str, int | None] | None = None


@dataclass(frozen=True, slots=True)
class DeletionPreview:
    """What a deletion would remove, said to the user before it happens."""

    what: Phrase  # "UA 61/15", "the event ...": translated where it is shown
    documents: int = 0
    appeals: int = 0
    letters: int = 0  # letters counted in those appeals (handwritten batches count many)
    events: tuple[str, ...] = field(default=())
    cases: tuple[str, ...] = field(default=())
