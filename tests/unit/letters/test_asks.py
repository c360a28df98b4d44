"""The UA's demands: recognised in bullet points and model letters in any language, written
again in the letter's language with the persons' names and pronouns."""

from __future__ import annotations

import tomllib

import pytest

from app.domain.model import Person, SenderProfile
from app.letters.asks import (
    ASKS,
    asks_in,
    asks_problems,
    bullet_sentences,
    coverage,
    load_sentences,
    phrase_variants,
    recognise,
)
from app.letters.rendering import SHIPPED_TEMPLATES
from app.services.letters import draft_letter
from tests.unit.letters.conftest import TODAY, make_case

RECOMMENDED = """\
- urging that the death sentences passed on Nasser Ahmed and Yusuf Karim be commuted;
- expressing concern that they were tried in secret;
- calling for them to have access to a lawyer of their choice and to their families;
- urging the authorities to order an impartial investigation into the torture allegations.
"""


def test_bullet_points_in_english() -> None:
    # the torture allegations are what the investigation is into: no ask of their own
    assert recognise([RECOMMENDED]) == [
        "halt_execution",
        "lawyer",
        "family",
        "investigation",
    ]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        (
            "Le pido que libere de inmediato a Ana Ruiz y retire los cargos.",
            ["release", "drop_charges"],
        ),
        ("Je vous demande de garantir un procès équitable à Ali.", ["fair_trial"]),
        ("Bitte lassen Sie sie umgehend und bedingungslos frei.", ["release"]),
        ("Peço que garanta cuidados médicos a Rui.", ["medical"]),
        ("أحثكم على الإفراج عن علي فوراً.", ["release"]),
        ("I urge you to reveal the fate and whereabouts of Ali.", ["whereabouts"]),
    ],
)
def test_requests_in_every_language(text: str, asks: list[str]) -> None:
    assert recognise([text]) == asks


def test_coverage_counts_requests_no_phrase_knows() -> None:
    text = "I urge you to release Ana.\n\nI ask you to repaint the prison walls."
    assert coverage([text]) == (2, 1)


@pytest.mark.parametrize(
    ("locale", "pronouns", "sentence"),
    [
        ("en", "she/her", "access to a lawyer of her choosing"),
        ("en", "he/him", "access to a lawyer of his choosing"),
        ("en", "they/them", "access to a lawyer of their choosing"),
        ("de", "she/her", "Zugang zu einem Rechtsbeistand ihrer Wahl erhält"),
        ("fr", "he/him", "un avocat de son choix"),
        ("es", "she/her", "que Ana Ruiz tenga acceso inmediato"),
        ("ar", "she/her", "على محامٍ تختاره"),
    ],
)
def test_sentences_follow_the_persons_pronouns(
    sender: SenderProfile, locale: str, pronouns: str, sentence: str
) -> None:
    case = make_case(persons=(Person("Ana Ruiz", pronouns),), model_letter=None)
    text = draft_letter(case, 1, sender, locale=locale, asks=["lawyer"], today=TODAY).text
    assert sentence in text


def test_several_persons_take_the_plural(sender: SenderProfile) -> None:
    case = make_case(persons=(Person("Ana Ruiz", None), Person("Luis Paz", None)))
    text = draft_letter(case, 1, sender, locale="es", asks=["medical"], today=TODAY).text
    assert "Ana Ruiz y Luis Paz reciban sin demora" in text


def test_the_model_letter_stays_as_printed_in_its_own_language(sender: SenderProfile) -> None:
    letter = draft_letter(make_case(), 1, sender, locale="en", today=TODAY)
    assert "I am writing to ask you to release Tharani Selvanayagam" in letter.text
    rebuilt = draft_letter(make_case(), 1, sender, locale="en", model_letter=False)
    assert "I urge you to release Tharani Selvanayagam immediately" in rebuilt.text


def test_unticked_asks_are_left_out(sender: SenderProfile) -> None:
    letter = draft_letter(make_case(), 1, sender, locale="fr", asks=[], today=TODAY)
    assert "libérer" not in letter.text and letter.asks == ()


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_every_language_has_a_sentence_for_every_ask(locale: str) -> None:
    data = tomllib.loads((SHIPPED_TEMPLATES / locale / "asks.toml").read_text("utf-8"))
    assert asks_problems(data, complete=True) == []
    assert set(data["recognise"]) == set(ASKS)


@pytest.mark.parametrize(
    ("bullet", "asks"),
    [
        (
            "Calling on them to make sure that communities affected by sand dredging are "
            "genuinely consulted and can protest peacefully without fear of arrest.",
            ["peaceful_rights"],
        ),
        (
            "Bitte sorgen Sie dafür, dass niemand wegen friedlicher Proteste verfolgt wird.",
            ["peaceful_rights"],
        ),
        ("Urging them to protect her from torture and other ill-treatment;", ["no_torture"]),
        ("Calling on the executive to release him;", ["release"]),
        ("Exija que libertem os manifestantes presos durante o protesto.", ["release"]),
        ("demandez la libération des membres des communautés, grâce à vos appels ;", ["release"]),
        ("Fordern Sie ein Ende der unmenschlichen Behandlung in der Haft.", []),
        ("Urging them to halt the execution of Ali Reza;", ["halt_execution"]),
        ("Exhortez les autorités à commuer la peine capitale ;", ["halt_execution"]),
    ],
)
def test_a_word_that_only_begins_like_an_ask_is_not_one(bullet: str, asks: list[str]) -> None:
    # "protest" is not "protect", "communities" not "commute", "executive" not "execution",
    # "grâce à" is "thanks to", and ill-treatment is no medical treatment
    assert recognise([f"- {bullet}"]) == asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # the families' safety is asked for, not contact with a family
        (
            "- pidiendo que garanticen la seguridad de las familias de la comunidad Arroyo Claro;",
            ["protection"],
        ),
        ("- instando a que permitan a Lucía Ferrer recibir visitas de su familia;", ["family"]),
        ("- pedindo que garantam a segurança das famílias de Vila Serena;", ["protection"]),
        # a lawyer set free, or one who speaks for her, is no request for a lawyer
        (
            "Je vous demande de libérer immédiatement l'avocate Inès Morel, détenue pour "
            "avoir défendu des syndicalistes.",
            ["release"],
        ),
        ("- demandez la libération d'Inès Morel, dont l'avocate a été menacée ;", ["release"]),
        (
            "Je vous demande de veiller à ce qu'Inès Morel puisse consulter son avocate.",
            ["lawyer"],
        ),
        ("- exhortez-les à lui garantir l'accès à un avocat de son choix ;", ["lawyer"]),
        # harassed since her release: no request to be released, unless one is made besides
        (
            "- urging them to end the harassment Tomas Reyes has faced since his release;",
            ["end_harassment"],
        ),
        ("I urge you to release Ana Lind, detained again since her release in May.", ["release"]),
        # house arrest lifted is a release, neither humane conditions nor a quashed conviction
        ("- Bitte heben Sie den Hausarrest gegen Lena Vogt sofort auf.", ["release"]),
        ("Ich fordere Sie auf, den Hausarrest gegen Lena Vogt aufzuheben.", ["release"]),
        ("Ich fordere Sie auf, das Urteil gegen Lena Vogt aufzuheben.", ["quash_conviction"]),
    ],
)
def test_an_ask_is_recognised_only_where_it_is_asked_for(text: str, asks: list[str]) -> None:
    """What the case pane lists for one bullet or sentence of a UA (fictional sentences)."""
    assert asks_in(text.removeprefix("- ")) == asks


def test_a_word_of_several_choices_stands_for_each_phrase() -> None:
    assert phrase_variants("access|contact ... family|relatives") == [
        "access ... family",
        "access ... relatives",
        "contact ... family",
        "contact ... relatives",
    ]
    assert asks_problems({"recognise": {"family": ["see|| ... family", "visit*|*"]}}) == [
        "[recognise] family: 'see|| ... family' has an empty word or choice",
        "[recognise] family: 'visit*|*' has an empty word or choice",
    ]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # named, not asked for: the lawyer speaks, attends, is released or threatened
        ("- urging them to release Ana Lind; her lawyer said she was beaten;", ["release"]),
        ("- calling for a fair trial for Ana Lind, whose lawyer was not allowed to attend;",
         ["fair_trial"]),
        ("- expressing sympathy for his family;", []),
        ("- urging them to guarantee the safety of the families of Riverside;", ["protection"]),
        ("I urge you to allow him access to a lawyer.", ["lawyer"]),
        ("- Bitte gestatten Sie ihm, seine Anwältin zu sehen.", ["lawyer"]),
        ("- pidiendo que se permita a Ana Lind hablar con su abogada;", ["lawyer"]),
        ("- pedindo a libertação da defensora Rosa Lima;", ["release"]),
        ("- demandez aux autorités de garantir la sécurité des familles ;", ["protection"]),
    ],
)  # fmt: skip
def test_a_lawyer_or_a_family_only_named_is_no_demand(text: str, asks: list[str]) -> None:
    assert asks_in(text.removeprefix("- ")) == asks


@pytest.mark.parametrize(
    ("locale", "bullet", "sentence"),
    [
        (
            "en",
            "expressing concern that his lawyer was absent, and urging that he be retried;",
            "I am concerned that his lawyer was absent, and I urge that he be retried.",
        ),
        (
            "en",
            "calling for an inquiry and asking the authorities to protect the witnesses;",
            "I call for an inquiry and I ask the authorities to protect the witnesses.",
        ),
        # a one-word participle without a comma before "and" is the farmers', not the writer's
        (
            "en",
            "urging them to release the farmers marching and demanding land;",
            "I urge you to release the farmers marching and demanding land.",
        ),
        (
            "es",
            "expresando preocupación por su salud y pidiendo que reciba atención médica;",
            "Expreso mi preocupación por su salud y pido que reciba atención médica.",
        ),
        # and after "but": the letter never says "I welcome ..., but expressing concern"
        (
            "en",
            "welcoming the release of Ana Lima, but expressing concern at her account of "
            "being beaten in custody;",
            "I welcome the release of Ana Lima, but I am concerned at her account of being "
            "beaten in custody.",
        ),
    ],
)
def test_a_participle_after_and_becomes_the_writers_words(
    locale: str, bullet: str, sentence: str
) -> None:
    assert bullet_sentences([bullet], load_sentences([locale])) == [sentence]


FREED_AND_HELD = (
    "Dear Minister,\n\nI welcome the release of Ana Ruiz, but I am concerned that Luis Paz is "
    "still held.\n\nI urge you to ensure that the charges against Luis Paz are dropped and that "
    "he is released immediately and unconditionally.\n\nYours sincerely,\n"
)


@pytest.mark.parametrize(
    ("locale", "demand", "not_demanded"),
    [
        ("fr", "Je vous demande de libérer Luis Paz immédiatement", "libérer Luis Paz et Ana"),
        ("es", "Le pido que ponga en libertad a Luis Paz de inmediato", "Luis Paz y Ana Ruiz de"),
        ("de", "Ich fordere Sie auf, Luis Paz sofort und bedingungslos", "Luis Paz und Ana Ruiz"),
        ("pt", "Peço-lhe que liberte Luis Paz imediata", "liberte Luis Paz e Ana Ruiz"),
    ],
)
def test_a_demand_names_only_the_persons_the_ua_makes_it_for(
    sender: SenderProfile, locale: str, demand: str, not_demanded: str
) -> None:
    """An update: Ana Ruiz was freed, Luis Paz is still held. A letter in another language
    asks the official to free Luis Paz, never the person who is already free."""
    case = make_case(
        persons=(Person("Ana Ruiz", "she/her"), Person("Luis Paz", "he/him")),
        model_letter=FREED_AND_HELD,
    )
    text = draft_letter(case, 1, sender, locale=locale, today=TODAY).text
    assert demand in text
    assert not_demanded not in text
    assert "Ana Ruiz" in text  # the letter still speaks of both


def test_a_demand_that_names_nobody_is_made_for_everyone(sender: SenderProfile) -> None:
    case = make_case(
        persons=(Person("Ana Ruiz", "she/her"), Person("Luis Paz", "he/him")),
        model_letter="Dear Minister,\n\nI urge you to release them immediately.\n",
    )
    text = draft_letter(case, 1, sender, locale="es", today=TODAY).text
    assert "ponga en libertad a Ana Ruiz y Luis Paz de inmediato" in text
