"""Importing UA documents into the store: one file, one transaction, one outcome line."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from app.domain.errors import AppealDeskError, ImportRejected, NotAFile
from app.domain.model import ImportOutcome, ImportResult, ParsedDocument
from app.i18n import N_
from app.services.limits import bounded_document
from app.store import case_repository
from app.store.database import Database

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Committed = Callable[[ImportResult], None]
DOCUMENT_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown", ".rtf", ".pdf", ".eml", ".htm", ".html", ".xhtml",
    ".mbox", ".mbx",
)  # fmt: skip
# "Save page as" puts the page's images, scripts and frames in a folder beside it.
_PAGE_RESOURCES = ("_files", "-Dateien", "_fichiers", "_archivos", "-Dateien-Dateien", "_bestanden")


def _page_resource(path: Path) -> bool:
    """A file inside a saved page's resource folder (``Page_files/``), not a document."""
    for folder in path.parents:
        for suffix in _PAGE_RESOURCES:
            if folder.name.endswith(suffix):
                stem = folder.name[: -len(suffix)]
                if any((folder.parent / f"{stem}{ext}").is_file() for ext in (".html", ".htm")):
                    return True
    return False


# Saved by word processors: the user can save them as PDF or text. Their RTF is read.
WORD_PROCESSOR_SUFFIXES = (
    ".doc", ".docx", ".docm", ".dot", ".dotx", ".odt", ".ott", ".pages", ".wpd",
)  # fmt: skip
NOT_A_DOCUMENT_FILE = N_(
    "Appeal Desk does not read this kind of file. It imports Urgent Actions saved as "
    "text (.txt, .rtf), PDF, web pages (.html) or e-mails (.eml, .mbox)."
)
# Files a system or a program leaves in folders, never meant as documents: not mentioned.
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})


def _unnoticed(path: Path, folder: Path) -> bool:
    """A hidden file (or one in a hidden folder), a system file or a word processor's lock
    file (``~$report.docx``): never a document the user meant to import."""
    parts = path.relative_to(folder).parts
    return (
        any(part.startswith(".") for part in parts)
        or path.name.startswith("~$")
        or path.name.lower() in _SYSTEM_FILES
    )


class FolderContents(NamedTuple):
    """What an import of some files and folders reads: the document files, and the other
    files found in the folders, each refused with the reason."""

    files: list[Path]
    left_out: list[ImportResult]


def folder_contents(paths: Sequence[Path]) -> FolderContents:
    """Files as given; folders become their document files (sorted, recursively), without
    the resource folders of saved web pages. Second: the other files found in those folders,
    each refused with the reason (hidden and system files left out)."""
    files: list[Path] = []
    left_out: list[ImportResult] = []
    # A file named on its own and found again in a folder given beside it is read once.
    given = {_same_file_key(p) for p in paths if not p.is_dir()}
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for p in sorted(path.rglob("*")):
            if not p.is_file() and not _unnoticed(p, path):
                odd = _neither_file_nor_folder(p)
                if odd is not None:
                    left_out.append(_with_path(_rejected(p.name, odd), p))
                continue
            if (
                _page_resource(p.relative_to(path.parent))
                or _page_resource(p)
                or _unnoticed(p, path)
                or _same_file_key(p) in given
            ):
                continue
            if p.stem.casefold() == "readme":  # notes on the folder, however many UAs they name
                left_out.append(_with_path(_rejected(p.name, _folder_notes(p)), p))
                continue
            if p.suffix.lower() in DOCUMENT_SUFFIXES:
                files.append(p)
                continue
            left_out.append(_with_path(_rejected(p.name, _not_a_document(p)), p))
    return FolderContents(files, left_out)


def _neither_file_nor_folder(path: Path) -> NotAFile | None:
    """Why an entry of a folder that is no file is named in the summary: a link that leads
    nowhere (broken, or a loop of links), or a folder named like a document (its files are
    read with the rest). None for a plain folder."""
    if path.is_symlink() and not path.exists():
        return NotAFile(
            path.name,
            N_(
                "This is a link that leads nowhere (a broken link, or a loop of links); it was not read."
            ),
        )
    if path.is_dir() and path.suffix.lower() in DOCUMENT_SUFFIXES:
        return NotAFile(
            path.name,
            N_(
                "This is a folder, not a document, though its name ends in {suffix}; the files "
                "in it are read with the others."
            ),
            suffix=path.suffix,
        )
    return None


def _same_file_key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # an unreadable link: its own name is its identity
        return path.absolute()


def _folder_notes(path: Path) -> ImportRejected:
    """A folder's README says what its files are (it may name their UAs, countries and
    numbers): it is never imported as a document, which could change a case."""
    return ImportRejected(
        path.name,
        N_(
            "This is the folder's README (notes about the files in it), not an Urgent Action; "
            "it was not imported."
        ),
    )


def _not_a_document(path: Path) -> ImportRejected:
    """Why a folder's file is not imported: a word processor's document (save it as PDF or
    text), a picture (a phone photo of a UA: its PDF or its text is needed), one of Appeal
    Desk's own outputs (a report's CSV, an event file), or a kind of file it does not read."""
    if path.suffix.lower() in WORD_PROCESSOR_SUFFIXES:
        from app.importing.reader import WORD_PROCESSOR_DOCUMENT

        return ImportRejected(path.name, WORD_PROCESSOR_DOCUMENT)
    from app.importing.own_outputs import check_bytes, check_text
    from app.importing.reader import PICTURE_FILE, picture_kind

    try:
        with path.open("rb") as file:
            head = file.read(4000)
        kind = picture_kind(head)
        if kind is not None:
            return ImportRejected(path.name, PICTURE_FILE, kind=kind)
        check_bytes(head, path.name)
        check_text(head.decode("utf-8", "replace"), path.name)
    except ImportRejected as ours:
        return ours
    except OSError:  # unreadable: it is named with the general reason
        pass
    return ImportRejected(path.name, NOT_A_DOCUMENT_FILE)


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """The files to import for ``paths`` (see :func:`folder_contents`)."""
    return folder_contents(paths)[0]


class ImportBatch:
    """One import the user started; its journal row is written with the first change, so
    "undo last import" can return the store to its state before the whole batch."""

    def __init__(self, label: str = "", *, by_source: bool = False) -> None:
        self.label = label
        self.by_source = by_source  # the journal names the files saved, not ``label``
        self.batch_id: int | None = None
        # What the journal's label names once the transactions so far are committed (the
        # first sources saved, and how many more), kept here so that it is never read back.
        self.sources: tuple[str, ...] = ()
        self.more_sources = 0


def import_files(
    db: Database,
    paths: Sequence[Path],
    progress: Progress | None = None,
    *,
    force: bool = False,
    on_result: Committed | None = None,
    cancel: threading.Event | None = None,
    found: FolderContents | None = None,
) -> list[ImportResult]:
    """Import each file in its own transaction; a bad file never touches the store nor stops
    the others. ``force`` applies documents whose tie to an existing case is doubtful.
    ``found``: what :func:`folder_contents` found for ``paths``, when the caller looked
    already (the folders are then not walked a second time).

    ``on_result`` hears each outcome as soon as its transaction has ended, so what a caller
    reports stays true even if the process is killed half-way.

    Setting ``cancel`` stops the import within a fraction of a second, even in the middle of
    reading a file: what was committed stays, and every file or document not yet saved gets
    a SKIPPED result, so the caller can say exactly what was imported and what was not.
    """
    from app.services.isolated_parsing import (
        ParseCancelled,
        parse_files_guarded,
        start_worker_early,
    )

    files, left_out = found if found is not None else folder_contents(paths)
    batch = ImportBatch(by_source=True)
    results: list[ImportResult] = []

    def outcome(result: ImportResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    # The files of a folder that are not documents are named, with why, each where it comes
    # in the folder's name order among the documents: one list, as the folder shows them.
    not_read = deque(left_out)

    def name_not_read_before(path: Path | None) -> None:
        """Report the files not read that come before ``path`` (None: all that are left)."""
        while not_read and (path is None or _walk_key(paths, not_read[0]) < _walk_key(paths, path)):
            outcome(not_read.popleft())

    def skip(names: Sequence[str]) -> list[ImportResult]:
        name_not_read_before(None)
        for name in names:
            outcome(ImportResult(name, ImportOutcome.SKIPPED))
        return results

    if len(files) > 1:  # a bulk import: a forced backup first, to undo it
        from app.services.backups import backup_before_change
        from app.store.backup import BackupStopped

        start_worker_early()  # it loads the parsers while the backup reads the store
        try:  # it reads the whole store: seconds for a large one, so a cancel reaches it
            backup_before_change(db, "pre-import", cancel.is_set if cancel is not None else None)
        except BackupStopped:
            return skip([p.name for p in files])

    from app.services.originals import OriginalsWriter

    done = 0
    # The originals are copied by a thread of their own while the next file is stored; their
    # folder is synced once a second and when the batch ends, not after each copy: a power
    # cut may lose the names of the last second's copies (never their rows in the store,
    # never a part of a copy under its name).
    if progress is not None and files:
        progress(0, len(files), files[0].name)
    # The worker reads the next file while this thread stores the one it has read.
    with contextlib.closing(parse_files_guarded(files, cancel)) as parsed:
        originals = OriginalsWriter(db)  # closed below, however the loop ends
        try:
            for path, documents in parsed:
                if cancel is not None and cancel.is_set():
                    return skip([p.name for p in files[done:]])
                name_not_read_before(path)
                if isinstance(documents, ImportRejected):
                    outcome(_rejected(path.name, documents))
                elif isinstance(documents, Exception):  # a parser bug must not stop a folder
                    log.error("parsing %s failed", path, exc_info=documents)
                    outcome(_rejected(path.name, AppealDeskError(INTERNAL)))
                else:
                    for index, (name, document) in enumerate(documents):
                        if cancel is not None and cancel.is_set():  # a mailbox: the rest of it
                            skip([n for n, _document in documents[index:]])
                            return skip([p.name for p in files[done + 1 :]])
                        result = save_parsed(db, document, name, force=force, batch=batch)
                        if result.outcome in KEPT:
                            originals.keep(document, path)
                        outcome(_with_path(result, path))
                done += 1
                if progress is not None and done < len(files):
                    progress(done, len(files), files[done].name)
        except ParseCancelled:
            return skip([p.name for p in files[done:]])
        finally:
            originals.close()
    name_not_read_before(None)
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def _walk_key(given: Sequence[Path], item: Path | ImportResult) -> tuple[int, Path]:
    """Where a file comes in an import of ``given``: the place of the file or folder it was
    given as, then its path (a folder's files are walked in name order)."""
    path = item if isinstance(item, Path) else Path(item.path or item.source)
    for index, root in enumerate(given):
        if path == root or root in path.parents:
            return index, path
    return len(given), path


INTERNAL = N_(
    "The document could not be read because of an internal error; the details are in the log file."
)


def _with_path(result: ImportResult, path: Path) -> ImportResult:
    from dataclasses import replace

    return replace(result, path=str(path))


def save_parsed(
    db: Database,
    document: ParsedDocument,
    source: str,
    *,
    is_sample: bool = False,
    force: bool = False,
    batch: ImportBatch | None = None,
) -> ImportResult:
    """Store one parsed document in one unit of work (noted in ``batch``'s journal).

    A document that seems to belong to an existing case changes it only on strong evidence
    (or with ``force``); otherwise nothing is written and the result says what would change.
    """
    from app.services.case_matching import changes, judge
    from app.store import import_journal

    batch = batch or ImportBatch(source)
    document = bounded_document(document)  # the whole text stays in the kept original
    try:
        with db.unit_of_work() as session:
            case = case_repository.find_case_for(session, document)
            unchanged = case is not None and case_repository.already_stored(case, document)
            if case is not None and not force and not unchanged:
                evidence = case_repository.case_evidence(case)
                link = document.previous_ua_link
                linked = bool(link) and case_repository.link_names_case(link or "", evidence)
                verdict = judge(document, evidence, linked)
                if not verdict.strong:
                    return ImportResult(
                        source,
                        ImportOutcome.NEEDS_CONFIRMATION,
                        case.ua_number,
                        reason=verdict.doubt.message if verdict.doubt else None,
                        doubt=verdict.doubt,
                        case_id=case.id,
                        changes=changes(document, evidence),
                        document=document,
                    )
            before = import_journal.state_before(session, None if unchanged else case)
            result = case_repository.save_document(
                session, document, source, is_sample=is_sample, case=case, looked_up=True
            )
            batch_id = batch.batch_id
            sources, more = batch.sources, batch.more_sources
            if result.case_id is not None and result.outcome in CHANGED:
                if batch.by_source:
                    sources, more = import_journal.with_source(sources, more, source)
                if batch_id is None:
                    batch_id = import_journal.start_batch(session, batch.label, sources)
                elif (sources, more) != (batch.sources, batch.more_sources):
                    import_journal.relabel(
                        session, batch_id, import_journal.sources_label(sources, more)
                    )
                import_journal.note_case(
                    session, batch_id, result.case_id, result.ua_number or "", before
                )
        # committed: the batch's row now says this
        batch.batch_id, batch.sources, batch.more_sources = batch_id, sources, more
        return result
    except AppealDeskError as exc:
        return _rejected(source, exc)  # worded in the reader's language where it is shown
    except Exception:  # a store bug must not stop a batch: the unit of work rolled back
        log.exception("saving %s failed", source)
        return _rejected(source, AppealDeskError(INTERNAL))


def _rejected(source: str, error: AppealDeskError) -> ImportResult:
    """A refusal: the reason in English for the log, the typed error for the reader."""
    return ImportResult(source, ImportOutcome.REJECTED, reason=error.message, problem=error)


CHANGED = (ImportOutcome.IMPORTED, ImportOutcome.UPDATED)
KEPT = (*CHANGED, ImportOutcome.UNCHANGED)


def confirm(db: Database, result: ImportResult) -> ImportResult:
    """Apply a document the user confirmed after seeing what it would change."""
    if result.document is None:
        return result
    applied = save_parsed(db, result.document, result.source, force=True)
    if applied.outcome in KEPT and result.path:
        from app.services.originals import keep_original_file

        keep_original_file(db, result.document, Path(result.path))
    return applied


def import_text(db: Database, text: str, source_name: str = "pasted text") -> ImportResult:
    """Import text pasted by the user (one document)."""
    from app.importing import parse_text

    try:
        document = parse_text(text, source_name)
    except ImportRejected as exc:
        return _rejected(source_name, exc)
    return save_parsed(db, document, source_name, batch=ImportBatch(source_name))


def import_pasted(
    db: Database,
    text: str,
    source_name: str = "pasted text",
    *,
    html: str | None = None,
    force: bool = False,
    cancel: threading.Event | None = None,
) -> list[ImportResult]:
    """Import what the clipboard holds: its HTML when there is some (a copied web page keeps
    its structure), else its text; several UAs in one paste (a mailbox) are kept apart.
    It is read in the worker process, so ``cancel`` stops it at once (a SKIPPED result)."""
    from app.services.isolated_parsing import ParseCancelled, parse_pasted_guarded

    try:
        documents = parse_pasted_guarded(text, source_name, html, cancel)
    except ParseCancelled:
        return [ImportResult(source_name, ImportOutcome.SKIPPED)]
    except ImportRejected as exc:
        return [_rejected(source_name, exc)]
    except Exception:  # a parser bug: one line, the log keeps the traceback
        log.exception("parsing pasted text failed")
        return [_rejected(source_name, AppealDeskError(INTERNAL))]
    batch = ImportBatch(source_name)
    return [
        save_parsed(db, document, name, force=force, batch=batch) for name, document in documents
    ]
