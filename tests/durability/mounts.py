"""Small real filesystems for fault tests: a tmpfs that is full, or remounted read-only.

Root ignores file permissions, so ``chmod`` proves nothing when tests run as root; a read-only
mount and a full tmpfs fail for root too. Without mount rights the tests fall back to chmod
(non-root) or skip.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _run(*args: str) -> bool:
    return subprocess.run(args, capture_output=True, check=False).returncode == 0


@contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path | None]:
    """Mount a tmpfs of ``size`` on ``folder``; yields None when mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or not _run(
        "mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)
    ):
        yield None
        return
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def remount_read_only(folder: Path) -> bool:
    return _run("mount", "-o", "remount,ro", str(folder))


def fill_up(folder: Path) -> Path:
    """Write a filler file until the filesystem says it is full."""
    filler = folder / "filler.bin"
    block = b"\0" * 65536
    with open(filler, "wb", buffering=0) as fh:  # unbuffered: closing must not write again
        try:
            while True:
                fh.write(block)
        except OSError:
            pass
    # a few small writes to use the last partial blocks
    with open(folder / "filler2.bin", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 512)
        except OSError:
            pass
    return filler


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """No file this process writes may grow beyond ``limit`` bytes (a write past it fails as
    on a full disk, instead of the signal that would end the process)."""
    import resource
    import signal

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
