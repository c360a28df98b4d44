"""The domain's enums and the small rules on its names and numbers, shared by every layer."""

from __future__ import annotations

import re
from enum import StrEnum


class OutputKind(StrEnum):
    """What a UA document is within its case's chain."""

    INITIAL = "initial"
    UPDATE = "update"
    FINAL = "final"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Channel(StrEnum):
    """How an appeal left the writer's hands."""

    POST = "post"
    EMAIL = "email"
    FAX = "fax"
    SOCIAL_MEDIA = "social_media"
    HAND_DELIVERED = "hand_delivered"
    OTHER = "other"


class AppealStatus(StrEnum):
    DRAFT = "draft"
    PRINTED = "printed"
    SENT = "sent"


class AppealKind(StrEnum):
    """An appeal to an official, or a solidarity card to the person at risk."""

    APPEAL = "appeal"
    SOLIDARITY = "solidarity"


# Officials are numbered from 1, as users count them; an appeal goes to the first unless the
# user names another (the rule, with solidarity cards, is services.appeals.default_target).
FIRST_OFFICIAL = 1


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"
    # The document seems to belong to a case, but the evidence is weak or conflicting: nothing
    # was written; the user is shown the changes and decides (the CLI's --force accepts them).
    NEEDS_CONFIRMATION = "needs confirmation"
    # The user cancelled the import before this file (or document) was read or saved.
    SKIPPED = "skipped"


# Patterns are given to ``re`` as text, compiled at their first use (``re`` keeps them) rather
# than as the module loads: the window's first screen uses neither.
_UA_NUMBER = r"^\s*(?:UA|AU)?\s*[:\-]?\s*0*(\d{1,4})\s*[/.\-]\s*(\d{2}|\d{4})\s*$"


def normalize_ua_number(text: str) -> str | None:
    """Return ``N/YY`` for forms such as ``UA 061/96``, ``58.23`` or ``158/2019``; else None."""
    match = re.match(_UA_NUMBER, text, re.IGNORECASE)
    if not match:
        return None
    number, year = match.groups()
    return f"{int(number)}/{year[-2:]}"


def official_label(title: str | None, name_as_printed: str | None, name: str | None) -> str:
    """ "Minister of Justice, Dr Jane Doe": the title, then the name as printed (else the name).

    The case list, the appeal history and the letter dialog all name an official this way;
    the store's case list computes the same text in SQL (``app.store.case_list``).
    """
    return ", ".join(part for part in (title, name_as_printed or name) if part)


INVISIBLE_CONTROLS = "[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"  # a pattern for ``re``


def official_words(title: str | None, name: str | None) -> str:
    """ "Minister of Justice Jane Doe": an official's title and name as the words a search
    finds and an update is compared by (no punctuation between them)."""
    return " ".join(part for part in (title, name) if part)
