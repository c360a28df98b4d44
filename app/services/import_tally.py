"""How an import went, counted once for the window and the command line: the files read,
the documents found in them (a mailbox holds several), and the documents per outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.case_records import ImportResult
from app.domain.kinds import ImportOutcome


@dataclass(frozen=True, slots=True)
class ImportTally:
    files: int
    documents: int
    # The outcomes that happened, with their counts of documents, in ImportOutcome's order.
    outcomes: tuple[tuple[ImportOutcome, int], ...]

    @classmethod
    def of(cls, results: Sequence[ImportResult]) -> ImportTally:
        counts = Counter(result.outcome for result in results)
        return cls(
            files=len({result.path or result.source for result in results}),
            documents=len(results),
            outcomes=tuple(
                (outcome, counts[outcome]) for outcome in ImportOutcome if counts[outcome]
            ),
        )

    def count(self, outcome: ImportOutcome) -> int:
        """Documents with ``outcome``."""
        return dict(self.outcomes).get(outcome, 0)

    @property
    def several_in_a_file(self) -> bool:
        """Some file held more than one document: files and documents are counted apart."""
        return self.files != self.documents
