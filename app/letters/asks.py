"""The demands of a UA ("release", "a fair trial", "medical care"...): recognised in its bullet
points and model letter in any language, and written again as sentences in the letter's language.

The words and sentences are data, one file per language: ``app/templates/<locale>/asks.toml``
(see its header and locales/README.md). Recognition uses every language's ``[recognise]``
phrases, whatever the letter's language; the sentences come from the letter language's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.domain.errors import N_, Phrase, TemplateProblem
from app.letters.salutations import (
    UNKNOWN_TABLE,
    Stamp,
    compile_phrase,
    fold,
    language_files,
    read_toml,
    search_path,
    stamp_of,
)

ASKS_FILE = "asks.toml"
# The order sentences take in a letter (the gravest demand first).
ASKS = (
    "halt_execution",
    "release",
    "whereabouts",
    "quash_conviction",
    "drop_charges",
    "fair_trial",
    "no_torture",
    "protection",
    "lawyer",
    "family",
    "medical",
    "humane_conditions",
    "stop_deportation",
    "stop_eviction",
    "travel_ban",
    "end_harassment",
    "investigation",
    "accountability",
    "peaceful_rights",
)
# A narrower ask that says all a broader one would in the same sentence: "protect her from
# torture" asks for protection from torture, not for protection measures besides.
NARROWER = {"no_torture": "protection"}
ASK_TABLES = ("recognise", "mentions", "sentences", "pronouns", "bullets")
PRONOUN_FORMS = ("f", "m", "neutral", "several")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# punctuation may close the word before the gap or open the one after ("his lawyer, to visit")
_GAP = r"[^\w\s]*(?:\s+\S+){0,8}?\s+[^\w\s]*"

# What a request looks like, so that a sentence that asks for something no phrase knows can be
# counted as not recognised (the measure of coverage), in the languages of the shipped files.
REQUEST_MARKERS = re.compile(
    r"\b(urg\w*|call\w* (on|for|upon)|ask\w*|request\w*|demand\w*|please|ensure|"
    r"insto|inste|pido|pedimos|solicit\w*|exhort\w*|exij\w*|le ruego|garantice|"
    r"demande\w*|prie|exhorte|engage|veiller|"
    r"fordere\w*|bitte|appelliere\w*|sicherzustellen|"
    r"peço|pedimos|exorto|apelo|garanta|"
    r"أحث\w*|أطالب\w*|أناشد\w*|أدعو\w*|أرجو)\b",
    re.IGNORECASE,
)
_NOT_A_REQUEST = re.compile(
    r"^\W*(express\w*|welcom\w*|thank\w*|explain\w*|acknowledg\w*|recogni\w*|"
    r"expresando|expresar|agradec\w*|exprimant|remerci\w*|ausdruck\w*|expressando)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25a0\uf0a7]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True, eq=False)  # one per version of the files: compared by identity
class AskWords:
    # (ask, phrase, needle, more needles): every match of the phrase contains one of the
    # needles (``phrase_needles``: more only where the telling word is "a|b"); a phrase is
    # compiled only once a text holds one (``request_pattern``): the case pane recognises a
    # case's asks with a few of the 700 patterns, not all of them
    phrases: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    # (ask, phrase, needle, more needles): words that name an ask without asking for it
    # ("since her release"), left out of a sentence before that ask's phrases are looked for
    mentions: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()


def phrase_variants(phrase: str) -> list[str]:
    """The phrases one line of ``[recognise]`` or ``[mentions]`` stands for: a word written
    ``a|b|c`` is any one of them ("access|contact ... family|relatives" is four phrases)."""
    variants = [""]
    for word in phrase.split(" "):
        choices = word.split("|")
        variants = [f"{head} {choice}".lstrip() for head in variants for choice in choices]
    return variants


def phrase_needles(phrase: str) -> tuple[str, ...]:
    """Words one of which is in every (folded) text the phrase matches: the choices of its
    most telling word (that whose shortest choice is longest), so that a plain ``in`` rules
    most phrases out before any pattern is compiled or searched."""
    words = [
        tuple(choice.strip("*") for choice in word.split("|"))
        for part in fold(phrase).split(" ... ")
        for word in part.split(" ")
    ]
    return max(words, key=lambda choices: min(len(c) for c in choices), default=("",))


def _needles(phrase: str) -> tuple[str, tuple[str, ...]]:
    first, *more = phrase_needles(phrase)
    return first, tuple(more)


def compile_request_phrase(phrase: str) -> re.Pattern[str]:
    """``compile_phrase`` with `` ... `` for up to eight words in between and ``a|b`` for one
    word of several."""
    if "|" not in phrase:
        return re.compile(_GAP.join(compile_phrase(p).pattern for p in phrase.split(" ... ")))
    return re.compile(_GAP.join(_part_pattern(part) for part in phrase.split(" ... ")))


def _part_pattern(part: str) -> str:
    """One part of a phrase with ``a|b`` words: each word a group of its choices, whole words
    as ``compile_phrase`` makes them."""
    words = [word.split("|") for word in fold(part).split(" ")]
    groups = []
    for choices in words:
        bodies = [
            (r"\w*" if c.startswith("*") else "")
            + re.escape(c.strip("*"))
            + (r"\w*" if c.endswith("*") and len(c) > 1 else "")
            for c in choices
        ]
        groups.append(bodies[0] if len(bodies) == 1 else f"(?:{'|'.join(bodies)})")
    start = all(c.startswith("*") or c[:1].isalnum() for c in words[0])
    end = all(c.endswith("*") or c[-1:].isalnum() for c in words[-1])
    return (r"(?<!\w)" if start else "") + r"\s+".join(groups) + (r"(?!\w)" if end else "")


@lru_cache(maxsize=4096)
def request_pattern(phrase: str) -> re.Pattern[str]:
    """``compile_request_phrase``, kept: the same phrases are looked for again and again."""
    return compile_request_phrase(phrase)


def ask_words(user_templates: Path | None = None) -> AskWords:
    stamp = language_files(ASKS_FILE, user_templates)
    kept = _KEPT.get(stamp)
    return kept if kept is not None else _ask_words(stamp)


# Words read back from a file written by ``kept_ask_words``, by the stamp of the files they
# come from: ``ask_words`` gives them as the one AskWords of those files.
_KEPT: dict[Stamp, AskWords] = {}
# The form of a kept file; raise it when what it holds changes meaning.
_KEPT_FORM = 1


def kept_ask_words(kept: Path) -> AskWords:
    """The shipped asks files' words (``ask_words()``), kept in the file ``kept`` between runs.

    Reading them back takes a fraction of a millisecond, where parsing six TOML files and
    picking each phrase's needles takes about 10 ms, which the first case shown at start-up
    waits for. The file names the asks files and the code that read them (each with its time
    and size): words kept from other files or other code are read from the files again and
    the file written anew. A file that cannot be read or written is only passed over."""
    import marshal

    from app import __version__
    from app.domain import text_folding
    from app.letters import salutations

    stamp = language_files(ASKS_FILE)
    known = _KEPT.get(stamp)
    if known is not None:
        return known
    code = stamp_of([__file__, salutations.__file__, text_folding.__file__])
    key = (_KEPT_FORM, __version__, code, stamp)
    try:
        held = marshal.loads(kept.read_bytes())
        if held[0] == key:
            words = _KEPT[stamp] = AskWords(held[1], held[2])
            return words
    except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
        pass  # none yet, or not one this code wrote: read the files
    words = _ask_words(stamp)
    try:
        from app.atomic_files import replace_file_contents

        kept.parent.mkdir(parents=True, exist_ok=True)
        replace_file_contents(kept, marshal.dumps((key, words.phrases, words.mentions)))
    except (OSError, ValueError):
        pass  # a read-only folder: the files are read at the next start again
    return words


@lru_cache(maxsize=8)
def _ask_words(stamp: Stamp) -> AskWords:
    found: list[tuple[str, str, str, tuple[str, ...]]] = []
    mentions: list[tuple[str, str, str, tuple[str, ...]]] = []
    for name, _mtime, _size in stamp:
        data = read_toml(Path(name))
        problems = asks_problems(data)
        if problems:
            raise TemplateProblem(name, None, problems[0])
        for ask, phrases in data.get("recognise", {}).items():
            found.extend((ask, p, *_needles(p)) for p in phrases)
        for ask, phrases in data.get("mentions", {}).items():
            mentions.extend((ask, p, *_needles(p)) for p in phrases)
    return AskWords(tuple(found), tuple(mentions))


def asks_problems(data: dict[str, Any], *, complete: bool = False) -> list[Phrase]:
    """What is wrong with one asks file: unknown tables or asks, a pronoun word without all
    its forms, a sentence placeholder that names no pronoun word."""
    problems = [Phrase(UNKNOWN_TABLE, table=key) for key in data if key not in ASK_TABLES]
    for table in ("recognise", "mentions", "sentences"):
        for ask in data.get(table, {}):
            if ask not in ASKS:
                problems.append(
                    Phrase(N_("[{table}] unknown ask {ask}"), table=table, ask=repr(ask))
                )
    for table in ("recognise", "mentions"):
        for ask, phrases in data.get(table, {}).items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                problems.append(
                    Phrase(N_("[{table}] {ask}: write a list of phrases"), table=table, ask=ask)
                )
                continue
            for phrase in phrases:
                if not all(choice.strip("*") for choice in _choices(phrase)):
                    problems.append(
                        Phrase(
                            N_("[{table}] {ask}: {phrase} has an empty word or choice"),
                            table=table,
                            ask=ask,
                            phrase=repr(phrase),
                        )
                    )
    for opener, written in data.get("bullets", {}).items():
        if not isinstance(written, str):
            problems.append(Phrase(N_("[bullets] {opener}: must be a text"), opener=repr(opener)))
    words = data.get("pronouns", {})
    for word, forms in words.items():
        if not isinstance(forms, dict) or set(forms) != set(PRONOUN_FORMS):
            problems.append(
                Phrase(N_("[pronouns] {word}: give f, m, neutral and several"), word=word)
            )
    for ask, sentence in data.get("sentences", {}).items():
        if not isinstance(sentence, str):
            problems.append(Phrase(N_("[sentences] {ask}: must be a text"), ask=ask))
            continue
        for name in _PLACEHOLDER.findall(sentence):
            if name != "names" and name not in words:
                problems.append(
                    Phrase(
                        N_(
                            "[sentences] {ask}: unknown placeholder {name} "
                            "(use {names} or a word of [pronouns])"
                        ),
                        ask=ask,
                        name="{" + name + "}",
                        names="{names}",
                    )
                )
    if complete:
        for ask in ASKS:
            if ask not in data.get("sentences", {}):
                problems.append(Phrase(N_("[sentences] has no sentence for {ask}"), ask=repr(ask)))
    return problems


def _choices(phrase: str) -> list[str]:
    """Every word and every choice of a ``a|b`` word of a phrase (" ... " is no word)."""
    words = phrase.replace(" ... ", " ").split(" ")
    return [choice for word in words for choice in word.split("|")]


def request_units(text: str) -> list[str]:
    """The bullet points and sentences of a model letter or a list of recommended actions."""
    units: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if _BULLET.match(line) or not line.strip():
            if current:
                units.append(" ".join(current))
            current = [_BULLET.sub("", line).strip()] if line.strip() else []
        else:
            current.append(line.strip())
    if current:
        units.append(" ".join(current))
    sentences: list[str] = []
    for unit in units:
        sentences.extend(s for s in re.split(r"(?<=[.!?;])\s+", unit) if s.strip())
    return sentences


def asks_in(unit: str, user_templates: Path | None = None) -> list[str]:
    """The asks one sentence or bullet point makes."""
    return list(_asks_in(unit, ask_words(user_templates)))


@lru_cache(maxsize=1024)
def _asks_in(unit: str, words: AskWords) -> tuple[str, ...]:
    folded = fold(unit)
    texts = _without_mentions(folded, words)
    found = set()
    for ask, phrase, needle, more in words.phrases:
        text = texts.get(ask, folded)
        if (needle in text or more and _holds(text, more)) and request_pattern(phrase).search(text):
            found.add(ask)
    for narrow, broad in NARROWER.items():
        if narrow in found:
            found.discard(broad)
    return tuple(ask for ask in ASKS if ask in found)


def _holds(text: str, needles: tuple[str, ...]) -> bool:
    """One of ``needles`` (most often none) is in ``text``."""
    return bool(needles) and any(needle in text for needle in needles)


def _without_mentions(folded: str, words: AskWords) -> dict[str, str]:
    """For each ask that ``folded`` mentions without asking for it, the text with those
    mentions blanked out ("harassed since her release" asks for no release)."""
    texts: dict[str, str] = {}
    for ask, phrase, needle, more in words.mentions:
        text = texts.get(ask, folded)
        if needle in text or more and _holds(text, more):
            texts[ask] = request_pattern(phrase).sub(lambda m: " " * len(m.group()), text)
    return texts


def is_request(unit: str) -> bool:
    """A sentence or bullet that asks the official for something (not a concern or thanks)."""
    return bool(REQUEST_MARKERS.search(unit)) and not _NOT_A_REQUEST.match(unit)


def recognise(texts: list[str], user_templates: Path | None = None) -> list[str]:
    """The asks of a UA's recommended actions and model letter, in letter order."""
    words = ask_words(user_templates)
    found: set[str] = set()
    for text in texts:
        found.update(_recognised(text or "", words))
    return [ask for ask in ASKS if ask in found]


@lru_cache(maxsize=256)
def _recognised(text: str, words: AskWords) -> frozenset[str]:
    """The asks of one text (kept: a case's letters are drafted again and again)."""
    found: set[str] = set()
    for unit in request_units(text):
        if is_request(unit) or _BULLET.match(unit):
            found.update(_asks_in(unit, words))
    return frozenset(found)


def persons_asked_for(
    texts: list[str], names: list[str], user_templates: Path | None = None
) -> dict[str, frozenset[int]]:
    """For each ask of ``texts`` (a model letter, bullets), the positions in ``names`` of the
    persons the requests making it name ("release Luis Paz": only him, when the UA welcomes
    another's release elsewhere). An ask no request names anyone for is left out: it is made
    for everyone."""
    words = ask_words(user_templates)
    named: dict[str, set[int]] = {}
    for text in texts:
        for unit in request_units(text or ""):
            if not (is_request(unit) or _BULLET.match(unit)):
                continue
            who = names_in(unit, names)
            for ask in _asks_in(unit, words) if who else ():
                named.setdefault(ask, set()).update(who)
    return {ask: frozenset(who) for ask, who in named.items()}


def names_in(unit: str, names: list[str]) -> set[int]:
    """The positions in ``names`` of the persons ``unit`` names: by the whole name, or by a
    word of it (first name, surname) that no other person's name has."""
    said = _WORD.findall(fold(unit))
    said_words, said_text = set(said), " ".join(["", *said, ""])
    words = [_WORD.findall(fold(name)) for name in names]
    found = set()
    for index, own in enumerate(words):
        others = {word for other, theirs in enumerate(words) if other != index for word in theirs}
        whole = " ".join(["", *own, ""])
        by_word = any(len(w) > 2 and w not in others and w in said_words for w in own)
        if own and (whole in said_text or by_word):
            found.add(index)
    return found


_WORD = re.compile(r"\w+")


def coverage(texts: list[str], user_templates: Path | None = None) -> tuple[int, int]:
    """(requests, recognised requests): sentences that ask for something, and those in which
    at least one ask was recognised."""
    requests = recognised = 0
    for text in texts:
        for unit in request_units(text or ""):
            if not is_request(unit):
                continue
            requests += 1
            if asks_in(unit, user_templates):
                recognised += 1
    return requests, recognised


def load_sentences(locale_chain: list[str], user_templates: Path | None = None) -> dict[str, Any]:
    """The merged ``asks.toml`` of the letter language (its own files only, user's first)."""
    language = locale_chain[0].split("_")[0]
    own = [loc for loc in locale_chain if loc.split("_")[0] == language]
    files = (directory / ASKS_FILE for directory in search_path(own, user_templates))
    return _merged_sentences(stamp_of(files, user_templates))


@lru_cache(maxsize=32)
def _merged_sentences(stamp: Stamp) -> dict[str, Any]:
    """The sentences of these files, parsed once per version of the files (shared: read only)."""
    merged: dict[str, dict[str, Any]] = {"sentences": {}, "pronouns": {}, "bullets": {}}
    for name, _mtime, _size in stamp:
        data = read_toml(Path(name))
        problems = asks_problems(data)
        if problems:
            raise TemplateProblem(name, None, problems[0])
        for table in ("sentences", "pronouns", "bullets"):
            for key, value in data.get(table, {}).items():
                merged[table].setdefault(key, value)
    return merged


def ask_sentences(asks: list[str], names: str, form: str, rules: dict[str, Any]) -> list[str]:
    """One sentence per ask in the letter's language; ``form`` is f, m, neutral or several."""
    words = rules.get("pronouns", {})
    sentences = []
    for ask in asks:
        sentence = rules.get("sentences", {}).get(ask)
        if not sentence:
            continue

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "names":
                return names
            forms = words.get(key, {})
            return str(forms.get(form, forms.get("neutral", "")))

        sentences.append(_PLACEHOLDER.sub(fill, sentence))
    return sentences


_BULLET_END = re.compile(r"[\s;,:\u061b\u060c]+$|\s+(?:and|y|e|et|und|o|ou|oder|or|و)$")


def bullet_sentences(bullets: list[str], rules: dict[str, Any]) -> list[str]:
    """The UA's bullets as sentences of a letter in their own language: a participle that
    opens a bullet ("urging the authorities to...") becomes the writer's own words ("I urge
    the authorities to...") by the [bullets] table; every bullet starts with a capital and
    ends with a full stop."""
    openers = sorted(
        ((fold(opener).split(), written) for opener, written in rules.get("bullets", {}).items()),
        key=lambda item: -len(item[0]),
    )
    sentences = []
    for bullet in bullets:
        text = bullet.strip()
        while _BULLET_END.search(text):
            text = _BULLET_END.sub("", text).strip()
        if not text:
            continue
        words = _own_words(text.split(), openers, 0)
        for start in range(len(words) - 1, 0, -1):  # "..., and urging that", "but asking" too
            if fold(words[start - 1]) in _JOINING:
                after_comma = start > 1 and words[start - 2][-1] in ",;"
                words = _own_words(words, openers, start, after_comma)
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        sentences.append(text if text[-1] in ".!?\u061f" else f"{text}.")
    return sentences


# "and" and "but" in the letter languages: a participle after one of them opens a clause of
# the writer's too ("welcoming his release, but expressing concern at ...").
_JOINING = {"and", "y", "e", "et", "und", "و", "but", "pero", "mais", "aber", "mas", "لكن", "ولكن"}


def _own_words(
    words: list[str], openers: list[tuple[list[str], str]], start: int, clause: bool = True
) -> list[str]:
    """``words`` with the UA's opener at ``start`` ("urging that") in the writer's words ("I
    urge that"); within a sentence, the writer's words start in lower case ("and I urge
    that", "y pido que"). Unless ``clause`` (a comma before "and"), a one-word opener stays:
    "farmers marching and demanding land" demand nothing of the writer."""
    for opener, written in openers:
        size = len(opener)
        if size == 1 and not clause:
            continue
        head = [word.rstrip(",;:") for word in words[start : start + size]]
        if len(head) == size and fold(" ".join(head)).split() == opener:
            mark = words[start + size - 1][len(head[-1]) :]  # "auf," keeps its comma
            if start and not re.match(r"I\b", written):  # "I" stays a capital
                written = written[0].lower() + written[1:]
            return [*words[:start], *(written + mark).split(), *words[start + size :]]
    return words


def bullets_for_asks(
    bullets: list[str], asks: list[str], user_templates: Path | None = None
) -> list[str]:
    """The bullets a letter keeps for the ticked ``asks``: those making one of them, and those
    that ask for nothing we recognise (a concern the UA states, kept as printed)."""
    chosen = set(asks)
    kept = []
    for bullet in bullets:
        found = asks_in(bullet, user_templates)
        if not found or chosen.intersection(found):
            kept.append(bullet)
    return kept


def pronoun_form(person: dict[str, Any]) -> str:
    """The form of [pronouns] for the template's ``person`` summary."""
    if person.get("several"):
        return "several"
    return {"f": "f", "m": "m"}.get(str(person.get("gender")), "neutral")
