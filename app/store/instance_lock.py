"""One running copy per data folder: an OS advisory lock that dies with its process.

``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) are released by the kernel when the
process ends, even after ``kill -9``, so a stale lock file never blocks the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

LOCK_FILE = "appeal-desk.lock"

# Locks this process holds, by resolved path: a second acquire in the same process is reentrant
# (flock locks belong to an open file, so a second open would otherwise lock us out).
_held: dict[Path, tuple[IO[bytes], int]] = {}


class DataInUse(Exception):
    """Another running copy of Appeal Desk holds the data folder."""

    def __init__(self, lock_path: Path, holder: str) -> None:
        super().__init__(f"{lock_path} is held by {holder or 'another process'}")
        self.lock_path = lock_path
        self.holder = holder


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """Hold the data folder for as long as this object is acquired (a context manager too)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = (data_dir / LOCK_FILE).resolve()
        self.acquired = False

    def acquire(self) -> InstanceLock:
        """Take the lock or raise DataInUse; never waits."""
        if self.acquired:
            return self
        if self.path in _held:
            fh, depth = _held[self.path]
            _held[self.path] = (fh, depth + 1)
            self.acquired = True
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        if not _try_lock(fh):
            try:
                fh.seek(0)
                holder = fh.read(200).decode("utf-8", "replace").strip()
            except OSError:  # Windows: the locked byte cannot be read
                holder = ""
            fh.close()
            raise DataInUse(self.path, holder)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}\n".encode())
        fh.flush()
        _held[self.path] = (fh, 1)
        self.acquired = True
        return self

    def release(self) -> None:
        if not self.acquired:
            return
        self.acquired = False
        fh, depth = _held[self.path]
        if depth > 1:
            _held[self.path] = (fh, depth - 1)
            return
        del _held[self.path]
        try:
            _unlock(fh)
        finally:
            fh.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_held_elsewhere(data_dir: Path) -> bool:
    """True when another process holds the lock of ``data_dir`` (probe; takes nothing)."""
    lock = InstanceLock(data_dir)
    if lock.path in _held:
        return False
    if not lock.path.exists():
        return False
    try:
        lock.acquire()
    except DataInUse:
        return True
    except OSError:
        return False
    lock.release()
    return False
