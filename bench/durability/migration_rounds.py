"""A throw-away extra migration (rebuilds parent and child tables) to crash upgrades on purpose.

The real scripts are copied into a temp folder next to ``v9999_test_rebuild.py``; the migrator's
HEAD and SCRIPT_LOCATION are pointed there only inside a forked child or a monkeypatched test.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import app.store.migrations as migrations_package
from app.paths import resolve_paths
from app.store import migrator
from app.store.backup import list_backup_files
from app.store.integrity import check_file, schema_revision, table_counts

from .crash_rounds import fork_child, kill_child

TEST_HEAD = "9999_test_rebuild"
STEPS = 4
MARKER_ENV = "APPEAL_DESK_TEST_MIGRATION_FD"
FAIL_ENV = "APPEAL_DESK_TEST_MIGRATION_FAIL_AT"

_SCRIPT = '''"""test-only: rebuild tables (batch mode) in several steps"""
import os

import sqlalchemy as sa
from alembic import op

revision = "{head}"
down_revision = "{previous}"
branch_labels = None
depends_on = None


def _mark(step):
    fd = os.environ.get("{marker}")
    if fd:
        os.write(int(fd), b"s")
    if os.environ.get("{fail}") == str(step):
        raise RuntimeError("test migration failed on purpose at step %d" % step)


def upgrade():
    _mark(0)
    with op.batch_alter_table("cases", recreate="always") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))
    _mark(1)
    with op.batch_alter_table("appeals", recreate="always") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))
    _mark(2)
    op.execute("UPDATE appeals SET test_note = 'migrated'")
    _mark(3)
    with op.batch_alter_table("targets", recreate="always") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))


def downgrade():
    pass
'''


def scripts_with_test_step(folder: Path) -> Path:
    """Copy the shipped migrations to ``folder`` and add the test step on top of HEAD."""
    source = Path(migrations_package.__file__).parent
    target = folder / "migrations"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / f"v{TEST_HEAD}.py").write_text(
        _SCRIPT.format(head=TEST_HEAD, previous=migrator.HEAD, marker=MARKER_ENV, fail=FAIL_ENV),
        encoding="utf-8",
    )
    return target


@dataclass
class MigrationKillFigures:
    rounds: int = 0
    old_intact: int = 0
    new_complete: int = 0
    broken: int = 0
    backup_present: int = 0


def _upgrade_in_child(data_dir: Path, scripts: Path, marker_fd: int) -> None:
    from app.store.database import open_database

    migrator.HEAD = TEST_HEAD
    migrator.SCRIPT_LOCATION = str(scripts)
    os.environ[MARKER_ENV] = str(marker_fd)
    open_database(resolve_paths(data_dir)).close()
    os.write(marker_fd, b"d")


def kill_during_upgrade(data_dir: Path, scripts: Path, kill_after: int) -> None:
    pid, read_fd = fork_child(lambda marker_fd: _upgrade_in_child(data_dir, scripts, marker_fd))
    seen = 0
    while seen < kill_after:
        if not os.read(read_fd, 1):
            break
        seen += 1
    kill_child(pid, read_fd)


def run_migration_kills(
    fixture: Path, root: Path, rounds: int, seed: int = 5
) -> MigrationKillFigures:
    """Kill the upgrade of copies of ``fixture`` after 1..STEPS+1 progress marks."""
    rng = random.Random(seed)
    scripts = scripts_with_test_step(root / "scripts")
    old_revision = schema_revision(fixture)
    old_counts = table_counts(fixture)
    figures = MigrationKillFigures()
    for number in range(rounds):
        paths = resolve_paths(root / f"round-{number}")
        paths.data_dir.mkdir(parents=True)
        shutil.copyfile(fixture, paths.database)
        kill_during_upgrade(paths.data_dir, scripts, rng.randint(1, STEPS + 1))
        figures.rounds += 1
        healthy = check_file(paths.database, thorough=True).ok
        revision = schema_revision(paths.database)
        counts = table_counts(paths.database)
        same_rows = {k: counts.get(k) for k in old_counts if k != "alembic_version"} == {
            k: v for k, v in old_counts.items() if k != "alembic_version"
        }
        if healthy and same_rows and revision == old_revision:
            figures.old_intact += 1
        elif healthy and same_rows and revision == TEST_HEAD:
            figures.new_complete += 1
        else:
            figures.broken += 1
        backups = [b for b in list_backup_files(paths.backups) if b.reason == "pre-migration"]
        figures.backup_present += bool(backups) and backups[0].counts == old_counts
    return figures
