"""The demands recognised in hand-labelled sentences of five languages (tests/fixtures/asks):
a lawyer, a family or a release that a UA only mentions is no demand, and every demand made
in the usual words of a UA is recognised. ``bench/asks_labelled.py`` prints the same figures as
precision and recall."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from app.letters.asks import asks_in, recognise

LABELLED = Path(__file__).resolve().parents[2] / "fixtures" / "asks"
LANGUAGES = ("en", "es", "fr", "de", "pt")


def _sentences(language: str) -> list[tuple[str, str, list[str]]]:
    data = tomllib.loads((LABELLED / f"{language}.toml").read_text("utf-8"))
    return [(kind, s["text"], s["asks"]) for kind in ("bullet", "letter") for s in data[kind]]


def _recognised(kind: str, text: str) -> list[str]:
    """As the case pane reads a UA: every bullet is a demand; in a model letter, only the
    sentences that ask the official for something."""
    return asks_in(text) if kind == "bullet" else recognise([text])


SENTENCES = [
    pytest.param(kind, text, asks, id=f"{language}-{kind}-{number}")
    for language in LANGUAGES
    for number, (kind, text, asks) in enumerate(_sentences(language), 1)
]


@pytest.mark.parametrize(("kind", "text", "asks"), SENTENCES)
def test_each_sentence_asks_what_its_label_says(kind: str, text: str, asks: list[str]) -> None:
    assert sorted(_recognised(kind, text)) == sorted(asks)


# Per language and ask: (labelled and recognised, recognised but not asked, asked but missed).
FIGURES = {
    "en": {
        "accountability": 2, "drop_charges": 2, "end_harassment": 3, "fair_trial": 2,
        "family": 10, "halt_execution": 3, "investigation": 4, "lawyer": 12, "medical": 6,
        "no_torture": 2, "peaceful_rights": 1, "protection": 5, "quash_conviction": 1,
        "release": 7, "stop_deportation": 1, "stop_eviction": 1, "travel_ban": 1,
        "whereabouts": 3,
    },
    "es": {
        "accountability": 2, "drop_charges": 2, "end_harassment": 3, "fair_trial": 1,
        "family": 6, "halt_execution": 1, "investigation": 4, "lawyer": 11, "medical": 4,
        "no_torture": 1, "peaceful_rights": 1, "protection": 5, "quash_conviction": 1,
        "release": 7, "stop_deportation": 1, "stop_eviction": 2, "travel_ban": 1,
        "whereabouts": 2,
    },
    "fr": {
        "accountability": 2, "drop_charges": 2, "end_harassment": 3, "fair_trial": 1,
        "family": 6, "halt_execution": 3, "investigation": 4, "lawyer": 7, "medical": 3,
        "no_torture": 1, "peaceful_rights": 1, "protection": 6, "quash_conviction": 1,
        "release": 6, "stop_deportation": 2, "stop_eviction": 1, "travel_ban": 1,
        "whereabouts": 2,
    },
    "de": {
        "accountability": 2, "drop_charges": 2, "end_harassment": 3, "fair_trial": 1,
        "family": 6, "halt_execution": 3, "investigation": 2, "lawyer": 10, "medical": 4,
        "no_torture": 2, "peaceful_rights": 2, "protection": 4, "quash_conviction": 1,
        "release": 7, "stop_deportation": 2, "stop_eviction": 1, "travel_ban": 1,
        "whereabouts": 2,
    },
    "pt": {
        "accountability": 2, "drop_charges": 2, "end_harassment": 3, "fair_trial": 1,
        "family": 5, "halt_execution": 1, "investigation": 4, "lawyer": 10, "medical": 3,
        "no_torture": 1, "peaceful_rights": 1, "protection": 5, "quash_conviction": 1,
        "release": 8, "stop_deportation": 1, "stop_eviction": 1, "travel_ban": 1,
        "whereabouts": 2,
    },
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_ask_by_ask(language: str) -> None:
    figures: dict[str, Counter[str]] = {}
    for kind, text, asks in _sentences(language):
        truth, found = set(asks), set(_recognised(kind, text))
        for ask in truth | found:
            mark = "tp" if ask in truth & found else "fp" if ask in found else "fn"
            figures.setdefault(ask, Counter())[mark] += 1
    table = {ask: (c["tp"], c["fp"], c["fn"]) for ask, c in figures.items()}
    assert table == {ask: (count, 0, 0) for ask, count in FIGURES[language].items()}


LAWYER_WORDS = {"en": "lawyer", "es": "abogad", "fr": "avocat", "de": "anw", "pt": "advogad"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_forty_labelled_sentences(language: str) -> None:
    sentences = _sentences(language)
    assert len(sentences) >= 40
    # a lawyer named without being asked for, and a lawyer asked for, many times each
    named = [asks for _, text, asks in sentences if LAWYER_WORDS[language] in text.lower()]
    assert sum("lawyer" not in asks for asks in named) >= 7
    assert sum("lawyer" in asks for asks in named) >= 5
