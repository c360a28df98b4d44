"""The fictional sample pack: practice cases, marked as samples everywhere they appear."""

from __future__ import annotations

from app.domain.errors import ImportRejected
from app.domain.model import ImportOutcome, ImportResult
from app.services.importing import ImportBatch, save_parsed
from app.store.database import Database


def sample_marking() -> str:
    """The words every output made from a sample case carries, in the interface language."""
    from app.i18n import _

    return _("FICTIONAL SAMPLE - DO NOT SEND")


def sample_numbers(db: Database) -> frozenset[str]:
    """UA numbers of the sample cases: never counted in reports, tallies or Write today."""
    from app.store.practice import sample_numbers as numbers

    with db.unit_of_work() as session:
        return numbers(session)


def load_sample_pack(db: Database) -> list[ImportResult]:
    """Import the shipped fictional cases (idempotent: a second call changes nothing)."""
    from app.importing import parse_file
    from app.samples import sample_paths

    results: list[ImportResult] = []
    batch = ImportBatch("sample pack")
    for path in sample_paths():
        try:
            document = parse_file(path)
        except ImportRejected as exc:
            results.append(
                ImportResult(path.name, ImportOutcome.REJECTED, reason=exc.reason, problem=exc)
            )
            continue
        results.append(save_parsed(db, document, path.name, is_sample=True, batch=batch))
    return results
