"""Which official a UA's greeting ("Dear Prime Minister,") is addressed to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.model import Target
from app.domain.text_folding import fold

# Words of courtesy and grammar around the office or name a greeting is made of ("Dear",
# "Sehr geehrter Herr", "Monsieur le", "Señor"): they name no official in particular.
_COURTESY_WORDS = """
    dear your my the to of and or whom it may concern sir madam mr mrs ms miss dr
    sehr geehrte geehrter geehrten herr frau liebe lieber der die des
    monsieur madame le la les du de mme mlle
    senor senora sr sra estimado estimada estimados distinguido distinguida del los las
    senhor senhora prezado prezada caro cara exmo exma do da
    excellency excelencia excellence exzellenz excelentisimo excelentisima excelentissimo
    excelentissima excelencia honourable honorable his her
"""
_COURTESY = frozenset(_COURTESY_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")


def greeting_words(greeting: str) -> set[str]:
    """The words of a greeting that can name an official: "Dear Prime Minister," ->
    {"prime", "minister"}; "Your Excellency," -> set()."""
    return {word for word in _WORD.findall(fold(greeting)) if word not in _COURTESY}


def official_descriptions(targets: Sequence[Target]) -> list[str]:
    """Each official as the text of their office and name ("Prime Minister Helena Marsh"), the
    form the functions below compare a greeting with."""
    return [f"{target.title or ''} {target.display_name}" for target in targets]


def greeted_official(greeting: str, officials: Sequence[str]) -> int | None:
    """The index of the official a greeting names, each official given as the text of their
    office and name ("Prime Minister Helena Marsh"), or None when it names none of them.

    An official is named when every word of the greeting (of one half of a bilingual
    "Dear Minister/Señor Ministro") is in their office or name: "Dear Prime Minister" names
    the Prime Minister, not the Minister of Justice. The fullest match wins; on a tie the
    first listed is taken (a "Dear Minister" fits either of two ministers)."""
    best, best_score = None, 0
    for index, official in enumerate(officials):
        score = _named_words(greeting, official)
        if score > best_score:
            best, best_score = index, score
    return best


def names_official(greeting: str, official: str) -> bool:
    """Whether the greeting names this official (by office or name, as above)."""
    return _named_words(greeting, official) > 0


def stored_greeting_fits(greeting: str, officials: Sequence[str], index: int) -> bool:
    """Whether the greeting stored for the official at ``index`` is theirs: it names them, or
    names none of the case's officials ("Your Excellency,"). An import made before greetings
    were given to the official they name may hold the first official's greeting on another
    ("Dear Prime Minister," on the Minister of Justice); that one is not theirs."""
    return (
        names_official(greeting, officials[index]) or greeted_official(greeting, officials) is None
    )


def _named_words(greeting: str, official: str) -> int:
    """How many words of the greeting's fullest half the official's office and name hold, all
    of them, or 0."""
    named = set(_WORD.findall(fold(official)))
    halves = [words for words in map(greeting_words, greeting.split("/")) if words]
    return max((len(words) for words in halves if words <= named), default=0)
