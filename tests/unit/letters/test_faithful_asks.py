"""A letter asks only what the UA asks: a request for protection measures is not one for
protection from torture, and the threats a UA wants investigated are no demand to end them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from app.domain.model import SenderProfile
from app.i18n import _, set_language
from app.paths import resolve_paths
from app.services.asks import recognise_asks
from app.services.cases import get_case
from app.services.database import open_store
from app.services.importing import import_files
from app.services.letters import draft_letter
from app.ui.dialogs.letter_side_panel import ASK_LABELS
from app.ui.views.case_detail_html import case_asks
from tests.builders import INITIAL_902
from tests.unit.letters.conftest import make_case

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
DEATH_THREATS = FIXTURES / "ua-es-death-threats.txt"  # fictional: UA 102/26 in Spanish
NAMED = FIXTURES / "ua-en-lawyer-family-named.txt"  # fictional: UA 214/98, lawyer only named
TODAY = datetime.date(2026, 12, 6)
SENDER = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")


def _imported(tmp_path: Path, document: Path, ua_number: str):  # type: ignore[no-untyped-def]
    db = open_store(resolve_paths(tmp_path))
    try:
        import_files(db, [document])
        return get_case(db, ua_number)
    finally:
        db.close()


def test_a_request_for_protection_measures_is_asked_as_such(tmp_path: Path) -> None:
    case = _imported(tmp_path, DEATH_THREATS, "102/26")
    assert recognise_asks(case) == ["protection", "investigation"]
    text = draft_letter(case, 1, SENDER, locale="en", today=TODAY).text
    assert "provide María Solano with effective protection" in text
    assert "order a prompt, thorough and impartial investigation." in text
    assert "informed" not in text  # nor that families be kept informed
    for invented in ("torture", "ill-treatment", "harassment", "intimidation", "to justice"):
        assert invented not in text


@pytest.mark.parametrize(
    ("locale", "asked", "not_asked"),
    [
        ("fr", "assurer une protection efficace à María Solano", "torture"),
        ("de", "María Solano wirksam zu schützen", "Folter"),
        ("pt", "uma proteção eficaz", "tortura"),
        ("ar", "لحماية María Solano", "التعذيب"),
    ],
)
def test_the_same_asks_in_every_other_language(
    tmp_path: Path, locale: str, asked: str, not_asked: str
) -> None:
    case = _imported(tmp_path, DEATH_THREATS, "102/26")
    text = draft_letter(case, 1, SENDER, locale=locale, today=TODAY).text
    assert asked in text and not_asked not in text


def test_the_case_pane_lists_only_what_the_ua_asks(tmp_path: Path) -> None:
    case = _imported(tmp_path, DEATH_THREATS, "102/26")
    set_language("en")
    assert case_asks(case) == ["Protection and safety", "An investigation"]


def test_the_sample_case_asks_for_protection_and_an_investigation(tmp_path: Path) -> None:
    case = _imported(tmp_path, INITIAL_902, "902/27")
    assert recognise_asks(case) == ["protection", "investigation"]
    text = draft_letter(case, 1, SENDER, locale="fr", today=TODAY).text
    assert "harcèlement" not in text and "torture" not in text


@pytest.mark.parametrize(
    ("locale", "asked", "not_asked"),
    [
        ("es", ["conmute la condena a muerte", "juicios justos", "protección eficaz"],
         ["abogado", "familia"]),
        ("fr", ["commuer la peine de mort", "équité des procès", "protection efficace"],
         ["avocat", "famille"]),
        ("de", ["Todesurteil umzuwandeln", "faire Verfahren", "wirksam zu schützen"],
         ["Rechtsbeistand", "Familie"]),
    ],
)  # fmt: skip
def test_a_lawyer_and_families_only_named_are_not_demanded(
    tmp_path: Path, locale: str, asked: list[str], not_asked: list[str]
) -> None:
    # the UA names the man's lawyer, the victim's family and the witnesses' families, and asks
    # for a commuted sentence, a fair retrial and the families' safety: nothing more
    case = _imported(tmp_path, NAMED, "214/98")
    assert recognise_asks(case) == ["halt_execution", "fair_trial", "protection"]
    text = draft_letter(case, 1, SENDER, locale=locale, today=TODAY).text
    for words in asked:
        assert words in text
    for words in not_asked:
        assert words not in text


def test_the_bullets_of_a_ua_read_as_the_writers_sentences(tmp_path: Path) -> None:
    case = _imported(tmp_path, NAMED, "214/98")
    text = draft_letter(case, 1, SENDER, locale="en", today=TODAY).text
    assert "the hearing, and I urge that he be granted a fair retrial." in text
    assert "and urging" not in text


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("I urge you to investigate the threats against her.", ["investigation"]),
        ("I urge you to investigate their allegations of torture.", ["investigation"]),
        ("Le insto a investigar las amenazas.", ["investigation"]),
        ("Je vous demande d'ouvrir une enquête sur ces menaces.", ["investigation"]),
        ("I urge you to protect them from torture and other ill-treatment.", ["no_torture"]),
        ("Le pido que garantice su seguridad.", ["protection"]),
        ("I urge you to stop harassing environmental activists.", ["end_harassment"]),
        ("Le pido que cese el hostigamiento contra ella.", ["end_harassment"]),
        (
            "I urge you to investigate the attack and bring those responsible to justice.",
            ["investigation", "accountability"],
        ),
    ],
)
def test_what_a_sentence_asks(sentence: str, asks: list[str]) -> None:
    assert recognise_asks(make_case(model_letter=sentence, recommended_actions=())) == asks


def test_every_ask_has_a_label_in_every_language() -> None:
    from app.letters.asks import ASKS

    assert set(ASK_LABELS) == set(ASKS)
    for language in ("es", "fr", "de", "pt", "ar"):
        set_language(language)
        try:
            for label in ASK_LABELS.values():
                assert _(label) != label, (language, label)
        finally:
            set_language("en")
