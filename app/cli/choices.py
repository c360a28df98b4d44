"""Command-line values that name an enum member: paper sizes and envelope formats."""

from __future__ import annotations

from typing import TypeVar

from app.cli.errors import argument_error
from app.cli.terminal import printable
from app.domain.errors import N_
from app.domain.output_options import EnvelopeFormat, PageSize

Choice = TypeVar("Choice", PageSize, EnvelopeFormat)


def _parsed(value: Choice | None, text: str, every: type[Choice]) -> Choice:
    if value is None:  # argparse prints the message as it is: it names the choices itself
        raise argument_error(
            N_("invalid choice: '{value}' (choose from {choices})"),
            value=printable(text),
            choices=", ".join(choice.value for choice in every),
        )
    return value


def page_size_arg(text: str) -> PageSize:
    """``--page-size`` in any case: a4, A4, letter, Letter."""
    return _parsed(PageSize.parse(text), text, PageSize)


def envelope_format_arg(text: str) -> EnvelopeFormat:
    """``--format``: DL, C5, 10 (also #10, COM10)."""
    return _parsed(EnvelopeFormat.parse(text), text, EnvelopeFormat)
