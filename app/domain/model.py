"""Frozen domain values shared by every layer: cases, outputs, targets, appeals, senders.

The enums (``app.domain.kinds``), the case list's rows and the sender load with this module.
A case in full, documents, import results and letters (``app.domain.case_records``: eleven
frozen dataclasses, whose methods Python writes and compiles as each class is made, about
10 ms) load the first time one of them is named here, so the window's first screen, which
needs none of them, does not wait for them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from app.domain.kinds import (
    FIRST_OFFICIAL,
    INVISIBLE_CONTROLS,
    AppealKind,
    AppealStatus,
    CaseStatus,
    Channel,
    ImportOutcome,
    OutputKind,
    normalize_ua_number,
    official_label,
    official_words,
)

if TYPE_CHECKING:
    from app.domain.case_records import (
        AppealRecord,
        CaseDetail,
        CaseEvidence,
        FieldChange,
        FieldDifference,
        ImportResult,
        Letter,
        OutputRecord,
        ParsedDocument,
        Person,
        Target,
    )

__all__ = [
    "AppealKind",
    "AppealRecord",
    "AppealStatus",
    "CaseDetail",
    "CaseEvidence",
    "CaseListPreview",
    "CaseStatus",
    "CaseSummary",
    "Channel",
    "FIRST_OFFICIAL",
    "FieldChange",
    "FieldDifference",
    "INVISIBLE_CONTROLS",
    "ImportOutcome",
    "ImportResult",
    "Letter",
    "OutputKind",
    "OutputRecord",
    "ParsedDocument",
    "Person",
    "SenderProfile",
    "Target",
    "normalize_ua_number",
    "official_label",
    "official_words",
]

_CASE_RECORDS = frozenset(
    {
        "AppealRecord",
        "CaseDetail",
        "CaseEvidence",
        "FieldChange",
        "FieldDifference",
        "ImportResult",
        "Letter",
        "OutputRecord",
        "ParsedDocument",
        "Person",
        "Target",
    }
)


def __getattr__(name: str) -> object:
    """The values of ``app.domain.case_records``, loaded when first asked for."""
    if name in _CASE_RECORDS:
        from app.domain import case_records

        return getattr(case_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class CaseSummary(NamedTuple):
    """One row of the case list: immutable, cheap to sort and filter.

    A named tuple rather than a frozen dataclass (nothing needs a dataclass's ``fields`` or
    ``replace`` of it): the class is made about eight times faster before the window's first
    screen, and each row about three times faster (10,000 of them as the whole list is read),
    for an attribute read a few nanoseconds slower."""

    case_id: int
    ua_number: str
    title: str
    country: str
    status: CaseStatus
    deadline: date | None
    persons: tuple[str, ...]
    officials: tuple[str, ...]
    appeals_sent: int
    is_sample: bool = False

    def days_left(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days


class CaseListPreview(NamedTuple):
    """The first screen of the open case list (deadline order) and the store's case counts,
    shown while the whole list is still being read (start-up). ``complete``: ``cases`` is the
    whole list already (open and closed cases, a small store), and no other read follows.
    (A named tuple: as immutable as a frozen dataclass, and made much faster at start-up.)"""

    cases: tuple[CaseSummary, ...]
    open_count: int
    closed_count: int
    complete: bool = False


@dataclass(frozen=True, slots=True)
class SenderProfile:
    """Who signs the letters (set once in Settings)."""

    name: str = ""
    address: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    # The optional "why I write" sentence: with ``abouts`` empty, used in letters of every
    # language (a profile made in code); else the sentence of the writer's own language.
    about: str = ""
    # (language, sentence): each sentence in the language it was written in; a letter in
    # another language leaves it out. The settings file keeps these.
    abouts: tuple[tuple[str, str], ...] = ()

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip())

    def about_in(self, language: str) -> str:
        """The "why I write" sentence a letter in ``language`` (a base language) carries."""
        if not self.abouts:
            return self.about
        return dict(self.abouts).get(language, "")

    def with_about(self, language: str, sentence: str) -> SenderProfile:
        """This profile with ``sentence`` as the one written in ``language`` (empty: none)."""
        kept = {key: text for key, text in self.abouts if key != language}
        if sentence:
            kept[language] = sentence
        return replace(self, abouts=tuple(sorted(kept.items())))
