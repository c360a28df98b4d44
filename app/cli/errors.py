"""The command line's words for an expected failure, in the language the user asked for.

Errors carry an English template and their fields; this module is the one place the command
line translates them, when it prints them.
"""

from __future__ import annotations

import argparse

from app.domain.errors import AppealDeskError, Phrase, fill
from app.domain.model import ImportResult
from app.domain.notices import AppealWarning, Notice
from app.i18n import _


def reason_text(result: ImportResult) -> str:
    """Why an import was refused or held back, in the interface language."""
    from app.dates import whole_number

    return result.reason_in(_, whole_number)


def error_text(error: AppealDeskError) -> str:
    """The message of ``error`` in the interface language."""
    from app.dates import whole_number

    return error.translated(_, whole_number)


def appeal_warning_text(warning: AppealWarning) -> str:
    """A warning before sending in the interface language as it is now, its day spelled out."""
    from app.dates import long_date

    return warning.translated(_, long_date)


def notice_text(notice: Notice) -> str:
    """A warning in the interface language as it is now (languages named in it too)."""
    from app.services.letters import language_name

    return notice.translated(_, language_name)


def argument_error(template: str, /, **fields: object) -> argparse.ArgumentTypeError:
    """A bad command-line value (``template`` marked with ``N_``), for argparse to print."""
    return argparse.ArgumentTypeError(fill(_(template), fields))


def unexpected_error_text(log_dir: object) -> str:
    """One line for a bug; the traceback is in the log (or the log is said to be unwritable)."""
    from app.logging_setup import log_file_problem

    problem = log_file_problem()
    if isinstance(problem, Phrase):  # a usual failure of the system, in the user's language
        problem = problem.translated(_)
    if problem is not None:
        return _(
            "An unexpected error occurred, and the log file in {folder} could not be written "
            "({problem}), so its details were not kept."
        ).format(folder=log_dir, problem=problem)
    return _("An unexpected error occurred; the details are in the log file ({folder}).").format(
        folder=log_dir
    )
