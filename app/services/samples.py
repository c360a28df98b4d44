"""The fictional sample pack: practice cases, marked as samples everywhere they appear."""

from __future__ import annotations

from app.domain.errors import ImportRejected
from app.domain.model import ImportOutcome, ImportResult
from app.services.importing import ImportBatch, save_parsed
from app.store.database import Database


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
            results.append(ImportResult(path.name, ImportOutcome.REJECTED, reason=exc.reason))
            continue
        results.append(save_parsed(db, document, path.name, is_sample=True, batch=batch))
    return results
