"""Checks a translator's work: interface catalogs (placeholders, fuzzy, untranslated, stale) and
letter templates (syntax, missing files, salutation rules, a render of every fictional case)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app import i18n
from app.domain.errors import TemplateProblem
from app.domain.model import CaseDetail, CaseStatus
from app.i18n import LOCALE_ID, SOURCE_LANGUAGE
from app.letters import rendering
from app.letters.rendering import check_syntax

PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?(?P<kind>[diouxXeEfFgGcrsa%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
ACCELERATOR = re.compile(r"&(?=[^\s&])")  # "&File": Alt+F; "&&" is a literal ampersand
LEFTOVERS = ("{{", "{%", "%(", "}}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, printed as ``where: message``."""

    where: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{'error' if self.error else 'warning'}: {self.where}: {self.message}"


@dataclass(slots=True)
class CatalogStats:
    locale: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


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


def placeholders(text: str) -> tuple[frozenset[str], int]:
    """Named placeholders of a %-format string, and the number of positional ones."""
    names: set[str] = set()
    positional = 0
    for match in PLACEHOLDER.finditer(text):
        if match.group("kind") == "%":
            continue
        if match.group("name") is not None:
            names.add(match.group("name"))
        else:
            positional += 1
    return frozenset(names), positional


def interface_locales() -> list[str]:
    root = i18n.locales_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if LOCALE_ID.fullmatch(p.name) and p.is_dir())


def template_locales() -> list[str]:
    return sorted(
        p.name
        for p in rendering.SHIPPED_TEMPLATES.iterdir()
        if LOCALE_ID.fullmatch(p.name) and p.is_dir()
    )


def all_locales() -> list[str]:
    return sorted(set(interface_locales()) | set(template_locales()))


def template_msgids() -> set[tuple[str, str | None]] | None:
    """The (msgid, context) pairs of ``locales/messages.pot``, or None when it is missing."""
    from babel.messages.pofile import read_po

    pot = i18n.locales_dir() / "messages.pot"
    if not pot.is_file():
        return None
    with pot.open("rb") as handle:
        catalog = read_po(handle)
    return {(_msgid(m.id), m.context) for m in catalog if m.id}


def check_catalog(
    locale: str, expected: set[tuple[str, str | None]] | None
) -> tuple[CatalogStats, list[Problem]]:
    """Parse errors, Babel's own checks, placeholder sets, plural form counts, staleness."""
    from babel.messages.pofile import PoFileError, read_po

    path = i18n.catalog_path(locale)
    shown = _relative(path)
    stats = CatalogStats(locale)
    problems: list[Problem] = []
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        return stats, [
            Problem(f"{shown}:{line}" if line else shown, f"cannot read the catalog: {exc}")
        ]
    present: set[tuple[str, str | None]] = set()
    for message in catalog:
        if not message.id:
            continue
        present.add((_msgid(message.id), message.context))
        stats.total += 1
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        where = f"{shown}:{message.lineno}"
        if message.fuzzy:
            stats.fuzzy += 1
        elif not all(forms):
            stats.untranslated += 1
        else:
            stats.translated += 1
        if not any(forms):
            continue
        problems.extend(_check_message(message, forms, where, catalog.num_plurals))
    for message, errors in catalog.check():
        for error in errors:
            problems.append(Problem(f"{shown}:{message.lineno}", str(error)))
    if expected is not None:
        missing = expected - present
        if missing:
            problems.append(
                Problem(
                    shown,
                    f"{len(missing)} message(s) of messages.pot are missing; update the catalog (locales/README.md)",
                )
            )
        extra = present - expected
        if extra:
            problems.append(
                Problem(shown, f"{len(extra)} message(s) no longer in messages.pot", error=False)
            )
    if stats.untranslated:
        problems.append(
            Problem(shown, f"{stats.untranslated} untranslated message(s)", error=False)
        )
    if stats.fuzzy:
        problems.append(
            Problem(shown, f"{stats.fuzzy} fuzzy message(s) (not used until reviewed)", error=False)
        )
    return stats, _unique(problems)


def _check_message(
    message: object, forms: tuple[str, ...], where: str, num_plurals: int
) -> list[Problem]:
    problems: list[Problem] = []
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)  # type: ignore[attr-defined]
    wanted: set[str] = set()
    wanted_positional = 0
    for text in ids:
        names, positional = placeholders(text)
        wanted |= names
        wanted_positional = max(wanted_positional, positional)
    if len(ids) > 1:
        filled = sum(1 for form in forms if form)
        if filled != num_plurals or len(forms) != num_plurals:
            problems.append(
                Problem(
                    where, f"{filled} plural form(s) filled in, the language needs {num_plurals}"
                )
            )
    accelerator = any(ACCELERATOR.search(text) for text in ids)
    for index, text in enumerate(forms):
        if text and accelerator and not ACCELERATOR.search(text):
            label = f"msgstr[{index}]" if len(ids) > 1 else "msgstr"
            problems.append(
                Problem(
                    where, f"{label} has no & keyboard accelerator (the English has one)", False
                )
            )
    wanted_braces = {name for text in ids for name in BRACE_PLACEHOLDER.findall(text)}
    for index, text in enumerate(forms):
        braces = set(BRACE_PLACEHOLDER.findall(text)) if text else wanted_braces
        label = f"msgstr[{index}]" if len(ids) > 1 else "msgstr"
        for name in sorted(braces - wanted_braces):
            problems.append(Problem(where, f"{label} uses unknown placeholder {{{name}}}"))
        for name in sorted(wanted_braces - braces):
            problems.append(Problem(where, f"{label} drops placeholder {{{name}}}"))
    python_format = (
        "python-format" in getattr(message, "flags", ()) or bool(wanted) or wanted_positional
    )
    for index, text in enumerate(forms):
        if not text:
            continue
        label = f"msgstr[{index}]" if len(ids) > 1 else "msgstr"
        names, positional = placeholders(text)
        for name in sorted(names - wanted):
            problems.append(Problem(where, f"{label} uses unknown placeholder %({name})s"))
        for name in sorted(wanted - names):
            problems.append(Problem(where, f"{label} drops placeholder %({name})s"))
        if not python_format:  # a brace-format or plain string: a lone % is just a percent sign
            continue
        if positional != wanted_positional:
            problems.append(
                Problem(
                    where,
                    f"{label} has {positional} positional placeholder(s), msgid has {wanted_positional}",
                )
            )
        if not (names - wanted):
            try:
                text % (
                    {name: 1 for name in names} if names or not positional else (1,) * positional
                )
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(
                    Problem(where, f"{label} cannot be formatted ({exc}); write a literal % as %%")
                )
    return problems


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
            problems.append(Problem(_relative(directory), f"{name} is missing (English has it)"))
            continue
        present += 1
        if name.endswith(".j2"):
            problem = check_syntax(path)
            if problem is not None:
                problems.append(_from_template_problem(problem))
    if (directory / "salutations.toml").is_file():
        problems.extend(_check_salutations(locale))
    return present, len(expected), problems


def _check_salutations(locale: str) -> list[Problem]:
    from app.i18n import locale_chain
    from app.letters.salutations import Rank, load_rules

    try:
        rules = load_rules(locale_chain(locale))
    except TemplateProblem as problem:
        return [_from_template_problem(problem)]
    where = _relative(rendering.SHIPPED_TEMPLATES / locale / "salutations.toml")
    problems = []
    for table in ("salutation", "closing"):
        if Rank.GENERIC.value not in rules.get(table, {}):
            problems.append(Problem(where, f"[{table}] needs a 'generic' entry"))
    return problems


def render_samples(locale: str) -> list[Problem]:
    """Draft every template for every fictional case, target and sender in ``locale``."""
    from app.domain.model import AppealKind
    from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS
    from app.services.letters import draft_letter

    problems: list[Problem] = []
    for case in (*SAMPLE_CASES, *sample_pack_cases()):
        for kind in AppealKind:
            for index in range(1, max(1, len(case.targets)) + 1):
                for sender in SAMPLE_SENDERS:
                    label = f"{locale}/{kind.value} UA {case.ua_number} target {index}"
                    try:
                        letter = draft_letter(case, index, sender, locale=locale, kind=kind)
                    except TemplateProblem as problem:
                        problems.append(_from_template_problem(problem))
                        continue
                    problems.extend(_check_output(label, letter.text))
    return _unique(problems)


def _check_output(label: str, text: str) -> list[Problem]:
    problems = [
        Problem(label, f"leftover {token!r} in the letter") for token in LEFTOVERS if token in text
    ]
    if re.search(r"\bNone\b", text):
        problems.append(Problem(label, "the letter prints 'None' (a missing field)"))
    if not text.strip():
        problems.append(Problem(label, "the letter is empty"))
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


def check_locale(locale: str, *, render: bool = True) -> LocaleReport:
    report = LocaleReport(locale)
    if locale != SOURCE_LANGUAGE and i18n.catalog_path(locale).is_file():
        report.stats, problems = check_catalog(locale, template_msgids())
        report.problems.extend(problems)
    elif locale != SOURCE_LANGUAGE and locale in interface_locales():
        report.problems.append(
            Problem(_relative(i18n.catalog_path(locale)), "the catalog file is missing")
        )
    if (rendering.SHIPPED_TEMPLATES / locale).is_dir():
        report.templates_present, report.templates_expected, problems = check_templates(locale)
        report.problems.extend(problems)
        if render and not any(p.error for p in problems):
            report.problems.extend(render_samples(locale))
    else:
        where = _relative(rendering.SHIPPED_TEMPLATES / locale)
        report.problems.append(
            Problem(where, "no letter templates; letters fall back to English", error=False)
        )
    return report


def _from_template_problem(problem: TemplateProblem) -> Problem:
    where = _relative(Path(problem.filename)) if problem.filename else "template"
    return Problem(f"{where}:{problem.lineno}" if problem.lineno else where, problem.problem)


def _relative(path: Path) -> str:
    for root in (i18n.locales_dir().parent, rendering.SHIPPED_TEMPLATES.parent.parent):
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            continue
    return str(path)


def _msgid(message_id: object) -> str:
    return message_id[0] if isinstance(message_id, (list, tuple)) else str(message_id)


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
