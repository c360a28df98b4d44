"""Checks interface catalogs: placeholders, plural forms, fuzzy and untranslated counts, staleness."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app import i18n
from app.catalog_safety import unsafe_reason
from app.i18n import LOCALE_ID
from app.letters import rendering

PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?(?P<kind>[diouxXeEfFgGcrsa%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
ACCELERATOR = re.compile(r"&(?=[^\s&])")  # "&File": Alt+F; "&&" is a literal ampersand


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
    shown = relative_path(path)
    stats = CatalogStats(locale)
    problems: list[Problem] = []
    syntax = po_syntax_problems(path, shown)
    if syntax:
        return stats, syntax
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        return stats, [
            Problem(f"{shown}:{line}" if line else shown, f"cannot read the catalog: {exc}")
        ]
    header = plural_forms_problem(locale, catalog.num_plurals, catalog.plural_expr)
    if header:
        problems.append(Problem(f"{shown}:{_header_line(path)}", header))
    present: set[tuple[str, str | None]] = set()
    for message in catalog:
        if not message.id:
            continue
        present.add((_msgid(message.id), message.context))
        stats.total += 1
        raw = message.string
        forms: tuple[str, ...] = tuple(raw) if isinstance(raw, (list, tuple)) else (raw or "",)
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
            named = "; ".join(
                repr(msgid if context is None else f"{context}|{msgid}")
                for msgid, context in sorted(missing, key=lambda m: (m[0], m[1] or ""))[:5]
            )
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            problems.append(
                Problem(
                    shown,
                    f"{len(missing)} message(s) of messages.pot are missing ({named}{more}); "
                    "update the catalog (locales/README.md)",
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
    return stats, unique(problems)


def plural_forms_problem(locale: str, count: int, expression: str) -> str | None:
    """Why a catalog's ``Plural-Forms`` header is wrong for its language (CLDR), or None.

    The header decides which slot gettext reads for a count: with too few forms, or a rule
    that sends a count to the wrong slot, a translated plural reads wrong however well it is
    translated.
    """
    from gettext import c2py

    from babel.core import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        wanted = get_plural(locale)
    except (UnknownLocaleError, ValueError):
        return None
    fix = f"write the line `pybabel init` writes: Plural-Forms: {wanted}"
    if count != wanted.num_plurals:
        return (
            f"Plural-Forms says {count} plural form(s), the language has "
            f"{wanted.num_plurals}; {fix}"
        )
    try:
        ours, theirs = c2py(expression), c2py(wanted.plural_expr)
    except (ValueError, SyntaxError):
        return f"the plural rule of Plural-Forms cannot be read: {expression!r}; {fix}"
    wrong = next((n for n in range(0, 1_001) if ours(n) != theirs(n)), None)
    if wrong is not None:
        return (
            f"Plural-Forms puts the count {wrong} in form {ours(wrong)}, the language uses form "
            f"{theirs(wrong)}; {fix}"
        )
    return None


def _header_line(path: Path) -> int:
    """The line of a catalog's Plural-Forms header (1 when it has none)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith('"Plural-Forms:'):
                return number
    return 1


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
    for index, text in enumerate(forms):
        reason = unsafe_reason(ids, text) if text else None
        if reason:
            label = f"msgstr[{index}]" if len(ids) > 1 else "msgstr"
            problems.append(Problem(where, f"{label} {reason} (the app will not use it)"))
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


_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(".*)$')
_ESCAPES = frozenset('\\"ntrabfv01234567x')


def po_syntax_problems(path: Path, shown: str) -> list[Problem]:
    """Lines a strict reader (GNU msgfmt) rejects: an unterminated string, an unknown escape,
    text outside quotes, a keyword out of place. Babel's reader accepts some of these silently
    (an unterminated "Hola loses its last letter)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        return [Problem(shown, f"the file is not UTF-8 ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return [Problem(shown, f"cannot read the file ({exc.strerror})")]
    problems: list[Problem] = []
    previous = ""  # the keyword whose string the next continuation line extends
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            previous = ""
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, rest = match.groups()
            order = _keyword_order_problem(keyword, previous)
            if order:
                problems.append(Problem(f"{shown}:{number}", order))
            previous = keyword
        elif line.startswith('"') and previous:
            rest = line
        else:
            problems.append(Problem(f"{shown}:{number}", "not a keyword, comment or quoted string"))
            continue
        problem = _string_problem(rest)
        if problem:
            problems.append(Problem(f"{shown}:{number}", problem))
    return problems[:20]


def _keyword_order_problem(keyword: str, previous: str) -> str | None:
    if keyword == "msgid_plural" and previous != "msgid":
        return "msgid_plural must follow a msgid"
    if keyword.startswith("msgstr") and not (
        previous.startswith("msgid") or previous.startswith("msgstr")
    ):
        return f"{keyword} without a msgid before it"
    return None


def _string_problem(text: str) -> str | None:
    """What is wrong with one quoted string that must fill the rest of the line."""
    if not text.startswith('"'):
        return "a string must start with a double quote"
    index = 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 >= len(text):
                return "end-of-line within string"
            if text[index + 1] not in _ESCAPES:
                return f"invalid escape sequence \\{text[index + 1]}"
            index += 2
            continue
        if char == '"':
            if text[index + 1 :].strip():
                return "text after the closing quote"
            return None
        index += 1
    return "end-of-line within string"


def relative_path(path: Path) -> str:
    for root in (i18n.locales_dir().parent, rendering.SHIPPED_TEMPLATES.parent.parent):
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            continue
    return str(path)


def _msgid(message_id: object) -> str:
    return message_id[0] if isinstance(message_id, (list, tuple)) else str(message_id)


def unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
