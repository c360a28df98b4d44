"""Typed errors raised by the lower layers; app/ui and app/cli turn them into messages."""

from __future__ import annotations


class AppealDeskError(Exception):
    """Base class: an expected failure the user can act on (never a bug)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ImportRejected(AppealDeskError):
    """A document could not be imported; ``reason`` says why and what to do."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class CaseNotFound(AppealDeskError):
    def __init__(self, ua_number: str, message: str | None = None) -> None:
        super().__init__(message or f"No case with UA number {ua_number} in the store.")
        self.ua_number = ua_number


class InvalidInput(AppealDeskError):
    """Bad input from the user (an unknown channel, a target number out of range...)."""


class TemplateProblem(AppealDeskError):
    """A letter template failed: names the file, the line and the problem."""

    def __init__(self, filename: str, lineno: int | None, problem: str) -> None:
        where = f"{filename}:{lineno}" if lineno else filename
        super().__init__(f"{where}: {problem}")
        self.filename = filename
        self.lineno = lineno
        self.problem = problem


class StoreUnavailable(AppealDeskError):
    """The database cannot be used (corrupt, locked by another copy, read-only, disk full)."""


class OutputFailed(AppealDeskError):
    """A file (PDF, CSV, .eml...) could not be written; the previous file is untouched."""
