"""The UA's bulleted demands: recognised, shown with what they ask, and written in letters as
the UA prints them (in its own language) or as our sentences (in any other)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from app.domain.errors import TemplateProblem
from app.domain.model import SenderProfile
from app.i18n import _, set_language
from app.letters.rendering import template_file
from app.services.asks import recognise_asks, ua_demands
from app.services.letters import draft_letter
from tests.unit.letters.conftest import TODAY, make_case

BULLETS = (
    "urging the authorities to release Tharani Selvanayagam immediately and unconditionally;",
    "expressing concern that she is held incommunicado;",
    "calling for her to be given access to a lawyer of her choice.",
)


def _case(**fields: object):  # type: ignore[no-untyped-def]
    return make_case(model_letter=None, recommended_actions=BULLETS, **fields)


def test_the_demands_are_recognised_in_the_bullets_and_listed_with_them() -> None:
    case = _case()
    # "incommunicado" is a demand for humane conditions, even in a bullet of concern
    assert recognise_asks(case) == ["release", "lawyer", "humane_conditions"]
    shown = ua_demands(case)
    assert [bullet for bullet, _ in shown] == list(BULLETS)
    assert "release" in shown[0][1] and "lawyer" in shown[2][1]


def test_a_letter_in_the_uas_language_makes_the_demands_as_printed(
    sender: SenderProfile,
) -> None:
    text = draft_letter(_case(), 1, sender, locale="en", today=TODAY).text
    assert "I urge the authorities to release Tharani Selvanayagam immediately and " in text
    assert "I call for her to be given access to a lawyer of her choice." in text
    assert "urging" not in text and ";" not in text


def test_an_unticked_demand_leaves_its_bullet_out(sender: SenderProfile) -> None:
    text = draft_letter(_case(), 1, sender, locale="en", today=TODAY, asks=["lawyer"]).text
    assert "release Tharani" not in text
    assert "access to a lawyer of her choice" in text


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("es", "Le pido que ponga en libertad a Tharani Selvanayagam"),
        ("fr", "Je vous demande de libérer Tharani Selvanayagam"),
        ("de", "Tharani Selvanayagam sofort und bedingungslos freizulassen"),
    ],
)
def test_a_letter_in_another_language_makes_the_demands_in_its_own_words(
    sender: SenderProfile, locale: str, sentence: str
) -> None:
    text = draft_letter(_case(), 1, sender, locale=locale, today=TODAY).text
    assert sentence in text
    assert "urging" not in text


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("en")


def test_a_template_problem_carries_its_fields_and_is_translated_where_shown(
    spanish: None,
) -> None:
    from app.cli.errors import error_text

    with pytest.raises(TemplateProblem) as caught:
        template_file(["en"], "letter.html")
    error = caught.value
    assert error.message == "letter.html: not a letter template name"
    assert error_text(error) == "letter.html: no es el nombre de una plantilla de carta"
    assert _("not a letter template name") != "not a letter template name"


def test_recognising_a_cases_asks_loads_no_template_engine() -> None:
    """The case pane lists a case's asks the moment the case is shown: that reads the asks
    files only; Jinja2 and Babel's formatting wait for the first letter."""
    code = (
        "import sys\n"
        "from app.domain.model import CaseDetail, CaseStatus\n"
        "from app.services.asks import recognise_asks\n"
        "letter = 'I urge you to release him immediately and to let him see a lawyer.'\n"
        "case = CaseDetail(1, '1/26', None, 'A case', 'Peru', CaseStatus.OPEN, None, None,\n"
        "    None, letter, 'en', None, (), (), ())\n"
        "print(recognise_asks(case))\n"
        "print(sorted(m for m in ('jinja2', 'babel.dates') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    asks, engines = done.stdout.strip().splitlines()
    assert asks == "['release', 'lawyer']"
    assert engines == "[]"
