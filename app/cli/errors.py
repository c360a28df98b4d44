"""The command line's words for an expected failure, in the language the user asked for."""

from __future__ import annotations

from app.domain.errors import AppealDeskError
from app.i18n import _


def error_text(error: AppealDeskError) -> str:
    """The message of ``error`` in the interface language (English unless --lang is given)."""
    return error.translated(_)
