"""Atomic exports: a failed write keeps the old file; export names stay in their folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import OutputFailed
from app.output.atomic import atomic_path, export_path, safe_file_stem, write_atomic


def test_write_atomic_replaces_content(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    write_atomic(path, b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_failure_midway_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"the old letter")
    with pytest.raises(RuntimeError), atomic_path(path) as temp:
        temp.write_bytes(b"half a new let")
        raise RuntimeError("disk unplugged")
    assert path.read_bytes() == b"the old letter"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_unwritable_folder_is_an_output_failure(tmp_path: Path) -> None:
    with pytest.raises(OutputFailed):
        write_atomic(tmp_path / "missing" / "x.txt", b"x")


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "Peru: detained / at risk?", "CON", "..", "a" * 400, "\u202ename.pdf", ""],
)
def test_export_path_stays_in_folder(tmp_path: Path, title: str) -> None:
    path = export_path(tmp_path, title, "pdf")
    assert path.parent == tmp_path.resolve()
    assert path.suffix == ".pdf"
    assert len(path.name) <= 160


def test_safe_stem_keeps_readable_text() -> None:
    assert safe_file_stem("UA 123/26 Peru: Luis") == "UA 123_26 Peru_ Luis"
    assert safe_file_stem("nul.txt").startswith("_")
