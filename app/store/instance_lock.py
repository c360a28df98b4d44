"""One running copy per data folder: an OS advisory lock that dies with its process.

``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) are released by the kernel when the
process ends, even after ``kill -9``, so a stale lock file never blocks the next start.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import IO

from app.domain.errors import UNWRITABLE, os_problem

LOCK_FILE = "appeal-desk.lock"

# Locks this process holds, by resolved path: a second acquire in the same process is reentrant
# (flock locks belong to an open file, so a second open would otherwise lock us out).
_held: dict[Path, tuple[IO[bytes], int]] = {}


class DataFolderUnwritable(Exception):
    """The lock file can neither be made nor opened: the folder is read-only (or not ours).
    Nothing can be changed there, so no other copy can change anything either."""

    def __init__(self, lock_path: Path, reason: str) -> None:
        super().__init__(f"{lock_path}: {reason}")
        self.lock_path = lock_path
        self.reason = reason


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
        fh = self._open()
        if not _try_lock(fh):
            try:
                fh.seek(0)
                holder = fh.read(200).decode("utf-8", "replace").strip()
            except OSError:  # Windows: the locked byte cannot be read
                holder = ""
            fh.close()
            raise DataInUse(self.path, holder)
        try:  # who holds it, for the message of a second copy; the lock holds without it
            # Written over the last holder's line and cut to its own length: emptying the
            # file first freed its disk block, which a disk mounted with online discard
            # trims before the call returns (0.1-12 ms at every start, measured).
            fh.seek(0)
            fh.write(f"pid {os.getpid()}\n".encode())
            fh.truncate()
            fh.flush()
        except OSError:  # a full disk, or a lock file that is read-only
            pass
        _held[self.path] = (fh, 1)
        self.acquired = True
        return self

    def _open(self) -> IO[bytes]:
        """The lock file, made if need be; opened for reading alone in a read-only folder that
        has one (a lock holds on a read-only handle too). DataFolderUnwritable otherwise."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # made if missing and never emptied on opening (the holder's line is read by a
            # second copy); written from the start once locked
            descriptor = os.open(
                self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666
            )
            return os.fdopen(descriptor, "r+b", buffering=0)  # noqa: SIM115 - held while locked
        except OSError as exc:
            if exc.errno not in UNWRITABLE:
                raise
            reason = os_problem(exc)
        try:
            return open(self.path, "rb", buffering=0)  # noqa: SIM115
        except OSError:
            raise DataFolderUnwritable(self.path, reason) from None

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


# ---------------------------------------------------------------------------------------------
# The store lock: every process that has the store open holds it shared; a restore (or a
# "start empty") holds it exclusively, so a database file is never renamed over while another
# process still writes into it.

STORE_LOCK_FILE = "appeal-desk.store.lock"
WRITER_WAIT_SECONDS = 60.0  # a writer waits this long for a restore to finish
RESTORE_WAIT_SECONDS = 2.0  # a restore waits this long for short commands to finish
_POLL_SECONDS = 0.05


class StoreBusy(Exception):
    """The store lock could not be taken in time (``exclusive``: what was asked for)."""

    def __init__(self, lock_path: Path, exclusive: bool) -> None:
        kind = "exclusively" if exclusive else "shared"
        super().__init__(f"{lock_path} could not be held {kind}")
        self.lock_path = lock_path
        self.exclusive = exclusive


class _StoreHandle:
    """One open lock file per process and folder, with the count of each kind held."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.shared = 0
        self.exclusive = 0


_store_handles: dict[Path, _StoreHandle] = {}


def _flock(fh: IO[bytes], exclusive: bool) -> bool:
    """Try once to hold ``fh`` shared or exclusively (POSIX); False when another holds it."""
    if os.name == "nt":  # pragma: no cover - Windows refuses to replace an open database file
        return True
    import fcntl

    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(fh.fileno(), mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _wait_for(fh: IO[bytes], exclusive: bool, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not _flock(fh, exclusive):
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL_SECONDS)
    return True


class StoreLock:
    """Shared while a store is open in this process; exclusive while its file is replaced.

    Within one process the lock is counted, not re-taken: an exclusive hold converts the
    process's shared hold and converts it back on release.
    """

    def __init__(self, folder: Path, *, exclusive: bool, wait: float | None = None) -> None:
        self.path = (folder / STORE_LOCK_FILE).resolve()
        self.exclusive = exclusive
        if wait is None:
            wait = RESTORE_WAIT_SECONDS if exclusive else WRITER_WAIT_SECONDS
        self.wait = wait
        self.acquired = False

    def acquire(self) -> StoreLock:
        """Take the lock, waiting up to ``wait`` seconds, or raise StoreBusy."""
        if self.acquired:
            return self
        handle = _store_handles.get(self.path)
        if handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            handle = _StoreHandle(os.fdopen(fd, "r+b"))
        held_exclusively = handle.exclusive > 0
        if self.exclusive and not held_exclusively:
            got = _wait_for(handle.fh, True, self.wait)
            if not got and handle.shared:  # a failed conversion drops the shared hold
                _wait_for(handle.fh, False, WRITER_WAIT_SECONDS)
        elif not self.exclusive and not handle.shared and not held_exclusively:
            got = _wait_for(handle.fh, False, self.wait)
        else:
            got = True
        if not got:
            if not handle.shared and not handle.exclusive:
                handle.fh.close()
            raise StoreBusy(self.path, self.exclusive)
        if self.exclusive:
            handle.exclusive += 1
        else:
            handle.shared += 1
        _store_handles[self.path] = handle
        self.acquired = True
        return self

    def release(self) -> None:
        if not self.acquired:
            return
        self.acquired = False
        handle = _store_handles[self.path]
        if self.exclusive:
            handle.exclusive -= 1
        else:
            handle.shared -= 1
        if handle.exclusive:
            return
        if handle.shared:
            if self.exclusive:  # back to the shared hold this process had before
                _flock(handle.fh, False)
            return
        del _store_handles[self.path]
        handle.fh.close()  # closing the last descriptor drops the flock

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


# One writer at a time on a SQLite store. SQLite before 3.51.3 can corrupt a database in WAL
# mode when one connection resets the write-ahead log while another checkpoints or writes
# (the "WAL-reset bug"); a commit checkpoints on its own once the log has grown. So every
# transaction on the file holds this lock from its BEGIN to the end of its COMMIT: across
# the threads of this process (a re-entrant lock) and across processes (an advisory lock on
# a file beside the store), whatever SQLite version the interpreter carries.

WRITER_LOCK_FILE = "appeal-desk.writer.lock"
ONE_WRITER_WAIT_SECONDS = 20.0  # a transaction waits this long for another copy's to end


class _Writers:
    """This process's hold of one store's writer lock: the thread that has it, how deep."""

    def __init__(self) -> None:
        self.turn = threading.RLock()
        self.depth = 0
        self.fh: IO[bytes] | None = None


_writers: dict[Path, _Writers] = {}
_writers_guard = threading.Lock()


class WriterTurn:
    """The writer lock of the store in ``folder``, taken by ``acquire`` (waiting up to
    ``wait`` seconds for another thread or copy to let go, else StoreBusy) and let go by
    ``release``; re-entrant within a thread. In a folder where the lock file cannot be made
    (read-only, or out of space) only this process's threads take turns: nothing else can
    write there."""

    def __init__(self, folder: Path, wait: float | None = None) -> None:
        self.path = (folder / WRITER_LOCK_FILE).resolve()
        self.wait = ONE_WRITER_WAIT_SECONDS if wait is None else wait
        with _writers_guard:
            self._writers = _writers.setdefault(self.path, _Writers())
        self.acquired = False

    def acquire(self) -> WriterTurn:
        if self.acquired:
            return self
        writers = self._writers
        deadline = time.monotonic() + self.wait
        if not writers.turn.acquire(timeout=self.wait):
            raise StoreBusy(self.path, exclusive=True)
        if writers.depth == 0:
            fh = _writer_file(self.path)
            if fh is not None and not _wait_for(fh, True, max(0.0, deadline - time.monotonic())):
                fh.close()
                writers.turn.release()
                raise StoreBusy(self.path, exclusive=True)
            writers.fh = fh
        writers.depth += 1
        self.acquired = True
        return self

    def release(self) -> None:
        if not self.acquired:
            return
        self.acquired = False
        writers = self._writers
        writers.depth -= 1
        if writers.depth == 0 and writers.fh is not None:
            writers.fh.close()  # closing the descriptor drops the advisory lock
            writers.fh = None
        writers.turn.release()

    def __enter__(self) -> WriterTurn:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _writer_file(path: Path) -> IO[bytes] | None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # a read-only or full folder: no other copy can write there either
        return None
    return os.fdopen(fd, "r+b")
