"""Atomic exports: a failed write keeps the old file; export names stay in their folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.atomic_files import atomic_path, write_atomic
from app.domain.errors import OutputFailed
from app.output.export_names import export_path, safe_file_stem


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


def test_a_symbolic_link_as_target_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"someone else's file")
    link = tmp_path / "letter.pdf"
    link.symlink_to(elsewhere)
    with pytest.raises(OutputFailed, match="not a regular file"):
        write_atomic(link, b"%PDF-1.4 ...")
    assert link.is_symlink()
    assert elsewhere.read_bytes() == b"someone else's file"


def test_a_device_or_a_pipe_as_target_is_refused(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "letter.pdf"
    os.mkfifo(pipe)
    with pytest.raises(OutputFailed, match="not a regular file"):
        write_atomic(pipe, b"text")
    assert pipe.is_fifo()
    with pytest.raises(OutputFailed, match="not a regular file"):
        write_atomic("/dev/null", b"text")
    assert Path("/dev/null").is_char_device()
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_an_incomplete_file_is_refused_and_the_old_one_kept(tmp_path: Path) -> None:
    from app.atomic_files import IncompleteWrite

    path = tmp_path / "report.pdf"
    path.write_bytes(b"the old report")

    def must_end_with_eof(temp: Path) -> None:
        if not temp.read_bytes().endswith(b"%%EOF\n"):
            raise IncompleteWrite(temp, "no end-of-file marker")

    with (
        pytest.raises(OutputFailed, match="previous file was kept"),
        atomic_path(path, must_end_with_eof) as temp,
    ):
        temp.write_bytes(b"%PDF-1.4 cut short")
    assert path.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_empty_result_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "labels.pdf"
    path.write_bytes(b"the old labels")
    with pytest.raises(OutputFailed, match="previous file was kept"), atomic_path(path):
        pass  # a writer that failed silently wrote nothing
    assert path.read_bytes() == b"the old labels"


def test_stale_temp_files_go_but_a_write_in_progress_stays(tmp_path: Path) -> None:
    import os
    import time

    from app.atomic_files import remove_stale_temp_files

    old = tmp_path / ".letter.pdf.abc123.tmp"
    fresh = tmp_path / ".report.csv.def456.tmp"
    old.write_bytes(b"left by a crash")
    fresh.write_bytes(b"being written now")
    day_ago = time.time() - 86400
    os.utime(old, (day_ago, day_ago))
    assert remove_stale_temp_files(tmp_path) == 1
    assert not old.exists() and fresh.exists()


def test_a_full_disk_is_said_whole_in_the_language_the_error_is_shown_in(
    tmp_path: Path,
) -> None:
    import errno

    from app.atomic_files import output_failed
    from app.i18n import translations_for

    target = tmp_path / "letter.pdf"
    error = output_failed(target, OSError(errno.ENOSPC, "No space left on device"), True)

    assert error.message == (
        f"Could not write {target} (the disk is full). The previous file was kept unchanged."
    )
    spanish = error.translated(translations_for("es").gettext)
    assert str(target) in spanish and "el disco está lleno" in spanish
    assert "disk is full" not in spanish and "Could not write" not in spanish
