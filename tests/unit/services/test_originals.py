"""Each imported file's original is kept beside the store; a copy that cannot be kept never
fails the import."""

from __future__ import annotations

import logging

import pytest

from app.importing import parse_file
from app.services.importing import import_files
from app.services.originals import original_of, originals_dir
from app.store import case_repository
from app.store.database import Database
from tests.builders import INITIAL_901, INITIAL_902, UPDATE_901


def test_a_bulk_import_keeps_every_file_byte_for_byte(db: Database) -> None:
    results = import_files(db, [INITIAL_901, INITIAL_902, UPDATE_901])
    assert [r.outcome.value for r in results] == ["imported", "imported", "updated"]
    kept_902 = original_of(db, "902/27")
    assert kept_902 is not None and kept_902.read_bytes() == INITIAL_902.read_bytes()
    kept_901 = original_of(db, "901/27")  # the case's newest document
    assert kept_901 is not None and kept_901.read_bytes() == UPDATE_901.read_bytes()
    folder = originals_dir(db)
    assert folder is not None
    assert sorted(p.suffix for p in folder.iterdir()) == [".txt", ".txt", ".txt"]


def test_a_copy_that_cannot_be_written_is_logged_and_the_document_still_imported(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    folder = originals_dir(db)
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    digest = case_repository.content_hash(parse_file(INITIAL_902))
    (folder / f"{digest}.txt").symlink_to(folder / "elsewhere.txt")  # never replaced
    with caplog.at_level(logging.ERROR, logger="app.services.originals"):
        results = import_files(db, [INITIAL_901, INITIAL_902])
    assert [r.outcome.value for r in results] == ["imported", "imported"]
    assert original_of(db, "901/27") is not None
    assert any("could not be kept" in r.getMessage() for r in caplog.records)
    assert not (folder / "elsewhere.txt").exists()


def test_the_originals_writer_keeps_every_copy_handed_over_before_close_returns(
    db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.services import originals

    synced: list[int] = []
    real_sync = originals.sync_originals
    monkeypatch.setattr(originals, "sync_originals", lambda d: synced.append(1) or real_sync(d))
    writer = originals.OriginalsWriter(db)
    paths = [INITIAL_901, INITIAL_902, UPDATE_901]
    for path in paths:
        writer.keep(parse_file(path), path)
    writer.keep(parse_file(INITIAL_901), INITIAL_901.parent / "gone.txt")  # cannot be read
    with caplog.at_level(logging.ERROR, logger="app.services.originals"):
        writer.close()
    folder = originals_dir(db)
    assert folder is not None
    kept = sorted(p.read_bytes() for p in folder.iterdir())
    assert kept == sorted(p.read_bytes() for p in paths)
    assert synced  # the copies' names were made durable before close returned
    assert any("could not be read again" in r.getMessage() for r in caplog.records)
