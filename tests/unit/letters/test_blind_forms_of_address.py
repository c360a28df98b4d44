"""The blind forms-of-address tables (forms_of_address/cases.toml, cases2.toml, cases3.toml and
cases4.toml):
each official as an Urgent Action prints them gets, in the language they read, the salutation,
courtesy words and closing that protocol guides give (and, where the third table asks, no style
of a higher rank, and the style right above the name).

Cases the letters do not meet yet are listed in ``NOT_YET`` with the reason (strict: a case that
starts to match must leave the list). ``python bench/forms_of_address.py`` prints the scores."""

from __future__ import annotations

import pytest

from bench.forms_of_address import (
    FOURTH_TABLE,
    LANGUAGES,
    SECOND_TABLE,
    THIRD_TABLE,
    load_cases,
    score_case,
)

CASES = load_cases()
SECOND_CASES = load_cases(SECOND_TABLE)
THIRD_CASES = load_cases(THIRD_TABLE)
FOURTH_CASES = load_cases(FOURTH_TABLE)

EITHER_GENDER = (
    "the UA's masculine title is not read as a man: the form for either gender is written"
)
GENDERED_STYLE = "German words of honour (S. E., I. E.) are written only when the gender is sure"

ARABIC_GENERIC_FORM = (
    "an Arabic letter to an official of unknown gender gives the office's generic (masculine) "
    "form, never a slash form (see golden_officials.toml); the fourth table asks for السيد/السيدة"
)

NOT_YET = {
    "ar4-gender-unknown": ARABIC_GENERIC_FORM,
    "es-head-of-state-president": EITHER_GENDER,
    "es-head-of-government": EITHER_GENDER,
    "es-attorney-general": EITHER_GENDER,
    "es-attorney-general-woman": EITHER_GENDER,
    "es-minister-interior": EITHER_GENDER,
    "es-minister-foreign-affairs": EITHER_GENDER,
    "es-state-governor": EITHER_GENDER,
    "es-police-chief": EITHER_GENDER,
    "es-mayor": EITHER_GENDER,
    "fr-head-of-state-president": EITHER_GENDER,
    "fr-minister-of-justice": EITHER_GENDER,
    "fr-minister-interior": EITHER_GENDER,
    "fr-prosecutor-general": EITHER_GENDER,
    "fr-court-president": EITHER_GENDER,
    "fr-police-chief": EITHER_GENDER,
    "fr-provincial-governor": EITHER_GENDER,
    "de-head-of-state-president": EITHER_GENDER,
    "de-head-of-government": EITHER_GENDER,
    "de-minister-interior": EITHER_GENDER,
    "de-prosecutor-general": EITHER_GENDER,
    "de-provincial-governor": EITHER_GENDER,
    "de-ambassador": GENDERED_STYLE,
    "pt-head-of-state-brazil": EITHER_GENDER,
    "pt-minister-of-justice": EITHER_GENDER,
    "pt-prosecutor-general": EITHER_GENDER,
    "pt-state-governor": EITHER_GENDER,
    "pt-state-security-secretary": EITHER_GENDER,
    "pt-police-commander": EITHER_GENDER,
    "pt-mayor": EITHER_GENDER,
}


def test_the_tables_cover_every_language_and_office() -> None:
    for cases in (CASES, SECOND_CASES, THIRD_CASES, FOURTH_CASES):
        assert len(cases) >= 60
        assert {case["lang"] for case in cases} == set(LANGUAGES)
    every = [case["id"] for case in (*CASES, *SECOND_CASES, *THIRD_CASES, *FOURTH_CASES)]
    assert len(set(every)) == len(every)
    assert set(NOT_YET) <= set(every)


def _param(case: dict) -> object:
    reason = NOT_YET.get(case["id"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize(
    "case", [_param(case) for case in (*CASES, *SECOND_CASES, *THIRD_CASES, *FOURTH_CASES)]
)
def test_forms_of_address(case: dict) -> None:
    outcome = score_case(case)
    assert outcome.matched, outcome.report()
