"""Use case: what a UA asks for (release, a fair trial, medical care...), recognised in its
bullets and model letter.

Kept apart from drafting (``app.services.letters``): the case pane lists a case's asks as
soon as the case is shown, and this needs only the asks files, not the template engine.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.model import CaseDetail
from app.letters.asks import ASKS, ask_words, asks_in, kept_ask_words, recognise


def recognise_asks(case: CaseDetail, user_templates: Path | None = None) -> list[str]:
    """The demands recognised in a case's bullets and model letter (keys of
    ``app.letters.asks.ASKS``), in letter order."""
    found = set(recognise([case.model_letter or ""], user_templates))
    for bullet in case.recommended_actions:  # every bullet is a demand, however it is worded
        found.update(asks_in(bullet, user_templates))
    return [ask for ask in ASKS if ask in found]


def ua_demands(
    case: CaseDetail, user_templates: Path | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """The UA's demands as it bullets them, each with the demands recognised in it (keys of
    ``app.letters.asks.ASKS``; empty when none is): what the case pane and the letter editor
    show the writer."""
    return [(b, tuple(asks_in(b, user_templates))) for b in case.recommended_actions]


def read_ask_words(kept: Path | None = None) -> None:
    """Read the asks files now, off the GUI thread, so that the first case shown lists its
    asks without parsing them (they are kept until a file changes); with ``kept``, the file
    where their words are kept between runs (read back far sooner than parsed)."""
    if kept is None:
        ask_words()
    else:
        kept_ask_words(kept)
