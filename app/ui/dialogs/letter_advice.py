"""Gentle advice beside a letter: writer safety for countries with ties, and the personal touch."""

from __future__ import annotations

from difflib import SequenceMatcher

from app.domain.model import CaseDetail
from app.i18n import _
from app.services.country_names import shown_country_name
from app.services.letters import case_notices

__all__ = ["case_notices", "caution_text", "personal_touch_hint", "similarity"]

NEARLY_MODEL = 0.9  # at or above this share, the letter is essentially the generated model text


def caution_text(case: CaseDetail) -> str:
    return _(
        "You listed {country} among the countries you have ties to or plan to visit. Letters are "
        "read by the authorities there: consider signing with your initials and town only, and "
        "leaving your address off the envelope."
    ).format(country=shown_country_name(case.country))


def similarity(generated: str, current: str) -> float:
    """How much of the letter is still the generated text (0..1)."""
    if not generated or not current:
        return 0.0
    return SequenceMatcher(None, generated, current, autojunk=False).ratio()


def personal_touch_hint(
    generated_without_note: str,
    current: str,
    note: str,
    *,
    from_model_letter: bool,
    about: str = "",
) -> str:
    """A hint when the letter is nearly the text it was drafted from (the UA's model letter,
    or the app's own wording when there is none); empty when it is personal enough: with a
    note, or with the writer's own "why I write" sentence (Settings) in the letter."""
    if note.strip() or (about.strip() and about.strip() in current):
        return ""
    share = similarity(generated_without_note, current)
    if share < NEARLY_MODEL:
        return ""
    if from_model_letter:
        return _(
            "This letter is {percent}% the model text. Officials receive many identical letters: "
            "a sentence about who you are and why you care makes yours stand out."
        ).format(percent=round(share * 100))
    return _(
        "This letter is {percent}% the app's standard wording, the same for every writer. "
        "Officials receive many identical letters: a sentence or two in your own words about "
        "who you are and why you care makes yours personal."
    ).format(percent=round(share * 100))
