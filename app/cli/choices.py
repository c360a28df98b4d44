"""Command-line values that name an enum member: paper sizes and envelope formats."""

from __future__ import annotations

import argparse
from typing import TypeVar

from app.domain.output_options import EnvelopeFormat, PageSize

Choice = TypeVar("Choice", PageSize, EnvelopeFormat)


def _parsed(value: Choice | None, text: str) -> Choice:
    if value is None:  # argparse then names the valid choices
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r}")
    return value


def page_size_arg(text: str) -> PageSize:
    """``--page-size`` in any case: a4, A4, letter, Letter."""
    return _parsed(PageSize.parse(text), text)


def envelope_format_arg(text: str) -> EnvelopeFormat:
    """``--format``: DL, C5, 10 (also #10, COM10)."""
    return _parsed(EnvelopeFormat.parse(text), text)
