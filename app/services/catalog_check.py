"""Checks interface catalogs: placeholders, plural forms, fuzzy and untranslated counts, staleness."""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app import i18n
from app.catalog_safety import UNKNOWN_NAME, unsafe_reason
from app.domain.errors import N_, Phrase, os_problem
from app.i18n import LOCALE_ID
from app.letters import rendering

if TYPE_CHECKING:
    from babel.messages.catalog import Message

PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?(?P<kind>[diouxXeEfFgGcrsa%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
ACCELERATOR = re.compile(r"&(?=[^\s&])")  # "&File": Alt+F; "&&" is a literal ampersand


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, printed as ``error: where: "English text": what is wrong; what to do``.

    ``where``, ``message`` and ``fix`` are English; those this module and the letters' checks
    write are :class:`Phrase` values, which :meth:`translated` gives in the reader's language
    (a file and line stay as they are, and so do a library's own words, such as Jinja's)."""

    where: str
    message: str
    error: bool = True
    msgid: str | None = None  # the English text of the catalog entry the finding is about
    fix: str | None = None  # what the translator should do about it

    def __str__(self) -> str:
        return self.translated(_english)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The finding as one line in the language of ``gettext`` (the caller's ``_``); the
        English text of a catalog entry stays English (it is what the translator looks for)."""
        text = _words(self.message, gettext)
        if self.msgid is not None:
            text = f"{short_text(self.msgid)}: {text}"
        if self.fix:
            text = gettext(PROBLEM_AND_FIX).format(problem=text, fix=_words(self.fix, gettext))
        line = gettext(ERROR_LINE if self.error else WARNING_LINE)
        return line.format(where=_words(self.where, gettext), finding=text)


ERROR_LINE = N_("error: {where}: {finding}")
WARNING_LINE = N_("warning: {where}: {finding}")
# TRANSLATORS: what is wrong, then what to do about it (both already translated)
PROBLEM_AND_FIX = N_("{problem}; {fix}")


def _english(message: str) -> str:
    return message


def _words(text: str, gettext: Callable[[str], str]) -> str:
    return text.translated(gettext) if isinstance(text, Phrase) else text


def short_text(text: str, limit: int = 48) -> str:
    """An English text in quotes, on one line, cut to about ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return f'"{flat}"'


def sort_key(problem: Problem) -> tuple[str, float, str]:
    """File, then line number (as a number), then the text: a stable order to read and diff.
    What a whole file is told ("and 1285 more", "messages are missing") comes after its lines."""
    path, _, line = problem.where.rpartition(":")
    if path and line.isdigit():
        return (path, int(line), str(problem))
    return (problem.where, float("inf"), str(problem))


@dataclass(slots=True)
class CatalogStats:
    locale: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    # A regional catalog (es_MX): its base language (es), and how many of the entries it
    # leaves untranslated (or fuzzy) the base language's catalog translates, so users see them
    base: str | None = None
    from_base: int = 0
    # A catalog copied from another language's to start this one: that language, and how many
    # of its translations are still here word for word (counted untranslated, not translated)
    copied_from: str | None = None
    copied: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def shown_percent(self) -> float:
        """The share of entries users see in their language: this catalog's own translations
        and those its base language gives."""
        shown = self.translated + self.from_base
        return 100.0 * shown / self.total if self.total else 100.0


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


# How many fuzzy or untranslated entries are named one by one before "and N more".
NAMED_ENTRIES = 10


def check_catalog(
    locale: str, expected: set[tuple[str, str | None]] | None
) -> tuple[CatalogStats, list[Problem]]:
    """Syntax, placeholders, plural forms, fuzzy and untranslated entries, staleness.

    A line the strict reader rejects is reported once, and the rest of the catalog is still
    read (leniently) and checked, so one broken quote hides nothing else.
    """
    import contextlib
    import io

    from babel.messages.pofile import PoFileError, read_po

    path = i18n.catalog_path(locale)
    shown = relative_path(path)
    stats = CatalogStats(locale)
    problems = po_syntax_problems(path, shown)
    broken_lines = {_line_number(p.where) for p in problems}
    try:
        with path.open("rb") as handle, contextlib.redirect_stdout(io.StringIO()):
            # Babel prints its complaints about lines it skips; the syntax check named them
            catalog = read_po(handle, locale=locale, abort_invalid=False)
    except (PoFileError, ValueError, UnicodeDecodeError, OSError) as exc:
        if problems:
            return stats, problems
        line = getattr(exc, "lineno", None)
        return stats, [
            Problem(
                f"{shown}:{line}" if line else shown,
                Phrase(N_("cannot read the catalog: {problem}"), problem=str(exc)),
            )
        ]
    lines = _file_lines(path)
    header = plural_forms_problem(locale, catalog.num_plurals, catalog.plural_expr)
    if header:
        problems.append(Problem(f"{shown}:{_header_line(path)}", header))
    declared = _declared_language(catalog)
    if declared and declared.split("_")[0] != locale.split("_")[0]:
        problems.append(
            Problem(
                f"{shown}:{_header_line(path, 'Language:')}",
                Phrase(
                    N_("the header says Language: {declared}, but this is the {locale} catalog"),
                    declared=declared,
                    locale=locale,
                ),
                error=False,
                fix=Phrase(N_("write Language: {locale}"), locale=locale),
            )
        )
    messages = sorted((m for m in catalog if m.id), key=lambda m: m.lineno or 0)
    starts = [m.lineno or 0 for m in messages]
    # each broken line belongs to the entry it is in: the last msgid at or below the next line
    # (a msgctxt just above a msgid is part of that msgid's entry)
    broken_entries = {bisect.bisect_right(starts, line + 1) - 1 for line in broken_lines}
    present: dict[tuple[str, str | None], Problem] = {}
    fuzzy: list[Problem] = []
    untranslated: list[Problem] = []
    base = locale.split("_")[0] if _has_base_catalog(locale) else None
    stats.base = base
    base_translated = _translated_entries(base) if base else frozenset()
    for number, message in enumerate(messages):
        msgid = _msgid(message.id)
        stats.total += 1
        raw = message.string
        forms: tuple[str, ...] = tuple(raw) if isinstance(raw, (list, tuple)) else (raw or "",)
        broken = number in broken_entries
        where = f"{shown}:{message.lineno}"
        present[(msgid, message.context)] = Problem(where, "", msgid=msgid)
        if message.fuzzy:
            stats.fuzzy += 1
            fuzzy.append(
                Problem(
                    f"{shown}:{_fuzzy_line(lines, message.lineno or 1)}",
                    Phrase(N_("marked fuzzy: the app shows the {base} text instead"), base=base)
                    if base
                    else Phrase(N_("marked fuzzy: the app shows the English text instead")),
                    error=False,
                    msgid=msgid,
                    fix=Phrase(
                        N_('check the translation, then delete "fuzzy" from the "#," line above it')
                    ),
                )
            )
        elif not all(forms):
            stats.untranslated += 1
        else:
            stats.translated += 1
        if (message.fuzzy or not all(forms)) and (msgid, message.context) in base_translated:
            stats.from_base += 1
        if broken:
            continue  # the syntax error on its lines is its one finding
        found = (
            _check_message(message, forms, lines, shown, catalog.num_plurals) if any(forms) else []
        )
        problems.extend(found)
        if not message.fuzzy and not all(forms) and not found:
            untranslated.append(
                Problem(
                    f"{shown}:{_msgstr_line(lines, message.lineno or 1, None)}",
                    Phrase(N_("not translated yet: the app shows the English text")),
                    error=False,
                    msgid=msgid,
                )
            )
    copy = copied_translations(locale, messages)
    if copy is not None:
        stats.copied_from, stats.copied = copy
        stats.translated -= stats.copied
        stats.untranslated += stats.copied
    translated = [
        form
        for m in messages
        for form in (m.string if isinstance(m.string, (list, tuple)) else (m.string,))
        if form and not m.fuzzy
    ]
    direction = direction_problem(locale, translated, shown)
    if direction is not None:
        problems.append(direction)
    problems.extend(_named_entries(fuzzy, shown, N_("and {count} more fuzzy message(s)")))
    if not _has_base_catalog(locale):  # a regional catalog shows its base language's text
        problems.extend(
            _named_entries(untranslated, shown, N_("and {count} more untranslated message(s)"))
        )
    if expected is not None:
        problems.extend(_staleness(locale, present, expected, shown))
    return stats, unique(problems)


# A catalog is a copy of another language's while more than this share of its translations
# are that language's word for word. Related languages share far fewer: Spanish and
# Portuguese, the closest pair shipped, share about one in ten.
COPIED_SHARE = 0.25

Forms = tuple[str, ...]
Entries = dict[tuple[str, str | None], Forms]


@dataclass(frozen=True, slots=True)
class CatalogFile:
    """The translated entries of one catalog file (not fuzzy, every form filled), the
    languages its header names and when a translator last revised it, as the file says."""

    entries: Entries
    named: frozenset[str] = frozenset()  # base languages: Language, Language-Team, comment
    revised: datetime.datetime | None = None  # its PO-Revision-Date


def copied_translations(locale: str, messages: list[Message]) -> tuple[str, int] | None:
    """The catalog of another language ``locale``'s was copied from, and how many of its
    translations ``messages`` still hold word for word (leaving out those the same as the
    English text, such as "UA"); None when no other language's catalog was copied.

    Of two catalogs that share their translations, the copy is the one whose header still
    names the other's language (its Language, Language-Team or first comment: "French
    translations for ..."), else the one its translator revised later (PO-Revision-Date).
    What the files say decides, never when they were written to disk: a fresh checkout
    writes every catalog in the same second, and two catalogs that do not tell which is the
    copy are not counted as copies at all (a pair is never each the other's copy)."""
    own = {
        (_msgid(m.id), m.context): forms
        for m in messages
        if not m.fuzzy and all(forms := _forms(m)) and forms != (_msgid(m.id),)
    }
    this = _catalog_file(locale)
    if not own or this is None:
        return None
    language = i18n.base_language(locale)
    best: tuple[str, int] | None = None
    for other in interface_locales():
        original = _catalog_file(other)
        if i18n.base_language(other) == language or original is None:
            continue
        same = sum(1 for key, forms in own.items() if original.entries.get(key) == forms)
        if same <= COPIED_SHARE * len(own) or (best is not None and same <= best[1]):
            continue
        names_other = i18n.base_language(other) in this.named
        named_by_other = language in original.named
        revised_later = (
            this.revised is not None
            and original.revised is not None
            and this.revised > original.revised
        )
        if (names_other and not named_by_other) or (
            not names_other and not named_by_other and revised_later
        ):
            best = (other, same)
    return best


def _forms(message: Message) -> Forms:
    raw = message.string
    return tuple(raw) if isinstance(raw, (list, tuple)) else (raw or "",)


def _catalog_file(locale: str) -> CatalogFile | None:
    """``locale``'s catalog, read once per version of the file; None when it cannot be read
    (its own check says why)."""
    path = i18n.catalog_path(locale)
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_catalog_file(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _read_catalog_file(path: Path, _modified_ns: int, _size: int) -> CatalogFile | None:
    import contextlib
    import io

    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle, contextlib.redirect_stdout(io.StringIO()):
            catalog = read_po(handle, abort_invalid=False)
    except (PoFileError, ValueError, UnicodeDecodeError, OSError):
        return None
    entries = {
        (_msgid(m.id), m.context): forms
        for m in catalog
        if m.id and not m.fuzzy and all(forms := _forms(m))
    }
    return CatalogFile(entries, _named_languages(catalog), _revision_date(catalog))


_TRANSLATIONS_FOR = re.compile(r"^\s*#?\s*(?P<language>[^#\n]+?) translations for ")


def _named_languages(catalog: object) -> frozenset[str]:
    """The base languages a catalog's header names: its ``Language``, the code its
    ``Language-Team`` starts with, and the English name in the comment ``pybabel init``
    writes on its first line ("French translations for Appeal Desk.")."""
    from app.letters.language_names import english_language_code

    named = set()
    declared = _declared_language(catalog)
    if declared:
        named.add(i18n.base_language(declared))
    for name, value in getattr(catalog, "mime_headers", ()):
        if name.lower() == "language-team" and value.split():
            code = i18n.normalize_locale(value.split()[0])
            if code:
                named.add(i18n.base_language(code))
    comment = str(getattr(catalog, "header_comment", "") or "")
    found = _TRANSLATIONS_FOR.match(comment)
    if found:
        code = english_language_code(found.group("language"))
        if code:
            named.add(code)
    return frozenset(named)


def _revision_date(catalog: object) -> datetime.datetime | None:
    """When the catalog's translator last revised it, as its header says (None when the
    header keeps the template's placeholder or no date)."""
    for name, value in getattr(catalog, "mime_headers", ()):
        if name.lower() == "po-revision-date":
            try:
                return datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M%z")
            except ValueError:
                return None
    return None


def _translated_entries(locale: str) -> frozenset[tuple[str, str | None]]:
    """(msgid, context) of every entry ``locale``'s catalog translates (not fuzzy, every form
    filled); empty when the catalog cannot be read (its own check says why)."""
    read = _catalog_file(locale)
    return frozenset(read.entries) if read is not None else frozenset()


def _has_base_catalog(locale: str) -> bool:
    """Whether ``locale`` is regional (``es_MX``) and its base language (``es``) has a catalog:
    then an entry the regional catalog leaves empty shows the base language's text."""
    base = locale.split("_")[0]
    return base != locale and i18n.catalog_path(base).is_file()


def _named_entries(entries: list[Problem], shown: str, more: str) -> list[Problem]:
    """The first entries one by one, then one line for the rest (``more``, with ``{count}``)."""
    named = entries[:NAMED_ENTRIES]
    rest = len(entries) - len(named)
    if rest:
        named.append(
            Problem(
                shown,
                Phrase(more, count=rest),
                error=False,
                fix=Phrase(N_("appeal-desk i18n stats counts them; Poedit or Lokalize lists them")),
            )
        )
    return named


def _staleness(
    locale: str,
    present: dict[tuple[str, str | None], Problem],
    expected: set[tuple[str, str | None]],
    shown: str,
) -> list[Problem]:
    """Messages of messages.pot the catalog lacks, and entries messages.pot no longer has.

    An English text changed by hand in the catalog shows as one of each: it is paired with
    the message of messages.pot it is closest to and reported once, at its line.
    """
    import difflib

    problems: list[Problem] = []
    missing = sorted(expected - set(present), key=lambda m: (m[0], m[1] or ""))
    extra = sorted(set(present) - expected, key=lambda m: (m[0], m[1] or ""))
    for key in list(extra):
        candidates = [m[0] for m in missing if m[1] == key[1]]
        close = difflib.get_close_matches(key[0], candidates, n=1, cutoff=0.8)
        if not close:
            continue
        original = next(m for m in missing if m[0] == close[0] and m[1] == key[1])
        entry = present[key]
        problems.append(
            Problem(
                entry.where,
                Phrase(
                    N_("this English text (msgid) was changed; messages.pot has {original}"),
                    original=short_text(original[0], 72),
                ),
                msgid=key[0],
                fix=Phrase(
                    N_("copy the msgid back exactly as messages.pot has it; translate only msgstr")
                ),
            )
        )
        missing.remove(original)
        extra.remove(key)
    if _has_base_catalog(locale):
        missing = []  # a regional catalog holds only what differs; the rest comes from base
    if missing:
        named = "; ".join(
            short_text(msgid if context is None else f"{context}|{msgid}")
            for msgid, context in missing[:5]
        )
        if len(missing) > 5:
            message = Phrase(
                N_("{count} message(s) of messages.pot are missing ({named} and {more} more)"),
                count=len(missing),
                named=named,
                more=len(missing) - 5,
            )
        else:
            message = Phrase(
                N_("{count} message(s) of messages.pot are missing ({named})"),
                count=len(missing),
                named=named,
            )
        problems.append(
            Problem(
                shown,
                message,
                fix=Phrase(N_("update the catalog (locales/README.md, Refresh the catalogs)")),
            )
        )
    for key in extra:
        entry = present[key]
        problems.append(
            Problem(
                entry.where,
                Phrase(N_("no longer in messages.pot (the app does not use it)")),
                error=False,
                msgid=key[0],
                fix=Phrase(N_("delete the entry, or update the catalog (locales/README.md)")),
            )
        )
    return problems


def _declared_language(catalog: object) -> str | None:
    """The ``Language:`` the catalog's header names, as a locale id, or None."""
    for name, value in getattr(catalog, "mime_headers", ()):
        if name.lower() == "language" and value.strip():
            return value.strip().replace("-", "_")
    return None


def _file_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _line_number(where: str) -> int:
    line = where.rpartition(":")[2]
    return int(line) if line.isdigit() else 0


def _msgstr_line(lines: list[str], msgid_line: int, index: int | None) -> int:
    """The line of an entry's ``msgstr`` (or ``msgstr[index]``), from its ``msgid`` line."""
    keyword = "msgstr" if index is None else f"msgstr[{index}]"
    for number in range(msgid_line, min(len(lines), msgid_line + 200) + 1):
        text = lines[number - 1].strip()
        if number > msgid_line and (not text or text.startswith(("msgid ", "msgctxt", "#"))):
            break
        if text.startswith(keyword + " ") or (index is None and text.startswith("msgstr[0]")):
            return number
    return msgid_line


def _fuzzy_line(lines: list[str], msgid_line: int) -> int:
    """The ``#, fuzzy`` line above an entry's ``msgid`` (the msgid's line if none)."""
    for number in range(msgid_line - 1, max(0, msgid_line - 12), -1):
        text = lines[number - 1].strip() if number <= len(lines) else ""
        if not text:
            break
        if text.startswith("#,") and "fuzzy" in text:
            return number
    return msgid_line


def plural_forms_problem(locale: str, count: int, expression: str) -> Phrase | None:
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
    fix = Phrase(
        N_("write the line `pybabel init` writes: Plural-Forms: {wanted}"), wanted=str(wanted)
    )
    if count != wanted.num_plurals:
        problem = Phrase(
            N_("Plural-Forms says {count} plural form(s), the language has {wanted}"),
            count=count,
            wanted=wanted.num_plurals,
        )
        return Phrase(PROBLEM_AND_FIX, problem=problem, fix=fix)
    try:
        ours, theirs = c2py(expression), c2py(wanted.plural_expr)
    except (ValueError, SyntaxError):
        problem = Phrase(
            N_("the plural rule of Plural-Forms cannot be read: {rule}"), rule=repr(expression)
        )
        return Phrase(PROBLEM_AND_FIX, problem=problem, fix=fix)
    wrong = next((n for n in range(0, 1_001) if ours(n) != theirs(n)), None)
    if wrong is not None:
        problem = Phrase(
            N_(
                "Plural-Forms puts the count {count} in form {ours}, the language uses form {theirs}"
            ),
            count=wrong,
            ours=ours(wrong),
            theirs=theirs(wrong),
        )
        return Phrase(PROBLEM_AND_FIX, problem=problem, fix=fix)
    return None


def _header_line(path: Path, field: str = "Plural-Forms:") -> int:
    """The line of a catalog's header field (1 when it has none)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith('"' + field):
                return number
    return 1


# Conversions that print a number the same way: %(count)i is %(count)d.
_SAME_KIND = {"i": "d", "u": "d", "F": "f"}


def _check_message(
    message: object, forms: tuple[str, ...], lines: list[str], shown: str, num_plurals: int
) -> list[Problem]:
    """Each mistake of one entry, once, at the line of the msgstr that has it."""
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)  # type: ignore[attr-defined]
    msgid = ids[0]
    msgid_line: int = getattr(message, "lineno", None) or 1
    plural = len(ids) > 1
    problems: list[Problem] = []

    def at(index: int | None, text: str, fix: str | None = None, error: bool = True) -> None:
        line = _msgstr_line(lines, msgid_line, index if plural else None)
        if plural and index is not None:  # which form of the plural the finding is about
            text = Phrase("msgstr[{index}] {problem}", index=index, problem=text)
        problems.append(Problem(f"{shown}:{line}", text, error, msgid=msgid, fix=fix))

    if plural:
        filled = sum(1 for form in forms if form)
        if filled != num_plurals or len(forms) != num_plurals:
            empty = [i for i in range(num_plurals) if i >= len(forms) or not forms[i]]
            slots = ", ".join(f"msgstr[{i}]" for i in empty)
            problems.append(
                Problem(
                    f"{shown}:{_msgstr_line(lines, msgid_line, 0)}",
                    Phrase(
                        N_("{filled} of the {count} plural forms are filled in"),
                        filled=filled,
                        count=num_plurals,
                    ),
                    msgid=msgid,
                    fix=Phrase(
                        N_("fill {slots} too (locales/README.md, Plural forms)"), slots=slots
                    ),
                )
            )
    wanted = _percent_specs(ids)
    wanted_braces = {name for text in ids for name in BRACE_PLACEHOLDER.findall(text)}
    wanted_positional = max(placeholders(text)[1] for text in ids)
    python_format = "python-format" in getattr(message, "flags", ()) or bool(wanted)
    accelerator = any(ACCELERATOR.search(text) for text in ids)
    for index, text in enumerate(forms):
        if not text:
            continue
        reason = unsafe_reason(ids, text)
        if reason and UNKNOWN_NAME not in reason:  # reaches inside a value, a huge width...
            at(
                index,
                Phrase(N_("{reason} (the app will not use it)"), reason=reason),
                Phrase(N_("write it as the English text does")),
            )
            continue
        before = len(problems)
        found = _percent_specs((text,))
        for wrong, fix in _name_mistakes(wanted, found):
            at(index, wrong, fix)
        for name in sorted(set(found) & set(wanted)):
            theirs, ours = found[name], wanted[name]
            if _kind(theirs) != _kind(ours):
                at(
                    index,
                    Phrase(SHOULD_BE, found=theirs, wanted=ours),
                    Phrase(
                        N_("keep the letter after the name as the English text has it ({meaning})"),
                        meaning=_kind_meaning(ours),
                    ),
                )
        brace_specs = {name: "{" + name + "}" for name in wanted_braces}
        brace_found = {name: "{" + name + "}" for name in BRACE_PLACEHOLDER.findall(text)}
        for wrong, fix in _name_mistakes(brace_specs, brace_found):
            at(index, wrong, fix)
        if len(problems) > before:
            continue
        names, positional = placeholders(text)
        if python_format and positional != wanted_positional:
            at(
                index,
                Phrase(
                    N_("has {count} placeholder(s) without a name, the English text has {english}"),
                    count=positional,
                    english=wanted_positional,
                ),
                Phrase(N_("use the placeholders of the English text")),
            )
        elif python_format:
            try:
                text % (
                    {name: 1 for name in names} if names or not positional else (1,) * positional
                )
            except (ValueError, TypeError, KeyError):
                at(
                    index,
                    Phrase(
                        N_("a lone {percent} breaks this text (it has placeholders)"), percent="%"
                    ),
                    Phrase(N_("write {double} for a percent sign"), double="%%"),
                )
        if accelerator and not ACCELERATOR.search(text):
            at(
                index,
                Phrase(
                    N_(
                        "has no & before a letter; the English text marks its Alt+letter shortcut so"
                    )
                ),
                Phrase(
                    N_("put & before a letter of your word ({example})"), example="&Archivo: Alt+A"
                ),
                error=False,
            )
    return problems


def _percent_specs(texts: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Named %-placeholders of ``texts`` as they are written: {"count": "%(count)d"}."""
    specs: dict[str, str] = {}
    for text in texts:
        for match in PLACEHOLDER.finditer(text):
            name = match.group("name")
            if match.group("kind") != "%" and name is not None:
                specs.setdefault(name, match.group(0))
    return specs


def _kind(spec: str) -> str:
    kind = spec[-1]
    return _SAME_KIND.get(kind, kind)


def _kind_meaning(spec: str) -> Phrase:
    kind = _kind(spec)
    if kind == "d":
        return Phrase(N_("{kind}: a whole number"), kind=kind)
    if kind == "s":
        return Phrase(N_("{kind}: a text"), kind=kind)
    return Phrase(N_("{kind}: as written there"), kind=kind)


# TRANSLATORS: both are placeholders as written in a catalog, e.g. %(count)s and %(count)d
SHOULD_BE = N_("{found} should be {wanted}")


def _name_mistakes(wanted: dict[str, str], found: dict[str, str]) -> list[tuple[Phrase, Phrase]]:
    """(what is wrong, what to do) for each placeholder the translation misses or adds.

    One unknown name beside one missing name is a misspelling: reported once.
    """
    unknown = sorted(set(found) - set(wanted))
    missing = sorted(set(wanted) - set(found))
    if len(unknown) == 1 and len(missing) == 1:
        return [
            (
                Phrase(SHOULD_BE, found=found[unknown[0]], wanted=wanted[missing[0]]),
                Phrase(N_("placeholder names stay in English, exactly as in the English text")),
            )
        ]
    allowed = ", ".join(wanted[name] for name in sorted(wanted))
    use_only = (
        Phrase(N_("use only the placeholders of the English text ({allowed})"), allowed=allowed)
        if allowed
        else Phrase(N_("use only the placeholders of the English text (none)"))
    )
    mistakes = [
        (Phrase(N_("{placeholder} is not in the English text"), placeholder=found[name]), use_only)
        for name in unknown
    ]
    mistakes += [
        (
            Phrase(N_("{placeholder} is missing"), placeholder=wanted[name]),
            Phrase(N_("the English text has it: put it in your sentence where that value goes")),
        )
        for name in missing
    ]
    return mistakes


_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(".*)$')
_ESCAPES = frozenset('\\"ntrabfv01234567x')


def po_syntax_problems(path: Path, shown: str) -> list[Problem]:
    """Lines a strict reader (GNU msgfmt) rejects: an unterminated string, an unknown escape,
    text outside quotes, a keyword out of place, a msgid without its msgstr. Babel's reader
    accepts some of these silently (an unterminated "Hola loses its last letter)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        return [
            Problem(
                shown,
                Phrase(
                    N_("the file is not UTF-8 ({reason} at byte {byte})"),
                    reason=exc.reason,
                    byte=exc.start,
                ),
                fix=Phrase(N_("save it as UTF-8 (Poedit and Lokalize do)")),
            )
        ]
    except OSError as exc:
        return [Problem(shown, Phrase(CANNOT_READ, problem=os_problem(exc)))]
    problems: list[Problem] = []
    previous = ""  # the keyword whose string the next continuation line extends
    msgid: str | None = None  # the English text of the entry being read
    waiting: int | None = None  # the line of a msgid whose msgstr has not come yet

    def add(number: int, message: Phrase, fix: Phrase, line: int | None = None) -> None:
        problems.append(Problem(f"{shown}:{line or number}", message, msgid=msgid or None, fix=fix))

    def entry_ends(number: int) -> None:
        nonlocal waiting
        if waiting is not None:
            add(number, Phrase(N_("this entry has no msgstr")), _NO_MSGSTR, line=waiting)
            waiting = None

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line or not line.startswith("#~"):
                entry_ends(number)
            if not line:
                previous = ""
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, rest = match.groups()
            if keyword in ("msgid", "msgctxt"):
                entry_ends(number)
            if keyword == "msgid":
                msgid = _quoted(rest)
                waiting = number
            elif keyword.startswith("msgstr"):
                waiting = None
            order = _keyword_order_problem(keyword, previous)
            if order:
                add(number, *order)
            previous = keyword
        elif line.startswith('"') and previous:
            rest = line
            if previous == "msgid" and msgid is not None:
                msgid += _quoted(rest)
        else:
            add(
                number,
                Phrase(N_("this line is not a keyword, a comment or a quoted text")),
                _QUOTES,
            )
            continue
        problem = _string_problem(rest)
        if problem:
            add(number, problem, _QUOTES)
    entry_ends(len(lines))
    return problems[:20]


_QUOTES = Phrase(
    N_(
        'each text goes between two " on one line; write {quote} for a quote inside it and '
        "{newline} for a new line"
    ),
    quote='\\"',
    newline="\\n",
)
_NO_MSGSTR = Phrase(
    N_("add a line {example} with the translation under the msgid"), example='msgstr "..."'
)
# the same words as the letters' own check of a file it cannot read
CANNOT_READ = N_("cannot read the file ({problem})")


def _quoted(text: str) -> str:
    """The text between the quotes of one quoted string (escapes left as written)."""
    inner = text.strip()
    if inner.startswith('"'):
        inner = inner[1:]
    return inner[:-1] if inner.endswith('"') else inner


def _keyword_order_problem(keyword: str, previous: str) -> tuple[Phrase, Phrase] | None:
    if keyword == "msgid_plural" and previous != "msgid":
        return (
            Phrase(N_("msgid_plural must follow a msgid")),
            Phrase(N_("put it on the line after the msgid")),
        )
    if keyword.startswith("msgstr") and not (
        previous.startswith("msgid") or previous.startswith("msgstr")
    ):
        return (
            Phrase(N_("{keyword} without a msgid before it"), keyword=keyword),
            Phrase(
                N_(
                    "a msgstr belongs right under its msgid (or msgid_plural); no empty line between"
                )
            ),
        )
    return None


# GNU msgfmt's words for a string that does not end on its line
END_OF_LINE = N_("end-of-line within string")


def _string_problem(text: str) -> Phrase | None:
    """What is wrong with one quoted string that must fill the rest of the line."""
    if not text.startswith('"'):
        return Phrase(N_("a string must start with a double quote"))
    index = 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 >= len(text):
                return Phrase(END_OF_LINE)
            if text[index + 1] not in _ESCAPES:
                return Phrase(N_("invalid escape sequence {escape}"), escape="\\" + text[index + 1])
            index += 2
            continue
        if char == '"':
            if text[index + 1 :].strip():
                return Phrase(N_("text after the closing quote"))
            return None
        index += 1
    return Phrase(END_OF_LINE)


def direction_problem(
    locale: str,
    texts: list[str],
    where: str,
    noun: Literal["translations", "lines"] = "translations",
) -> Problem | None:
    """A warning when most of ``texts`` are written in a script of the other direction than
    the language's: Latin text in a right-to-left language, or Arabic or Hebrew text in a
    left-to-right one (a folder copied from another language, or named wrongly)."""
    import unicodedata

    rtl = i18n.is_rtl(locale)
    written = 0
    other = 0
    for text in texts:
        kinds = {unicodedata.bidirectional(c) for c in text if c.isalpha()}
        if not kinds & {"L", "R", "AL"}:
            continue
        written += 1
        if rtl and not kinds & {"R", "AL"} or not rtl and "L" not in kinds:
            other += 1
    if written < 3 or other * 2 <= written:
        return None
    fields = {"language": _english_name(locale), "count": other, "written": written}
    if rtl:
        return Problem(
            where,
            Phrase(_LEFT_TO_RIGHT_IN_RTL[noun], **fields),
            error=False,
            fix=Phrase(N_("translate them, or check that the folder is named after your language")),
        )
    return Problem(
        where,
        Phrase(_RIGHT_TO_LEFT_IN_LTR[noun], **fields),
        error=False,
        fix=Phrase(N_("check that the folder is named after your language")),
    )


# What runs the other way, in a catalog ("translations") or a template ("lines")
_LEFT_TO_RIGHT_IN_RTL = {
    "translations": N_(
        "{language} is written right to left, but {count} of {written} translations here have "
        "only left-to-right letters"
    ),
    "lines": N_(
        "{language} is written right to left, but {count} of {written} lines here have only "
        "left-to-right letters"
    ),
}
_RIGHT_TO_LEFT_IN_LTR = {
    "translations": N_(
        "{language} is written left to right, but {count} of {written} translations here are "
        "in a right-to-left script"
    ),
    "lines": N_(
        "{language} is written left to right, but {count} of {written} lines here are in a "
        "right-to-left script"
    ),
}


def _english_name(locale: str) -> str:
    """ "Hebrew (he)": the language's English name (CLDR) and its id."""
    from babel import Locale, UnknownLocaleError

    try:
        return f"{Locale.parse(locale).english_name} ({locale})"
    except (UnknownLocaleError, ValueError):
        return locale


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
