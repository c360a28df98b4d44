"""Large alternations searched only where one of their first words occurs.

The regular-expression engine tries every branch of a pattern such as the deadline phrases
at every position of the text: a few hundred microseconds a document for each such pattern.
An ``Anchored`` pattern first finds the places where a match can begin (each branch begins
with one of a few plain words, found with ``str.find``) and tries the pattern at those
places only. The matches are the same as the pattern's own: ``search`` gives the leftmost
match and ``finditer`` the same non-overlapping matches, since no match can begin anywhere
else. Texts that lower-casing would misalign (characters whose lower case is longer, or
which match a Latin letter only when case is ignored) are searched with the plain pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Characters that case-insensitive matching equates with a Latin letter although their lower
# case is another character (dotted and dotless i, long s): their texts use the plain pattern.
_UNALIGNED = ("\u0130", "\u0131", "\u017f")


class Anchored:
    """``pattern`` and the words every match of it begins with (after zero-width assertions
    such as ``\\b``): written in lower case, and looked for in the lower-cased text, when the
    pattern ignores case. A match of ``pattern`` is never empty."""

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(dict.fromkeys(words))
        if not self.words or not all(self.words):
            raise ValueError("an anchored pattern needs non-empty words")
        self._ignore_case = bool(pattern.flags & re.IGNORECASE)

    def _starts(self, text: str) -> list[int] | None:
        """Where a word begins, in order (None: search with the plain pattern)."""
        if self._ignore_case:
            lowered = text.lower()
            if len(lowered) != len(text) or any(c in text for c in _UNALIGNED):
                return None
            text = lowered
        starts: set[int] = set()
        for word in self.words:
            at = text.find(word)
            while at >= 0:
                starts.add(at)
                at = text.find(word, at + 1)
        return sorted(starts)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``."""
        starts = self._starts(text)
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        end = 0
        for start in starts:
            if start >= end:
                found = match(text, start)
                if found is not None:
                    yield found
                    end = found.end()

    def search(self, text: str) -> re.Match[str] | None:
        """The match of ``pattern.search(text)``."""
        return next(self.finditer(text), None)
