"""Restores raced against a real second process that imports: what was acknowledged must stay.

A child process (``appeal-desk import``) prints one line per committed file; the parent
restores a backup at a chosen moment. Every file the child reported as imported must be in
the store afterwards, whether the restore was refused, waited for, or ran first.
Shared by tests/durability/test_restore_race.py.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import StoreUnavailable
from app.paths import AppPaths
from app.services.backups import restore_backup

SAMPLE = Path(__file__).resolve().parents[2] / "app" / "samples" / "ua-901-27-initial.txt"
_ACK = re.compile(r": imported \(UA (\S+)\)$")


def write_documents(folder: Path, first: int, count: int) -> list[Path]:
    """``count`` fictional UA documents numbered from ``first`` (the shipped sample, renumbered)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text("utf-8")
    made = []
    for number in range(first, first + count):
        doc = text.replace("901/27", f"{number}/27").replace(
            "ASA 99/0001/2027", f"ASA 99/{number:04d}/2027"
        )
        path = folder / f"ua-{number}.txt"
        path.write_text(doc, "utf-8")
        made.append(path)
    return made


def start_import(data_dir: Path, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stored_ua_numbers(db_path: Path) -> set[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {row[0] for row in conn.execute("SELECT ua_number FROM cases")}


@dataclass
class RaceRound:
    acknowledged: set[str] = field(default_factory=set)
    lost: set[str] = field(default_factory=set)
    restored: bool = False
    refused: bool = False
    refusal: str = ""
    import_exit: int | None = None


def race_round(paths: AppPaths, backup: Path, folder: Path, after_lines: int) -> RaceRound:
    """Start the import; restore once it has acknowledged ``after_lines`` files (0: at once).

    With ``after_lines`` the child is frozen (SIGSTOP) for the length of the restore, so the
    restore is sure to meet a writer in the middle of its import, on any machine's speed.
    """
    outcome = RaceRound()
    child = start_import(paths.data_dir, folder)
    lines: list[str] = []
    seen = threading.Condition()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            with seen:
                lines.append(line.rstrip("\n"))
                seen.notify_all()
        with seen:
            seen.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    frozen = False
    if after_lines:
        with seen:
            seen.wait_for(lambda: len(lines) >= after_lines or child.poll() is not None, 120)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGSTOP)
            frozen = True
    try:
        restore_backup(paths, backup)
        outcome.restored = True
    except StoreUnavailable as exc:
        outcome.refused = True
        outcome.refusal = exc.message
    finally:
        if frozen:
            os.kill(child.pid, signal.SIGCONT)
    outcome.import_exit = child.wait(timeout=300)
    reader.join(timeout=30)
    for line in lines:
        match = _ACK.search(line)
        if match:
            outcome.acknowledged.add(match.group(1))
    outcome.lost = outcome.acknowledged - stored_ua_numbers(paths.database)
    return outcome
