"""The folded texts the case search looks in: one per case, and one per distinct official.

An official's label ("Minister of Justice, Name Surname") recurs across many cases, so it is
folded once, and each case keeps only its own fields (UA number, title, country, persons):
about half of the bytes a case's text would take with its officials (bench/bench_memory.py).
A typed word matches a case when it is in the case's own text or in one of its officials.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence
from itertools import repeat

from app.domain.model import CaseSummary
from app.domain.text_folding import fold
from app.i18n import current_language
from app.services.country_names import country_label

_IN_EVERY_CASE = b"ua"  # "UA 12/34": every case matches "ua" (and "u", "a")


def folded_bytes(text: str) -> bytes:
    """UTF-8 of folded text: what the search keeps per case and what it looks for in it.

    A word is in a text exactly when its UTF-8 is in the text's UTF-8, and names with a
    letter beyond Latin-1 (Ž, ł, ő...) make a Python string take 2 bytes per character:
    as UTF-8 the 100,000 texts take about 40% less memory (bench/bench_memory.py)."""
    return text.encode("utf-8", "surrogatepass")


def own_text(case: CaseSummary) -> bytes:
    """A case's own searchable fields, folded (case and accents): UA number, title, country,
    persons; the country also as the interface names it ("Kolumbien" finds "Colombia").

    Fields are joined by a line break: typed words never hold one, so no word spans two."""
    parts = [case.ua_number, case.title, case.country, *case.persons]
    shown = country_label(case.country, current_language())
    if shown != case.country:
        parts.append(shown)
    return folded_bytes(fold("\n".join(parts)))


class CaseSearchIndex:
    """Folded texts by pool position (the source's rows as given), and the officials' labels."""

    def __init__(self) -> None:
        self.texts: list[bytes | None] = []  # per pool position: own_text, None until made
        self._pool: Sequence[CaseSummary] = []
        self._labels: dict[str, bytes] = {}  # official's label -> its folded UTF-8
        self._holders: dict[str, array[int]] = {}  # label -> pool positions of its cases
        self._replaced: set[int] = set()  # pool positions whose entries in _holders may be old

    def reset(self, pool: Sequence[CaseSummary]) -> None:
        self.texts = [None] * len(pool)
        self._pool = pool
        self._labels = {}
        self._holders = {}
        self._replaced = set()

    def fold(self, position: int, case: CaseSummary) -> bytes:
        """Make (and keep) the text of the case at ``position``, noting its officials."""
        text = self.texts[position] = own_text(case)
        labels, holders = self._labels, self._holders
        for label in case.officials:
            if label not in labels:
                labels[label] = folded_bytes(fold(label))
                holders[label] = array("i")
            holders[label].append(position)
        return text

    def replace(self, position: int, case: CaseSummary) -> bytes:
        """The case at ``position`` changed (its officials too, maybe): fold it again."""
        self._replaced.add(position)
        return self.fold(position, case)

    def narrow(
        self,
        rows: Sequence[int],
        word: str,
        texts: Sequence[bytes | None],
        cases: Sequence[CaseSummary],
        order: Sequence[int],
    ) -> Sequence[int]:
        """The ``rows`` (source rows, kept in order) whose case holds ``word`` somewhere.

        ``texts`` and ``cases`` are per source row (texts made for every row in ``rows``),
        ``order`` gives each source row's pool position."""
        needle = folded_bytes(word)
        if needle in _IN_EVERY_CASE:
            return rows
        labels = [label for label, text in self._labels.items() if needle in text]
        if not labels:  # the common case: only the cases' own texts can hold the word
            return [r for r in rows if needle in texts[r]]  # type: ignore[operator]
        holders = [self._holders[label] for label in labels]
        if sum(map(len, holders)) > 2 * len(rows):  # a word in most officials (a letter...)
            apart = frozenset(labels).isdisjoint
            return [r for r in rows if needle in texts[r] or not apart(cases[r].officials)]  # type: ignore[operator]
        flags = bytearray(len(self.texts))  # pool position -> 1 when an official matches
        for positions in holders:
            deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)
        if self._replaced:  # their old officials may still be listed: ask the cases
            apart, pool = frozenset(labels).isdisjoint, self._pool
            for position in self._replaced:
                flags[position] = not apart(pool[position].officials)
        return [r for r in rows if needle in texts[r] or flags[order[r]]]  # type: ignore[operator]
