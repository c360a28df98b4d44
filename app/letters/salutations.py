"""Salutation and closing engine: rank of the office x the official's gender x the letter language.

Everything a translator may change is data, one folder per language:

- ``app/templates/<locale>/offices.toml``: the office words of that language, read in officials'
  titles whatever the letter's language (a Spanish title in an English letter still says
  "Fiscal General"), and the words that show an official's gender for sure.
- ``app/templates/<locale>/salutations.toml``: for each rank and gender, the salutation, the form
  of address and the closing in that language, and the office words that fill ``{office}``.

A user file with the same name in ``<data dir>/templates/<locale>/`` overrides entries. This module
only finds the rank, the office and the gender, and picks the entries.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from app.domain.errors import N_, TemplateProblem
from app.domain.errors import Phrase as Finding
from app.domain.text_folding import fold as fold_text
from app.letters.template_folders import SHIPPED_TEMPLATES, ensure_inside, read_letter_file

SALUTATIONS_FILE = "salutations.toml"
OFFICES_FILE = "offices.toml"
GENDERS = ("f", "m", "neutral")
RULE_TABLES = ("salutation", "address", "closing", "style", "offices", "letter")
OFFICE_TABLES = ("offices", "heads", "institutions", "gender", "names", "titles", "places")
# [names] keys: f and m, words before a name that show a woman or a man in every language and
# stay part of the name in a letter of any language (Sheikh, Prince in each spelling); highness,
# the words that open the names of the families ruling an emirate (a list, or a table of f and
# m lists whose words count as words of that gender too).
NAME_KEYS = ("f", "m", "highness")
# Placeholders a translator may write in each table of salutations.toml.
ALLOWED_PLACEHOLDERS = {
    "salutation": frozenset({"office", "surname", "name"}),
    "address": frozenset({"office"}),
    "closing": frozenset({"office", "address"}),
    "style": frozenset(),
    "offices": frozenset(),
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# The ISO 3166 code after "@" in a key written for one country ("governor@NG").
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


class Rank(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MONARCH = "monarch"
    MINISTER = "minister"
    DEPUTY_MINISTER = "deputy_minister"
    SECRETARY_OF_STATE = "secretary_of_state"
    ATTORNEY_GENERAL = "attorney_general"
    PROSECUTOR = "prosecutor"
    JUDGE = "judge"
    COURT_PRESIDENT = "court_president"
    GOVERNOR = "governor"
    MAYOR = "mayor"
    AMBASSADOR = "ambassador"
    MILITARY = "military"
    POLICE_CHIEF = "police_chief"
    INSTITUTION_HEAD = "institution_head"
    PRISON_DIRECTOR = "prison_director"
    GENERIC = "generic"


RANK_KEYS = frozenset(rank.value for rank in Rank)


# ---- text folding and whole-word patterns ---------------------------------------------------

_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ـ": None})


def fold(text: str) -> str:
    """Folded as every search folds (no case, no accents or Arabic vowel marks), with the
    Arabic letter variants and typographic apostrophes made one, and one space between words."""
    bare = fold_text(text).translate(_ARABIC_LETTERS).replace("\u2019", "'")
    return " ".join(bare.split())


def compile_phrase(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words; ``*`` at either end of a word lets the word run on."""
    words = fold(phrase).split(" ")
    parts = []
    for word in words:
        lead = word.startswith("*")
        trail = word.endswith("*") and len(word) > 1
        core = re.escape(word.strip("*"))
        parts.append((r"\w*" if lead else "") + core + (r"\w*" if trail else ""))
    body = r"\s+".join(parts)
    first, last = words[0].lstrip("*"), words[-1].rstrip("*")
    start = r"(?<!\w)" if words[0].startswith("*") or (first and first[0].isalnum()) else ""
    end = r"(?!\w)" if words[-1].endswith("*") or (last and last[-1].isalnum()) else ""
    return re.compile(start + body + end)


def needle_of(phrase: str) -> str:
    """The longest word of a phrase without its ``*``: text the phrase's pattern can match only
    where this is in the (folded) text too, so a plain ``in`` rules most patterns out first."""
    words = [word.strip("*") for part in phrase.split(" ... ") for word in fold(part).split(" ")]
    return max(words, key=len, default="")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One office pattern: what it means and how specific it is (its literal length)."""

    pattern: re.Pattern[str]
    literal: int
    rank: Rank
    office: str | None  # set for [heads]: the office word key for {office}
    needle: str = ""  # in every text the pattern matches (``needle_of``)


@dataclass(frozen=True, slots=True)
class OfficeWords:
    """The office patterns of every language, merged (the gender words as one pattern each)."""

    offices: tuple[Phrase, ...]
    institutions: tuple[Phrase, ...]
    female: tuple[re.Pattern[str], ...]
    male: tuple[re.Pattern[str], ...]
    either: tuple[re.Pattern[str], ...]
    # the same without the honorifics that open an office's name ("Lord" of "Lord Mayor"):
    # evidence before a name, not in a title
    female_in_titles: tuple[re.Pattern[str], ...] = ()
    male_in_titles: tuple[re.Pattern[str], ...] = ()
    # the words that open the name of a member of a family ruling an emirate ("Sheikh")
    highness: tuple[re.Pattern[str], ...] = ()


# A data file's path, modification time and size: a cache key that changes when a translator
# edits the file, so that the next letter uses the edit without a restart.
Stamp = tuple[tuple[str, int, int], ...]


def stamp_of(paths: Iterable[Path | str], user_templates: Path | None = None) -> Stamp:
    """The regular files among ``paths``, in order, each with its modification time and size;
    a user's file that links out of the user's templates folder raises ``TemplateProblem``."""
    stamp = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if user_templates is not None:
            ensure_inside(Path(path), user_templates)
        stamp.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


# Set while one letter is drafted: each data file's stamp is then taken once for the whole
# letter (a letter looks the files up about ten times), and one letter reads one version.
_STAMPS_TAKEN: ContextVar[dict[tuple[str, Path | None], Stamp] | None] = ContextVar(
    "stamps_taken", default=None
)
_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def files_stamped_once() -> Iterator[None]:
    """Within this block ``language_files`` looks at each file once (the outermost block wins)."""
    if _STAMPS_TAKEN.get() is not None:
        yield
        return
    token = _STAMPS_TAKEN.set({})
    try:
        yield
    finally:
        _STAMPS_TAKEN.reset(token)


def stamping_files_once(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` runs inside ``files_stamped_once``."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with files_stamped_once():
            return function(*args, **kwargs)

    return wrapper


def language_files(name: str, user_templates: Path | None = None) -> Stamp:
    """The file ``name`` of every language folder: the user's first, then the shipped ones."""
    taken = _STAMPS_TAKEN.get()
    if taken is None:
        return _language_files(name, user_templates)
    key = (name, user_templates)
    stamp = taken.get(key)
    if stamp is None:
        stamp = taken[key] = _language_files(name, user_templates)
    return stamp


def _language_files(name: str, user_templates: Path | None) -> Stamp:
    candidates: list[str] = []
    for root in (user_templates, SHIPPED_TEMPLATES):
        if root is None:
            continue
        try:
            info = os.stat(root)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            folders = _language_folders(str(root), info.st_mtime_ns)
            candidates.extend(os.path.join(folder, name) for folder in folders)
    return stamp_of(candidates, user_templates)


@lru_cache(maxsize=16)
def _language_folders(root: str, _mtime: int) -> tuple[str, ...]:
    """The folders in ``root``, sorted; listed again when a folder is added or removed."""
    with os.scandir(root) as entries:
        return tuple(sorted(entry.path for entry in entries if entry.is_dir()))


def search_path(locale_chain: list[str], user_templates: Path | None) -> list[Path]:
    """``app.letters.rendering.search_path``, imported when a letter's rules are read: the
    offices and asks files need no template engine."""
    from app.letters import rendering

    return rendering.search_path(locale_chain, user_templates)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file, or ``TemplateProblem`` naming the file and line."""
    try:
        return tomllib.loads(read_letter_file(path))
    except tomllib.TOMLDecodeError as exc:
        raise _toml_problem(path, exc) from exc
    except OSError as exc:
        raise TemplateProblem(str(path), None, str(exc)) from exc


def _toml_problem(path: Path, exc: tomllib.TOMLDecodeError) -> TemplateProblem:
    """A TOML syntax error in the translator's terms: the line, what is wrong, what to do."""
    detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(exc))
    if detail.startswith(("Illegal character '\\n'", "Unterminated string")):
        return TemplateProblem(
            str(path),
            _toml_line(exc),
            N_(
                'a text is not closed: each text goes between two " on one line, '
                'as in minister = "…"; write \\" for a quote inside it'
            ),
        )
    return TemplateProblem(
        str(path),
        _toml_line(exc),
        N_(
            "this line is not valid TOML ({detail}); compare it with the same table of the "
            "English file app/templates/en/{file}: the keys stay in English, each text goes "
            'between two " on one line'
        ),
        detail=detail,
        file=path.name,
    )


@lru_cache(maxsize=8)
def _office_words(stamp: Stamp) -> OfficeWords:
    offices: list[Phrase] = []
    institutions: list[Phrase] = []
    either: list[re.Pattern[str]] = []
    files = [(Path(name).parent.name.split("_")[0], read_toml(Path(name))) for name, *_ in stamp]
    for (name, _mtime, _size), (_language, data) in zip(stamp, files, strict=True):
        for problem in office_data_problems(data):
            raise TemplateProblem(name, None, problem)
        for phrase, rank in data.get("offices", {}).items():
            offices.append(_phrase(phrase, Rank(rank), None))
        for phrase, (office, rank) in data.get("heads", {}).items():
            offices.append(_phrase(phrase, Rank(rank), office))
        for phrase, rank in data.get("institutions", {}).items():
            institutions.append(_phrase(phrase, Rank(rank), None))
        either.extend(compile_phrase(p) for p in data.get("gender", {}).get("neutral", ()))
    files = _with_names(files)
    female, male = _gender_words(files)
    named = _office_names(files)
    return OfficeWords(
        tuple(offices),
        tuple(institutions),
        _any_of(female),
        _any_of(male),
        _any_of(either),
        _any_of([p for p in female if p.pattern not in named]),
        _any_of([p for p in male if p.pattern not in named]),
        _any_of([compile_phrase(p) for p in _every_files_names(files, "highness")]),
    )


def _every_files_names(files: list[tuple[str, dict[str, Any]]], key: str) -> list[str]:
    """The words of ``[names] key`` in every file, each once, in order."""
    words: dict[str, None] = {}
    for _language, data in files:
        names = data.get("names", {})
        if isinstance(names, dict):
            words.update(dict.fromkeys(_name_words(names, key)))
    return list(words)


def _name_words(names: dict[str, Any], key: str) -> list[str]:
    """The words of one [names] table for ``key``: the highness words may be a table of f and
    m lists, each word written once and counted in its gender's list too."""
    highness = names.get("highness", ())
    if not isinstance(highness, dict):
        return list(names.get(key, ()))
    if key == "highness":
        return [*highness.get("f", ()), *highness.get("m", ())]
    return [*highness.get(key, ()), *names.get(key, ())]


def _with_names(files: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The files with the gender words of every file's [names] table added to each language's
    [gender] lists: they are words of every language, written once."""
    shared = {key: _every_files_names(files, key) for key in ("f", "m")}
    if not any(shared.values()):
        return files
    merged = []
    for language, data in files:
        gender = dict(data.get("gender", {}))
        for key, words in shared.items():
            gender[key] = [*gender.get(key, ()), *words]
        merged.append((language, {**data, "gender": gender}))
    return merged


def _office_names(files: list[tuple[str, dict[str, Any]]]) -> set[str]:
    """The patterns of the gender words that are no office of their own but open an office's
    name in some language: "Lord" is a man before a name, while a Lord Mayor, Lord Provost or
    Lord Advocate may be a woman (a feminine office word, "Ministra", is an office itself)."""
    phrases = {
        fold(phrase)
        for _language, data in files
        for table in ("offices", "heads")
        for phrase in data.get(table, {})
    }
    named: set[str] = set()
    for _language, data in files:
        gender = data.get("gender", {})
        for word in (*gender.get("f", ()), *gender.get("m", ())):
            folded = fold(word)
            if folded not in phrases and any(p.startswith(folded + " ") for p in phrases):
                named.add(compile_phrase(word).pattern)
    return named


def _gender_words(
    files: list[tuple[str, dict[str, Any]]],
) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """The words that show a gender for sure, every language's together, without those that
    another language writes for an office of either gender: French "présidente" is a woman,
    Spanish and Portuguese "presidente" anybody, so a title printed in Spanish must not say
    more than the same title printed in English."""
    unmarked: dict[str, set[str]] = {}  # folded office word -> the languages using it for all
    marked: dict[str, set[str]] = {}  # folded gender word -> the languages listing it
    for language, data in files:
        gender = data.get("gender", {})
        for key in ("f", "m"):
            for word in gender.get(key, ()):
                marked.setdefault(fold(word), set()).add(language)
        for table in ("offices", "heads"):
            for phrase in data.get(table, {}):
                unmarked.setdefault(fold(phrase), set()).add(language)

    def sure(word: str) -> bool:
        folded = fold(word)
        return not (unmarked.get(folded, set()) - marked.get(folded, set()))

    female: list[re.Pattern[str]] = []
    male: list[re.Pattern[str]] = []
    for _language, data in files:
        gender = data.get("gender", {})
        female.extend(compile_phrase(p) for p in gender.get("f", ()) if sure(p))
        male.extend(compile_phrase(p) for p in gender.get("m", ()) if sure(p))
    return female, male


def _any_of(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """The patterns as one, which matches at the leftmost place where any of them matches (one
    search per text instead of one per phrase)."""
    if not patterns:
        return ()
    return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns)),)


def _phrase(phrase: str, rank: Rank, office: str | None) -> Phrase:
    literal = len(fold(phrase).replace("*", ""))
    return Phrase(compile_phrase(phrase), literal, rank, office, needle_of(phrase))


def office_data_problems(data: dict[str, Any]) -> list[Finding]:
    """What is wrong with one ``offices.toml`` (unknown tables, ranks or shapes)."""
    problems = [Finding(UNKNOWN_TABLE, table=key) for key in data if key not in OFFICE_TABLES]
    for table in ("offices", "institutions"):
        for phrase, rank in data.get(table, {}).items():
            if rank not in RANK_KEYS:
                problems.append(
                    Finding(
                        N_("[{table}] {phrase}: unknown rank {rank}"),
                        table=table,
                        phrase=repr(phrase),
                        rank=repr(rank),
                    )
                )
    for phrase, value in data.get("heads", {}).items():
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, str) for v in value)
            and value[1] in RANK_KEYS
        ):
            problems.append(
                Finding(
                    N_("[heads] {phrase}: write [office, rank] with a known rank"),
                    phrase=repr(phrase),
                )
            )
    for key, value in data.get("gender", {}).items():
        if key not in (*GENDERS, "titles") or not isinstance(value, list):
            problems.append(
                Finding(N_("[gender] {key}: only f, m, neutral and titles lists"), key=repr(key))
            )
    names = data.get("names", {})
    if not isinstance(names, dict):
        problems.append(Finding(MUST_BE_A_TABLE, table="names"))
    else:
        for key, value in names.items():
            if key == "highness" and isinstance(value, dict):  # its words in f and m lists
                lists = list(value.values()) if set(value) <= {"f", "m"} else [None]
            else:
                lists = [value] if key in NAME_KEYS else [None]
            if not all(_word_list(words) for words in lists):
                problems.append(
                    Finding(N_("[names] {key}: only f, m and highness lists"), key=repr(key))
                )
    places = data.get("places", {})
    if not isinstance(places, dict):
        problems.append(Finding(MUST_BE_A_TABLE, table="places"))
    else:
        for place, value in places.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    Finding(
                        N_("[places] {place}: write the place as a title names it (a text)"),
                        place=repr(place),
                    )
                )
    titles = data.get("titles", {})
    if not isinstance(titles, dict):
        return [*problems, Finding(MUST_BE_A_TABLE, table="titles")]
    for key, value in titles.items():
        problems.extend(_title_problems(key, value))
    return problems


def _word_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(word, str) for word in value)


# Words the checks of the letters' data files share
UNKNOWN_TABLE = N_("unknown table [{table}]")
MUST_BE_A_TABLE = N_("[{table}] must be a table")
NEUTRAL_MISSING = N_(
    '[{table}] {key}: the neutral form is missing; add neutral = "…", the words for an '
    "official whose gender the UA does not state"
)


def _title_problems(key: str, value: object) -> list[Finding]:
    """What is wrong with one [titles] entry: a text, a list of texts (the first is written),
    or a table of f, m and neutral forms with an optional ``also`` list."""
    if isinstance(value, str):
        return [] if value.strip() else [Finding(N_("[titles] {key}: the title is empty"), key=key)]
    if isinstance(value, list):
        if value and all(isinstance(v, str) and v.strip() for v in value):
            return []
        return [Finding(N_("[titles] {key}: write a list of titles (texts)"), key=key)]
    if not isinstance(value, dict):
        return [
            Finding(
                N_("[titles] {key}: write a text, a list, or a table of f, m and neutral"), key=key
            )
        ]
    unknown = sorted(set(value) - {*GENDERS, "also"})
    if unknown:
        return [
            Finding(
                N_("[titles] {key}: unknown key(s) {keys} (f, m, neutral, also)"),
                key=key,
                keys=", ".join(unknown),
            )
        ]
    if not isinstance(value.get("neutral"), str):
        return [Finding(NEUTRAL_MISSING, table="titles", key=key)]
    also = value.get("also", [])
    forms = [value[g] for g in GENDERS if g in value]
    if not all(isinstance(v, str) for v in forms) or not (
        isinstance(also, list) and all(isinstance(v, str) for v in also)
    ):
        return [
            Finding(N_("[titles] {key}: f, m and neutral are texts, also a list of texts"), key=key)
        ]
    return []


# ---- rank, office and gender ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Office:
    """What an official's title says: the rank and, for a head of something, the office word."""

    rank: Rank
    office: str | None = None


def office_of(title: str | None, user_templates: Path | None = None) -> Office:
    """The office a title names: the office word found first wins, a longer phrase at the same
    place before a shorter one; a head ("President", "Director") takes the rank of what it heads
    ("of the Supreme Court", "of Evin Prison")."""
    if not title or not title.strip():
        return Office(Rank.GENERIC)
    return _office_of(title, language_files(OFFICES_FILE, user_templates))


# The answers below depend only on their text and the data files' stamp; they are kept for the
# officials of the cases at hand (a letter asks them again at every change of its options).
_ANSWERS_KEPT = 2048


# Heads whose rank does not change with what they head: a monarch, a head of government or a
# prosecutor general "of the Republic" is not its president.
_RANKS_OF_THEIR_OWN = frozenset({Rank.MONARCH, Rank.HEAD_OF_GOVERNMENT, Rank.ATTORNEY_GENERAL})


@lru_cache(maxsize=_ANSWERS_KEPT)
def _office_of(title: str, stamp: Stamp) -> Office:
    text = fold(title)
    words = _office_words(stamp)
    best = _first(text, words.offices)
    if best is None:
        found = _first(text, words.institutions)
        return Office(found[1].rank) if found else Office(Rank.GENERIC)
    match, phrase = best
    if phrase.office is None:
        return Office(phrase.rank)
    if phrase.rank in _RANKS_OF_THEIR_OWN:
        return Office(phrase.rank, phrase.office)  # "Emir of the State of Qatar" is no president
    headed = _first(text[match.end() :], words.institutions) or _first(
        text[: match.start()], words.institutions
    )
    if headed and headed[1].rank is Rank.HEAD_OF_STATE and phrase.rank is not Rank.HEAD_OF_STATE:
        # "of the Republic" names the state: its president heads it, while its ombudsman or
        # director stays an ombudsman or a director
        headed = None
    return Office(headed[1].rank if headed else phrase.rank, phrase.office)


def _first(text: str, phrases: tuple[Phrase, ...]) -> tuple[re.Match[str], Phrase] | None:
    best: tuple[re.Match[str], Phrase] | None = None
    for phrase in phrases:
        if phrase.needle not in text:
            continue  # the pattern cannot match (a few hundred searches saved a title)
        match = phrase.pattern.search(text)
        if match is None:
            continue
        if best is None or _sort_key(match, phrase) < _sort_key(*best):
            best = (match, phrase)
    return best


def _sort_key(match: re.Match[str], phrase: Phrase) -> tuple[int, int, int]:
    return (match.start(), -(match.end() - match.start()), -phrase.literal)


def rank_of(title: str | None) -> Rank:
    """The rank an official's title calls for (``Rank.GENERIC`` when nothing matches)."""
    return office_of(title).rank


def military_grade(name: str | None, user_templates: Path | None = None) -> str | None:
    """The grade printed before a name ("General Amadou Diallo" -> "general"), else None."""
    if not name:
        return None
    return _military_grade(name, language_files(OFFICES_FILE, user_templates))


@lru_cache(maxsize=_ANSWERS_KEPT)
def _military_grade(name: str, stamp: Stamp) -> str | None:
    found = _first(fold(name), _office_words(stamp).offices)
    if found and found[0].start() == 0 and found[1].rank is Rank.MILITARY and found[1].office:
        return found[1].office
    return None


# Church dignities printed before a name ("Su Eminencia el Cardenal ..."): they win over the
# see the title names ("Arzobispo de Managua"), whose holder is greeted as a cardinal.
_DIGNITIES = frozenset({"cardinal"})
_OUTRANKED_BY_DIGNITIES = frozenset({"bishop", "archbishop"})


def _name_dignity(name: str | None, user_templates: Path | None) -> str | None:
    """The church dignity the printed name opens with ("cardinal"), else None."""
    if not name:
        return None
    found = _first(
        _after_titles(fold(name)),
        _office_words(language_files(OFFICES_FILE, user_templates)).offices,
    )
    if found and found[0].start() == 0 and found[1].office in _DIGNITIES:
        return found[1].office
    return None


# Academic degrees printed before a name (folded), the longer word first: an official without
# an office is greeted by them ("Dear Dr Nwosu", "Sehr geehrte Frau Professorin Brandt").
_DEGREES = (
    (
        "professor",
        re.compile(
            r"(?:professora|professorin|professeure|professeur|professor|profesora|profesor|prof)\.?\Z"
        ),
    ),
    ("doctor", re.compile(r"(?:doctora|doctor|doutora|doutor|docteure|docteur|dra|dr)\.?\Z")),
)


def academic_degree(name: str | None, user_templates: Path | None = None) -> str | None:
    """``"professor"`` or ``"doctor"`` when the printed name starts with that degree, after
    any honorifics ("Frau Prof. Dr. Ulrike Brandt" -> "professor"), else None."""
    if not name:
        return None
    return _academic_degree(name, language_files(OFFICES_FILE, user_templates))


@lru_cache(maxsize=_ANSWERS_KEPT)
def _academic_degree(name: str, stamp: Stamp) -> str | None:
    words = _office_words(stamp)
    honorifics = (*words.female, *words.male)
    found: list[str] = []
    for word in fold(name).split()[:-1]:
        degree = next((key for key, pattern in _DEGREES if pattern.match(word)), None)
        if degree:
            found.append(degree)
        elif found or not any(p.fullmatch(word) for p in honorifics):
            break
    return "professor" if "professor" in found else (found[0] if found else None)


def gender_key(gender: str | None) -> str:
    """``f`` / ``m`` when the document says so; otherwise ``neutral`` (never guessed from names)."""
    return gender if gender in ("f", "m") else "neutral"


def official_gender(
    stated: str | None,
    *,
    title: str | None = None,
    name: str | None = None,
    salutation: str | None = None,
    user_templates: Path | None = None,
) -> str:
    """The official's gender key ("f", "m" or "neutral"), from sure evidence only.

    Evidence is an honorific at the start of the name ("Ms", "Herrn", "Sra."), a gendered office
    word ("Ministra", "Präsidentin", "King") or a gendered salutation. Masculine office words
    that many languages use for everybody ("Ministro", "Minister") are not evidence. A salutation written for either gender ("Sehr geehrte
    Damen und Herren", "Excelentíssimo(a) Senhor(a)") and contradicting evidence give neutral;
    so does a stated gender that the printed salutation shows to be a guess.
    """
    stamp = language_files(OFFICES_FILE, user_templates)
    return _official_gender(stated, title, name, salutation, stamp)


@lru_cache(maxsize=_ANSWERS_KEPT)
def _official_gender(
    stated: str | None,
    title: str | None,
    name: str | None,
    salutation: str | None,
    stamp: Stamp,
) -> str:
    words = _office_words(stamp)
    found: set[str] = set()
    folded_title = _office_words_in(fold(title or ""), words)
    folded_name = _after_titles(fold(name or ""))
    if _INITIALS.match(folded_name):
        folded_name = ""  # "M. C. Ibarra Soto": initials, not "Monsieur"
    printed = fold(salutation or "")
    for in_titles, before_names, key in (
        (words.female_in_titles, words.female, "f"),
        (words.male_in_titles, words.male, "m"),
    ):
        if any(p.search(folded_title) for p in in_titles) or any(
            _leading(p, folded_name) for p in before_names
        ):
            found.add(key)
    either = any(p.search(printed) for p in words.either) if printed else False
    if printed and not either:
        if any(p.search(printed) for p in words.female):
            found.add("f")
        if any(p.search(printed) for p in words.male):
            found.add("m")
    if len(found) == 1:
        evidence = found.pop()
        return evidence if stated in (None, evidence) or either else "neutral"
    if found or either:
        return "neutral"
    return gender_key(stated)


def _office_words_in(title: str, words: OfficeWords) -> str:
    """The office phrase a title names ("procureur general" in "Procureur général du Roi"), so
    that the words around it ("du Roi") say nothing of the official's gender."""
    found = _first(title, words.offices)
    return title[found[0].start() : found[0].end()] if found else title


_TITLES_BEFORE_NAMES = re.compile(
    r"^(?:(?:h\.?\s?e\.|s\.e\.|dr\.?|prof\.?|lic\.|abog\.|ing\.)\s+)+"
)


# A folded name that opens with two initials ("m. c. ibarra"): its "m." is no "Monsieur".
_INITIALS = re.compile(r"^m\.\s?\w\.(?:\s|$)")


def _after_titles(name: str) -> str:
    """A folded name without the titles that may precede an honorific ("H.E. Mr ...")."""
    return _TITLES_BEFORE_NAMES.sub("", name)


def _leading(pattern: re.Pattern[str], name: str) -> bool:
    """An honorific counts only where a name starts ("Ahmed M. Ali" is not "M. Ali")."""
    match = pattern.search(name)
    return match is not None and match.start() == 0


# ---- the wording of one language ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Courtesy:
    """What the template needs for one official in one language."""

    rank: Rank
    salutation: str
    closing: str
    form_of_address: str
    salutation_from_document: bool
    office: str = ""
    # the words of honour an address block puts before the name ("His Excellency"), or ""
    style: str = ""


def load_rules(locale_chain: list[str], user_templates: Path | None = None) -> dict[str, dict]:
    """Merge the salutation files of the chain (earlier files win entry by entry).

    English is consulted only for English letters, so a Spanish letter never gets an English
    closing: a language without a file raises ``TemplateProblem``.
    """
    language = locale_chain[0].split("_")[0]
    own_chain = [loc for loc in locale_chain if loc.split("_")[0] == language]
    files = (directory / SALUTATIONS_FILE for directory in search_path(own_chain, user_templates))
    stamp = stamp_of(files, user_templates)
    if not stamp:
        raise TemplateProblem(
            SALUTATIONS_FILE, None, N_("no salutations file for {locale}"), locale=locale_chain[0]
        )
    return _merged_rules(stamp)


@lru_cache(maxsize=32)
def _merged_rules(stamp: Stamp) -> dict[str, dict]:
    """The rules of these files, parsed once per version of the files (shared: read only)."""
    merged: dict[str, dict] = {}
    for name, _mtime, _size in stamp:
        data = read_toml(Path(name))
        problems = rules_problems(data)
        if problems:
            raise TemplateProblem(name, None, problems[0])
        for table in RULE_TABLES:
            target = merged.setdefault(table, {})
            for key, value in data.get(table, {}).items():
                target.setdefault(key, value)
    return merged


def rules_problems(data: dict[str, Any], *, complete: bool = False) -> list[Finding]:
    """What is wrong with a salutations file: unknown tables, keys or genders, a missing neutral
    form, a placeholder the table does not allow. ``complete`` also asks for every rank."""
    problems = [Finding(UNKNOWN_TABLE, table=key) for key in data if key not in RULE_TABLES]
    # an office word of [offices] may have forms of its own ("emir": Highness, not Majesty)
    offices = data.get("offices", {})
    office_keys = frozenset(offices) if isinstance(offices, dict) else frozenset()
    for table, allowed in ALLOWED_PLACEHOLDERS.items():
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            problems.append(Finding(MUST_BE_A_TABLE, table=table))
            continue
        for key, value in entries.items():
            base, _at, where = key.partition("@")
            if _at and not _COUNTRY_CODE.fullmatch(where):
                base = key  # no country's code after "@": an unknown rank
            if (
                table != "offices"
                and base not in RANK_KEYS
                and base not in office_keys
                and not (table == "closing" and key == "default")
                and not (table in ("salutation", "address", "closing") and key == UNNAMED)
            ):
                problems.append(
                    Finding(N_("[{table}] unknown rank {rank}"), table=table, rank=repr(key))
                )
            problems.extend(_entry_problems(table, key, value, allowed))
    if complete:
        for rank in sorted(RANK_KEYS):
            if rank not in data.get("salutation", {}):
                problems.append(
                    Finding(N_("[salutation] has no entry for {rank}"), rank=repr(rank))
                )
        closing = data.get("closing", {})
        if "default" not in closing and Rank.GENERIC.value not in closing:
            problems.append(Finding(N_("[closing] needs a 'default' or 'generic' entry")))
    return problems


def _entry_problems(table: str, key: str, value: object, allowed: frozenset[str]) -> list[Finding]:
    if isinstance(value, str):
        forms = {"neutral": value}
    elif isinstance(value, dict):
        forms = value
        unknown = sorted(set(forms) - set(GENDERS))
        if unknown:
            return [
                Finding(
                    N_("[{table}] {key}: unknown gender key(s) {keys} (f, m, neutral)"),
                    table=table,
                    key=key,
                    keys=", ".join(unknown),
                )
            ]
        if "neutral" not in forms:
            return [Finding(NEUTRAL_MISSING, table=table, key=key)]
    else:
        return [
            Finding(
                N_("[{table}] {key}: write a text or a table of f, m and neutral"),
                table=table,
                key=key,
            )
        ]
    problems = []
    for gender, text in forms.items():
        if not isinstance(text, str):
            problems.append(
                Finding(
                    N_("[{table}] {key}.{gender}: must be a text"),
                    table=table,
                    key=key,
                    gender=gender,
                )
            )
            continue
        for name in _PLACEHOLDER.findall(text):
            if name not in allowed:
                shown = ", ".join("{" + a + "}" for a in sorted(allowed))
                template = (
                    N_("[{table}] {key}.{gender}: unknown placeholder {name} (allowed: {allowed})")
                    if shown
                    else N_("[{table}] {key}.{gender}: unknown placeholder {name} (allowed: none)")
                )
                problems.append(
                    Finding(
                        template,
                        table=table,
                        key=key,
                        gender=gender,
                        name="{" + name + "}",
                        allowed=shown,
                    )
                )
    return problems


def courtesy(
    rules: dict[str, dict],
    title: str | None,
    gender: str | None,
    printed_salutation: str | None = None,
    *,
    name: str | None = None,
    user_templates: Path | None = None,
    family_name_first: bool = False,
    country: str | None = None,
) -> Courtesy:
    """Salutation, form of address and closing for one official; the UA's salutation wins.

    ``gender`` is the stated one ("f", "m", None); a printed salutation passed here must already
    be the half in the letter's language (``salutation_half``). ``family_name_first``: the
    official's country writes the family name first (``family_name_first_in``). ``country``:
    the ISO code of the official's country when the case names it.
    """
    office = office_of(title, user_templates)
    if office.office in _STYLED_HIGHNESS and _styled_highness(country, name, user_templates):
        variant = _STYLED_HIGHNESS[office.office]
        if variant in rules.get("salutation", {}):
            office = Office(office.rank, variant)
    dignity = _name_dignity(name, user_templates)
    if dignity and office.office in (None, *_OUTRANKED_BY_DIGNITIES):
        office = Office(office.rank if office.office else Rank.INSTITUTION_HEAD, dignity)
    rank = office.rank
    grade = military_grade(name, user_templates)
    if grade and rank in (Rank.GENERIC, Rank.MILITARY):
        rank, office = Rank.MILITARY, Office(Rank.MILITARY, grade)
    elif rank is Rank.GENERIC:
        degree = academic_degree(name, user_templates)
        if degree and degree in rules.get("salutation", {}):
            office = Office(Rank.GENERIC, degree)
    key = official_gender(
        gender, title=title, name=name, salutation=printed_salutation, user_templates=user_templates
    )
    offices = rules.get("offices", {})
    word = _pick_plain(offices, office.office, key) or _pick_plain(offices, rank.value, key)
    own = office.office
    salutation = _fill(
        _pick(rules.get("salutation", {}), rank, key, office=own, country=country), word
    )
    if "{name}" in salutation:
        salutation = _with_name(salutation, name)
    if "{surname}" in salutation:
        surname = _surname(name, family_name_first=family_name_first)
        if surname:
            salutation = salutation.replace("{surname}", surname)
        else:
            # No surname to greet: the words for a reader without a name, of the gender the UA
            # makes sure where the language has them ("Dear Sir"), else for either gender
            # ("Dear Sir or Madam"), with the closing and form of address that go with them.
            table = rules.get("salutation", {})
            unnamed = _pick_plain(table, UNNAMED, key) if key in ("f", "m") else ""
            if unnamed and "{surname}" not in unnamed:
                own, salutation = UNNAMED, _fill(unnamed, word)
            else:
                key, own = "neutral", None
                salutation = _fill(_pick(table, rank, key), word)
    address = _fill(_pick(rules.get("address", {}), rank, key, office=own, country=country), word)
    from_document = bool(printed_salutation and printed_salutation.strip())
    if from_document:
        salutation = printed_salutation.strip()  # type: ignore[union-attr]
        address = salutation.rstrip(",:;!\u060c ").strip()
    closing_entry = _pick(
        rules.get("closing", {}), rank, key, fallback="default", office=own, country=country
    )
    closing = _fill(closing_entry, word).replace("{address}", address)
    style = _pick(rules.get("style", {}), rank, key, office=own, country=country)
    return Courtesy(rank, salutation, closing, address, from_document, word, style)


# Office words whose holder is styled Highness rather than Royal Highness when they belong to a
# family ruling an emirate: the heir of an emir (Kuwait, Qatar, the Emirates) is no king's heir.
_STYLED_HIGHNESS = {"crown_prince": "emirate_crown_prince"}
# The emirates (ISO 3166 codes); Bahrain and Saudi Arabia are kingdoms, whose heirs are Royal
# Highness although their families' names open with Shaikh or Sheikh as well.
EMIRATES = frozenset({"KW", "QA", "AE"})
# The entry of [salutation], [address] and [closing] for a reader whose surname the letter cannot
# name, by gender ("Dear Sir,"); a language without it greets them as either gender.
UNNAMED = "unnamed"
# Countries whose names put the family name first (ISO 3166 codes): "Wang Jianguo" is Mr Wang.
# Vietnamese names are left out (their holders are greeted by the given name, which ends the
# name), and Hungarian ones (UAs print them in the western order).
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KR", "KP"})


def family_name_first_in(country_code: str | None) -> bool:
    """The names of the country with this code put the family name first."""
    return country_code in FAMILY_NAME_FIRST


def _styled_highness(country: str | None, name: str | None, user_templates: Path | None) -> bool:
    """An heir styled Highness: of an emirate when the case names the country, otherwise when
    the printed name opens with a word of a family ruling an emirate."""
    if country:
        return country in EMIRATES
    return _of_an_emirs_family(name, user_templates)


def _of_an_emirs_family(name: str | None, user_templates: Path | None) -> bool:
    """The printed name opens with a word of a family ruling an emirate ("Sheikh ...")."""
    if not name:
        return False
    highness = _office_words(language_files(OFFICES_FILE, user_templates)).highness
    folded = _after_titles(fold(name))
    return any(_leading(pattern, folded) for pattern in highness)


def _surname(name: str | None, *, family_name_first: bool = False) -> str:
    """The official's surname when the printed name makes it certain, for languages whose
    salutation names it ("Sehr geehrter Herr Weber,"); "" when it does not.

    Certain: a family name printed in capitals ("Thomas WEBER", "Carlos MUESTRA PÉREZ"); a
    surname opened by a particle ("Juan de la Cruz": "de la Cruz"); or a name of exactly two
    words. A longer name may carry two surnames, or put the family name first, and an Arabic
    name with "bin" or "Al" or a sheikh's or prince's name has forms of its own: greeting the
    wrong word would be worse than the words for anybody. ``family_name_first``: the name's
    country writes the family name first ("Wang Jianguo": "Wang"), a word of one syllable.
    """
    words = [word.strip(".") for word in (name or "").replace(",", " ").split()]
    while len(words) > 1 and words[0].casefold() in _NAME_HONORIFICS:
        words = words[1:]
    if not words or words[-1].casefold() in _NAME_SUFFIXES or _REGNAL_NUMBER.match(words[-1]):
        return ""
    capitals = [word for word in words if len(word) > 1 and word.isupper() and word.isalpha()]
    if capitals and len(capitals) < len(words):
        return " ".join(word.capitalize() for word in capitals)
    folded = [word.casefold() for word in words]
    if any(word in _NAME_MARKERS_OF_OTHER_FORMS or word.startswith("al-") for word in folded):
        return ""
    if family_name_first:
        first = words[0]
        if len(words) > 1 and first[:1].isupper() and first.isalpha() and _one_syllable(first):
            return first
        # no family name of that country's own order: a Uyghur name there is written given
        # name first ("Erkin Tuniyaz": "Tuniyaz"), and read as anywhere else
    for index, word in enumerate(words[1:-1], start=1):
        if word in _SURNAME_PARTICLES:  # printed in small letters: "Van" may be a given name
            return " ".join(words[index:])
    if len(words) != 2:
        return ""
    last = words[1]
    if len(last) < 3 or not last[0].isalpha():
        return ""
    return last.capitalize() if last.isupper() else last


def _one_syllable(word: str) -> bool:
    """``word`` has one run of vowels, as every Chinese and Korean family name in the Latin
    alphabet but a rare few ("Wang", "Zhao", "Park", "Choi"); the given names that open the
    names of that country's other peoples mostly have more ("Erkin", "Rahile", "Tenzin")."""
    return len(_VOWEL_RUNS.findall(fold_text(word))) == 1


_VOWEL_RUNS = re.compile(r"[aeiouy]+")


# Words that open a name before the given name: honorifics and degrees in the languages whose
# salutations name the surname.
_NAME_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "herr", "herrn", "frau", "sir", "dame", "hon"}
)
# Particles that open a surname ("de la Cruz", "van Dijk", "dos Santos").
_SURNAME_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ter"}
)
# Words of names whose greeting is not "Mr" and a surname.
_NAME_MARKERS_OF_OTHER_FORMS = frozenset(
    {"bin", "bint", "ibn", "al", "el", "abu", "sheikh", "shaikh", "sheikha", "prince", "princess"}
    | {"emir", "amir", "king", "queen"}
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "jun", "sen", "iii"})
# A regnal or dynastic number ending a name ("Clement XV", "Hassan III"): no surname follows.
_REGNAL_NUMBER = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\Z")


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# The words of honour a printed Arabic name may open with ("سمو الشيخ ...", "حضرة صاحب السمو
# ..."): the greeting writes its own.
_ARABIC_STYLE_BEFORE_NAME = re.compile(
    r"^(?:حضرة\s+)?(?:(?:صاحب|صاحبة)\s+(?:السمو|الجلالة|السعادة|المعالي)(?:\s+الملكي)?|سمو|جلالة)\s+"
)


def _with_name(salutation: str, name: str | None) -> str:
    """``{name}`` replaced by the official's name as printed, without the words of honour the
    salutation already has before it ("صاحب السمو {name}" and "صاحب السمو الشيخ منصور ...");
    without a name, the salutation without it."""
    before = salutation.partition("{name}")[0].strip()
    shown = _ARABIC_STYLE_BEFORE_NAME.sub("", (name or "").strip())
    if _ARABIC_SCRIPT.search(before) and not _ARABIC_SCRIPT.search(shown):
        shown = ""  # a name printed in another script stays out of an Arabic greeting
    words = before.split()
    for count in range(len(words), 0, -1):
        opening = " ".join(words[-count:])
        if fold(shown).startswith(fold(opening) + " "):
            shown = " ".join(shown.split()[len(opening.split()) :])
            break
    if not shown:
        return " ".join(salutation.replace("{name}", "").split()).replace(" \u060c", "\u060c")
    return salutation.replace("{name}", shown)


def _fill(text: str, office: str) -> str:
    return text.replace("{office}", office)


def _pick_plain(table: dict[str, object], key: str | None, gender: str) -> str:
    if key is None:
        return ""
    entry = table.get(key)
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        for choice in (gender, "neutral"):
            value = entry.get(choice)
            if isinstance(value, str):
                return value
    return ""


def _pick(
    table: dict[str, object],
    rank: Rank,
    gender: str,
    fallback: str = "generic",
    *,
    office: str | None = None,
    country: str | None = None,
) -> str:
    """``table[office][gender]`` when the office word has forms of its own, else
    ``table[rank][gender]``, then the rank's neutral form, then the fallback entry. An entry
    written for the official's country ("governor@NG": the country's ISO code after "@") wins
    over the same entry for every country: protocol differs from one country to another."""
    if office and country:
        own = _pick_plain(table, f"{office}@{country}", gender)
        if own:
            return own
    if office and office in table:
        own = _pick_plain(table, office, gender)
        if own:
            return own
    if country and f"{rank.value}@{country}" in table:
        return _pick_plain(table, f"{rank.value}@{country}", gender)
    for rank_key in (rank.value, fallback, Rank.GENERIC.value):
        value = _pick_plain(table, rank_key, gender)
        if value or rank_key in table:
            return value
    return ""


# ---- a salutation printed in the UA ---------------------------------------------------------


def salutation_half(printed: str, language: str, languages_of: Any) -> str | None:
    """The part of a printed salutation in ``language``: "Dear Minister/Señor Ministro" gives
    "Señor Ministro" for Spanish and "Dear Minister" for English; None when no part is.

    ``languages_of(text)`` names the languages a text is recognisably written in.
    """
    halves = [h.strip(" ,:;") for h in re.split(r"\s*/\s*(?=\S{2})|\s+/\s*", printed) if h.strip()]
    if len(halves) > 1:
        found = [languages_of(h) for h in halves]
        if any(f and f != found[0] for f in found[1:]) or any(not f for f in found):
            chosen = [h for h, f in zip(halves, found, strict=True) if f == {language}]
            if len(chosen) == 1:
                return chosen[0]
            chosen = [h for h, f in zip(halves, found, strict=True) if language in f]
            return chosen[0] if chosen else None
    return printed.strip() if language in languages_of(printed) else None


def _toml_line(exc: Exception) -> int | None:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None


# ---- officials' titles in the letter's language ---------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceTitle:
    """A title that names a place ("Governor of {place}"): the folded words before and after
    the place, the title's key and the language it is written in."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    key: str
    language: str


@dataclass(frozen=True, slots=True)
class TitleForms:
    """Every known title: its forms in any language (folded) -> key, and each language's
    written forms per gender."""

    keys: dict[str, str]
    written: dict[str, dict[str, dict[str, str]]]  # language -> key -> gender -> title
    own: dict[str, frozenset[str]]  # language -> the folded titles written in it
    place_titles: tuple[PlaceTitle, ...] = ()  # the longest first
    # language -> the folded place as a title prints it -> the place with the words a title
    # of that language puts before it ("Maranhão" -> "do Maranhão"), for {of_place}
    places: dict[str, dict[str, str]] | None = None


# A place a title names is written as printed: these words show that it is not a proper name
# the letter can keep (an English "City" or "State" would stay English in another language),
# or that the title names an institution rather than a place ("the Central Bank of ...").
_NOT_IN_A_PLACE = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "city",
        "state",
        "province",
        "region",
        "district",
        "county",
        "department",
        "municipality",
        "territory",
        "island",
        "islands",
        "capital",
        "federal",
        "central",
        "national",
        "bank",
        "court",
        "prison",
        "police",
        "north",
        "south",
        "east",
        "west",
        "new",
        "upper",
        "lower",
        "greater",
        "republic",
        "kingdom",
        "northern",
        "southern",
        "eastern",
        "western",
    ]
)
# Short words inside place names that are not capitalised ("Rio Grande do Sul").
_PLACE_LINKS = frozenset(
    [
        "do",
        "da",
        "dos",
        "das",
        "de",
        "del",
        "di",
        "du",
        "des",
        "la",
        "le",
        "el",
        "los",
        "las",
        "y",
        "e",
    ]
)


def _title_entry(value: object) -> tuple[dict[str, str], list[str]]:
    """The written forms per gender and every form that recognises the title."""
    if isinstance(value, str):
        return {"neutral": value}, [value]
    if isinstance(value, list):
        return {"neutral": value[0]}, list(value)
    assert isinstance(value, dict)
    forms = {g: value[g] for g in GENDERS if isinstance(value.get(g), str)}
    return forms, [*forms.values(), *value.get("also", [])]


@lru_cache(maxsize=8)
def _title_forms(stamp: Stamp) -> TitleForms:
    keys: dict[str, str] = {}
    written: dict[str, dict[str, dict[str, str]]] = {}
    own: dict[str, set[str]] = {}
    place_titles: list[PlaceTitle] = []
    places: dict[str, dict[str, str]] = {}
    for name, _mtime, _size in stamp:  # the user's files come first and win
        path = Path(name)
        language = path.parent.name.split("_")[0]
        data = read_toml(path)
        place_table = data.get("places", {})
        if isinstance(place_table, dict):
            for place, form in place_table.items():
                if isinstance(form, str) and form.strip():
                    places.setdefault(language, {}).setdefault(fold(place), form.strip())
        for key, value in data.get("titles", {}).items():
            if _title_problems(key, value):
                continue  # reported by the translators' check
            forms, recognised = _title_entry(value)
            written.setdefault(language, {}).setdefault(key, forms)
            for text in recognised:
                if "{of_place}" in text:
                    continue  # written only: the words before each place are in [places]
                if "{place}" in text:
                    before, _sep, after = _title_key_text(text).partition("{place}")
                    place_titles.append(
                        PlaceTitle(tuple(before.split()), tuple(after.split()), key, language)
                    )
                    continue
                keys.setdefault(_title_key_text(text), key)
                own.setdefault(language, set()).add(_title_key_text(text))
    place_titles.sort(key=lambda t: -(len(t.before) + len(t.after)))
    return TitleForms(
        keys, written, {k: frozenset(v) for k, v in own.items()}, tuple(place_titles), places
    )


def _title_key_text(title: str) -> str:
    """A title as compared with the known ones: folded, without "the" or end punctuation."""
    text = fold(title).strip(" .,;:")
    return text[4:] if text.startswith("the ") else text


def title_for_letter(
    title: str | None, language: str, gender: str | None, user_templates: Path | None = None
) -> str | None:
    """An official's title in the letter's language ("Minister of Justice" in a Spanish
    letter: "Ministra de Justicia" for a woman), when our data knows that title in both
    languages; otherwise the title as printed, never half translated. A known title printed in
    capitals ("PRÄSIDENT") is written as the letter's language writes it, even in its own.
    A title naming a place ("Governor of Maranhão") keeps the place as printed: "Gouverneur
    von Maranhão" in German, "Governador do Maranhão" in Portuguese when the Portuguese data
    says which words go before that place."""
    if not title or not title.strip():
        return title
    return _title_for_letter(title, language, gender, language_files(OFFICES_FILE, user_templates))


@lru_cache(maxsize=_ANSWERS_KEPT)
def _title_for_letter(title: str, language: str, gender: str | None, stamp: Stamp) -> str:
    forms = _title_forms(stamp)
    folded = _title_key_text(title)
    key = forms.keys.get(folded)
    if key is None:
        return _place_title_for_letter(title, language, gender, forms)
    entry = forms.written.get(language, {}).get(key)
    if not entry or (folded in forms.own.get(language, ()) and not _in_capitals(title)):
        return title  # unknown, or already written in the letter's language
    return entry.get(gender_key(gender)) or entry["neutral"]


def _place_title_for_letter(
    title: str, language: str, gender: str | None, forms: TitleForms
) -> str:
    """``title`` in the letter's language when it is a known title naming a place whose
    printed name the letter can keep; else as printed."""
    printed = title.strip(" .,;:").split()
    if printed and fold(printed[0]) == "the":
        printed = printed[1:]
    words = [fold(word) for word in printed]
    for known in forms.place_titles:
        before, after = len(known.before), len(known.after)
        if len(words) <= before + after or tuple(words[:before]) != known.before:
            continue
        if after and tuple(words[-after:]) != known.after:
            continue
        place_words = printed[before : len(printed) - after]
        if known.language == language or not _a_place_name(place_words):
            return title  # written in the letter's language already, or no place name
        entry = forms.written.get(language, {}).get(known.key)
        if not entry:
            return title
        written = entry.get(gender_key(gender)) or entry["neutral"]
        place = " ".join(place_words)
        if "{of_place}" in written:
            of_place = (forms.places or {}).get(language, {}).get(fold(place))
            if of_place is None:
                return title  # which words go before this place is not known
            return written.replace("{of_place}", of_place)
        return written.replace("{place}", place)
    return title


def _a_place_name(words: list[str]) -> bool:
    """The words are a place's own name ("Maranhão", "Rio Grande do Sul"): capitalised words
    (or the short links inside names), none that is an English common word."""
    return bool(words) and all(
        fold(word) not in _NOT_IN_A_PLACE and (word[:1].isupper() or fold(word) in _PLACE_LINKS)
        for word in words
    )


def _in_capitals(text: str) -> bool:
    """Printed in capital letters, as some UAs print offices ("PRÄSIDENT", "MINISTER OF
    JUSTICE"); a script without case (Arabic) never is."""
    return any(char.isalpha() for char in text) and text == text.upper() and text != text.lower()


# ---- honorifics in the address block --------------------------------------------------------


@lru_cache(maxsize=8)
def _honorifics_by_language(stamp: Stamp) -> dict[str, tuple[re.Pattern[str], ...]]:
    """language -> the honorifics and military grades its offices.toml lists, as whole texts."""
    table: dict[str, list[re.Pattern[str]]] = {}
    files = [(Path(name).parent.name.split("_")[0], read_toml(Path(name))) for name, *_ in stamp]
    for language, data in _with_names(files):
        gender = data.get("gender", {})
        phrases = [*gender.get("f", ()), *gender.get("m", ()), *gender.get("titles", ())]
        phrases += [p for p, (_o, rank) in data.get("heads", {}).items() if rank == "military"]
        table.setdefault(language, []).extend(
            re.compile(compile_phrase(p).pattern + r"\Z") for p in phrases
        )
    return {language: tuple(patterns) for language, patterns in table.items()}


def name_for_letter(name: str, language: str, user_templates: Path | None = None) -> str:
    """The official's name as printed, without leading honorifics or grades that are not words
    of the letter's language ("Herrn Rui Costa" in a Spanish letter: "Rui Costa"; "Colonel"
    stays in a French letter). A name that is only an honorific is kept as printed."""
    return _name_for_letter(name, language, language_files(OFFICES_FILE, user_templates))


@lru_cache(maxsize=_ANSWERS_KEPT)
def _name_for_letter(name: str, language: str, stamp: Stamp) -> str:
    by_language = _honorifics_by_language(stamp)
    own = by_language.get(language, ())
    words = name.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for count in (3, 2, 1):
            if count >= len(words):
                continue
            head = fold(" ".join(words[:count]))
            if any(p.match(head) for p in own):
                return " ".join(words)  # the letter's own honorific: keep it and the rest
            if any(p.match(head) for patterns in by_language.values() for p in patterns):
                words = words[count:]
                changed = True
                break
    return " ".join(words)
