"""How an import is counted: files, the documents in them, and the entries that are no file."""

from __future__ import annotations

from pathlib import Path

from app.domain.kinds import ImportOutcome
from app.services.import_tally import ImportTally
from app.services.importing import folder_contents


def test_a_dead_link_and_a_folder_named_like_a_document_are_not_counted_as_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "notes.odt").write_bytes(b"PK\x03\x04 not a UA")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "scans.pdf").mkdir()  # a folder named like a document
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a link that leads nowhere

    left_out = folder_contents([folder]).left_out
    tally = ImportTally.of(left_out)

    assert sorted(result.source for result in left_out) == [
        "gone.txt",
        "notes.odt",
        "photo.png",
        "scans.pdf",
    ]
    assert (tally.files, tally.not_files, tally.documents) == (2, 2, 2)
    assert tally.outcomes == ((ImportOutcome.REJECTED, 4),)
    assert not tally.several_in_a_file
