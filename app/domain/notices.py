"""Typed warnings that never block (a closed case, a model letter in another language...).

A notice carries an English message template (a gettext msgid marked with ``N_``) and the
values of its fields, like the typed errors of app/domain/errors.py. The layers below never
translate it: the window and the command line translate it when they show it, in the
language the user reads at that moment (``notice_text`` in app/ui/errors.py and
app/cli/errors.py), so a warning follows an interface language switch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.domain.errors import N_, Phrase, fill


class LanguageCode(str):
    """A field value that is a locale code ("fr", "pt_BR"): shown as the language's name in the
    reader's language ("French", "français"...)."""


@dataclass(frozen=True)
class Notice:
    """A warning: ``template`` (English, marked with ``N_``) and its ``fields`` as pairs."""

    template: str
    fields: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, template: str, /, **fields: object) -> Notice:
        return cls(template, tuple(fields.items()))

    @property
    def message(self) -> str:
        """The warning in English (what the log keeps), language codes as they are."""
        return fill(self.template, dict(self.fields))

    def translated(self, gettext: Callable[[str], str], language_name: Callable[[str], str]) -> str:
        """The warning in the language of ``gettext``; ``language_name`` names a locale code in
        that same language."""
        values: dict[str, object] = {}
        for name, value in self.fields:
            if isinstance(value, Phrase):
                values[name] = value.translated(gettext)
            elif isinstance(value, LanguageCode):
                values[name] = language_name(value)
            else:
                values[name] = value
        return fill(gettext(self.template), values)


class AppealWarningKind(Enum):
    """What the writer should know before an appeal goes out (it never blocks)."""

    CASE_CLOSED = "case_closed"  # the UA asks for no further action
    DEADLINE_PASSED = "deadline_passed"  # ``on`` is the deadline
    ALREADY_SENT = "already_sent"  # ``on`` is the day of the last letter to this official


APPEAL_WARNING_WORDING = {
    AppealWarningKind.CASE_CLOSED: N_("This case is closed: the UA asks for no further action."),
    AppealWarningKind.DEADLINE_PASSED: N_(
        "The deadline was {date}. Check with your section office before sending."
    ),
    AppealWarningKind.ALREADY_SENT: N_("You already sent an appeal to this official on {date}."),
}


@dataclass(frozen=True, slots=True)
class AppealWarning:
    """A warning before sending: its ``kind`` and the day it names (if any), worded only when
    it is shown."""

    kind: AppealWarningKind
    on: date | None = None

    @property
    def message(self) -> str:
        """The warning in English (what the log keeps), its day as an ISO date."""
        return self.translated(lambda template: template, date.isoformat)

    def translated(self, gettext: Callable[[str], str], date_text: Callable[[date], str]) -> str:
        """The warning in the language of ``gettext``; ``date_text`` writes its day in that
        same language."""
        template = gettext(APPEAL_WARNING_WORDING[self.kind])
        return fill(template, {"date": date_text(self.on)} if self.on is not None else {})
