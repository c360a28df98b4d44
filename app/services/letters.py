"""Use case: draft a letter (appeal or solidarity card) for a case, a target, a sender, a language."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.domain.errors import N_, TargetOutOfRange, UnknownLocale
from app.domain.greetings import greeted_official, official_descriptions, stored_greeting_fits
from app.domain.model import (
    AppealKind,
    CaseDetail,
    CaseStatus,
    Letter,
    Person,
    SenderProfile,
    Target,
)
from app.domain.notices import LanguageCode, Notice
from app.domain.text_folding import fold
from app.i18n import (
    base_language,
    current_language,
    is_rtl,
    locale_chain,
    normalize_locale,
    system_locale,
)
from app.letters import context as ctx
from app.letters import rendering
from app.letters.asks import (
    ask_sentences,
    bullet_sentences,
    bullets_for_asks,
    load_sentences,
    persons_asked_for,
    pronoun_form,
)
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
from app.letters.salutations import (
    SALUTATIONS_FILE,
    courtesy,
    family_name_first_in,
    load_rules,
    name_for_letter,
    official_gender,
    salutation_half,
    stamping_files_once,
    title_for_letter,
)
from app.services.asks import recognise_asks
from app.services.country_codes import country_code
from app.services.country_names import country_name_in

TEMPLATE_FOR_KIND = {AppealKind.APPEAL: "letter.txt.j2", AppealKind.SOLIDARITY: "solidarity.txt.j2"}
BILINGUAL_SEPARATOR = "\n\u2014 \u2014 \u2014\n\n"


def available_letter_locales(
    user_templates: Path | None = None, including: str | None = None
) -> list[str]:
    """Locales with a complete set of letter templates (shipped or the user's), English first.

    ``including`` (a locale the user asked for) is listed too when its letters are written
    with the templates of its base language, as :func:`draft_letter` writes them: ``es_MX``
    with the ``es`` templates."""
    found: set[str] = set()
    for root in (rendering.SHIPPED_TEMPLATES, user_templates):
        if root is None or not root.is_dir():
            continue
        for entry in root.iterdir():
            complete = all((entry / name).is_file() for name in (*TEMPLATE_NAMES, SALUTATIONS_FILE))
            if complete and normalize_locale(entry.name) == entry.name:
                found.add(entry.name)
    wanted = normalize_locale(including) if including else None
    if wanted and any(
        link in found
        for link in locale_chain(wanted)
        if base_language(link) == base_language(wanted)
    ):
        found.add(wanted)
    return sorted(found, key=lambda loc: (loc != "en", loc))


def default_letter_locale(
    case: CaseDetail, target_index: int, user_templates: Path | None = None
) -> str:
    """A language the official reads, preferring the document's own (the model letter is in
    it): the target's preferred languages that have templates, the document's language first
    when it is among them; with no preferred language, the document's language; else English."""
    _check_target(case, target_index)
    available = available_letter_locales(user_templates)
    readable: list[str] = []
    for name in case.preferred_languages:
        code = language_code(name)
        if code is None:
            continue
        found = next((c for c in (code, base_language(code)) if c in available), None)
        if found and found not in readable:
            readable.append(found)
    document = base_language(case.document_language) if case.document_language else None
    if readable:
        same = [loc for loc in readable if base_language(loc) == document]
        return same[0] if same else readable[0]
    if document and document in available:
        return document
    return "en"


@stamping_files_once  # one letter reads one version of the data files, each looked at once
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
    asks: Sequence[str] | None = None,
    model_letter: bool = True,
    from_asks: bool = False,
) -> Letter:
    """Render the letter to target ``target_index`` (1-based) in ``locale`` (default: see above).

    ``asks`` are the UA's demands the letter makes (default: those recognised in its model
    letter); they are written as sentences of the letter's language whenever the model letter is
    not used as printed, which it is only in its own language and while ``model_letter``.
    ``from_asks`` writes them as our sentences even in the UA's own language (each half of a
    bilingual letter: the same letter in both languages, not the model letter beside ours).

    ``bilingual_with`` adds the same letter in a second language (the writer's own) after the
    first: each part with its own salutation and closing, the personal note and the writer's
    "about" sentence once, in the second part; one head and one signature."""
    if kind is AppealKind.APPEAL or case.targets:
        _check_target(case, target_index)
    warnings: list[Notice] = []
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
            Notice.of(
                N_("There is no letter template in %(language)s yet; this letter is in English."),
                language=LanguageCode(letter_locale),
            )
        )
        letter_locale, chain = "en", locale_chain("en")
    rules = load_rules(chain, user_templates)
    target = case.targets[target_index - 1] if case.targets else None
    same_language = base_language(case.document_language or "en") == base_language(letter_locale)
    second_locale = _valid_locale(bilingual_with) if bilingual_with else None
    if second_locale and base_language(second_locale) == base_language(letter_locale):
        second_locale = None
    printed = None
    gender = None
    if target is not None:
        as_printed = _salutation_as_printed(case, target_index)
        printed = _printed_salutation(as_printed, letter_locale, same_language, rules)
        gender = _sure_gender(case, target_index, user_templates)
    official_country = country_code(case.country)
    polite = courtesy(
        rules,
        target.title if target else None,
        gender,
        printed,
        name=target.display_name if target else None,
        user_templates=user_templates,
        family_name_first=family_name_first_in(official_country),
        country=official_country,
    )
    body = model_letter_body(case.model_letter) if model_letter else None
    chosen_asks = tuple(recognise_asks(case, user_templates) if asks is None else asks)
    if (from_asks or second_locale) and chosen_asks:
        same_language = False  # the asks as our sentences, as the other language has them
    if kind is AppealKind.SOLIDARITY:
        body = None
        chosen_asks = ()
    elif body is not None and not same_language and chosen_asks:
        body = None  # the UA's demands, written in the letter's language
    elif body is not None and not same_language:
        warnings.append(
            Notice.of(
                N_(
                    "The model letter is in %(model_language)s but this letter is in "
                    "%(letter_language)s; write the body yourself or choose %(model_language)s."
                ),
                model_language=LanguageCode(case.document_language or "en"),
                letter_language=LanguageCode(letter_locale),
            )
        )
        body = None
    kept: list[str] = []
    asks_as_printed = body is None and same_language and bool(case.recommended_actions)
    if asks_as_printed:
        # in the UA's own language its demands are written as it printed them
        kept = bullets_for_asks(list(case.recommended_actions), list(chosen_asks), user_templates)
    persons, person = ctx.persons_context(_persons_as_printed(case.persons, kept), letter_locale)
    subject = _subject(case, person["names"], rules)
    sentences: tuple[str, ...] = ()
    if asks_as_printed:
        sentences = tuple(bullet_sentences(kept, load_sentences(chain, user_templates)))
    elif body is None and chosen_asks:
        rules = load_sentences(chain, user_templates)
        sentences = _sentences_for_asks(
            case, chosen_asks, person, letter_locale, rules, user_templates
        )
    recipient = (
        _as_named(target, base_language(letter_locale), gender, user_templates) if target else None
    )
    signer = sender_for_letter(sender, letter_locale)
    values = {
        "sender": ctx.sender_context(replace(signer, about="") if second_locale else signer),
        "official": ctx.official_context(recipient, polite) if recipient else _no_official(polite),
        "case": ctx.case_context(case, country_name(case.country, letter_locale)),
        "persons": persons,
        "person": person,
        "letter": ctx.letter_context(
            locale_id=letter_locale,
            today=today or datetime.date.today(),
            subject=subject,
            courtesy=polite,
            body=body,
            personal_note="" if second_locale else personal_note,  # once, in the second part
            date_locale=_date_locale(letter_locale, sender),
            asks=sentences,
        ),
    }
    text = render_guarded(chain, user_templates, name, values).lstrip("\n")  # a runaway is killed
    if second_locale:
        second = draft_letter(
            case,
            target_index,
            sender,
            locale=second_locale,
            today=today,
            user_templates=user_templates,
            personal_note=personal_note,
            kind=kind,
            asks=chosen_asks,
            model_letter=model_letter,
            from_asks=bool(chosen_asks),
        )
        text = bilingual_text(
            text, polite.salutation, polite.closing, is_rtl(letter_locale), second
        )
        warnings.extend(w for w in second.warnings if w not in warnings)
    if case.is_sample:  # every copy, printed or sent, says it is practice
        from app.services.samples import letter_sample_marking

        marking = letter_sample_marking(letter_locale, second_locale)
        text = f"*** {marking} ***\n\n{text}"
        subject = f"[{marking}] {subject}"
    return Letter(
        text=text,
        locale=letter_locale,
        template_name=name,
        subject=subject,
        right_to_left=is_rtl(letter_locale),
        warnings=tuple(warnings),
        asks=chosen_asks,
        salutation=polite.salutation,
        closing=polite.closing,
        recipient=recipient if recipient != target else None,
        recipient_style=_style_printed(values["official"], text),
        from_model_letter=body is not None,
    )


def recipient_as_named(
    case: CaseDetail,
    target_index: int,
    locale: str | None = None,
    user_templates: Path | None = None,
) -> Target:
    """Official ``target_index`` (1-based) as the letter in ``locale`` names them (default: the
    language the letter would choose): what an envelope or a label for that letter prints."""
    _check_target(case, target_index)
    if locale is None:
        letter_locale = default_letter_locale(case, target_index, user_templates)
    else:
        letter_locale = _valid_locale(locale)
    used = template_file(
        locale_chain(letter_locale), TEMPLATE_FOR_KIND[AppealKind.APPEAL], user_templates
    )
    if used is None or base_language(used.parent.name) != base_language(letter_locale):
        letter_locale = "en"  # the letter falls back to English: so does its envelope
    gender = _sure_gender(case, target_index, user_templates)
    target = case.targets[target_index - 1]
    return _as_named(target, base_language(letter_locale), gender, user_templates)


def _sentences_for_asks(
    case: CaseDetail,
    asks: tuple[str, ...],
    everyone: dict[str, Any],
    letter_locale: str,
    rules: dict[str, Any],
    user_templates: Path | None,
) -> tuple[str, ...]:
    """One sentence per ask in the letter's language, each naming the persons the UA makes
    that demand for: a person whose release it welcomes is not asked to be released."""
    names = [person.name for person in case.persons]
    texts = [case.model_letter or "", *case.recommended_actions]
    asked_for = persons_asked_for(texts, names, user_templates) if len(names) > 1 else {}
    sentences: list[str] = []
    for ask in asks:
        who = sorted(asked_for.get(ask, ()))
        subject = everyone
        if who and len(who) < len(names):
            _persons, subject = ctx.persons_context(
                tuple(case.persons[index] for index in who), letter_locale
            )
        sentences += ask_sentences(
            [ask], subject["names"] or case.title, pronoun_form(subject), rules
        )
    return tuple(sentences)


def _persons_as_printed(persons: tuple[Person, ...], printed_asks: list[str]) -> tuple[Person, ...]:
    """One pronoun source for the whole letter: a single person the UA gives no pronouns for,
    whose demands the letter quotes as printed ("that he be given…"), is spoken of with the
    pronouns those demands use ("his safety"), when they use only one kind."""
    if len(persons) != 1 or persons[0].pronouns or ctx.looks_like_group(persons[0].name):
        return persons
    words = set(re.findall(r"[^\W\d_]+", " ".join(printed_asks).casefold()))
    used = {gender for gender, pronouns in _PRINTED_PRONOUNS.items() if words & pronouns}
    if len(used) != 1:
        return persons
    return (replace(persons[0], pronouns={"f": "she/her", "m": "he/him"}[used.pop()]),)


_PRINTED_PRONOUNS = {
    "f": frozenset({"she", "her", "hers", "herself"}),
    "m": frozenset({"he", "him", "his", "himself"}),
}


def _salutation_as_printed(case: CaseDetail, target_index: int) -> str | None:
    """The salutation the UA printed for this official: their own, or the model letter's
    greeting when it is theirs (the official it names, else the first one). Another
    official's greeting is never used: each other official's is made from their own title."""
    officials = official_descriptions(case.targets)
    salutation = case.targets[target_index - 1].salutation
    if salutation and stored_greeting_fits(salutation, officials, target_index - 1):
        return salutation
    if salutation:
        return None  # another official's greeting, stored by an older import
    greeting = model_letter_greeting(case.model_letter)
    if not greeting:
        return None
    held = fold(greeting.rstrip(",:;!").strip())
    if any(fold(t.salutation or "").rstrip(",:;!").strip() == held for t in case.targets):
        return None  # the importer gave it to the official it belongs to
    named = greeted_official(greeting, officials)
    return greeting if (named if named is not None else 0) == target_index - 1 else None


def _sure_gender(case: CaseDetail, target_index: int, user_templates: Path | None) -> str | None:
    """The official's gender when the evidence is sure ("f", "m"), else None. The whole
    salutation the UA printed, both halves, is evidence."""
    target = case.targets[target_index - 1]
    as_printed = _salutation_as_printed(case, target_index)
    evidence = official_gender(
        target.gender,
        title=target.title,
        name=target.display_name,
        salutation=as_printed,
        user_templates=user_templates,
    )
    return evidence if evidence in ("f", "m") else None


def _as_named(
    target: Target, language: str, gender: str | None, user_templates: Path | None
) -> Target:
    """The official as a letter in ``language`` names them: the title in that language when our
    data knows it, the name without honorifics of other languages."""
    title = title_for_letter(target.title, language, gender, user_templates)
    named = replace(target, title=title)
    if target.display_name:
        shown = name_for_letter(target.display_name, language, user_templates)
        if shown != target.display_name:
            named = replace(named, name_as_printed=shown)
    return named


def _printed_salutation(
    printed: str | None, letter_locale: str, same_language: bool, rules: dict[str, dict]
) -> str | None:
    """The half of the UA's own salutation in the letter's language ("Dear Minister/Señor
    Ministro" gives "Señor Ministro:" to a Spanish letter), or None."""
    if not printed or not printed.strip():
        return None
    language = base_language(letter_locale)
    half = salutation_half(printed.strip(), language, salutation_languages)
    if half is None and same_language and not salutation_languages(printed):
        half = printed.strip()  # a language the markers do not know, printed in the UA's own
    if not half:
        return None
    printed = half
    if not printed.endswith((",", ":", ";", "!", "\u060c")):
        printed += str(rules.get("letter", {}).get("salutation_end", ","))
    return printed


# Countries that write English dates month first ("December 6, 2026"); elsewhere an English
# letter uses the day-month-year form ("6 December 2026").
_MONTH_FIRST = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW"})


LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"


def bilingual_text(
    first: str, salutation: str, closing: str, first_rtl: bool, second: Letter
) -> str:
    """One letter in two languages: the head of the first (the official's language) once, then
    the whole letter in the first language (salutation, paragraphs, closing), a separator line,
    the same letter in the second language, and the signature once, in the second part's
    direction. When the directions differ, every line of each language is isolated in its own
    direction (LRI or RLI ... PDI), so a left-to-right paragraph inside a right-to-left letter
    reads left to right, in text, e-mail and PDF alike."""
    one = _letter_parts(first, salutation, closing)
    two = _letter_parts(second.text, second.salutation, second.closing)
    if one is None or two is None:  # a template without the usual shape: one after the other
        return first.rstrip("\n") + "\n" + BILINGUAL_SEPARATOR + second.text
    mixed = first_rtl != second.right_to_left

    def mark(paragraph: str, rtl: bool) -> str:
        if not mixed:
            return paragraph
        start = RLI if rtl else LRI
        return "\n".join(
            start + line + PDI if line.strip() else line for line in paragraph.split("\n")
        )

    head, (salute_one, body_one, close_one), _tail_one = one
    _head_two, (salute_two, body_two, close_two), tail_two = two
    part_one = [mark(block, first_rtl) for block in (salute_one, *body_one, close_one)]
    part_two = [mark(block, second.right_to_left) for block in (salute_two, *body_two, close_two)]
    # the signature belongs to the second part: it stands where that part's lines start
    signature = mark(tail_two, second.right_to_left)
    return (
        head
        + "\n\n".join(part_one)
        + "\n"
        + BILINGUAL_SEPARATOR
        + "\n\n".join(part_two)
        + signature
    )


def _letter_parts(
    text: str, salutation: str, closing: str
) -> tuple[str, tuple[str, list[str], str], str] | None:
    """(head up to the salutation, (salutation, body paragraphs, closing), what follows the
    closing), or None when the salutation or the closing line is not found."""
    lines = text.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == salutation.strip())
        end = max(
            i for i, line in enumerate(lines) if closing.strip() and line.strip() == closing.strip()
        )
    except (StopIteration, ValueError):
        return None
    if end <= start:
        return None
    body = "\n".join(lines[start + 1 : end]).strip("\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    head = "\n".join(lines[:start])
    head = head + "\n" if head else ""
    return head, (lines[start], paragraphs, lines[end]), "\n" + "\n".join(lines[end + 1 :])


def case_notices(case: CaseDetail, today: datetime.date) -> list[Notice]:
    """Warnings before writing, never blocks: the case is closed, or its deadline has passed
    (the letter editor shows them; the command line prints them)."""
    if case.status == CaseStatus.CLOSED:
        return [
            Notice.of(
                N_(
                    "This case is closed: the UA asks for no further action. Read its final "
                    "output before writing."
                )
            )
        ]
    if case.deadline is not None and case.deadline < today:
        return [
            Notice.of(
                N_(
                    "The deadline of this UA has passed. Check with your section office before "
                    "sending."
                )
            )
        ]
    return []


def language_name(code: str) -> str:
    """A locale code named in the interface language as it is now ("French", "français")."""
    return display_name(code, current_language())


def _date_locale(letter_locale: str, sender: SenderProfile) -> str | None:
    """The locale of the letter's date: an English letter from outside the countries that put the
    month first uses British dates; other languages and a chosen region keep their own. A sender
    whose country is not known is placed by the system locale's territory (en_GB, en_IE...
    day first; en_US month first); with no territory either, the day comes first."""
    if letter_locale != "en":
        return None
    code = country_code(sender.country) if sender.country.strip() else None
    if code is None:
        code = _locale_territory(system_locale())
    if code in _MONTH_FIRST:
        return None
    return "en_GB"


def _locale_territory(locale_id: str | None) -> str | None:
    """``en_GB`` -> ``GB``; None without a territory."""
    parts = (locale_id or "").split("_")
    return parts[-1] if len(parts) > 1 and parts[-1].isupper() else None


def sender_for_letter(sender: SenderProfile, letter_locale: str) -> SenderProfile:
    """The sender as a letter in ``letter_locale`` heads it: their country named in that
    language ("Reino Unido" in a Spanish letter) when it is recognised, else as they typed it;
    their "why I write" sentence only when it is written in the letter's language."""
    named = country_name(sender.country, letter_locale) if sender.country.strip() else None
    about = sender.about_in(base_language(letter_locale))
    return replace(sender, country=named or sender.country, about=about, abouts=())


def country_name(country: str | None, letter_locale: str) -> str | None:
    """The case's country in the letter's language (CLDR), or None when the country is not
    recognised (the template then prints it as stored)."""
    return country_name_in(country, letter_locale)


def _check_target(case: CaseDetail, target_index: int) -> None:
    if not 1 <= target_index <= len(case.targets):
        raise TargetOutOfRange(case.ua_number, target_index, len(case.targets))


def _valid_locale(locale: str) -> str:
    canonical = normalize_locale(locale)
    if canonical is None:
        raise UnknownLocale(locale, tuple(available_letter_locales()))
    return canonical


def _subject(case: CaseDetail, names: str, rules: dict[str, dict]) -> str:
    """The subject line, e.g. "UA 28/23: appeal for Tharani Selvanayagam" (wording from
    salutations.toml: ``subject_for_persons`` when the UA names the people at risk, else
    ``subject`` with the case title). It heads the letter and is the e-mail's subject."""
    table = rules.get("letter", {})
    plain = str(table.get("subject", "{prefix} {ua_number}: {about}"))
    pattern = str(table.get("subject_for_persons", plain)) if names else plain
    values = {"prefix": str(table.get("subject_prefix", "UA")), "ua_number": case.ua_number}
    values["about"] = names or case.title
    for key, value in values.items():  # plain replacement: no str.format on translator text
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _style_printed(official: object, text: str) -> str:
    """The official's words of honour when the letter prints them on a line of their own (a
    writer's own template may leave them out), else ""."""
    style = str(official.get("style") or "").strip() if isinstance(official, dict) else ""
    if style and style in (line.strip() for line in text.splitlines()):
        return style
    return ""


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
