"""Every template of every locale renders for every fictional case without leftovers."""

from __future__ import annotations

import re

import pytest

from app.domain.model import AppealKind
from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS
from app.services.letters import available_letter_locales, draft_letter
from app.services.translation_check import check_locale, sample_pack_cases, template_locales

LEFTOVER = re.compile(r"\{\{|\{%|%\(|\}\}|\bNone\b")


def test_every_template_locale_has_the_english_set() -> None:
    assert set(template_locales()) == set(available_letter_locales())


@pytest.mark.parametrize("locale", available_letter_locales())
@pytest.mark.parametrize("kind", list(AppealKind))
def test_every_case_target_and_sender_renders(locale: str, kind: AppealKind) -> None:
    rendered = 0
    for case in (*SAMPLE_CASES, *sample_pack_cases()):
        for index in range(1, len(case.targets) + 1):
            for sender in SAMPLE_SENDERS:
                letter = draft_letter(
                    case, index, sender, locale=locale, kind=kind, personal_note="P.S."
                )
                assert letter.locale == locale
                assert not LEFTOVER.search(letter.text), (case.ua_number, index, letter.text)
                assert "P.S." in letter.text
                assert letter.right_to_left is (locale == "ar")
                rendered += 1
    assert rendered >= 26


@pytest.mark.parametrize("locale", available_letter_locales())
def test_check_command_renders_the_locale_cleanly(locale: str) -> None:
    report = check_locale(locale)
    template_errors = [str(p) for p in report.errors if "messages.po" not in p.where]
    assert template_errors == []
