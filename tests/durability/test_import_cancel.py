"""A cancel reaches an import inside one slow call, and a file's time limit holds there too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import ImportRejected
from app.domain.model import ImportOutcome, ImportResult
from app.paths import AppPaths, resolve_paths
from app.services.cases import list_cases
from app.services.importing import import_files
from app.services.isolated_parsing import ParseWorker
from app.store.database import Database, open_database
from tests.conftest import FIXTURES, SEED_FINAL
from tests.durability import figures
from tests.durability.pathological_pdfs import single_slow_stream, small_text_page

SECOND_UA = FIXTURES / "ua-samples" / "108_cambodia_fishers_detained_2014.txt"
THIRD_UA = FIXTURES / "ua-samples" / "105_nepal_student_leaders_public_2005.txt"


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    store = open_database(paths)
    yield store
    store.close()


def _import_in_thread(
    db: Database, files: list[Path], cancel: threading.Event, cancel_at: str
) -> tuple[threading.Thread, threading.Event, list[list[ImportResult]]]:
    """Start ``import_files`` on a thread; the returned event is set when ``cancel_at`` starts."""
    reached = threading.Event()
    out: list[list[ImportResult]] = []

    def progress(_done: int, _total: int, name: str) -> None:
        if name == cancel_at:
            reached.set()

    thread = threading.Thread(
        target=lambda: out.append(import_files(db, files, progress, cancel=cancel))
    )
    thread.start()
    return thread, reached, out


def test_cancel_during_one_slow_pdf_keeps_saved_files_and_skips_the_rest(
    db: Database, tmp_path: Path
) -> None:
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")
    cancel = threading.Event()
    thread, reached, out = _import_in_thread(
        db, [SEED_FINAL, slow, SECOND_UA, THIRD_UA], cancel, slow.name
    )
    assert reached.wait(60)
    cancel.set()  # while the worker is inside pypdf's parse of the one big stream
    thread.join(60)
    assert not thread.is_alive()
    [results] = out
    printed = [f"{Path(r.source).name}: {r.outcome.value}" for r in results]
    assert printed == [
        f"{SEED_FINAL.name}: imported",
        "slow-stream.pdf: skipped",
        f"{SECOND_UA.name}: skipped",
        f"{THIRD_UA.name}: skipped",
    ]
    assert [c.ua_number for c in list_cases(db, include_closed=True)] == ["119/21"]
    # The worker was stopped mid-file; the next import starts a fresh one and reads normally.
    [again] = import_files(db, [SECOND_UA])
    assert again.outcome is ImportOutcome.IMPORTED
    figures.record(
        "12 import cancel",
        "cancelled inside pypdf's one-call parse of a 990 KB content stream, in a batch of 4: "
        "1 saved before the cancel, 3 skipped and reported as skipped, 0 half-written; the "
        "next import read normally",
    )


def test_cancel_before_the_first_file_imports_nothing(db: Database) -> None:
    cancel = threading.Event()
    cancel.set()
    results = import_files(db, [SEED_FINAL, SECOND_UA], cancel=cancel)
    assert [r.outcome for r in results] == [ImportOutcome.SKIPPED, ImportOutcome.SKIPPED]
    assert list_cases(db, include_closed=True) == []


def test_the_time_limit_holds_inside_one_stream_parse(tmp_path: Path) -> None:
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")  # seconds in one pypdf call
    worker = ParseWorker(seconds=0.5)
    try:
        with pytest.raises(ImportRejected) as refused:
            worker.parse(slow)
        assert "took longer than 0.5 seconds" in refused.value.reason
        # The stopped worker is replaced: the next file is read normally (with the usual
        # limit, so a busy machine's slow start of the new worker is not taken for a hang).
        worker.seconds = 60
        [(name, document)] = worker.parse(SEED_FINAL)
        assert document.ua_number == "119/21"
    finally:
        worker.stop()


def test_ctrl_c_in_the_terminal_stops_the_import_and_says_what_was_saved(tmp_path: Path) -> None:
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    data = tmp_path / "data"
    command = [sys.executable, "-m", "app", "--data-dir", str(data), "import"]
    importing = subprocess.Popen(
        [*command, str(SEED_FINAL), str(slow), str(SECOND_UA)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    assert importing.stdout is not None
    first = importing.stdout.readline()  # printed once the first file has committed
    os.killpg(importing.pid, signal.SIGINT)  # Ctrl+C, while the PDF's big stream is read
    rest, errors = importing.communicate(timeout=60)
    assert first == f"{SEED_FINAL.name}: imported (UA 119/21)\n"
    assert rest.splitlines() == [
        "slow-stream.pdf: skipped (import cancelled)",
        f"{SECOND_UA.name}: skipped (import cancelled)",
        "3 files: 1 imported, 2 skipped",
    ]
    assert "Import interrupted: 1 saved as listed above, 2 skipped and not imported" in errors
    assert "Traceback" not in errors
    assert importing.returncode == 1
    store = open_database(resolve_paths(data))
    try:
        assert [c.ua_number for c in list_cases(store, include_closed=True)] == ["119/21"]
    finally:
        store.close()


def _backup_names(paths: AppPaths) -> list[str]:
    """Every file in the backups folder, temp files included."""
    folder = paths.backups
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_cancel_reaches_the_backup_before_a_bulk_import(seeded: AppPaths) -> None:
    """The backup reads every row of the store (seconds for a large one): a cancel stops it
    too, leaving no backup file or temp file behind and nothing imported."""
    store = open_database(seeded)
    try:
        before = _backup_names(seeded)
        cases_before = list_cases(store, include_closed=True)
        cancel = threading.Event()
        cancel.set()
        results = import_files(store, [SEED_FINAL, SECOND_UA], cancel=cancel)
        assert [r.outcome for r in results] == [ImportOutcome.SKIPPED, ImportOutcome.SKIPPED]
        assert _backup_names(seeded) == before
        assert list_cases(store, include_closed=True) == cases_before

        [first, second] = import_files(store, [SEED_FINAL, SECOND_UA])  # no cancel: a backup
        assert (first.outcome, second.outcome) == (ImportOutcome.IMPORTED,) * 2
        assert any("pre-import" in name for name in _backup_names(seeded))
    finally:
        store.close()


def _peak_address_space(pid: int) -> int:
    """The most virtual memory process ``pid`` has held (what its address-space limit counts)."""
    status = Path(f"/proc/{pid}/status").read_text()
    [line] = [line for line in status.splitlines() if line.startswith("VmPeak:")]
    return int(line.split()[1]) * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/<pid>/status")
def test_the_memory_limit_holds_inside_one_stream_parse(tmp_path: Path) -> None:
    slow = single_slow_stream(tmp_path / "slow-stream.pdf")  # tens of MB of pypdf objects
    small = small_text_page(tmp_path / "small.pdf")

    def read(worker: ParseWorker, path: Path) -> str:
        try:
            worker.parse(path)
        except ImportRejected as refused:
            return refused.reason
        return "read"

    probe = ParseWorker()
    try:
        assert "does not look like an Urgent Action" in read(probe, small)
        assert read(probe, SEED_FINAL) == "read"
        assert probe._process is not None and probe._process.pid is not None
        needed = _peak_address_space(probe._process.pid)  # pypdf loaded, a PDF and a UA read
    finally:
        probe.stop()
    worker = ParseWorker(memory_bytes=needed + 16 * 1024 * 1024)
    try:
        assert "does not look like an Urgent Action" in read(worker, small)
        assert "needs far more memory than a UA document" in read(worker, slow)
        assert read(worker, SEED_FINAL) == "read"  # a fresh worker reads the next file
    finally:
        worker.stop()
    figures.record(
        "13 import worker limits",
        f"the same 990 KB stream in the import worker: refused at an address-space limit of "
        f"{(needed >> 20) + 16} MB (a small PDF and a real UA peak at {needed >> 20} MB), and "
        f"stopped at a 0.5 s file limit; each time the worker was replaced for the next file",
    )
