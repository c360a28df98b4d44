"""The forced backup before a bulk import: its time beside a plain copy of the same file.

A store of 10,000 cases and 100,000 appeals (``--quick``: 1,000 and 10,000) is copied into a
temporary data folder and opened as the app opens it. In the same run the bench times a plain
``shutil.copyfile`` of the database (best of three; the bare baseline: no snapshot, no check) and then
``backup_before_change`` with a cancel hook as a bulk import calls it, and prints the ratio.
The store has changed since its last backup (its backups are removed), as before most bulk
imports; a second call finds nothing changed and must reuse that backup. The backup made must
pass ``integrity_check`` and hold as many rows as the store.

    PYTHONPATH=. .venv/bin/python bench/bench_backup.py
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

from generate_store import store_copy
from measure import Result, benchmark_main, ensure_repo_on_path

ensure_repo_on_path()

from app.paths import resolve_paths  # noqa: E402
from app.services.backups import backup_before_change  # noqa: E402
from app.store.database import open_database  # noqa: E402
from app.store.integrity import table_counts  # noqa: E402


def _plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    took = time.perf_counter() - started
    target.unlink()
    return took


def run(quick: bool) -> list[Result]:
    cases, appeals = (1_000, 10_000) if quick else (10_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store_copy(cases, appeals, into=data)
        paths = resolve_paths(data)
        plain = min(_plain_copy(paths.database, Path(tmp) / "plain-copy.sqlite3") for _ in "abc")
        db = open_database(paths)
        try:
            cancel = threading.Event()
            started, cpu = time.perf_counter(), time.process_time()
            written = backup_before_change(db, "pre-import", cancel.is_set)
            took, cpu = time.perf_counter() - started, time.process_time() - cpu
            started = time.perf_counter()  # again: nothing changed, the backup is reused
            again = backup_before_change(db, "pre-import", cancel.is_set)
            unchanged = time.perf_counter() - started
        finally:
            db.close()
        assert written is not None, "no backup was made"
        assert again == written, "an unchanged store was backed up again"
        with sqlite3.connect(written) as check:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        assert verdict == "ok", verdict
        assert table_counts(written) == table_counts(paths.database), "rows differ"
        size_mb = paths.database.stat().st_size / 1e6
    print(
        f"  {cases} cases, {appeals} appeals ({size_mb:.0f} MB): backup {took:.2f} s "
        f"({cpu:.2f} s CPU), plain file copy {plain:.3f} s, ratio {took / plain:.1f}; "
        f"unchanged store: {unchanged:.2f} s",
        file=sys.stderr,
    )
    return [
        Result("backup_before_import_s", took, "s", None, note=f"{cases} cases, {appeals} appeals"),
        Result("backup_before_import_cpu_s", cpu, "s", None, note="CPU time of this process"),
        Result("backup_unchanged_store_s", unchanged, "s", None, note="newest backup reused"),
        Result(
            "backup_vs_plain_copy_ratio",
            took / plain,
            "x",
            None,
            note=f"plain copy {plain:.3f} s in the same run",
        ),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
