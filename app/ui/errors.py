"""Turn a failure into a friendly message: expected errors say what to do, bugs go to the log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.domain.errors import WINDOW_WORDING, AppealDeskError
from app.i18n import _
from app.ui.messages import Messages

if TYPE_CHECKING:
    from app.domain.model import ImportResult
    from app.domain.notices import AppealWarning, Notice

log = logging.getLogger(__name__)


def reason_text(result: ImportResult) -> str:
    """Why an import was refused or held back, in the interface language."""
    from app.dates import whole_number

    return result.reason_in(_, whole_number)


def error_text(error: AppealDeskError) -> str:
    """The message of ``error`` in the interface language as it is now, its advice worded
    for the window (a menu or a setting, never a command to type)."""
    from app.dates import whole_number

    return error.translated(window_gettext, whole_number)


def window_gettext(template: str) -> str:
    """``_`` for messages the window shows: advice worded for the command line is replaced
    by the window's way of doing the same."""
    return _(WINDOW_WORDING.get(template, template))


def appeal_warning_text(warning: AppealWarning) -> str:
    """A warning before sending in the interface language as it is now, its day spelled out."""
    from app.dates import long_date

    return warning.translated(_, long_date)


def notice_text(notice: Notice) -> str:
    """A warning in the interface language as it is now (languages named in it too)."""
    from app.services.letters import language_name

    return notice.translated(_, language_name)


def report_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Show ``error`` to the user without a traceback (which the log file keeps)."""
    if isinstance(error, AppealDeskError):
        log.info("%s: %s", title, error.message)
        Messages.error(parent, title, error_text(error))
        return
    log.error("%s", title, exc_info=(type(error), error, error.__traceback__))
    Messages.error(parent, title, unexpected_error_text())


def unexpected_error_text() -> str:
    from app.logging_setup import LOG_FILE, log_file_path

    return _(
        "Something went wrong that Appeal Desk did not expect. Your data is safe; the last "
        "action was not completed. Details are in the log file ({file})."
    ).format(file=log_file_path() or LOG_FILE)
