"""Opening the store: once the window is ready, leftovers of interrupted writes are cleared."""

from __future__ import annotations

import os
import time
from pathlib import Path

from app.paths import resolve_paths
from app.services.database import finish_opening, open_store


def test_old_temp_files_of_interrupted_writes_go_a_write_in_progress_stays(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    db = open_store(paths)
    (paths.data_dir / "attachments").mkdir()
    paths.backups.mkdir(exist_ok=True)
    old = [
        paths.data_dir / ".settings.json.a1b2c3.tmp",
        paths.data_dir / "attachments" / ".reply.pdf.d4e5f6.tmp",
        paths.backups / ".appeal-desk-20260101T000000000000Z-auto.sqlite3.tmp",
    ]
    fresh = paths.data_dir / ".window-state.json.g7h8i9.tmp"
    two_hours_ago = time.time() - 7200
    for leftover in (*old, fresh):
        leftover.write_bytes(b"half")
    for leftover in old:
        os.utime(leftover, (two_hours_ago, two_hours_ago))

    finish_opening(paths, db)
    db.close()

    assert [path for path in old if path.exists()] == []
    assert fresh.read_bytes() == b"half"
    assert paths.database.is_file()
