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


def import_files(
    db: Database, paths: Sequence[Path], progress: Progress | None = None
) -> list[ImportResult]:
    """Import each file in its own transaction; a bad file never touches the store."""
    from app.importing import parse_file

    files = expand_paths(paths)
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
        results.append(save_parsed(db, document, path.name))
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def save_parsed(
    db: Database, document: ParsedDocument, source: str, *, is_sample: bool = False
) -> ImportResult:
    """Store one parsed document in one unit of work."""
    try:
        with db.unit_of_work() as session:
            return case_repository.save_document(session, document, source, is_sample=is_sample)
    except AppealDeskError as exc:
        return ImportResult(source, ImportOutcome.REJECTED, reason=exc.message)


def import_text(db: Database, text: str, source_name: str = "pasted text") -> ImportResult:
    """Import text pasted by the user."""
    from app.importing import parse_text

    try:
        document = parse_text(text, source_name)
    except ImportRejected as exc:
        return ImportResult(source_name, ImportOutcome.REJECTED, reason=exc.reason)
    return save_parsed(db, document, source_name)
