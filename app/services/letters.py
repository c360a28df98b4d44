"""Use case: draft a letter (appeal or solidarity card) for a case, a target, a sender, a language."""

from __future__ import annotations

import datetime
from pathlib import Path

from app.domain.errors import TargetOutOfRange, UnknownLocale
from app.domain.model import AppealKind, CaseDetail, Letter, SenderProfile
from app.i18n import _, base_language, current_language, is_rtl, locale_chain, normalize_locale
from app.letters import context as ctx
from app.letters import rendering
from app.letters.language_names import display_name, language_code
from app.letters.model_letter import (
    model_letter_body,
    model_letter_greeting,
    salutation_languages,
)
from app.letters.render_worker import render_guarded
from app.letters.rendering import (
    TEMPLATE_NAMES,
    template_file,
)
from app.letters.salutations import SALUTATIONS_FILE, courtesy, load_rules

TEMPLATE_FOR_KIND = {AppealKind.APPEAL: "letter.txt.j2", AppealKind.SOLIDARITY: "solidarity.txt.j2"}
BILINGUAL_SEPARATOR = "\n\u2014 \u2014 \u2014\n\n"


def available_letter_locales(user_templates: Path | None = None) -> list[str]:
    """Locales with a complete set of letter templates (shipped or the user's), English first."""
    found: set[str] = set()
    for root in (rendering.SHIPPED_TEMPLATES, user_templates):
        if root is None or not root.is_dir():
            continue
        for entry in root.iterdir():
            complete = all((entry / name).is_file() for name in (*TEMPLATE_NAMES, SALUTATIONS_FILE))
            if complete and normalize_locale(entry.name) == entry.name:
                found.add(entry.name)
    return sorted(found, key=lambda loc: (loc != "en", loc))


def default_letter_locale(
    case: CaseDetail, target_index: int, user_templates: Path | None = None
) -> str:
    """The target's first preferred language with a template, else English."""
    _check_target(case, target_index)
    available = available_letter_locales(user_templates)
    for name in case.preferred_languages:
        code = language_code(name)
        if code is None:
            continue
        for candidate in (code, base_language(code)):
            if candidate in available:
                return candidate
    return "en"


def draft_letter(
    case: CaseDetail,
    target_index: int,
    sender: SenderProfile,
    *,
    locale: str | None = None,
    today: datetime.date | None = None,
    user_templates: Path | None = None,
    personal_note: str = "",
    kind: AppealKind = AppealKind.APPEAL,
    bilingual_with: str | None = None,
) -> Letter:
    """Render the letter to target ``target_index`` (1-based) in ``locale`` (default: see above)."""
    if kind is AppealKind.APPEAL or case.targets:
        _check_target(case, target_index)
    warnings: list[str] = []
    if locale is None:
        letter_locale = (
            default_letter_locale(case, target_index, user_templates) if case.targets else "en"
        )
    else:
        letter_locale = _valid_locale(locale)
    name = TEMPLATE_FOR_KIND[kind]
    chain = locale_chain(letter_locale)
    used = template_file(chain, name, user_templates)
    if used is None or base_language(used.parent.name) != base_language(letter_locale):
        warnings.append(
            _("There is no letter template in %(language)s yet; this letter is in English.")
            % {"language": display_name(letter_locale, current_language())}
        )
        letter_locale, chain = "en", locale_chain("en")
    rules = load_rules(chain, user_templates)
    target = case.targets[target_index - 1] if case.targets else None
    same_language = base_language(case.document_language or "en") == base_language(letter_locale)
    printed = None
    if target is not None:
        printed = target.salutation or (
            model_letter_greeting(case.model_letter) if target_index == 1 else None
        )
        printed = _printed_salutation(printed, letter_locale, same_language, rules)
    polite = courtesy(
        rules, target.title if target else None, target.gender if target else None, printed
    )
    body = model_letter_body(case.model_letter)
    if kind is AppealKind.SOLIDARITY:
        body = None
    elif body is not None and not same_language:
        ui = current_language()
        warnings.append(
            _(
                "The model letter is in %(model_language)s but this letter is in %(letter_language)s; "
                "write the body yourself or choose %(model_language)s."
            )
            % {
                "model_language": display_name(case.document_language, ui),
                "letter_language": display_name(letter_locale, ui),
            }
        )
        body = None
    persons, person = ctx.persons_context(case.persons, letter_locale)
    subject = _subject(case, person["names"], rules)
    values = {
        "sender": ctx.sender_context(sender),
        "official": ctx.official_context(target, polite) if target else _no_official(polite),
        "case": ctx.case_context(case),
        "persons": persons,
        "person": person,
        "letter": ctx.letter_context(
            locale_id=letter_locale,
            today=today or datetime.date.today(),
            subject=subject,
            courtesy=polite,
            body=body,
            personal_note=personal_note,
        ),
    }
    text = render_guarded(chain, user_templates, name, values).lstrip("\n")  # a runaway is killed
    if bilingual_with and base_language(_valid_locale(bilingual_with)) != base_language(
        letter_locale
    ):
        second = draft_letter(
            case,
            target_index,
            sender,
            locale=bilingual_with,
            today=today,
            user_templates=user_templates,
            personal_note=personal_note,
            kind=kind,
        )
        text = text.rstrip("\n") + "\n" + BILINGUAL_SEPARATOR + second.text
        warnings.extend(w for w in second.warnings if w not in warnings)
    if case.is_sample:  # every copy, printed or sent, says it is practice
        from app.services.samples import sample_marking

        marking = sample_marking()
        text = f"*** {marking} ***\n\n{text}"
        subject = f"[{marking}] {subject}"
    return Letter(
        text=text,
        locale=letter_locale,
        template_name=name,
        subject=subject,
        right_to_left=is_rtl(letter_locale),
        warnings=tuple(warnings),
    )


def _printed_salutation(
    printed: str | None, letter_locale: str, same_language: bool, rules: dict[str, dict]
) -> str | None:
    """The UA's own salutation when it suits the letter's language (bilingual ones always do)."""
    if not printed or not printed.strip():
        return None
    printed = printed.strip()
    languages = salutation_languages(printed)
    language = base_language(letter_locale)
    fits = language in languages and ("/" in printed or languages == {language})
    if not fits and not (not languages and same_language):
        return None
    if not printed.endswith((",", ":", ";", "!", "\u060c")):
        printed += str(rules.get("letter", {}).get("salutation_end", ","))
    return printed


def _check_target(case: CaseDetail, target_index: int) -> None:
    if not 1 <= target_index <= len(case.targets):
        raise TargetOutOfRange(case.ua_number, target_index, len(case.targets))


def _valid_locale(locale: str) -> str:
    canonical = normalize_locale(locale)
    if canonical is None:
        raise UnknownLocale(locale)
    return canonical


def _subject(case: CaseDetail, names: str, rules: dict[str, dict]) -> str:
    """The subject line, e.g. "UA 28/23: Tharani Selvanayagam" (wording from salutations.toml)."""
    table = rules.get("letter", {})
    pattern = str(table.get("subject", "{prefix} {ua_number}: {about}"))
    values = {"prefix": str(table.get("subject_prefix", "UA")), "ua_number": case.ua_number}
    values["about"] = names or case.title
    for key, value in values.items():  # plain replacement: no str.format on translator text
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _no_official(polite: object) -> dict[str, object]:
    return {
        "title": "",
        "name": "",
        "address": "",
        "address_lines": (),
        "email": "",
        "gender": "neutral",
        "rank": getattr(polite, "rank", "generic"),
    }
