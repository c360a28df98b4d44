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


def _sentences(language: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(kind, text, the asks it makes, the asks recognised in it where they differ)."""
    data = tomllib.loads((LABELLED / f"{language}.toml").read_text("utf-8"))
    return [
        (kind, s["text"], s["asks"], s.get("found", s["asks"]))
        for kind in ("bullet", "letter")
        for s in data[kind]
    ]


def _recognised(kind: str, text: str) -> list[str]:
    """As the case pane reads a UA: every bullet is a demand; in a model letter, only the
    sentences that ask the official for something."""
    return asks_in(text) if kind == "bullet" else recognise([text])


SENTENCES = [
    pytest.param(kind, text, found, id=f"{language}-{kind}-{number}")
    for language in LANGUAGES
    for number, (kind, text, _asks, found) in enumerate(_sentences(language), 1)
]


@pytest.mark.parametrize(("kind", "text", "found"), SENTENCES)
def test_each_sentence_asks_what_its_label_says(kind: str, text: str, found: list[str]) -> None:
    assert sorted(_recognised(kind, text)) == sorted(found)


# Per language and ask: (labelled and recognised, recognised but not asked, asked but missed).
FIGURES = {
    "en": {
        "accountability": (2, 0, 0), "drop_charges": (4, 0, 0), "end_harassment": (5, 0, 0),
        "fair_trial": (2, 0, 0), "family": (17, 0, 1), "halt_execution": (3, 0, 0),
        "investigation": (6, 0, 0), "lawyer": (20, 0, 0), "medical": (8, 0, 0),
        "no_torture": (2, 0, 0), "peaceful_rights": (1, 0, 0), "protection": (9, 0, 0),
        "quash_conviction": (2, 0, 0), "release": (11, 0, 0), "stop_deportation": (2, 0, 0),
        "stop_eviction": (1, 0, 0), "travel_ban": (1, 0, 0), "whereabouts": (5, 0, 0),
    },
    "es": {
        "accountability": (2, 0, 0), "drop_charges": (3, 0, 0), "end_harassment": (5, 0, 0),
        "fair_trial": (1, 0, 0), "family": (11, 0, 1), "halt_execution": (1, 0, 0),
        "investigation": (6, 0, 0), "lawyer": (18, 0, 0), "medical": (6, 0, 0),
        "no_torture": (1, 0, 0), "peaceful_rights": (1, 0, 0), "protection": (8, 0, 0),
        "quash_conviction": (2, 0, 0), "release": (11, 0, 0), "stop_deportation": (1, 0, 0),
        "stop_eviction": (2, 0, 0), "travel_ban": (1, 0, 0), "whereabouts": (3, 0, 0),
    },
    "fr": {
        "accountability": (2, 0, 0), "drop_charges": (3, 0, 0), "end_harassment": (5, 0, 0),
        "fair_trial": (1, 0, 0), "family": (11, 0, 1), "halt_execution": (3, 0, 0),
        "investigation": (6, 0, 0), "lawyer": (12, 0, 0), "medical": (5, 0, 0),
        "no_torture": (1, 0, 0), "peaceful_rights": (1, 0, 0), "protection": (9, 0, 0),
        "quash_conviction": (2, 0, 0), "release": (10, 0, 0), "stop_deportation": (2, 0, 0),
        "stop_eviction": (1, 0, 0), "travel_ban": (1, 0, 0), "whereabouts": (3, 0, 0),
    },
    "de": {
        "accountability": (2, 0, 0), "drop_charges": (3, 0, 0), "end_harassment": (5, 0, 0),
        "fair_trial": (1, 0, 0), "family": (11, 0, 1), "halt_execution": (3, 0, 0),
        "investigation": (4, 0, 0), "lawyer": (15, 0, 0), "medical": (6, 0, 0),
        "no_torture": (2, 0, 0), "peaceful_rights": (2, 0, 0), "protection": (7, 0, 0),
        "quash_conviction": (2, 0, 0), "release": (11, 0, 0), "stop_deportation": (2, 0, 0),
        "stop_eviction": (1, 0, 0), "travel_ban": (1, 0, 0), "whereabouts": (3, 0, 0),
    },
    "pt": {
        "accountability": (2, 0, 0), "drop_charges": (3, 0, 0), "end_harassment": (5, 0, 0),
        "fair_trial": (1, 0, 0), "family": (10, 0, 1), "halt_execution": (1, 0, 0),
        "investigation": (6, 0, 0), "lawyer": (15, 0, 0), "medical": (5, 0, 0),
        "no_torture": (1, 0, 0), "peaceful_rights": (1, 0, 0), "protection": (8, 0, 0),
        "quash_conviction": (2, 0, 0), "release": (12, 0, 0), "stop_deportation": (1, 0, 0),
        "stop_eviction": (1, 0, 0), "travel_ban": (1, 0, 0), "whereabouts": (3, 0, 0),
    },
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_ask_by_ask(language: str) -> None:
    figures: dict[str, Counter[str]] = {}
    for kind, text, asks, _found in _sentences(language):
        truth, found = set(asks), set(_recognised(kind, text))
        for ask in truth | found:
            mark = "tp" if ask in truth & found else "fp" if ask in found else "fn"
            figures.setdefault(ask, Counter())[mark] += 1
    table = {ask: (c["tp"], c["fp"], c["fn"]) for ask, c in figures.items()}
    assert table == FIGURES[language]


LAWYER_WORDS = {"en": "lawyer", "es": "abogad", "fr": "avocat", "de": "anw", "pt": "advogad"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_forty_labelled_sentences(language: str) -> None:
    sentences = _sentences(language)
    assert len(sentences) >= 40
    # a lawyer named without being asked for, and a lawyer asked for, many times each
    named = [asks for _, text, asks, _ in sentences if LAWYER_WORDS[language] in text.lower()]
    assert sum("lawyer" not in asks for asks in named) >= 7
    assert sum("lawyer" in asks for asks in named) >= 5
