"""How an import went, counted once for the window and the command line: the files read,
the documents found in them (a mailbox holds several), the entries of a folder that are no
file, and the documents per outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.case_records import ImportResult
from app.domain.errors import NotAFile
from app.domain.kinds import ImportOutcome


@dataclass(frozen=True, slots=True)
class ImportTally:
    files: int
    documents: int
    # The outcomes that happened, with their counts of documents, in ImportOutcome's order.
    outcomes: tuple[tuple[ImportOutcome, int], ...]
    # Entries of a folder that are no file (a link that leads nowhere, a folder named like a
    # document): named and refused with the rest, counted apart from the files.
    not_files: int = 0

    @classmethod
    def of(cls, results: Sequence[ImportResult]) -> ImportTally:
        counts = Counter(result.outcome for result in results)
        read = [result for result in results if not isinstance(result.problem, NotAFile)]
        return cls(
            files=len({result.path or result.source for result in read}),
            documents=len(read),
            outcomes=tuple(
                (outcome, counts[outcome]) for outcome in ImportOutcome if counts[outcome]
            ),
            not_files=len(results) - len(read),
        )

    def count(self, outcome: ImportOutcome) -> int:
        """Documents with ``outcome``."""
        return dict(self.outcomes).get(outcome, 0)

    @property
    def several_in_a_file(self) -> bool:
        """Some file held more than one document: files and documents are counted apart."""
        return self.files != self.documents
