"""A restore that fails while the backup's copy is brought to this version leaves no trace.

An older backup is copied into the data folder and upgraded there before it replaces the
store. Here the system refuses to let that copy grow (a real file-size limit, set in a child
process, as a full disk would), so the restore fails half-way: the user is told the previous
database is unchanged, and nothing of the half-made copy stays behind, not even the
write-ahead log a later restore could replay onto another backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.durability.schema_fixtures import FIXTURES, older_backup_with_many_imports

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX file-size limits")

REPOSITORY = Path(__file__).resolve().parents[2]
OLDER_BACKUP = FIXTURES / "0010_case_list_indexes.sqlite3"

RESTORE_WITH_A_SIZE_LIMIT = """
import resource, signal, sys
from app.main import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(["--data-dir", sys.argv[1], "restore", sys.argv[2]]))
"""


def _restore(data: Path, backup: Path, size_limit: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RESTORE_WITH_A_SIZE_LIMIT, str(data), str(backup), str(size_limit)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        check=False,
        timeout=120,
    )


def test_a_restore_that_fails_while_upgrading_the_copy_leaves_no_half_made_files(
    tmp_path: Path,
) -> None:
    backup = tmp_path / "older-backup.sqlite3"
    shutil.copyfile(OLDER_BACKUP, backup)
    data = tmp_path / "data"
    # room for the copy itself, not for the pages its upgrade adds
    failed = _restore(data, backup, backup.stat().st_size)
    assert failed.returncode != 0
    assert "could not be restored" in failed.stderr, failed.stderr
    assert "previous database is unchanged" in failed.stderr
    assert not (data / "appeal-desk.sqlite3").exists()
    left = sorted(p.name for p in data.iterdir() if ".restore" in p.name)
    assert left == [], f"the failed restore left {left} in the data folder"

    done = _restore(data, backup, 1 << 40)
    assert done.returncode == 0, done.stderr
    with closing(sqlite3.connect(data / "appeal-desk.sqlite3")) as store:
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 4


def test_a_restore_whose_upgrade_fails_says_so_and_keeps_the_current_store(
    tmp_path: Path,
) -> None:
    """The copy fits, its upgrade does not: the step that fails runs inside SQLAlchemy, and
    the user reads the restore's own message, not "an unexpected error", with the store as
    it was."""
    from app.paths import resolve_paths
    from tests.builders import numbered_case, store
    from tests.durability.conftest import file_digest

    data = tmp_path / "data"
    paths = resolve_paths(data)
    store(paths, numbered_case(150, "Peru", 12))
    before = file_digest(paths.database)
    backup = older_backup_with_many_imports(tmp_path / "older-backup.sqlite3")
    assert paths.database.stat().st_size < backup.stat().st_size

    failed = _restore(data, backup, backup.stat().st_size + 64 * 1024)

    assert failed.returncode == 1, failed.stderr
    assert "unexpected" not in failed.stderr
    assert f"The backup could not be restored into {data} (" in failed.stderr
    assert "The previous database is unchanged." in failed.stderr
    assert file_digest(paths.database) == before
    assert sorted(p.name for p in data.iterdir() if ".restore" in p.name) == []
