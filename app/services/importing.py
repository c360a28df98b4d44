"""Importing UA documents into the store: one file, one transaction, one outcome line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from app.domain.errors import AppealDeskError, ImportRejected
from app.domain.model import ImportOutcome, ImportResult, ParsedDocument
from app.store import case_repository
from app.store.database import Database

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".eml", ".htm", ".html")


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders become their document files (sorted, recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            files.append(path)
    return files


class ImportBatch:
    """One import the user started; its journal row is written with the first change, so
    "undo last import" can return the store to its state before the whole batch."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.batch_id: int | None = None


def import_files(
    db: Database, paths: Sequence[Path], progress: Progress | None = None
) -> list[ImportResult]:
    """Import each file in its own transaction; a bad file never touches the store."""
    from app.importing import parse_file

    files = expand_paths(paths)
    batch = ImportBatch(", ".join(p.name for p in paths))
    if len(files) > 1:  # a bulk import: a forced backup first, to undo it
        from app.services.backups import backup_before_change

        backup_before_change(db, "pre-import")
    results: list[ImportResult] = []
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files), path.name)
        try:
            document = parse_file(path)
        except ImportRejected as exc:
            results.append(ImportResult(path.name, ImportOutcome.REJECTED, reason=exc.reason))
            continue
        except Exception:  # a parser bug must not stop a folder import
            log.exception("parsing %s failed", path)
            results.append(
                ImportResult(
                    path.name,
                    ImportOutcome.REJECTED,
                    reason="The document could not be read because of an internal error; "
                    "the details are in the log file.",
                )
            )
            continue
        results.append(save_parsed(db, document, path.name, batch=batch))
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def save_parsed(
    db: Database,
    document: ParsedDocument,
    source: str,
    *,
    is_sample: bool = False,
    batch: ImportBatch | None = None,
) -> ImportResult:
    """Store one parsed document in one unit of work (noted in ``batch``'s journal)."""
    from app.store import import_journal

    batch = batch or ImportBatch(source)
    try:
        with db.unit_of_work() as session:
            case = case_repository.find_case_for(session, document)
            digest = case_repository.content_hash(document)
            if case is not None and any(o.content_hash == digest for o in case.outputs):
                case = None  # unchanged: nothing to journal
            before = import_journal.state_before(session, case)
            result = case_repository.save_document(session, document, source, is_sample=is_sample)
            batch_id = batch.batch_id
            if result.case_id is not None and result.outcome in CHANGED:
                batch_id = batch_id or import_journal.start_batch(session, batch.label)
                import_journal.note_case(
                    session, batch_id, result.case_id, result.ua_number or "", before
                )
        batch.batch_id = batch_id
        return result
    except AppealDeskError as exc:
        return ImportResult(source, ImportOutcome.REJECTED, reason=exc.message)


CHANGED = (ImportOutcome.IMPORTED, ImportOutcome.UPDATED)


def import_text(db: Database, text: str, source_name: str = "pasted text") -> ImportResult:
    """Import text pasted by the user."""
    from app.importing import parse_text

    try:
        document = parse_text(text, source_name)
    except ImportRejected as exc:
        return ImportResult(source_name, ImportOutcome.REJECTED, reason=exc.reason)
    return save_parsed(db, document, source_name, batch=ImportBatch(source_name))
