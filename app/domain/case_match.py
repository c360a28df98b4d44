"""Why a document's tie to a stored case is too weak to apply it without the user's word.

The doubt is a typed value with its fields; its wording is an English template marked with
``N_``, translated only where it is shown (the window, the command line), like a typed error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import N_, fill


class MatchDoubt(StrEnum):
    """What is missing or contradicts: the kinds of doubt, most serious first."""

    OTHER_COUNTRY = "other_country"  # the document is about another country than the case
    OTHER_NUMBER = "other_number"  # tied by another route, it lacks the case's UA number
    NUMBER_ONLY = "number_only"  # the same number, and nothing else of the case confirms it


_WORDING = {
    MatchDoubt.OTHER_COUNTRY: N_(
        "The document is about {country}, but the case UA {ua_number} is about {case_country}."
    ),
    MatchDoubt.OTHER_NUMBER: N_("The document does not carry the number of UA {ua_number}."),
    MatchDoubt.NUMBER_ONLY: N_(
        "The document shares only the number with UA {ua_number}: no index, country, person "
        "or link of the case confirms that it belongs to it."
    ),
}


@dataclass(frozen=True, slots=True)
class DoubtfulMatch:
    """A doubt about the case UA ``ua_number``; the countries name an OTHER_COUNTRY doubt's two
    sides (the document's, the case's), as they are stored."""

    doubt: MatchDoubt
    ua_number: str
    country: str = ""
    case_country: str = ""

    @property
    def template(self) -> str:
        """The English wording with named placeholders (a catalog's msgid)."""
        return _WORDING[self.doubt]

    def _fields(self) -> dict[str, object]:
        return {
            "ua_number": self.ua_number,
            "country": self.country,
            "case_country": self.case_country,
        }

    @property
    def message(self) -> str:
        """The doubt in English (what the log keeps)."""
        return fill(self.template, self._fields())

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The doubt in the language of ``gettext`` (the caller's ``_``)."""
        return fill(gettext(self.template), self._fields())
