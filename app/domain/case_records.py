"""A case in full and what is made from it or for it: persons at risk, officials, documents,
appeals, a parsed document, an import's result and a letter (frozen values)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.case_match import DoubtfulMatch
from app.domain.errors import AppealDeskError, NumberWriter
from app.domain.kinds import (
    INVISIBLE_CONTROLS,
    AppealKind,
    AppealStatus,
    CaseStatus,
    Channel,
    ImportOutcome,
    OutputKind,
    official_label,
)
from app.domain.notices import Notice


@dataclass(frozen=True, slots=True)
class Person:
    """Someone at risk (or a group recorded under one label)."""

    name: str
    pronouns: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """An official the reader is asked to write to.

    ``name`` has honorifics and ranks stripped (for matching); ``name_as_printed`` keeps them
    for the letter's address block. ``gender`` is "f", "m" or None when the document does not say.
    """

    title: str | None
    name: str | None
    salutation: str | None = None
    address: str | None = None
    email: str | None = None
    name_as_printed: str | None = None
    fax: str | None = None
    phone: str | None = None
    social: tuple[str, ...] = ()
    gender: str | None = None

    @property
    def display_name(self) -> str:
        return self.name_as_printed or self.name or ""

    @property
    def label(self) -> str:
        """One line naming the official: "Minister of X, Jane Doe"."""
        return official_label(self.title, self.name_as_printed, self.name)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything the importer reads from one UA document (the 13 scored fields and more)."""

    ua_number: str | None
    ai_index: str | None
    kind: OutputKind
    action_requested: bool
    title: str
    country: str
    issued_on: date | None
    deadline: date | None
    persons: tuple[Person, ...] = ()
    targets: tuple[Target, ...] = ()
    preferred_languages: tuple[str, ...] = ()
    previous_ua_link: str | None = None
    document_language: str = "en"
    summary: str | None = None
    model_letter: str | None = None
    copies_to: tuple[str, ...] = ()
    text: str = ""
    recommended_actions: tuple[str, ...] = ()  # the demands as bulleted, as printed
    additional_info: str | None = None  # the background section, paragraphs as printed

    def to_json_dict(self) -> dict[str, object]:
        """The schema printed by ``appeal-desk parse --json``."""
        return {
            "ua_number": self.ua_number,
            "ai_index": self.ai_index,
            "kind": self.kind.value,
            "action_requested": self.action_requested,
            "title": self.title,
            "country": self.country,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "persons": [{"name": p.name, "pronouns": p.pronouns} for p in self.persons],
            "targets": [
                {
                    "title": t.title,
                    "name": t.name,
                    "salutation": t.salutation,
                    "address": t.address,
                    "email": t.email,
                }
                for t in self.targets
            ],
            "preferred_languages": list(self.preferred_languages),
            "previous_ua_link": self.previous_ua_link,
            "document_language": self.document_language,
        }


@dataclass(frozen=True, slots=True)
class OutputRecord:
    """One imported document of a case (initial, update or final), as kept in the store."""

    output_id: int
    kind: OutputKind
    ai_index: str | None
    issued_on: date | None
    deadline: date | None
    title: str
    source_name: str
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class AppealRecord:
    """One appeal (or solidarity card) the user wrote, with the text exactly as sent."""

    appeal_id: str  # UUID, stable across machines (event merges)
    ua_number: str
    target_label: str
    target_index: int | None  # 1-based position among the case's targets, None for solidarity
    kind: AppealKind
    status: AppealStatus
    channel: Channel | None
    sent_on: date | None
    language: str
    text: str
    count: int = 1
    event_name: str | None = None
    reply_on: date | None = None
    reply_note: str | None = None
    reply_attachment: str | None = None  # file name inside the data folder's attachments/
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """A later document says ``document_value`` for a field the user corrected to
    ``user_value`` (JSON values: text, an ISO date, lists of persons or officials)."""

    field: str
    user_value: object
    document_value: object


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything the detail pane and the letter writer need about one case."""

    case_id: int
    ua_number: str
    ai_index: str | None
    title: str
    country: str
    status: CaseStatus
    issued_on: date | None
    deadline: date | None
    summary: str | None
    model_letter: str | None
    document_language: str
    previous_ua_link: str | None
    persons: tuple[Person, ...]
    targets: tuple[Target, ...]
    preferred_languages: tuple[str, ...]
    outputs: tuple[OutputRecord, ...] = ()
    appeals: tuple[AppealRecord, ...] = ()
    is_sample: bool = False
    recommended_actions: tuple[str, ...] = ()  # the newest document's bulleted demands
    corrected_fields: frozenset[str] = frozenset()  # the fields the user changed
    differences: tuple[FieldDifference, ...] = ()  # later documents that say otherwise
    copies_to: tuple[str, ...] = ()  # who gets a copy (never a letter) in the newest document
    additional_info: str | None = None  # the newest background section ("Additional information")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a case that a document would change: its name, the value now and after."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class CaseEvidence:
    """What a stored case offers to decide whether a new document belongs to it."""

    case_id: int
    ua_number: str
    title: str
    country: str
    status: str
    deadline: date | None
    indexes: tuple[str, ...]
    persons: tuple[str, ...]
    officials: tuple[str, ...]
    links: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one file given to the importer."""

    source: str
    outcome: ImportOutcome
    ua_number: str | None = None
    reason: str | None = None
    case_id: int | None = None
    # NEEDS_CONFIRMATION only: what the document would change, and the document to apply.
    changes: tuple[FieldChange, ...] = ()
    document: ParsedDocument | None = field(default=None, repr=False, compare=False)
    path: str | None = field(default=None, repr=False, compare=False)
    # Why it was refused, as a typed error: the window and the command line translate it.
    problem: AppealDeskError | None = field(default=None, repr=False, compare=False)
    # NEEDS_CONFIRMATION: why the tie to the case is doubtful, translated where it is shown.
    doubt: DoubtfulMatch | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A file name may carry bidi or zero-width controls that reorder what is shown.
        object.__setattr__(self, "source", re.sub(INVISIBLE_CONTROLS, "\ufffd", self.source))

    def reason_in(self, gettext: Callable[[str], str], number: NumberWriter = str) -> str:
        """Why the document was refused or held back, in the language of ``gettext`` (its
        numbers written by ``number``)."""
        if self.problem:
            return self.problem.translated(gettext, number)
        if self.doubt:
            return self.doubt.translated(gettext)
        return self.reason or ""


@dataclass(frozen=True, slots=True)
class Letter:
    """A rendered letter, ready to edit, print or send."""

    text: str
    locale: str
    template_name: str
    subject: str = ""
    right_to_left: bool = False
    warnings: tuple[Notice, ...] = field(default=())  # translated where they are shown
    asks: tuple[str, ...] = ()  # the UA's demands the letter makes (keys such as "release")
    salutation: str = ""  # as the letter prints them (a bilingual letter pairs them up)
    closing: str = ""
    # the official as the letter names them: title in the letter's language, no foreign
    # honorific (None: as stored); paper prints this one in the window
    recipient: Target | None = None
    # the words of honour the address block opens with ("Her Excellency"; "" for none): paper
    # prints them in the window, on the line above the official's name
    recipient_style: str = ""
    # the body is the UA's model letter (False: the app's own wording, the same for everybody)
    from_model_letter: bool = False
