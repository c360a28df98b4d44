"""Frozen values for letter-writing events: the event, its tally, and what a merge did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class EventCase:
    """A case in play at an event, with the organisers' goal (letters) if they set one."""

    ua_number: str
    title: str
    goal: int | None = None
    is_sample: bool = False  # a fictional sample case: its letters are left out of totals


@dataclass(frozen=True, slots=True)
class EventInfo:
    """A letter-writing event; ``uuid`` names it across laptops."""

    event_id: int
    uuid: str
    name: str
    held_on: date | None
    place: str
    cases: tuple[EventCase, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseTally:
    """Letters for one case at an event; ``cells`` maps (channel, kind) to a count."""

    ua_number: str
    title: str
    goal: int | None
    total: int
    by_channel: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    cells: dict[tuple[str, str], int] = field(default_factory=dict)
    is_sample: bool = False  # a fictional practice case: shown marked, never counted


@dataclass(frozen=True, slots=True)
class EventTally:
    """Counts per case x channel x kind for one event (no personal data at all)."""

    event: EventInfo
    total: int
    cases: tuple[CaseTally, ...] = ()
    practice: int = 0  # letters on fictional sample cases: shown, never in ``total``

    def counted(self) -> EventTally:
        """The tally without fictional sample cases (what reports and totals count)."""
        cases = tuple(case for case in self.cases if not case.is_sample)
        return EventTally(
            event=self.event,
            total=sum(c.total for c in cases),
            cases=cases,
            practice=self.practice,
        )

    def to_json_dict(self) -> dict[str, object]:
        """The shape printed by ``appeal-desk event tally NAME --json`` (samples left out)."""
        if any(case.is_sample for case in self.cases):
            return self.counted().to_json_dict()
        return {
            "event": self.event.name,
            "total": self.total,
            "cases": {
                case.ua_number: {
                    "total": case.total,
                    "by_channel": dict(sorted(case.by_channel.items())),
                    "by_kind": dict(sorted(case.by_kind.items())),
                    "goal": case.goal,
                }
                for case in self.cases
            },
        }


@dataclass(frozen=True, slots=True)
class MergeConflict:
    """A record with a UUID already in the store but different content, and no edit time to
    say which is newer (a version-1 file), or counted for another event; the store's copy
    stays."""

    record_uuid: str
    ua_number: str
    differences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What merging one exported file did (it is one transaction: all of it or nothing)."""

    source: str
    event_name: str
    added: int
    already_present: int
    conflicts: tuple[MergeConflict, ...] = ()
    event_created: bool = False
    matched_by_name: bool = False  # the file's event had another UUID but the same name
    updated: int = 0  # stored records replaced by the file's copies, edited later
    removed: int = 0  # stored records the file says were deleted after their last edit
