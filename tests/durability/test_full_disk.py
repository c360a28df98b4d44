"""Every output written onto a full filesystem fails loudly and keeps the previous file.

The outputs go to a real small tmpfs that is filled up (mounting one needs root; without
that right the tests are skipped, as the other mount-based fault tests are). Each output is
made as a user makes it, through the ``appeal-desk`` command line.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.durability import figures
from tests.durability.mounts import fill_up, small_tmpfs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX filesystem")

SAMPLE = Path(__file__).resolve().parents[2] / "app" / "samples" / "ua-901-27-initial.txt"
EVENT = "Fictional write-a-thon"


@dataclass(frozen=True)
class Output:
    kind: str
    files: tuple[str, ...]
    args: tuple[str, ...]


OUTPUTS = (
    Output("letter PDF", ("letter.pdf",), ("letter", "901/27", "--out", "{0}")),
    Output("letter text", ("letter.txt",), ("letter", "901/27", "--out", "{0}")),
    Output("letter .eml", ("letter.eml",), ("letter", "901/27", "--out", "{0}")),
    Output("envelope", ("envelope.pdf",), ("envelope", "901/27", "--out", "{0}")),
    Output("labels", ("labels.pdf",), ("labels", "901/27", "--out", "{0}")),
    Output("section report CSV", ("report.csv",), ("report", "--csv", "{0}")),
    Output("section report PDF", ("report.pdf",), ("report", "--pdf", "{0}")),
    Output(
        "event batch",
        ("batch.pdf",),
        ("event", "batch", EVENT, "901/27", "--blank", "2", "--out", "{0}"),
    ),
    Output("event export", ("event.json",), ("event", "export", EVENT, "--out", "{0}")),
    Output("event report CSV", ("event.csv",), ("event", "report", EVENT, "--csv", "{0}")),
    Output("event report PDF", ("event.pdf",), ("event", "report", EVENT, "--pdf", "{0}")),
)


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``appeal-desk`` command line, run in this process; its output captured."""
    from app.main import main

    argv = ["--data-dir", str(data), *args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def data_dir(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the fictional sample case, an event playing it and a letter counted.

    ``qapp``: a full QApplication first, or the PDF writers' offscreen QGuiApplication would
    be the process's application and a later widget test would abort.
    """
    data = tmp_path_factory.mktemp("full-disk") / "data"
    for args in (
        ("import", str(SAMPLE)),
        ("event", "create", EVENT, "--cases", "901/27", "--goal", "10"),
        ("sent", "901/27", "--channel", "post", "--event", EVENT),
    ):
        done = run_cli(data, *args)
        assert done.returncode == 0, done.stderr
    return data


@pytest.fixture(scope="module")
def full_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small tmpfs for the outputs (skips without the right to mount one)."""
    folder = tmp_path_factory.mktemp("outputs") / "mnt"
    with small_tmpfs(folder, "8m") as mounted:
        if mounted is None:
            pytest.skip("mounting a small tmpfs needs root")
        yield mounted


def write_then_fail(
    data: Path, folder: Path, output: Output
) -> tuple[subprocess.CompletedProcess[str], dict[Path, bytes]]:
    """Write ``output`` once with room, fill the disk, write it again; return the second run."""
    paths = [folder / name for name in output.files]
    args = [a.format(*paths) for a in output.args]
    first = run_cli(data, *args)
    assert first.returncode == 0, first.stderr
    previous = {p: p.read_bytes() for p in paths}
    assert all(previous.values())
    fill_up(folder)
    try:
        second = run_cli(data, *args)
    finally:
        for filler in folder.glob("filler*"):
            filler.unlink()
    return second, previous


@pytest.mark.parametrize("output", OUTPUTS, ids=[o.kind for o in OUTPUTS])
def test_an_output_on_a_full_disk_fails_and_keeps_the_previous_file(
    data_dir: Path, full_folder: Path, output: Output
) -> None:
    folder = full_folder
    second, previous = write_then_fail(data_dir, folder, output)
    _tally(second, previous)

    assert second.returncode == 1, (second.stdout, second.stderr)
    assert not second.stdout.strip()  # no "Wrote ..." for a file that was not written
    message = second.stderr.strip()
    assert "\n" not in message and message.startswith("appeal-desk: ")
    assert "previous file was kept" in message
    for path, content in previous.items():
        assert path.read_bytes() == content
    assert not list(folder.glob(".*.tmp"))  # no half-written temp file left behind


_TALLY: dict[str, int] = {"outputs": 0, "reported_written": 0, "previous_kept": 0}


def _tally(second: subprocess.CompletedProcess[str], previous: dict[Path, bytes]) -> None:
    _TALLY["outputs"] += 1
    _TALLY["reported_written"] += second.returncode == 0
    _TALLY["previous_kept"] += all(p.read_bytes() == c for p, c in previous.items())
    figures.record(
        "9 full disk",
        f"{_TALLY['outputs']} outputs written onto a full filesystem: "
        f"{_TALLY['reported_written']} reported as written, previous file kept "
        f"{_TALLY['previous_kept']}/{_TALLY['outputs']}",
    )


def test_a_pdf_cut_short_by_a_nearly_full_disk_is_not_reported_as_written(
    data_dir: Path, full_folder: Path
) -> None:
    """Room for part of the file only: the PDF writer itself says nothing of the cut."""
    folder = full_folder
    target = folder / "partial.pdf"
    assert run_cli(data_dir, "letter", "901/27", "--out", str(target)).returncode == 0
    previous = target.read_bytes()
    fill_up(folder)
    try:
        for filler in sorted(folder.glob("filler*"))[:1]:  # free about half a letter's size
            with open(filler, "r+b") as fh:
                fh.truncate(max(0, filler.stat().st_size - len(previous) // 2))
        second = run_cli(data_dir, "letter", "901/27", "--out", str(target))
    finally:
        for filler in folder.glob("filler*"):
            filler.unlink()
    assert second.returncode == 1
    assert "previous file was kept" in second.stderr
    assert target.read_bytes() == previous


def test_a_data_folder_on_a_full_disk_is_still_read_and_only_changes_are_refused(
    qapp: object, tmp_path: Path
) -> None:
    with small_tmpfs(tmp_path / "mnt", "4m") as mounted:
        if mounted is None:
            pytest.skip("mounting a small tmpfs needs root")
        data = mounted / "data"
        for args in (
            ("import", str(SAMPLE)),
            ("event", "create", EVENT, "--cases", "901/27"),
        ):
            assert run_cli(data, *args).returncode == 0
        fill_up(mounted)
        note = (
            f"note: the disk of {data} is full: your data is shown as it is, and nothing can be "
            "changed until some space is freed.\n"
        )
        listed = run_cli(data, "list")
        assert (listed.returncode, listed.stderr) == (0, note)
        assert "901/27" in listed.stdout and "TWO TEACHERS HELD" in listed.stdout
        letter = run_cli(data, "letter", "901/27")  # to the screen
        assert letter.returncode == 0 and "Dear Minister," in letter.stdout
        assert letter.stderr.startswith(note)
        for args in (("appeal", "list"), ("event", "list"), ("event", "tally", EVENT)):
            read = run_cli(data, *args)
            assert (read.returncode, read.stderr) == (0, note), args
        sent = run_cli(data, "sent", "901/27", "--channel", "post")
        assert sent.returncode == 1 and sent.stdout == ""
        assert sent.stderr == (
            f"appeal-desk: The appeal was not recorded. The disk that holds your data folder "
            f"({data}) is full. Free some space on that disk (empty the wastebasket, move large "
            "files elsewhere), then try again; nothing was lost.\n"
        )
        for filler in mounted.glob("filler*"):
            filler.unlink()
        assert run_cli(data, "appeal", "list").stdout.startswith("No appeals recorded.")
        assert run_cli(data, "list").stderr == ""  # room again: no note
