"""Checks a translator's work: the catalog checks plus letter templates (syntax, missing
files, salutation rules, a render of every fictional case)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import i18n
from app.domain.case_records import Letter
from app.domain.errors import N_, Phrase, TemplateProblem
from app.domain.model import CaseDetail, CaseStatus
from app.i18n import LOCALE_ID, SOURCE_LANGUAGE
from app.letters import rendering
from app.letters.rendering import check_syntax
from app.services.catalog_check import (
    CatalogStats,
    Problem,
    check_catalog,
    direction_problem,
    interface_locales,
    relative_path,
    sort_key,
    template_msgids,
    unique,
)

LEFTOVERS = ("{{", "{%", "%(", "}}")
COPY_OF_ENGLISH = "is a copy of the English"


@dataclass(slots=True)
class LocaleReport:
    locale: str
    stats: CatalogStats | None = None
    templates_present: int = 0
    templates_expected: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def english_copies(self) -> int:
        """Template and data files still identical to their English originals."""
        return sum(1 for p in self.problems if not p.error and COPY_OF_ENGLISH in p.message)

    @property
    def other_copies(self) -> int:
        """Template and data files still identical to another language's (not English's)."""
        return sum(1 for p in self.problems if getattr(p.message, "template", None) in SAME_FILE)


def template_locales() -> list[str]:
    return sorted(
        p.name
        for p in rendering.SHIPPED_TEMPLATES.iterdir()
        if LOCALE_ID.fullmatch(p.name) and p.is_dir()
    )


def all_locales() -> list[str]:
    return sorted(set(interface_locales()) | set(template_locales()))


def check_templates(locale: str) -> tuple[int, int, list[Problem]]:
    """Syntax of each template and salutations file, and files missing compared with English."""
    english = rendering.SHIPPED_TEMPLATES / SOURCE_LANGUAGE
    expected = sorted(p.name for p in english.iterdir() if p.is_file())
    directory = rendering.SHIPPED_TEMPLATES / locale
    problems: list[Problem] = []
    present = 0
    for name in expected:
        path = directory / name
        if not path.is_file():
            problems.append(
                Problem(
                    relative_path(path),
                    Phrase(N_("{name} is missing (English has it)"), name=name),
                    fix=Phrase(
                        N_("copy {path} here and translate it"), path=relative_path(english / name)
                    ),
                )
            )
            continue
        present += 1
        if locale != SOURCE_LANGUAGE and _same_text(path, english / name):
            problems.append(Problem(relative_path(path), _copy_warning(name, locale), error=False))
        else:
            problems.extend(_copy_of_another_language(locale, name))
            if name.endswith(".j2") and i18n.base_language(locale) != SOURCE_LANGUAGE:
                problems.extend(_english_lines_left(path, english / name, locale))
        if name.endswith(".j2"):
            problems.extend(template_file_problems(path))
            words = _template_words(path)
            direction = direction_problem(locale, words, relative_path(path), "lines")
            if direction is not None and not _same_text(path, english / name):
                problems.append(direction)
    for stray in sorted(directory.iterdir()):
        if stray.name not in expected:  # a misnamed copy or a folder one level too deep
            problems.append(
                Problem(
                    relative_path(stray),
                    Phrase(N_("the app never reads {name}"), name=stray.name),
                    error=False,
                    fix=Phrase(
                        N_("a letter folder holds only {names}: rename or move it"),
                        names=", ".join(expected),
                    ),
                )
            )
    if any(
        (directory / name).is_file() for name in ("salutations.toml", "offices.toml", "asks.toml")
    ):
        problems.extend(_check_salutations(locale))
    return present, len(expected), problems


def template_file_problems(path: Path) -> list[Problem]:
    """One letter template read without rendering: its syntax, then each name and field it
    uses that a letter does not have (with the line), so a misspelt field is found even in a
    part of the letter no sample case reaches, or behind ``|default``."""
    import jinja2
    from jinja2 import nodes

    problem = check_syntax(path)
    if problem is not None:
        return [_from_template_problem(problem, _syntax_fix(problem.problem))]
    env = rendering.LetterEnvironment(extensions=["jinja2.ext.i18n"])
    # the filters a letter has (|plural, |format_date...): the names are what the reading needs
    from app.letters.locale_filters import install

    install(env, "en")
    source = path.read_text(encoding="utf-8")
    try:
        tree = env.parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError:
        return []  # check_syntax reported it
    shown = relative_path(path)
    problems: list[Problem] = []
    allowed = ", ".join(sorted(rendering.CONTEXT_NAMES))
    unknown = jinja2.meta.find_undeclared_variables(tree) - rendering.CONTEXT_NAMES
    unknown -= set(env.globals)
    first_use: dict[str, int] = {}
    for name_node in tree.find_all(nodes.Name):
        if name_node.name in unknown and name_node.ctx == "load":
            first_use.setdefault(name_node.name, name_node.lineno)
    for name in sorted(unknown):
        fix = Phrase(
            N_("a template may use only {allowed} (locales/README.md, Letter templates)"),
            allowed=allowed,
        )
        if name == "default":
            fix = Phrase(
                N_("default is a filter: write {example}"),
                example='{{ value|default("text") }}',
            )
        problems.append(
            Problem(
                f"{shown}:{first_use.get(name, 1)}",
                Phrase(N_("unknown name {name}"), name=name),
                fix=fix,
            )
        )
    problems.extend(_plural_form_problems(tree, path.parent.name, shown))
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx != "load"}
    defaulted = {id(f.node) for f in tree.find_all(nodes.Filter) if f.name == "default" and f.node}
    fields = template_fields()
    for node in tree.find_all(nodes.Getattr):
        owner = node.node
        if not isinstance(owner, nodes.Name) or owner.name in assigned:
            continue
        known = fields.get(owner.name)
        if known is None or node.attr in known:
            continue
        message = (
            N_(
                "{name}.{field}: {name} has no field {field}, so |default would always print its fallback"
            )
            if id(node) in defaulted
            else N_("{name}.{field}: {name} has no field {field}")
        )
        problems.append(
            Problem(
                f"{shown}:{node.lineno}",
                Phrase(message, name=owner.name, field=node.attr),
                fix=Phrase(
                    N_("the fields of {name} are {fields}"),
                    name=owner.name,
                    fields=", ".join(sorted(known)),
                ),
            )
        )
    return problems


def _plural_form_problems(tree: Any, locale: str, shown: str) -> list[Problem]:
    """Each ``|plural(...)`` of a template in the folder of ``locale`` that lacks a form the
    language's plural rules (CLDR) choose for some count: Arabic uses six (zero, one, two,
    few, many, other), and a count whose form is missing would print the "other" form."""
    from babel import Locale, UnknownLocaleError
    from jinja2 import nodes

    from app.letters.locale_filters import PLURAL_CATEGORIES

    try:
        used = set(Locale.parse(locale).plural_form.tags) | {"other"}
    except (ValueError, TypeError, UnknownLocaleError):
        return []  # not a language's folder: render_samples says what is wrong with it
    problems: list[Problem] = []
    for node in tree.find_all(nodes.Filter):
        if node.name != "plural":
            continue
        given = {keyword.key for keyword in node.kwargs}
        missing = [form for form in PLURAL_CATEGORIES if form in used and form not in given]
        if missing:
            problems.append(
                Problem(
                    f"{shown}:{node.lineno}",
                    Phrase(
                        N_("|plural lacks forms that {locale} uses for some counts: {forms}"),
                        locale=locale,
                        forms=", ".join(missing),
                    ),
                    fix=Phrase(
                        N_("add each, as {example} (locales/README.md, Plural forms)"),
                        example=f'{missing[0]}="…"',
                    ),
                )
            )
    return problems


def _template_words(path: Path) -> list[str]:
    """The lines of a template's own text, without its {{ }}, {% %} and {# #} parts."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", source, flags=re.DOTALL)
    return [line for line in plain.splitlines() if line.strip()]


def template_fields() -> dict[str, frozenset[str]]:
    """The fields a template can read on each context name, from the builders themselves."""
    import datetime

    from app.letters import context as ctx
    from app.letters.salutations import Courtesy, Rank
    from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS

    case = next(c for c in SAMPLE_CASES if c.targets and c.persons)
    courtesy = Courtesy(Rank.GENERIC, "Dear Sir", "Yours", "Sir", False)
    _entries, person = ctx.persons_context(case.persons, SOURCE_LANGUAGE)
    letter = ctx.letter_context(
        locale_id=SOURCE_LANGUAGE,
        today=datetime.date(2026, 1, 1),
        subject="",
        courtesy=courtesy,
        body=None,
        personal_note="",
    )
    return {
        "sender": frozenset(ctx.sender_context(SAMPLE_SENDERS[0])),
        "official": frozenset(ctx.official_context(case.targets[0], courtesy)),
        "case": frozenset(ctx.case_context(case)),
        "person": frozenset(person),
        "letter": frozenset(letter),
    }


# Plain advice for the syntax errors a translator meets most.
# The template's own marks are fields, so a translation cannot change them.
_TAGS = {
    "if_tag": "{% if %}",
    "endif_tag": "{% endif %}",
    "for_tag": "{% for %}",
    "endfor_tag": "{% endfor %}",
    "value_open": "{{",
    "value_close": "}}",
    "block_open": "{%",
    "block_close": "%}",
    "value": "{{ }}",
}
_CLOSE_BLOCKS = N_("each {if_tag} needs an {endif_tag}, each {for_tag} an {endfor_tag}")
_SYNTAX_FIXES = (
    (
        "unexpected '}'",
        N_("close {value_open} with {value_close} and {block_open} with {block_close}"),
    ),
    ("unexpected end of template", _CLOSE_BLOCKS),
    ("got ':'", N_('a filter takes its value in brackets: |default("text"), not |default: "text"')),
    ("unknown tag", _CLOSE_BLOCKS),
    (
        "expected token 'end of print statement'",
        N_("a {value} holds one value, with filters after |"),
    ),
)


def _syntax_fix(message: str) -> Phrase | None:
    lowered = message.lower()
    fix = next((fix for clue, fix in _SYNTAX_FIXES if clue.lower() in lowered), None)
    if fix is None:
        return None
    names = re.findall(r"\{(\w+)\}", fix)
    return Phrase(fix, **{name: _TAGS[name] for name in names})


# What stays English in a letter while a data file is still the English copy.
_STILL_ENGLISH = {
    "salutations.toml": N_(
        "{name} is a copy of the English file; letters in {locale} would have the salutations, "
        "closings and subject line in English"
    ),
    "offices.toml": N_(
        "{name} is a copy of the English file; letters in {locale} would have the officials' "
        "titles in English"
    ),
    "asks.toml": N_(
        "{name} is a copy of the English file; letters in {locale} would have the sentences "
        "asking for what the UA demands in English"
    ),
}


def _copy_warning(name: str, locale: str) -> Phrase:
    """The warning for a file identical to its English original, saying what stays English."""
    if name.endswith(".j2"):
        template = N_(
            "{name} is a copy of the English template; letters in {locale} would be in English"
        )
    else:
        template = _STILL_ENGLISH.get(
            name,
            N_(
                "{name} is a copy of the English file; letters in {locale} would have what this "
                "file holds in English"
            ),
        )
    return Phrase(template, name=name, locale=locale)


# A letter template, then a data file, that is another language's file byte for byte
SAME_FILE = (
    N_(
        "{name} is the same file as {path}: letters in {locale} would read as letters in {other} do"
    ),
    N_("{name} is the same file as {path}: letters in {locale} would take its words from {other}"),
)


def _copy_of_another_language(locale: str, name: str) -> list[Problem]:
    """A warning when ``locale``'s file ``name`` is byte for byte another language's (not
    English's, which has its own warning): a folder copied to start a language and not yet
    translated. A regional folder and its base language (es_PE and es) may hold the same file."""
    path = rendering.SHIPPED_TEMPLATES / locale / name
    base = i18n.base_language(locale)
    for other in template_locales():
        if other == SOURCE_LANGUAGE or i18n.base_language(other) == base:
            continue
        twin = rendering.SHIPPED_TEMPLATES / other / name
        if _same_text(path, twin):
            template = SAME_FILE[0] if name.endswith(".j2") else SAME_FILE[1]
            message = Phrase(
                template, name=name, path=relative_path(twin), locale=locale, other=other
            )
            fix = Phrase(N_("translate the copy into its language"))
            return [Problem(relative_path(path), message, error=False, fix=fix)]
    return []


_JINJA_MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ENGLISH_WORDS_SHOWN = 50  # characters of a line left in English quoted in the warning


def _literal_texts(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the words a template writes itself, outside its Jinja markup,
    in pieces of at least three words (shorter ones may read alike in two languages)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # the syntax check says why
    texts = []
    for number, line in enumerate(lines, start=1):
        for piece in _JINJA_MARKUP.split(line):
            piece = piece.strip()
            if len(_WORD.findall(piece)) >= 3:
                texts.append((number, piece))
    return texts


def _english_lines_left(path: Path, english: Path, locale: str) -> list[Problem]:
    """A warning for each line of a translated template that still writes a sentence of the
    English one: a letter translated in part mixes the two languages."""
    english_texts = {text for _number, text in _literal_texts(english)}
    problems = []
    seen: set[int] = set()
    for number, text in _literal_texts(path):
        if text in english_texts and number not in seen:
            seen.add(number)
            shown = text if len(text) <= _ENGLISH_WORDS_SHOWN else text[:_ENGLISH_WORDS_SHOWN] + "…"
            problems.append(
                Problem(
                    f"{relative_path(path)}:{number}",
                    Phrase(
                        N_(
                            "this line is still in English (“{text}”): letters in {locale} "
                            "would mix two languages"
                        ),
                        text=shown,
                        locale=locale,
                    ),
                    error=False,
                    fix=Phrase(N_("translate it like the rest of the file")),
                )
            )
    return problems


def _same_text(path: Path, english: Path) -> bool:
    try:
        return path.read_bytes() == english.read_bytes()
    except OSError:
        return False


def _check_salutations(locale: str) -> list[Problem]:
    """The salutation and office files of a locale: known tables, ranks, genders and
    placeholders, a neutral form wherever there are gendered ones, every rank present."""
    from app.i18n import locale_chain
    from app.letters.salutations import (
        OFFICES_FILE,
        SALUTATIONS_FILE,
        load_rules,
        office_data_problems,
        read_toml,
        rules_problems,
    )

    directory = rendering.SHIPPED_TEMPLATES / locale
    problems: list[Problem] = []
    from app.letters.asks import ASKS_FILE, asks_problems

    checks = (
        (SALUTATIONS_FILE, lambda data: rules_problems(data, complete=True)),
        (OFFICES_FILE, office_data_problems),
        (ASKS_FILE, lambda data: asks_problems(data, complete=True)),
    )
    for name, check in checks:
        path = directory / name
        if not path.is_file():
            continue
        try:
            data = read_toml(path)
        except TemplateProblem as problem:
            problems.append(_from_template_problem(problem))
            continue
        problems.extend(
            Problem(f"{relative_path(path)}:{_line_of(path, message)}", message)
            for message in check(data)
        )
    if not problems:
        try:
            load_rules(locale_chain(locale))
        except TemplateProblem as problem:
            problems.append(_from_template_problem(problem))
    return problems


def _line_of(path: Path, message: str) -> int:
    """The line a salutation-data problem is about: the line of the first key it names."""
    lines = path.read_text(encoding="utf-8").splitlines()
    table = re.match(r"\[(\w+)\]", message)
    keys = re.findall(r"\] '?([\w\s.'-]+?)'?[:.]| '([^']+)'", message)
    wanted = [k for pair in keys for k in pair if k]
    in_table = table is None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if table and stripped.startswith("["):
            in_table = stripped == f"[{table.group(1)}]"
            if in_table and not wanted:
                return number
            continue
        if in_table and wanted:
            key = wanted[0].split(".")[0].strip()
            if stripped.startswith((key + " ", key + "=", f'"{key}"')):
                return number
    return 1


def check_user_templates(locale: str, user_templates: Path) -> list[Problem]:
    """A section's own templates for ``locale``: syntax of each file and the merged rules."""
    directory = user_templates / locale
    if not directory.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.j2")):
        if path.name not in rendering.TEMPLATE_NAMES:
            problems.append(
                Problem(str(path), Phrase(N_("not a template name Appeal Desk uses")), False)
            )
        problems.extend(template_file_problems(path))
    if (directory / "salutations.toml").is_file():
        from app.i18n import locale_chain
        from app.letters.salutations import load_rules

        try:
            load_rules(locale_chain(locale), user_templates)
        except TemplateProblem as problem:
            problems.append(_from_template_problem(problem))
    return problems


def render_samples(locale: str, user_templates: Path | None = None) -> list[Problem]:
    """Draft every template for every fictional case, target and sender in ``locale``."""
    from app.domain.model import AppealKind
    from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS

    problems: list[Problem] = []
    for case in (*SAMPLE_CASES, *sample_pack_cases()):
        for kind in AppealKind:
            for index in range(1, max(1, len(case.targets)) + 1):
                for sender in SAMPLE_SENDERS:
                    label = Phrase(
                        N_("{locale}/{kind} UA {ua_number} target {index}"),
                        locale=locale,
                        kind=kind.value,
                        ua_number=case.ua_number,
                        index=index,
                    )
                    try:
                        letter = _draft(
                            case,
                            index,
                            sender,
                            locale=locale,
                            kind=kind,
                            user_templates=user_templates,
                        )
                    except TemplateProblem as problem:
                        problems.append(_from_template_problem(problem))
                        continue
                    problems.extend(_check_output(label, letter.text))
    return unique(problems)


# A second try, after a render stopped at the window's deadline, may run this long.
SLOW_MACHINE_SECONDS = 20.0


def _draft(*args: Any, **kwargs: Any) -> Letter:
    """``draft_letter``; a render stopped at its deadline is tried once more with a longer one,
    so a busy or slow machine does not make a sound template look like a loop without end."""
    from app.letters.render_worker import TIMED_OUT, deadline
    from app.services.letters import draft_letter

    try:
        return draft_letter(*args, **kwargs)
    except TemplateProblem as problem:
        if problem.problem_template != TIMED_OUT:
            raise
    with deadline(SLOW_MACHINE_SECONDS):
        return draft_letter(*args, **kwargs)


# One title for each rank, as UAs print them (the name says the grade of an officer).
RANK_TITLES = {
    "head_of_state": ("President of the Republic", None),
    "head_of_government": ("Prime Minister", None),
    "monarch": ("King of Arcadia", None),
    "minister": ("Minister of Justice", None),
    "deputy_minister": ("Deputy Minister of the Interior", None),
    "secretary_of_state": ("Secretary of State for Security", None),
    "attorney_general": ("Attorney General", None),
    "prosecutor": ("Public Prosecutor", None),
    "judge": ("Judge of the Criminal Court", None),
    "court_president": ("President of the Supreme Court", None),
    "governor": ("Governor of the Eastern Province", None),
    "mayor": ("Mayor of Port Lumen", None),
    "ambassador": ("Ambassador of Arcadia", None),
    "military": ("Chief of Army Staff", "General Ama Example"),
    "police_chief": ("Inspector General of Police", None),
    "institution_head": ("President of the Human Rights Commission", None),
    "prison_director": ("Director of Port Lumen Prison", None),
    "generic": ("Head of the Land Office", None),
}


def render_every_rank(locale: str, user_templates: Path | None = None) -> list[Problem]:
    """Draft an appeal to an official of every rank and gender, with every ask, a personal
    note and a second language, and check each letter (leftovers, 'None', empty forms)."""
    from app.domain.model import Person, SenderProfile, Target
    from app.letters.asks import ASKS
    from app.letters.sample_cases import SAMPLE_CASES
    from app.services.letters import available_letter_locales

    targets = tuple(
        Target(title, (name or "Ama Example").split()[-1], name_as_printed=name, gender=gender)
        for title, name in RANK_TITLES.values()
        for gender in ("f", "m", None)
    )
    case = dataclasses.replace(
        SAMPLE_CASES[0], targets=targets, persons=(Person("Ama Example", "she/her"),)
    )
    sender = SenderProfile(
        name="Jo Example", address="4 Linden Walk", city="Ashford", country="Nowhereland"
    )
    others = [loc for loc in available_letter_locales(user_templates) if loc != locale]
    problems: list[Problem] = []
    for index, target in enumerate(targets, start=1):
        gender = target.gender or Phrase(N_("gender not stated"))
        label = Phrase(
            N_("{locale} {title} ({gender})"), locale=locale, title=target.title, gender=gender
        )
        # one bilingual letter per rank (with each other language in turn) keeps the run short
        second = others[index % len(others)] if others and target.gender is None else None
        try:
            letter = _draft(
                case,
                index,
                sender,
                locale=locale,
                user_templates=user_templates,
                personal_note="A note of my own.",
                asks=list(ASKS),
                model_letter=False,
                bilingual_with=second,
            )
        except TemplateProblem as problem:
            problems.append(_from_template_problem(problem))
            continue
        problems.extend(_check_output(label, letter.text))
        for line in letter.text.splitlines():
            if re.search(r"\{[A-Za-z_\u0600-\u06ff]+\}", line):
                unfilled = Phrase(N_("unfilled placeholder in {line}"), line=repr(line.strip()))
                problems.append(Problem(label, unfilled))
        if "A note of my own." not in letter.text:
            missing = Phrase(N_("the personal note is missing (the writer's words)"))
            problems.append(Problem(label, missing, error=False))
    return unique(problems)


def _check_output(label: str, text: str) -> list[Problem]:
    problems = [
        Problem(label, Phrase(N_("leftover {token} in the letter"), token=repr(token)))
        for token in LEFTOVERS
        if token in text
    ]
    if re.search(r"\bNone\b", text):
        problems.append(Problem(label, Phrase(N_("the letter prints 'None' (a missing field)"))))
    if not text.strip():
        problems.append(Problem(label, Phrase(N_("the letter is empty"))))
    return problems


def sample_pack_cases() -> list[CaseDetail]:
    """The shipped fictional sample pack, parsed and turned into cases (no store involved)."""
    try:
        from app.importing import parse_file
        from app.samples import sample_paths
    except ImportError:
        return []
    cases = []
    for number, path in enumerate(sample_paths(), start=1):
        doc = parse_file(path)
        cases.append(
            CaseDetail(
                case_id=-number,
                ua_number=doc.ua_number or f"{number}/00",
                ai_index=doc.ai_index,
                title=doc.title,
                country=doc.country,
                status=CaseStatus.OPEN,
                issued_on=doc.issued_on,
                deadline=doc.deadline,
                summary=doc.summary,
                model_letter=doc.model_letter,
                document_language=doc.document_language,
                previous_ua_link=doc.previous_ua_link,
                persons=doc.persons,
                targets=doc.targets,
                preferred_languages=doc.preferred_languages,
                is_sample=True,
            )
        )
    return cases


def check_locale(
    locale: str, *, render: bool = True, user_templates: Path | None = None
) -> LocaleReport:
    """Every check for one locale; ``user_templates`` adds a section's own template folder."""
    with _quiet_catalog_loader():
        return _check_locale(locale, render, user_templates)


@contextlib.contextmanager
def _quiet_catalog_loader() -> Iterator[None]:
    """The catalog loader's own warnings ("translation not used") while rendering: the check
    reports the same entries itself, once, with their fix."""
    logger = logging.getLogger(i18n.__name__)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _missing_catalog(locale: str) -> Problem:
    """The catalog is not where the app reads it: a .po elsewhere in the language's folder is
    named with where it belongs, else the command that makes one."""
    path = i18n.catalog_path(locale)
    found = sorted(p for p in (i18n.locales_dir() / locale).rglob("*.po") if p != path)
    if found:
        fix = Phrase(
            N_("move {found} to {path}"),
            found=relative_path(found[0]),
            path=relative_path(path),
        )
    else:
        fix = Phrase(N_("make it with pybabel init (locales/README.md, Add a language)"))
    return Problem(relative_path(path), Phrase(N_("the catalog file is missing")), fix=fix)


def _stale_compiled_catalog(locale: str) -> Problem | None:
    """A warning when the compiled catalog beside the .po was built by an older Appeal Desk,
    or from an older version of the .po and cannot be compiled again. One this version
    compiled (a first check or start in the language, before the translator's edits) is
    compiled again here, as a start in that language would, and is no finding."""
    if i18n.compiled_is_current(locale) is not False:
        return None
    if i18n.compiled_by_this_version(locale):
        i18n.recompile_kept_catalog(locale)
        if i18n.compiled_is_current(locale) is not False:
            return None
    return Problem(
        relative_path(i18n.compiled_path(locale)),
        Phrase(
            N_(
                "the compiled catalog is out of date: it was built from an older {po} or by an "
                "older Appeal Desk"
            ),
            po=i18n.catalog_path(locale).name,
        ),
        error=False,
        fix=Phrase(
            N_(
                "run appeal-desk i18n compile (the app also compiles it again the next time it "
                "starts in this language)"
            )
        ),
    )


def _check_locale(locale: str, render: bool, user_templates: Path | None) -> LocaleReport:
    report = LocaleReport(locale)
    if locale != SOURCE_LANGUAGE and i18n.catalog_path(locale).is_file():
        stale = _stale_compiled_catalog(locale)  # before rendering compiles it again
        report.stats, problems = check_catalog(locale, template_msgids())
        report.problems.extend(problems)
        if stale is not None:
            report.problems.append(stale)

    elif locale != SOURCE_LANGUAGE and locale in interface_locales():
        report.problems.append(_missing_catalog(locale))
    if (rendering.SHIPPED_TEMPLATES / locale).is_dir():
        report.templates_present, report.templates_expected, problems = check_templates(locale)
        if user_templates is not None:
            problems.extend(check_user_templates(locale, user_templates))
        report.problems.extend(problems)
        if render and not any(p.error for p in problems):
            rendered = render_samples(locale, user_templates)
            rendered += render_every_rank(locale, user_templates)
            first: dict[str, Problem] = {}  # one line of a template fails one way or another
            for problem in rendered:
                if not _in_another_language(problem, locale):
                    at_line = problem.error and re.search(r":\d+$", problem.where)
                    first.setdefault(problem.where if at_line else str(problem), problem)
            report.problems.extend(first.values())
    elif not any(
        (rendering.SHIPPED_TEMPLATES / base).is_dir()
        for base in i18n.locale_chain(locale)[1:]
        if base != SOURCE_LANGUAGE
    ):  # a regional locale (es_MX) without a folder of its own writes its base language's
        where = relative_path(rendering.SHIPPED_TEMPLATES / locale)
        report.problems.append(
            Problem(
                where,
                Phrase(N_("no letter templates; letters fall back to English")),
                error=False,
            )
        )
    report.problems = sorted(unique(report.problems), key=sort_key)
    return report


def _in_another_language(problem: Problem, locale: str) -> bool:
    """A finding in the files of a language outside ``locale``'s chain (met in the second
    language of a bilingual letter): that language's own check reports it."""
    from app.i18n import locale_chain

    chain = set(locale_chain(locale))
    for other in template_locales():
        folder = relative_path(rendering.SHIPPED_TEMPLATES / other) + "/"
        if other not in chain and problem.where.startswith(folder):
            return True
    return False


def _from_template_problem(problem: TemplateProblem, fix: str | None = None) -> Problem:
    """A letter failure as a finding: our own words translate where they are shown, a
    library's (Jinja's, TOML's) stay as they are."""
    where = relative_path(Path(problem.filename)) if problem.filename else "template"
    where = f"{where}:{problem.lineno}" if problem.lineno else where
    message = Phrase(problem.problem_template, **problem.problem_fields)
    return Problem(where, message, fix=fix)
