"""Typed errors raised by the lower layers; app/ui and app/cli turn them into messages.

An error carries an English message template (a gettext msgid with named placeholders,
``%(name)s`` or ``{name}``) and the values of its fields. The layers below never translate
it: the window and the command line each translate it once, when they show it, in the
language the user reads at that moment (``error_text`` in app/ui/errors.py and
app/cli/errors.py). ``message`` is the English text, for the log.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from enum import Enum


def N_(message: str) -> str:  # noqa: N802 - the gettext marker pybabel extracts
    """Mark a message template for the catalogs; it is translated where it is shown."""
    return message


def fill(template: str, fields: dict[str, object]) -> str:
    """``template`` with its named placeholders filled (either style); as is without fields."""
    if not fields:
        return template
    if "%(" in template:
        return template % fields
    return template.format(**fields)


# Advice the command line gives as a command or an option to type, and how the window says
# the same thing instead (a window user has no command line): app/ui translates errors
# through WINDOW_WORDING, app/cli as they are.
RESTORE_NEWEST_BACKUP = N_(
    "Restore the newest backup with 'appeal-desk restore {backup}' "
    "(list them with 'appeal-desk backups')."
)
CHOOSE_WRITABLE_FOLDER = N_(
    "Make it writable (its permissions), or choose a data folder you can write to with --data-dir."
)
CORRECT_SERVER_ADDRESS = N_(
    "Correct the address given with --database-url (or ask whoever set up the server)."
)
WINDOW_WORDING = {
    RESTORE_NEWEST_BACKUP: N_(
        "Start Appeal Desk again to restore the newest good backup, or restore one with "
        "File > Backups."
    ),
    CHOOSE_WRITABLE_FOLDER: N_(
        "Make it writable (its permissions, or the disk it is on), then start Appeal Desk again."
    ),
    CORRECT_SERVER_ADDRESS: N_(
        "Correct it with Connection settings (or ask whoever set up the server), then choose "
        "Try again."
    ),
}


class StoreProblem(Enum):
    """Why a data folder cannot be written, so that its store can only be read. The value
    is the wording of SQLite's own error, which ``describe_store_problem`` turns into advice."""

    READ_ONLY = "read-only"
    DISK_FULL = "database or disk is full"


class Phrase(str):
    """Words inside a message: a template (marked with ``N_``) with fields of its own, such as
    "the disk is full" inside "Could not write ...". As a string it is the English text; the
    error that carries it translates it with the rest of the message."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, /, **fields: object) -> Phrase:
        phrase = super().__new__(cls, fill(template, fields))
        phrase.template, phrase.fields = template, fields
        return phrase

    def translated(self, gettext: Callable[[str], str], number: NumberWriter = str) -> str:
        """The words in the language of ``gettext``, with the phrases among its fields too."""
        return fill(gettext(self.template), shown_fields(self.fields, gettext, number))


class Count(int):
    """A number inside a message (a length, a size): written with the reader's grouping of
    digits where the message is shown ("2 000 001" in French, "2.000.001" in German), by the
    ``number`` writer the window or the command line passes to ``translated``; grouped in
    thousands with commas in the English text of the log. For ``{name}`` and ``%(name)s``
    placeholders."""

    def __str__(self) -> str:
        return f"{int(self):,}"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(int(self), spec)


NumberWriter = Callable[[int], str]


def shown_fields(
    fields: dict[str, object], gettext: Callable[[str], str], number: NumberWriter
) -> dict[str, object]:
    """``fields`` as a reader sees them: phrases translated, counts written in their locale."""
    return {
        name: value.translated(gettext, number)
        if isinstance(value, Phrase)
        else number(value)
        if isinstance(value, Count)
        else value
        for name, value in fields.items()
    }


# The failures of the system a user meets with files, said in their language (the system's own
# words, ``strerror``, are English whatever the interface language).
_OS_PROBLEMS: dict[int, str] = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the disk or folder is read-only"),
    errno.ENOENT: N_("the file or folder does not exist"),
    errno.ENOSPC: N_("the disk is full"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_("the disk is full"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a folder in its path is a file"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def os_problem(exc: BaseException) -> str:
    """What went wrong with a file, as a field of a message: a usual failure of the system as a
    ``Phrase`` translated with the message, any other as the system words it."""
    if isinstance(exc, OSError):
        words = _OS_PROBLEMS.get(exc.errno) if exc.errno is not None else None
        return Phrase(words) if words is not None else exc.strerror or str(exc)
    return str(exc)


class AppealDeskError(Exception):
    """Base class: an expected failure the user can act on (never a bug)."""

    def __init__(self, message: str, /, **fields: object) -> None:
        if isinstance(message, Phrase) and not fields:  # words made below, shown translated
            fields = message.fields
            message = message.template
        self.template = message
        self.fields = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in English (what the log keeps)."""
        return fill(self.template, self.fields)

    def translated(self, gettext: Callable[[str], str], number: NumberWriter = str) -> str:
        """The message in the language of ``gettext`` (the caller's ``_``), its counts
        written by ``number`` (the reader's locale)."""
        return fill(gettext(self.template), shown_fields(self.fields, gettext, number))


class ImportRejected(AppealDeskError):
    """A document could not be imported: the reason (a template and its fields) says why and
    what to do; ``translated`` gives it in the reader's language, ``reason`` in English."""

    def __init__(self, source: str, reason: str, /, **fields: object) -> None:
        super().__init__(reason, **fields)
        self.source = source
        self.args = (f"{source}: {self.message}",)

    @property
    def reason(self) -> str:
        """The reason in English (what the log keeps)."""
        return self.message


class NotAFile(ImportRejected):
    """An entry of a folder that is no file to read: a link that leads nowhere, a folder named
    like a document. It is named with the files, but an import does not count it as one."""


class CaseNotFound(AppealDeskError):
    def __init__(self, ua_number: str) -> None:
        super().__init__(N_("You have no case with UA number {ua_number}."), ua_number=ua_number)
        self.ua_number = ua_number


class InvalidInput(AppealDeskError):
    """Bad input from the user (an unknown channel, a target number out of range...)."""


# A write refused because the folder or its disk cannot be written (the folder's permissions,
# a read-only disk): that stays so while the app runs, unlike a full disk, where room can be
# made and the same action tried again.
UNWRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def cannot_be_written(exc: BaseException) -> bool:
    """Whether ``exc`` is the system refusing a write because the place cannot be written."""
    return isinstance(exc, OSError) and exc.errno in UNWRITABLE


class FolderUnwritable(InvalidInput):
    """A file could not be written because its folder cannot be (see ``cannot_be_written``):
    trying again in this session cannot help; the user must make the folder writable."""


class TargetOutOfRange(InvalidInput):
    """An official's number (1-based) that the case does not have."""

    def __init__(self, ua_number: str, index: int, count: int) -> None:
        if count == 1:
            template = N_("UA %(ua_number)s has one official to write to: number 1, not %(index)d.")
        elif count:
            template = N_(
                "UA %(ua_number)s has no official number %(index)d; choose 1 to %(count)d."
            )
        else:
            template = N_("UA %(ua_number)s names no official to write to.")
        super().__init__(template, ua_number=ua_number, index=index, count=count)
        self.ua_number, self.index, self.count = ua_number, index, count


class UnknownLocale(InvalidInput):
    """Not a language code the letters know."""

    def __init__(self, locale: str, available: tuple[str, ...] = ()) -> None:
        if available:  # the languages a letter can be written in, named
            super().__init__(
                N_(
                    "%(locale)s is not a letter language. Letters can be written in: %(languages)s."
                ),
                locale=locale,
                languages=", ".join(available),
            )
        else:
            super().__init__(
                N_("%(locale)s is not a language code such as es or fr_CA."), locale=locale
            )
        self.locale = locale


class WrongFileType(InvalidInput):
    """An output file name whose ending the command cannot write."""

    def __init__(self, name: str) -> None:
        super().__init__(
            N_("Choose a file ending in .pdf, .txt or .eml (not %(name)s)."), name=name
        )
        self.name = name


class TemplateProblem(AppealDeskError):
    """A letter template or its data failed: names the file, the line and the problem.

    ``problem`` is an English message template with named placeholders filled from
    ``fields``: our own messages are marked with ``N_`` and translated where they are shown;
    a library's message (Jinja, TOML) is passed as it is. ``problem`` the attribute is the
    filled English text (for the log and the translators' check).
    """

    def __init__(
        self, filename: str, lineno: int | None, problem: str, /, **fields: object
    ) -> None:
        where = f"{filename}:{lineno}" if lineno else filename
        if isinstance(problem, Phrase) and not fields:  # words made below, shown translated
            fields = problem.fields
            problem = problem.template
        self.filename = filename
        self.lineno = lineno
        self.problem_template = problem
        self.problem_fields = fields
        self.problem = fill(problem, fields)
        super().__init__("{where}: {problem}", where=where, problem=self.problem)

    def translated(self, gettext: Callable[[str], str], number: NumberWriter = str) -> str:
        problem = fill(
            gettext(self.problem_template), shown_fields(self.problem_fields, gettext, number)
        )
        return f"{self.fields['where']}: {problem}"


class StoreUnavailable(AppealDeskError):
    """The database cannot be used (corrupt, locked by another copy, read-only, disk full)."""


class OutputFailed(AppealDeskError):
    """A file (PDF, CSV, .eml...) could not be written; the previous file is untouched."""
